package multistart.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The starts' values (minimised), put in start order as the merge folds in the first combo's runs
 * (start k is run k), then read back for every later combo, in start order again, and after the
 * sweep by the search for the lowest start; a batch's worth at a time. In memory up to {@link
 * #IN_MEMORY} starts (a double each, 1 MiB at most); beyond that in a file, 8 bytes a start,
 * written once and read through a window of 8 192 values, so that memory stays flat however many
 * starts there are. One thread at a time.
 */
abstract class StartValues implements AutoCloseable {

    /** Starts whose values are kept in memory; more go to a file. */
    static final long IN_MEMORY = 1 << 17;

    /** The values put so far: those of starts 0 .. count() - 1. */
    private long count;

    /**
     * A store for {@code starts} starts: in memory up to {@link #IN_MEMORY}, else in {@code file}
     * (created, or emptied where it exists), or where that is null a temporary file; a file is
     * removed by {@link #close}.
     */
    static StartValues create(long starts, Path file) {
        if (starts <= IN_MEMORY) {
            return new InMemory((int) starts);
        }
        try {
            return new InFile(file != null ? file : Files.createTempFile("multistart-start-values", ".bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the start points' values", e);
        }
    }

    /**
     * Puts the values of starts {@code k .. k + len - 1} from {@code src[from ..]}; {@code k} is
     * the next start, {@link #count()}.
     */
    final void put(long k, double[] src, int from, int len) {
        if (k != count) {
            throw new IllegalStateException("start " + k + "'s value put after " + count + " values");
        }
        store(k, src, from, len);
        count += len;
    }

    /**
     * The values of starts {@code k .. k + len - 1}, all put already, into {@code dst[from ..]};
     * fastest in increasing {@code k}.
     */
    final void get(long k, double[] dst, int from, int len) {
        if (k < 0 || k + len > count) {
            throw new IllegalStateException("starts " + k + " to " + (k + len - 1) + "'s values asked for with "
                    + count + " values put");
        }
        load(k, dst, from, len);
    }

    final long count() {
        return count;
    }

    abstract void store(long k, double[] src, int from, int len);

    abstract void load(long k, double[] dst, int from, int len);

    /** Releases the store (a file is removed). */
    @Override
    public abstract void close();

    private static final class InMemory extends StartValues {
        private final double[] values;

        InMemory(int starts) {
            values = new double[starts];
        }

        @Override
        void store(long k, double[] src, int from, int len) {
            System.arraycopy(src, from, values, (int) k, len);
        }

        @Override
        void load(long k, double[] dst, int from, int len) {
            System.arraycopy(values, (int) k, dst, from, len);
        }

        @Override
        public void close() {
            // nothing held beyond the array
        }
    }

    private static final class InFile extends StartValues {
        private static final int WINDOW = 1 << 13;
        private final Path file;
        private final FileChannel channel;
        // the machine's byte order: the file is read back by the process that wrote it
        private final ByteBuffer bytes = ByteBuffer.allocateDirect(WINDOW * Double.BYTES)
                .order(ByteOrder.nativeOrder());
        /** Values put and not yet written: {@code pending} of them, of starts {@code flushed} on. */
        private final double[] out = new double[WINDOW];
        private int pending;
        /** Values in the file. */
        private long flushed;
        /** Values read from the file, {@code windowSize} of them from start {@code windowFirst}. */
        private final double[] window = new double[WINDOW];
        private long windowFirst;
        private int windowSize;

        InFile(Path file) {
            this.file = file;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file + " for the start points' values", e);
            }
        }

        @Override
        void store(long k, double[] src, int from, int len) {
            while (len > 0) {
                if (pending == WINDOW) {
                    flush();
                }
                int m = Math.min(len, WINDOW - pending);
                System.arraycopy(src, from, out, pending, m);
                pending += m;
                from += m;
                len -= m;
            }
        }

        @Override
        void load(long k, double[] dst, int from, int len) {
            while (len > 0) {
                if (k < windowFirst || k >= windowFirst + windowSize) {
                    fill(k);
                }
                int at = (int) (k - windowFirst);
                int m = Math.min(len, windowSize - at);
                System.arraycopy(window, at, dst, from, m);
                k += m;
                from += m;
                len -= m;
            }
        }

        private void flush() {
            bytes.clear();
            bytes.asDoubleBuffer().put(out, 0, pending);
            bytes.limit(pending * Double.BYTES);
            try {
                long at = flushed * Double.BYTES;
                while (bytes.hasRemaining()) {
                    at += channel.write(bytes, at);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the start points' values to " + file, e);
            }
            flushed += pending;
            pending = 0;
        }

        /** Reads the window from start {@code k} on (the values not yet written go to the file first). */
        private void fill(long k) {
            if (pending > 0) {
                flush();
            }
            bytes.clear();
            bytes.limit((int) Math.min(WINDOW, flushed - k) * Double.BYTES);
            try {
                long at = k * Double.BYTES;
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, at + bytes.position()) < 0) {
                        throw new IOException("the file ends before start " + (k + bytes.position() / Double.BYTES));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the start points' values from " + file, e);
            }
            bytes.flip();
            windowSize = bytes.remaining() / Double.BYTES;
            bytes.asDoubleBuffer().get(window, 0, windowSize);
            windowFirst = k;
        }

        @Override
        public void close() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file, e);
            }
        }
    }
}
