package multistart.report;

import com.google.common.base.Throwables;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A long table's rows formatted a block at a time on a pool of threads and written in order on
 * the calling thread, at most two blocks a thread ahead of the writer, their buffers handed back
 * for later blocks: runs.csv and a long minima.csv, whose rows are independent of each other.
 */
final class BlockWriter {

    /** A block's rows: the first {@code length} of {@code bytes}. */
    record Rows(byte[] bytes, int length) {
    }

    /** Formats one block. */
    interface Format {
        /**
         * Rows {@code first} to {@code first + count - 1}, into {@code spare} (a buffer an
         * earlier block returned, of the size this returns) or, when it is null, a new buffer.
         */
        Rows rows(long first, int count, byte[] spare) throws Exception;
    }

    private BlockWriter() {
    }

    /**
     * Writes rows 0 to {@code total - 1} to {@code out} in order, in blocks of {@code block}
     * rows that {@code format} formats on {@code threads} daemon threads named {@code name};
     * {@code done} runs once the last block is written, while the threads are still there
     * (idle), and they are stopped before this returns, also when it fails. A block's failure is
     * rethrown as it was thrown (checked ones other than IOException wrapped in one).
     */
    static void write(OutputStream out, long total, int block, int threads, String name, Format format,
            Runnable done) throws IOException, InterruptedException {
        ConcurrentLinkedQueue<byte[]> spare = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Rows>> ahead = new ArrayDeque<>();
            long next = 0;
            while (next < total || !ahead.isEmpty()) {
                while (next < total && ahead.size() < 2 * threads) {
                    long first = next;
                    int count = (int) Math.min(block, total - first);
                    ahead.add(pool.submit(() -> format.rows(first, count, spare.poll())));
                    next += count;
                }
                Rows rows = get(ahead.poll());
                out.write(rows.bytes(), 0, rows.length());
                spare.add(rows.bytes());
            }
            done.run();
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IOException(name + ": a formatting thread did not stop");
            }
        }
    }

    private static Rows get(Future<Rows> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            Throwables.throwIfUnchecked(cause);
            throw new IOException(cause);
        }
    }
}
