package multistart.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A fork/join pool whose waits cannot outlive its threads. When the heap runs out inside the
 * pool's own bookkeeping (recording a task's failure takes memory too), the worker thread dies
 * and the task it held is never completed: a plain join then waits forever, which is how a
 * sweep that ran out of memory while classifying its end points once hung instead of failing.
 * This pool keeps the error a thread died of (its handler allocates nothing), and
 * {@link #join} and {@link #check} throw it.
 */
public final class WatchedPool implements AutoCloseable {

    /** Thrown where a wait gives up because a thread of the pool died; the cause is what it died of. */
    public static final class ThreadDied extends RuntimeException {
        ThreadDied(Throwable cause) {
            super("a thread of the pool died", cause);
        }
    }

    /** How often a wait looks for a dead thread (and asks whether it is cancelled). */
    static final long POLL_MILLIS = 20;

    private final ForkJoinPool pool;
    private final AtomicReference<Throwable> died = new AtomicReference<>();

    /** {@code threads} threads named {@code name}-1, -2, ... */
    public WatchedPool(int threads, String name) {
        // numbered as they are made: a thread's pool index is not known until it has
        // registered with the pool, after the factory returns (every thread was "-0")
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory named = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName(name + "-" + made.incrementAndGet());
            return t;
        };
        this.pool = new ForkJoinPool(Math.max(1, threads), named, (t, e) -> died.compareAndSet(null, e), false);
    }

    public ForkJoinPool pool() {
        return pool;
    }

    /** Throws {@link ThreadDied} if a thread of the pool has died. */
    public void check() {
        Throwable e = died.get();
        if (e != null) {
            throw new ThreadDied(e);
        }
    }

    /** Runs {@code body} on the pool and waits for it (its failure rethrown as join does). */
    public void run(Runnable body) {
        join(pool.submit(body));
    }

    /** {@code body} for 0 .. count-1, split across the pool's threads; waits for all of them. */
    public void forEach(int count, java.util.function.IntConsumer body) {
        if (count > 0) {
            run(() -> java.util.stream.IntStream.range(0, count).parallel().forEach(body));
        }
    }

    /**
     * Waits for {@code task} as {@link ForkJoinTask#join} does, but throws {@link ThreadDied}
     * as soon as a thread of the pool has died, and the task's failure if it failed.
     */
    public <T> T join(ForkJoinTask<T> task) {
        // not interruptible, as ForkJoinTask.join is not (the summary of an interrupted sweep
        // is made on the interrupted thread); the interrupt is kept for the caller
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    await(task, () -> false);
                    return task.join(); // rethrows a failure as it was thrown
                } catch (InterruptedException e) {
                    Thread.interrupted();
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits until {@code task} is done (normally or not; its failure is left for join), asking
     * {@code cancelled} every {@link #POLL_MILLIS} ms meanwhile. Throws InterruptedException
     * when that says so or this thread is interrupted, and {@link ThreadDied} as soon as a
     * thread of the pool has died (the task it held would never be done).
     */
    public void await(ForkJoinTask<?> task, BooleanSupplier cancelled) throws InterruptedException {
        while (true) {
            if (Thread.currentThread().isInterrupted() || cancelled.getAsBoolean()) {
                throw new InterruptedException("interrupted");
            }
            check();
            try {
                task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                // look again
            } catch (ExecutionException | CancellationException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
