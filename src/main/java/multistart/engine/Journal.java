package multistart.engine;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The record of finished runs that makes a sweep resumable. Runs are appended in run order,
 * one fixed-size binary record each, every record closed by a CRC-32 of its bytes, and the
 * stream is flushed after every batch. A process killed at any moment leaves a prefix of
 * whole records, possibly followed by a torn one: {@link #readValidPrefix} stops at the first
 * record that is short, out of order or fails its checksum, and the file is cut back there.
 *
 * <p>Record: run (long), end point (d doubles), value, gradient norm (doubles), iterations
 * (int), status (byte), CRC-32 (int). Not thread-safe: written by the merge thread.
 */
public final class Journal implements AutoCloseable {

    private static final int MAGIC = 0x4D534A31; // "MSJ1"

    private final int dimension;
    private final int recordSize;
    private final OutputStream out;

    private Journal(int dimension, OutputStream out) {
        this.dimension = dimension;
        this.recordSize = recordSize(dimension);
        this.out = out;
    }

    static int recordSize(int dimension) {
        return 8 + 8 * dimension + 8 + 8 + 4 + 1 + 4;
    }

    /** The size of a journal of {@code runs} runs in {@code dimension} variables, header included. */
    public static long bytes(long runs, int dimension) {
        return 8 + runs * recordSize(dimension);
    }

    /** Starts a new journal, replacing any file at {@code path}. */
    public static Journal create(Path path, int dimension) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        ByteBuffer header = ByteBuffer.allocate(8).putInt(MAGIC).putInt(dimension);
        os.write(header.array());
        os.flush();
        return new Journal(dimension, os);
    }

    /** Appends to a journal whose valid prefix was just read (and which was cut back to it). */
    public static Journal append(Path path, int dimension) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.APPEND), 1 << 16);
        return new Journal(dimension, os);
    }

    /**
     * Encodes the batch's records into the batch; safe on any thread (the engine's workers call
     * it through {@code Engine.Sink#prepare}, so that the merge thread only writes bytes).
     */
    public static void encode(Batch b) {
        int n = b.dimension;
        int size = recordSize(n);
        if (b.records.length < b.size * size) {
            b.records = new byte[b.size * size];
        }
        ByteBuffer buffer = ByteBuffer.wrap(b.records);
        CRC32 crc = new CRC32();
        for (int i = 0; i < b.size; i++) {
            encode(b, i, buffer, crc, i * size, size);
        }
        b.recordsReady = true;
    }

    /*
     * One record, a method of its own: with the record's loop inside the batch's, C2 compiled
     * encode on-stack for each loop and then whole (three or four compilations while the
     * workers ran); a method called once a record is compiled once.
     */
    private static void encode(Batch b, int i, ByteBuffer buffer, CRC32 crc, int at, int size) {
        int n = b.dimension;
        buffer.position(at);
        buffer.putLong(b.firstRun + i);
        for (int k = 0; k < n; k++) {
            buffer.putDouble(b.end[i * n + k]);
        }
        buffer.putDouble(b.value[i]);
        buffer.putDouble(b.gradientNorm[i]);
        buffer.putInt(b.iterations[i]);
        buffer.put(b.status[i]);
        crc.reset();
        crc.update(b.records, at, size - 4);
        buffer.putInt((int) crc.getValue());
    }

    /** Appends the batch's runs and flushes them to the operating system. */
    public void append(Batch b) throws IOException {
        if (!b.recordsReady) {
            encode(b);
        }
        out.write(b.records, 0, b.size * recordSize);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * Reads the valid prefix of a journal into batches (start points filled from {@code plan}),
     * cuts the file back to it, and returns the number of runs it holds. A journal written for
     * another dimension, or without the header, holds nothing.
     */
    public static long readValidPrefix(Path path, Plan plan, Engine.Sink replay) throws Exception {
        int n = plan.starts().dimension();
        int size = recordSize(n);
        long valid = 0;
        long goodBytes = 8;
        StartCursor cursor = new StartCursor(plan);
        try (InputStream raw = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != n) {
                goodBytes = 0;
            } else {
                byte[] record = new byte[size];
                CRC32 crc = new CRC32();
                Batch batch = null;
                long runs = plan.runCount();
                while (valid < runs) {
                    try {
                        in.readFully(record);
                    } catch (EOFException e) {
                        break;
                    }
                    ByteBuffer r = ByteBuffer.wrap(record);
                    if (!intact(r, 0, size, valid, crc)) {
                        break;
                    }
                    if (batch == null) {
                        batch = new Batch(valid, (int) Math.min(512, runs - valid), n);
                    }
                    int i = (int) (valid - batch.firstRun);
                    decode(r, 0, batch, i);
                    cursor.fill(batch, i);
                    valid++;
                    goodBytes += size;
                    if (i + 1 == batch.size) {
                        replay.accept(batch);
                        batch = null;
                    }
                }
                if (batch != null) {
                    replay.accept(batch.prefix((int) (valid - batch.firstRun)));
                }
            }
        } catch (EOFException e) {
            goodBytes = 0;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.truncate(goodBytes);
        }
        if (goodBytes == 0) {
            // not even a header: start the file again
            try (OutputStream os = Files.newOutputStream(path)) {
                os.write(ByteBuffer.allocate(8).putInt(MAGIC).putInt(n).array());
            }
        }
        return valid;
    }

    /**
     * Reads whole blocks of a journal that holds every run asked for (one this process wrote
     * and closed), each block into a batch of its own, start points recomputed from the plan.
     * Records are fixed-size, so blocks are read by position and several readers may work on
     * one file at once. A record that is missing, out of place or fails its checksum is an
     * {@link IOException}: this is not the resume path, which accepts a torn end.
     */
    public static final class Reader implements AutoCloseable {
        private final FileChannel channel;
        private final Plan plan;
        private final int size;
        private final StartCursor cursor;
        private final CRC32 crc = new CRC32();
        private ByteBuffer block = ByteBuffer.allocate(0);
        private Batch batch;

        public Reader(Path path, Plan plan) throws IOException {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.plan = plan;
            this.size = recordSize(plan.starts().dimension());
            this.cursor = new StartCursor(plan);
        }

        /**
         * Runs {@code [firstRun, firstRun + count)} as a batch; the batch is this reader's and
         * is refilled by its next call.
         */
        public Batch read(long firstRun, int count) throws IOException {
            int n = plan.starts().dimension();
            if (batch == null || batch.capacity() < count) {
                batch = new Batch(firstRun, count, n);
            }
            batch.reset(firstRun, count);
            int bytes = count * size;
            if (block.capacity() < bytes) {
                block = ByteBuffer.allocate(bytes);
            }
            block.clear().limit(bytes);
            long position = 8 + firstRun * size;
            while (block.hasRemaining()) {
                if (channel.read(block, position + block.position()) < 0) {
                    throw new IOException("the journal ends before run " + (firstRun + block.position() / size));
                }
            }
            for (int i = 0; i < count; i++) {
                if (!intact(block, i * size, size, firstRun + i, crc)) {
                    throw new IOException("the journal's record of run " + (firstRun + i) + " is damaged");
                }
                decode(block, i * size, batch, i);
                cursor.fill(batch, i);
            }
            return batch;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Whether the record at {@code at} in {@code r} is run {@code run}'s and passes its CRC-32. */
    private static boolean intact(ByteBuffer r, int at, int size, long run, CRC32 crc) {
        crc.reset();
        crc.update(r.array(), r.arrayOffset() + at, size - 4);
        return r.getInt(at + size - 4) == (int) crc.getValue() && r.getLong(at) == run;
    }

    /** Decodes the record at {@code at} in {@code r} into slot {@code i} of {@code batch} (its start point aside). */
    private static void decode(ByteBuffer r, int at, Batch batch, int i) {
        int n = batch.dimension;
        int p = at + 8;
        for (int k = 0; k < n; k++, p += 8) {
            batch.end[i * n + k] = r.getDouble(p);
        }
        batch.value[i] = r.getDouble(p);
        batch.gradientNorm[i] = r.getDouble(p + 8);
        batch.iterations[i] = r.getInt(p + 16);
        batch.status[i] = r.get(p + 20);
    }

    /** Recomputes start points for replayed runs (they are not journaled). */
    private static final class StartCursor {
        private final Plan plan;
        private final multistart.sampling.StartPoints.Cursor cursor;
        private final double[] x;

        StartCursor(Plan plan) {
            this.plan = plan;
            this.cursor = plan.starts().cursor();
            this.x = new double[plan.starts().dimension()];
        }

        void fill(Batch b, int i) {
            int n = x.length;
            cursor.point(plan.startOf(b.firstRun + i), x);
            System.arraycopy(x, 0, b.start, i * n, n);
        }
    }
}
