package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import multistart.config.ConfigLoader;
import multistart.simd.Lanes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A worker allocates its step buffers again after a garbage collection (so that the collector's
 * packing never leaves two workers' buffers in one cache line): a chunk run after that gives the
 * same bits as the same chunk on a fresh worker.
 */
class WorkerTest {

    static Plan plan() throws Exception {
        return Plan.of(ConfigLoader.parse(("""
                name: w
                seed: 7
                objective: {builtin: rastrigin, dimension: 3}
                starts: {count: 256, sampler: sobol}
                optimizer: {method: [momentum, adam], learning_rate: 0.002, decay: 0.999, max_iterations: 300}
                """).getBytes(StandardCharsets.UTF_8), "w.yaml", null));
    }

    static Worker worker(Plan plan, boolean lanes) {
        return new Worker(plan, lanes, new AtomicBoolean(), new ConcurrentLinkedQueue<>());
    }

    @ParameterizedTest(name = "lanes={0}")
    @ValueSource(booleans = {false, true})
    void buffersAllocatedAgainAfterACollectionChangeNoResult(boolean lanes) throws Exception {
        Assumptions.assumeTrue(!lanes || Lanes.available(), "no Vector API module");
        Plan plan = plan();
        Worker a = worker(plan, lanes);
        a.run(0, 64);
        assertThat(a.allocations).isEqualTo(1);
        for (int i = 0; i < 20 && !a.collectedSinceAllocation(); i++) {
            System.gc();
        }
        Assumptions.assumeTrue(a.collectedSinceAllocation(), "System.gc() collected nothing");
        // 256 + 64: the second combo's runs begin inside this chunk
        Batch again = a.run(224, 64);
        assertThat(a.allocations).isEqualTo(2);
        Batch fresh = worker(plan, lanes).run(224, 64);
        assertThat(again.start).isEqualTo(fresh.start);
        assertThat(again.end).isEqualTo(fresh.end);
        assertThat(again.value).isEqualTo(fresh.value);
        assertThat(again.gradientNorm).isEqualTo(fresh.gradientNorm);
        assertThat(again.iterations).isEqualTo(fresh.iterations);
        assertThat(again.status).isEqualTo(fresh.status);
        assertThat(again.iterations).contains(300);
    }
}
