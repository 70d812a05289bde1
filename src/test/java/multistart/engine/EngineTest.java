package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;
import multistart.objective.Objective;
import multistart.optimizer.Status;
import org.junit.jupiter.api.Test;

class EngineTest {

    /** The sphere in one variable, throwing where x is below {@code limit}. */
    private static Objective throwingBelow(double limit) {
        return new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                if (x[0] < limit) {
                    throw new IllegalStateException("boom at " + x[0]);
                }
                g[0] = 2 * x[0];
                return x[0] * x[0];
            }
        };
    }

    @Test
    void aRunThatThrowsIsMarkedFailedAndTheSweepGoesOn() throws Exception {
        ExperimentConfig c = ConfigLoader.parse("""
                name: f
                objective: {builtin: sphere, dimension: 1}
                starts: {count: 50}
                optimizer: {method: gd, learning_rate: 0.1}
                """.getBytes(StandardCharsets.UTF_8), "f.yaml", null);
        Plan real = Plan.of(c);
        Objective throwsLeft = throwingBelow(0);
        Plan plan = new Plan(c, throwsLeft, real.starts(), real.combos());
        long[] counts = new long[3]; // next run, failed, converged
        // batches are recycled after accept returns, so the checks happen inside the sink
        long steps = new Engine(2).execute(plan, 0, b -> {
            assertThat(b.firstRun).isEqualTo(counts[0]);
            counts[0] += b.size;
            for (int i = 0; i < b.size; i++) {
                Status s = Status.of(b.status[i]);
                if (b.start[i] < 0) {
                    assertThat(s).isEqualTo(Status.FAILED);
                    assertThat(b.failure[i]).contains("boom");
                    counts[1]++;
                } else {
                    assertThat(s).isEqualTo(Status.CONVERGED);
                    counts[2]++;
                }
            }
        }, null);
        assertThat(counts[0]).isEqualTo(50);
        assertThat(counts[1]).isPositive();
        assertThat(counts[2]).isPositive();
        assertThat(steps).isPositive();
    }

    /**
     * The aggregator over runs that threw at their start (sphere where x < -1 throws): they count
     * as failed, their starts have no value, so none of them is the lowest start, and no run is
     * counted as having climbed.
     */
    @Test
    void theAggregatorFoldsRunsThatThrewAtTheirStart() throws Exception {
        ExperimentConfig c = ConfigLoader.parse("""
                name: f
                objective: {builtin: sphere, dimension: 1}
                domain: {x1: [-3, 1]}
                starts: {count: 50}
                optimizer: {method: gd, learning_rate: 0.1}
                """.getBytes(StandardCharsets.UTF_8), "f.yaml", null);
        Plan real = Plan.of(c);
        Objective throwsFarLeft = throwingBelow(-1);
        Plan plan = new Plan(c, throwsFarLeft, real.starts(), real.combos());
        multistart.analysis.Aggregator aggregator = new multistart.analysis.Aggregator(plan);
        new Engine(2).execute(plan, 0, aggregator, null);
        multistart.analysis.Findings f = aggregator.finish();
        double[] x = new double[1];
        long left = 0;
        double low = Double.POSITIVE_INFINITY;
        for (long k = 0; k < 50; k++) {
            plan.starts().cursor().point(k, x);
            if (x[0] < -1) {
                left++;
            } else {
                low = Math.min(low, x[0] * x[0]);
            }
        }
        assertThat(left).isPositive();
        assertThat(f.runs()).isEqualTo(50);
        assertThat(f.failed()).isEqualTo(left);
        assertThat(f.combos().get(0).climbed()).isZero();
        assertThat(f.lowestStart().value()).isEqualTo(low);
    }

    /**
     * The merge thread asks {@code cancelled} while it waits for a chunk, not only between
     * chunks: a sweep of long runs stops within a fraction of a second of being told, on the
     * scalar path and in lanes, having handed the sink only whole chunks in run order.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aCancelledSweepStopsWhileItsChunksAreStillRunning(boolean lanes) throws Exception {
        ExperimentConfig c = ConfigLoader.parse("""
                name: c
                objective: {builtin: rastrigin, dimension: 2}
                starts: {count: 8192}
                optimizer: {method: momentum, learning_rate: 0.001, momentum: 0.5, max_iterations: 1000000,
                            stop: {gradient_norm: 0}}
                """.getBytes(StandardCharsets.UTF_8), "c.yaml", null);
        Plan plan = Plan.of(c);
        long[] next = {0};
        long begin = System.nanoTime();
        // cancelled from 0.3 s in (8e9 steps in all; chunks of 128 runs of 1e6 steps, about a
        // second each in lanes here, three on the scalar path)
        long told = begin + 300_000_000L;
        java.util.function.BooleanSupplier cancelled = () -> System.nanoTime() > told;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Engine(2, lanes).execute(plan, 0, b -> {
            assertThat(b.firstRun).isEqualTo(next[0]);
            next[0] += b.size;
            for (int i = 0; i < b.size; i++) {
                assertThat(b.iterations[i]).isEqualTo(1_000_000);
            }
        }, null, cancelled)).isInstanceOf(InterruptedException.class);
        double after = (System.nanoTime() - told) / 1e9;
        assertThat(after).as("seconds from being told to stopping").isLessThan(0.4);
        assertThat(next[0]).isLessThan(plan.runCount());
    }

    /** Records how a staged sink was fed. */
    static final class StagedSink implements Engine.Sink {
        final java.util.List<String> calls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final java.util.Set<Thread> firstThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.Set<Thread> acceptThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile long nextFirst;
        volatile long nextAccept;
        final long failAt;

        StagedSink(long failAt) {
            this.failAt = failAt;
        }

        @Override public boolean staged() {
            return true;
        }

        @Override public void first(Batch b) {
            firstThreads.add(Thread.currentThread());
            assertThat(b.firstRun).as("first stage in run order").isEqualTo(nextFirst);
            nextFirst += b.size;
            b.basinsReady = true;
        }

        @Override public void accept(Batch b) throws java.io.IOException {
            acceptThreads.add(Thread.currentThread());
            if (!b.basinsReady) {
                // not staged: accept does both, as Aggregator.accept does
                first(b);
            }
            assertThat(b.firstRun).as("second stage in run order").isEqualTo(nextAccept);
            if (b.firstRun + b.size > failAt) {
                throw new java.io.IOException("disk full at run " + b.firstRun);
            }
            nextAccept += b.size;
        }
    }

    static Plan plan(int starts) throws Exception {
        return Plan.of(ConfigLoader.parse("""
                name: s
                objective: {builtin: rastrigin, dimension: 2}
                starts: {count: %d}
                optimizer: {method: [gd, momentum], learning_rate: 0.001, max_iterations: 50}
                """.formatted(starts).getBytes(StandardCharsets.UTF_8), "s.yaml", null));
    }

    /**
     * From Sink.STAGED_THREADS threads on, a staged sink's two stages run on two threads, each
     * seeing every batch once and in run order, the first stage before the second; below that
     * both run on the merge thread. Results are the same either way (DeterminismTest).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 8})
    void aStagedSinksStagesSeeEveryBatchInRunOrder(int threads) throws Exception {
        Plan plan = plan(3000);
        StagedSink sink = new StagedSink(Long.MAX_VALUE);
        new Engine(threads).execute(plan, 0, sink, null);
        assertThat(sink.nextFirst).isEqualTo(plan.runCount());
        assertThat(sink.nextAccept).isEqualTo(plan.runCount());
        assertThat(sink.firstThreads).containsExactly(Thread.currentThread());
        if (threads >= Engine.Sink.STAGED_THREADS) {
            assertThat(sink.acceptThreads).hasSize(1).doesNotContain(Thread.currentThread());
        } else {
            assertThat(sink.acceptThreads).containsExactly(Thread.currentThread());
        }
    }

    /** A failure in the second stage reaches the caller, and the sweep stops instead of hanging. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 4})
    void aFailureInTheSecondStageIsThrownToTheCaller(int threads) throws Exception {
        Plan plan = plan(20000);
        StagedSink sink = new StagedSink(7000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Engine(threads).execute(plan, 0, sink, null))
                .isInstanceOf(java.io.IOException.class).hasMessageStartingWith("disk full at run ");
        assertThat(sink.nextAccept).isLessThanOrEqualTo(7000);
    }

    @Test
    void chunksBalanceWithoutGrowingUnbounded() {
        assertThat(Worker.chunkSize(10, 2, 1)).isEqualTo(1);
        assertThat(Worker.chunkSize(1_000_000_000L, 16, 1)).isEqualTo(512);
        // with lanes: whole multiples of them
        assertThat(Worker.chunkSize(10, 2, 8)).isEqualTo(8);
        assertThat(Worker.chunkSize(20_000, 16, 8)).isEqualTo(40);
        assertThat(Worker.chunkSize(1_000_000_000L, 16, 8)).isEqualTo(512);
    }
}
