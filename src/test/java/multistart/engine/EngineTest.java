package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        List<Batch> batches = new ArrayList<>();
        long steps = new Engine(2).execute(plan, 0, batches::add, null);
        long failed = 0;
        long converged = 0;
        long next = 0;
        for (Batch b : batches) {
            assertThat(b.firstRun).isEqualTo(next);
            next += b.size;
            for (int i = 0; i < b.size; i++) {
                Status s = Status.of(b.status[i]);
                if (b.start[i] < 0) {
                    assertThat(s).isEqualTo(Status.FAILED);
                    assertThat(b.failure[i]).contains("boom");
                    failed++;
                } else {
                    assertThat(s).isEqualTo(Status.CONVERGED);
                    converged++;
                }
            }
        }
        assertThat(next).isEqualTo(50);
        assertThat(failed).isPositive();
        assertThat(converged).isPositive();
        assertThat(steps).isPositive();
    }

    @Test
    void chunksBalanceWithoutGrowingUnbounded() {
        assertThat(Engine.chunkSize(10, 2)).isEqualTo(1);
        assertThat(Engine.chunkSize(1_000_000_000L, 16)).isEqualTo(512);
    }
}
