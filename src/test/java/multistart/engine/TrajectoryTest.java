package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import multistart.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample runs' recorded paths: values at up to {@link Trajectory#MAX_POINTS} + 1 iterations,
 * points at fewer in high dimension, each point the iterate of its iteration.
 */
class TrajectoryTest {

    /** Every (last iteration, cap) pair of a range: the kept iterations fit the cap and hold both ends. */
    @Test
    void theStrideKeepsAtMostTheCapIncludingBothEnds() {
        for (int most = 2; most <= 60; most++) {
            for (int last = 0; last <= 700; last++) {
                int stride = Trajectory.stride(last, most);
                int kept = 0;
                for (int t = 0; t <= last; t++) {
                    kept += t % stride == 0 || t == last ? 1 : 0;
                }
                assertThat(kept).as("last %d, at most %d", last, most).isLessThanOrEqualTo(most);
                if (last + 1 <= most) {
                    assertThat(kept).as("last %d, at most %d: every iteration", last, most).isEqualTo(last + 1);
                }
            }
        }
    }

    @ParameterizedTest(name = "n = {0}: {1} points")
    @CsvSource({"1, 1001", "19, 1001", "20, 1000", "21, 952", "100, 200", "2000, 10", "10000, 2", "100000, 2"})
    void pathsKeepFewerPointsInHighDimension(int n, int points) {
        assertThat(Trajectory.maxPoints(n)).isEqualTo(points);
    }

    /**
     * Sphere, plain gradient descent at rate 1/4: each step halves every coordinate exactly
     * (x - 2 x / 4), so the iterate of step t is the start times 2^-t, bit for bit. In 2000
     * dimensions a 300-step path keeps 10 points (every 34th step and the last) and every value.
     */
    @Test
    void aHighDimensionalPathKeepsTenPointsThatAreItsIterates() throws Exception {
        int n = 2000;
        Plan plan = Plan.of(ConfigLoader.parse(("""
                name: path
                objective: {builtin: sphere, dimension: %d}
                starts: {count: 3}
                optimizer:
                  method: gd
                  learning_rate: 0.25
                  max_iterations: 300
                  stop: {gradient_norm: 0}
                """.formatted(n)).getBytes(StandardCharsets.UTF_8), "p.yaml", null));
        // 301 points of 2000 coordinates do not fit in one recording pass: the second pass keeps them
        List<Trajectory> paths = Trajectory.sample(plan, 2, 0, 2);
        assertThat(paths).hasSize(2);
        for (Trajectory t : paths) {
            assertThat(t.iterations()).hasSize(301);
            assertThat(t.values()).hasSize(301);
            assertThat(t.pointIterations()).containsExactly(0, 34, 68, 102, 136, 170, 204, 238, 272, 300);
            assertThat(t.points().length).isEqualTo(t.pointIterations().length);
            double[] start = new double[n];
            plan.starts().cursor().point(t.start(), start);
            for (int k = 0; k < t.points().length; k++) {
                double scale = Math.scalb(1.0, -t.pointIterations()[k]);
                double[] p = t.points()[k];
                assertThat(p).hasSize(n);
                for (int i = 0; i < n; i++) {
                    assertThat(p[i]).isEqualTo(start[i] * scale);
                }
            }
            double sumOfSquares = 0;
            for (double x : start) {
                sumOfSquares += x * x;
            }
            assertThat(t.values()[0]).isCloseTo(sumOfSquares, org.assertj.core.api.Assertions.withinPercentage(1e-10));
        }
    }

    @Test
    void aLowDimensionalPathKeepsAPointForEveryValue() throws Exception {
        Plan plan = Plan.of(ConfigLoader.parse("""
                name: path
                objective: {builtin: rosenbrock, dimension: 3}
                domain: {"*": [-1, 1]}
                starts: {count: 4}
                optimizer:
                  method: momentum
                  learning_rate: 0.0002
                  momentum: 0.9
                  max_iterations: 2500
                  stop: {gradient_norm: 0}
                """.getBytes(StandardCharsets.UTF_8), "p.yaml", null));
        for (Trajectory t : Trajectory.sample(plan, 4, 0, 1)) {
            assertThat(t.pointIterations()).containsExactly(t.iterations());
            assertThat(t.iterations()[t.iterations().length - 1]).isEqualTo(2500);
            // every third step (2500 / 1000 rounded up) and the last
            assertThat(t.iterations()).hasSize(835);
        }
    }

    @Test
    void onePassTwoPassesAndAnyThreadCountRecordTheSamePaths() throws Exception {
        Plan plan = Plan.of(ConfigLoader.parse("""
                name: path
                objective: {builtin: himmelblau}
                starts: {count: 30}
                optimizer:
                  method: [gd, adam]
                  learning_rate: [0.001, 0.01]
                  max_iterations: 4000
                """.getBytes(StandardCharsets.UTF_8), "p.yaml", null));
        List<Trajectory> reference = Trajectory.sample(plan, 12, 1, 1);
        assertThat(reference).hasSize(12);
        for (List<Trajectory> other : List.of(Trajectory.sample(plan, 12, 1, 4),
                Trajectory.sample(plan, 12, 1, 3, 1))) {
            assertThat(other).hasSize(12);
            for (int i = 0; i < 12; i++) {
                Trajectory a = reference.get(i);
                Trajectory b = other.get(i);
                assertThat(b.run()).isEqualTo(a.run());
                assertThat(b.iterations()).containsExactly(a.iterations());
                assertThat(b.values()).containsExactly(a.values());
                assertThat(b.pointIterations()).containsExactly(a.pointIterations());
                assertThat(b.points()).isDeepEqualTo(a.points());
            }
        }
    }

    /** A mini-batch run records the loss once per pass: every pass is kept, one pass or two. */
    @Test
    void aMiniBatchPathKeepsEveryPass(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 7; i++) {
            csv.append(i * 0.25).append(',').append(1 + 0.5 * i + 0.1 * (i % 3)).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("d.csv"), csv);
        java.nio.file.Path cfg = dir.resolve("c.yaml");
        java.nio.file.Files.writeString(cfg, """
                name: path
                objective: {model: linear_regression, data: d.csv, target: y}
                starts: {count: 3}
                optimizer:
                  learning_rate: 0.01
                  batch_size: 3
                  max_iterations: 2000
                  stop: {gradient_norm: 0}
                """);
        Plan plan = Plan.of(ConfigLoader.load(cfg));
        // 7 rows in batches of 3: a pass is 3 steps; 2000 steps are 666 passes and two steps more,
        // recorded at 668 points, all kept (every stride-th of 2000 steps would keep every sixth)
        for (long cells : new long[] {Trajectory.RECORD_CELLS, 1}) {
            for (Trajectory t : Trajectory.sample(plan, 3, 0, 1, cells)) {
                assertThat(t.iterations()).hasSize(668);
                assertThat(t.iterations()[1]).isEqualTo(3);
                assertThat(t.iterations()[666]).isEqualTo(1998);
                assertThat(t.iterations()[667]).isEqualTo(2000);
                assertThat(t.pointIterations()).containsExactly(t.iterations());
            }
        }
    }
}
