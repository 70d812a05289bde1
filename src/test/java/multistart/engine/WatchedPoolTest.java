package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchedPoolTest {

    /** A task's result, and its failure rethrown as ForkJoinTask.join rethrows it. */
    @Test
    void namesItsThreadsOneTwoThree() throws Exception {
        try (WatchedPool pool = new WatchedPool(3, "test-pool")) {
            java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(3);
            // three tasks that each wait for the others: one on each thread
            pool.forEach(3, i -> {
                names.add(Thread.currentThread().getName());
                all.countDown();
                try {
                    all.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(names).containsExactlyInAnyOrder("test-pool-1", "test-pool-2", "test-pool-3");
        }
    }

    @Test
    void joinsLikeForkJoin() {
        try (WatchedPool pool = new WatchedPool(2, "test-pool")) {
            assertThat(pool.join(pool.pool().submit(() -> 6 * 7))).isEqualTo(42);
            ForkJoinTask<Integer> failing = pool.pool().submit(() -> {
                throw new IllegalArgumentException("bad");
            });
            // as ForkJoinTask.join does: the same type, made on the joining thread, the original as its cause
            assertThatThrownBy(() -> pool.join(failing)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad");
        }
    }

    /** An interrupt does not cut the wait short (the summary of an interrupted sweep needs it); it is kept. */
    @Test
    void waitsThroughAnInterruptAndKeepsIt() {
        try (WatchedPool pool = new WatchedPool(1, "test-pool")) {
            AtomicInteger done = new AtomicInteger();
            Thread.currentThread().interrupt();
            pool.run(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                done.incrementAndGet();
            });
            assertThat(done).hasValue(1);
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    /**
     * A worker thread that dies (here of an error thrown past the task machinery, as an
     * OutOfMemoryError can be) ends the wait with ThreadDied instead of hanging.
     */
    @Test
    void aDeadThreadEndsTheWait() {
        try (WatchedPool pool = new WatchedPool(1, "test-pool")) {
            ForkJoinTask<?> never = pool.pool().submit(() -> {
                // a task that kills its worker from outside ForkJoinTask's own exception handling
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, new OutOfMemoryError("test"));
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // shut down
                }
            });
            assertThatThrownBy(() -> pool.join(never)).isInstanceOf(WatchedPool.ThreadDied.class)
                    .hasCauseInstanceOf(OutOfMemoryError.class);
        }
    }
}
