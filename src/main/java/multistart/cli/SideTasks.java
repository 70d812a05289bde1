package multistart.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Report files written on threads of their own while the caller writes others: after the run
 * phase the files are independent of each other (each reads the finished, no longer changing
 * findings), and on a sweep with runs.csv writing that file alone can take seconds.
 * {@link #join} waits for all of them and throws the first failure; {@link #close} does the same,
 * so that no file is still being written once the caller has given up (with try-with-resources,
 * a task's failure is then suppressed in the caller's own exception).
 */
final class SideTasks implements AutoCloseable {

    /** One file's work. */
    interface Task {
        void run() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Starts {@code task} on a thread named after {@code what}. */
    void start(String what, Task task) {
        Thread t = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "multistart-" + what);
        threads.add(t);
        t.start();
    }

    /** Waits for every task started; throws the first failure, the others suppressed in it. */
    void join() throws Exception {
        awaitAll();
        if (failures.isEmpty()) {
            return;
        }
        Throwable first = failures.get(0);
        for (Throwable t : failures.subList(1, failures.size())) {
            first.addSuppressed(t);
        }
        failures.clear();
        if (first instanceof Exception e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(first);
    }

    private void awaitAll() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
        threads.clear();
    }

    /**
     * Waits for the tasks still running (after the caller failed, say) and throws what they
     * failed with; a caller's own exception gets it as suppressed through try-with-resources.
     */
    @Override
    public void close() throws Exception {
        join();
    }
}
