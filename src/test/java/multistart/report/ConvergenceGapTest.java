package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import multistart.config.ConfigLoader;
import multistart.engine.Plan;
import multistart.engine.Trajectory;
import org.junit.jupiter.api.Test;

/** What convergence.png's log axis measures a run's values from. */
class ConvergenceGapTest {

    /**
     * Seed article 001's run, gd on (x - 1)^2 from 3 at rate 0.01: x - 1 shrinks by 0.98 a step,
     * so f_k = 4 (0.98^2)^k, a straight line on the log axis down to f_100 = 0.0703... Measured
     * from the best value found (f_100 itself, the run's own end) its last point dived to 1e-16;
     * from the known optimum, 0, every point is f_k.
     */
    @Test
    void aRunIsMeasuredFromTheKnownOptimumNotFromItsOwnEnd() throws Exception {
        Plan plan = Plan.of(ConfigLoader.parse("""
                name: q
                objective: {builtin: quadratic}
                starts: {count: 0, points: [[3.0]]}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 100, stop: {gradient_norm: 0}}
                """.getBytes(StandardCharsets.UTF_8), "c.yaml", null));
        List<Trajectory> runs = Trajectory.sample(plan, 1, 0, 1);
        double[] values = runs.get(0).values();
        double end = values[values.length - 1];
        double from = ConvergenceChart.gapFrom(true, 0.0, end);
        assertThat(from).isZero();
        double[] y = ConvergenceChart.plotted(values, from, true);
        assertThat(y).hasSize(101);
        for (int k = 0; k <= 100; k++) {
            double fk = 4 * Math.pow(0.98 * 0.98, k);
            assertThat(y[k]).isCloseTo(fk, within(1e-12 * fk));
        }
        // from its own end, as before: the last point at the floor
        assertThat(ConvergenceChart.plotted(values, ConvergenceChart.gapFrom(false, Double.NaN, end), true)[100])
                .isEqualTo(1e-16);
        // no known optimum, or a non-finite one: the best value found
        assertThat(ConvergenceChart.gapFrom(false, 5.0, end)).isEqualTo(end);
        assertThat(ConvergenceChart.gapFrom(true, Double.NaN, end)).isEqualTo(end);
    }
}
