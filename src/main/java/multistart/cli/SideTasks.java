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
// close() waits for the tasks' threads and may be interrupted: an interrupt then ends the
// caller's try block as it would end the wait anywhere else
@SuppressWarnings("try")
final class SideTasks implements AutoCloseable {

    /** One file's work. */
    interface Task {
        void run() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    /** When a task started with a limit is given up on, by its thread. */
    private final java.util.Map<Thread, Long> deadlines = new java.util.HashMap<>();
    /** The tasks given up on (see {@link #start(String, Task, double)}), by name. */
    private final List<String> abandoned = new ArrayList<>();
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
        // a task given up on must not keep the JVM from ending
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /**
     * As {@link #start(String, Task)}, given up on {@code seconds} after it started: {@link #join}
     * then returns without it (see {@link #abandoned}) and its thread, a daemon, is left to itself.
     * For work in a library that may never return (XChart's tick placement, on some axes).
     */
    void start(String what, Task task, double seconds) {
        start(what, task);
        Thread t = threads.get(threads.size() - 1);
        deadlines.put(t, System.nanoTime() + (long) (seconds * 1e9));
    }

    /** The tasks given up on so far, by the name they were started with. */
    List<String> abandoned() {
        return List.copyOf(abandoned);
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
            Long deadline = deadlines.remove(t);
            if (deadline == null) {
                t.join();
                continue;
            }
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                abandoned.add(t.getName().substring("multistart-".length()));
            }
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
