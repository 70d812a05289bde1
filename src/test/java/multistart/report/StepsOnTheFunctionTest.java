package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import multistart.config.ConfigLoader;
import multistart.engine.Plan;
import multistart.engine.Trajectory;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** convergence.png's second panel for functions of one variable: the runs' steps on the curve. */
class StepsOnTheFunctionTest {

    static Plan plan(String yaml) throws Exception {
        return Plan.of(ConfigLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "c.yaml", null));
    }

    static double[] xs(XYSeries s) {
        return s.getXData();
    }

    /**
     * Seed article 002's example: gd on 2x^2 cos x - 5x from -1 at rate 0.05, 20 steps. The curve
     * is the function (its closed form at every drawn x), and the run's 21 points end at the 20th
     * iterate of the stated function, 3.8747793435314155 (computed in high precision, seeds'
     * NOTES.md), each on the curve; its start, -1, is marked.
     */
    @Test
    void theArticlesRunStepsDownTheCurveToItsTwentiethIterate() throws Exception {
        Plan p = plan("""
                name: article
                objective: {builtin: cubic-cos}
                starts: {count: 0, points: [[-1.0]]}
                optimizer: {method: gd, learning_rate: 0.05, max_iterations: 20, stop: {gradient_norm: 0}}
                """);
        List<Trajectory> runs = Trajectory.sample(p, 1, 0, 1);
        XYChart chart = ConvergenceChart.onTheFunction(p, runs, Map.of(0, 0));
        XYSeries curve = chart.getSeries("f");
        assertThat(curve.getXData()).hasSize(ConvergenceChart.CURVE_POINTS);
        // the default domain [-6, 6], from end to end
        assertThat(curve.getXData()[0]).isEqualTo(-6.0);
        assertThat(curve.getXData()[ConvergenceChart.CURVE_POINTS - 1]).isEqualTo(6.0);
        for (int i = 0; i < curve.getXData().length; i++) {
            double x = curve.getXData()[i];
            assertThat(curve.getYData()[i]).isCloseTo(2 * x * x * Math.cos(x) - 5 * x, within(1e-12));
        }
        XYSeries run = chart.getSeries("run 0 #0");
        double[] x = xs(run);
        assertThat(x).hasSize(21);
        assertThat(x[0]).isEqualTo(-1.0);
        assertThat(x[20]).isCloseTo(3.8747793435314155, within(1e-12));
        for (int i = 0; i < x.length; i++) {
            assertThat(run.getYData()[i]).isCloseTo(2 * x[i] * x[i] * Math.cos(x[i]) - 5 * x[i], within(1e-12));
        }
        XYSeries starts = chart.getSeries("starts");
        assertThat(starts.getXData()).containsExactly(-1.0);
        assertThat(starts.getYData()[0]).isCloseTo(2 * Math.cos(-1.0) + 5, within(1e-12));
        assertThat(chart.getXAxisTitle()).isEqualTo("x");
        // it draws
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Charts.png(List.of(chart)))))
                .isNotNull();
    }

    /**
     * (x - 1)^2 at rate 1.05: each step multiplies x - 1 by -1.1, so a run zig-zags outward and
     * in 40 steps leaves a domain's width beyond [-5, 5]; the view stops at [-15, 15], the axis
     * says so, and every drawn point is on the curve. Maximising the negated function draws the
     * user's values: -(x - 1)^2.
     */
    @Test
    void aDivergingRunIsCutAtTheViewsEdgeAndAMaximumIsDrawnInTheUsersSign() throws Exception {
        String yaml = """
                name: q
                objective: {builtin: quadratic}
                starts: {count: 0, points: [[3.0]]}
                optimizer: {method: gd, learning_rate: 1.05, max_iterations: 40, stop: {gradient_norm: 0}}
                """;
        Plan p = plan(yaml);
        XYChart chart = ConvergenceChart.onTheFunction(p, Trajectory.sample(p, 1, 0, 1), Map.of(0, 0));
        double lo = p.config().domain().low(0);
        double hi = p.config().domain().high(0);
        double w = hi - lo;
        assertThat(chart.getXAxisTitle()).contains("(iterates outside [" + Numbers.brief(lo - w) + ", "
                + Numbers.brief(hi + w) + "] are not drawn)");
        XYSeries run = chart.getSeries("run 0 #0");
        // x_k - 1 = 2 (-1.1)^k: the points inside the view are those with |2 (1.1)^k| within it
        int inside = 0;
        for (int k = 0; k <= 40; k++) {
            double xk = 1 + 2 * Math.pow(-1.1, k);
            if (xk >= lo - w && xk <= hi + w) {
                inside++;
            }
        }
        assertThat(run.getXData()).hasSize(inside);
        for (int i = 0; i < run.getXData().length; i++) {
            double x = run.getXData()[i];
            assertThat(x).isBetween(lo - w, hi + w);
            assertThat(run.getYData()[i]).isCloseTo((x - 1) * (x - 1), within(1e-9 * (1 + x * x)));
        }
        Plan max = plan("""
                name: m
                objective: {expression: "-(x - 1)^2", variables: [x], goal: maximize}
                domain: {x: [-5, 5]}
                starts: {count: 0, points: [[3.0]]}
                optimizer: {method: gd, learning_rate: 0.1, max_iterations: 10}
                """);
        XYSeries curve = ConvergenceChart.onTheFunction(max, Trajectory.sample(max, 1, 0, 1), Map.of(0, 0))
                .getSeries("f");
        for (int i = 0; i < curve.getXData().length; i++) {
            double x = curve.getXData()[i];
            assertThat(curve.getYData()[i]).isCloseTo(-(x - 1) * (x - 1), within(1e-12));
        }
    }
    /**
     * A function of one variable over a domain narrow for its place (1e20 to 1e20 + 1e5, where
     * doubles lie 16 384 apart): its curve is drawn from the domain's low end, which the axis
     * title names (as the basin map's axes are); at its own place XChart's tick placement never
     * ended, and the charts' time limit left convergence.png out.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aNarrowDomainIsDrawnFromItsLowEnd() throws Exception {
        Plan p = plan("""
                name: narrow
                objective: {expression: "((x - 1e20)/1e4)^2", variables: [x]}
                domain: {x: [1e20, 100000000000000100000]}
                starts: {count: 0, points: [[100000000000000050000]]}
                optimizer: {method: gd, learning_rate: 0.1, max_iterations: 20, divergence: 1e30}
                """);
        XYChart chart = ConvergenceChart.onTheFunction(p, Trajectory.sample(p, 1, 0, 1), Map.of(0, 0));
        assertThat(chart.getXAxisTitle()).isEqualTo("x - 1.0E20");
        for (double x : chart.getSeries("f").getXData()) {
            assertThat(x).isBetween(0.0, 1e5 + 16384);
        }
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Charts.png(List.of(chart)))))
                .isNotNull();
    }
}
