package multistart.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The starts' values (minimised), put in start order as the merge folds in the first combo's runs
 * (start k is run k), then read back for every later combo, in start order again, and after the
 * sweep by the search for the lowest start. In memory up to {@link #IN_MEMORY} starts (a double
 * each, 1 MiB at most); beyond that in a file, 8 bytes a start, written once and read through a
 * 64 KiB window, so that memory stays flat however many starts there are. One thread at a time.
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

    /** Puts start {@code k}'s value; {@code k} is the next start, {@link #count()}. */
    final void put(long k, double v) {
        if (k != count) {
            throw new IllegalStateException("start " + k + "'s value put after " + count + " values");
        }
        store(k, v);
        count++;
    }

    /** Start {@code k}'s value, for a start already put; fastest in increasing {@code k}. */
    final double at(long k) {
        if (k < 0 || k >= count) {
            throw new IllegalStateException("start " + k + "'s value asked for with " + count + " values put");
        }
        return load(k);
    }

    final long count() {
        return count;
    }

    abstract void store(long k, double v);

    abstract double load(long k);

    /** Releases the store (a file is removed). */
    @Override
    public abstract void close();

    private static final class InMemory extends StartValues {
        private final double[] values;

        InMemory(int starts) {
            values = new double[starts];
        }

        @Override
        void store(long k, double v) {
            values[(int) k] = v;
        }

        @Override
        double load(long k) {
            return values[(int) k];
        }

        @Override
        public void close() {
            // nothing held beyond the array
        }
    }

    private static final class InFile extends StartValues {
        private static final int WINDOW = 1 << 16;
        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer out = ByteBuffer.allocateDirect(WINDOW);
        private final ByteBuffer in = ByteBuffer.allocateDirect(WINDOW);
        /** Values in the file (the rest of count() wait in {@code out}). */
        private long flushed;
        /** The start whose value is first in {@code in}; -1 while it holds none. */
        private long inFirst = -1;

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
        void store(long k, double v) {
            if (!out.hasRemaining()) {
                flush();
            }
            out.putDouble(v);
        }

        @Override
        double load(long k) {
            if (inFirst < 0 || k < inFirst || k >= inFirst + in.limit() / Double.BYTES) {
                fill(k);
            }
            return in.getDouble((int) (k - inFirst) * Double.BYTES);
        }

        private void flush() {
            out.flip();
            int values = out.limit() / Double.BYTES;
            try {
                long at = flushed * Double.BYTES;
                while (out.hasRemaining()) {
                    at += channel.write(out, at);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the start points' values to " + file, e);
            }
            flushed += values;
            out.clear();
        }

        /** Reads the window from start {@code k} on (what {@code out} holds goes to the file first). */
        private void fill(long k) {
            if (out.position() > 0) {
                flush();
            }
            in.clear();
            try {
                long at = k * Double.BYTES;
                while (in.hasRemaining()) {
                    int r = channel.read(in, at + in.position());
                    if (r < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the start points' values from " + file, e);
            }
            in.flip();
            inFirst = k;
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
