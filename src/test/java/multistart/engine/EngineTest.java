package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;
import multistart.objective.Objective;
import multistart.optimizer.Status;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void aRunThatThrowsIsMarkedFailedAndTheSweepGoesOn() throws Exception {
        ExperimentConfig c = ConfigLoader.parse("""
                name: f
                objective: {builtin: sphere, dimension: 1}
                starts: {count: 50}
                optimizer: {method: gd, learning_rate: 0.1}
                """.getBytes(StandardCharsets.UTF_8), "f.yaml", null);
        Plan real = Plan.of(c);
        Objective throwsLeft = new Objective() {
            @Override public int dimension() { return 1; }
            @Override public double evaluate(double[] x, double[] g) {
                if (x[0] < 0) {
                    throw new IllegalStateException("boom at " + x[0]);
                }
                g[0] = 2 * x[0];
                return x[0] * x[0];
            }
        };
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

    @Test
    void chunksBalanceWithoutGrowingUnbounded() {
        assertThat(Engine.chunkSize(10, 2, 1)).isEqualTo(1);
        assertThat(Engine.chunkSize(1_000_000_000L, 16, 1)).isEqualTo(512);
        // with lanes: whole multiples of them
        assertThat(Engine.chunkSize(10, 2, 8)).isEqualTo(8);
        assertThat(Engine.chunkSize(20_000, 16, 8)).isEqualTo(40);
        assertThat(Engine.chunkSize(1_000_000_000L, 16, 8)).isEqualTo(512);
    }
}
