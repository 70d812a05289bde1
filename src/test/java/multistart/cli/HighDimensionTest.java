package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import multistart.analysis.Classifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dense Hessian check costs 2n gradients and an n^3 eigendecomposition per end point (a
 * sweep of 12 runs of rosenbrock in 1700-d once spent 8 minutes on it after a 0.1 s run phase),
 * so in high dimension it is bounded by a count of points; the next points get the matrix-free
 * check (Lanczos), bounded too, and what goes unchecked is said.
 */
class HighDimensionTest {

    @TempDir
    Path tmp;

    Path run(String name, String objective, int starts, String optimizer, int threads) throws Exception {
        return run(name, objective, starts, optimizer, threads, "{trajectories: 0, charts: false}");
    }

    Path run(String name, String objective, int starts, String optimizer, int threads, String output)
            throws Exception {
        Path cfg = tmp.resolve(name + ".yaml");
        Files.writeString(cfg, """
                name: %s
                objective: %s
                starts: {count: %d}
                optimizer: %s
                output: %s
                """.formatted(name, objective, starts, optimizer, output));
        Path out = tmp.resolve(name + "-" + threads);
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--force", "--threads",
                String.valueOf(threads));
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    @Test
    void budgetsShrinkWithTheDimensionAndStopAtTheLimit() {
        assertThat(Classifier.eigenBudget(10)).isGreaterThan(100_000);
        assertThat(Classifier.eigenBudget(100)).isEqualTo(1000);
        assertThat(Classifier.eigenBudget(Classifier.MAX_DIMENSION)).isEqualTo(1);
        assertThat(Classifier.eigenBudget(Classifier.MAX_DIMENSION + 1)).isZero();
        assertThat(Classifier.hessianBudget(Classifier.MAX_DIMENSION)).isGreaterThanOrEqualTo(100);
        assertThat(Classifier.hessianBudget(Classifier.MAX_DIMENSION + 1)).isZero();
    }

    @Test
    void aboveTheLimitTheMatrixFreeCheckClassifiesTheEndPoints() throws Exception {
        long t0 = System.nanoTime();
        // three steps from random starts: nowhere near stationary, so checked and unresolved
        Path out = run("wide", "{builtin: rosenbrock, dimension: 1500}", 4,
                "{method: [gd, momentum], learning_rate: 1.0e-4, max_iterations: 3}", 2);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(60.0);
        String json = Files.readString(out.resolve("result.json"));
        assertThat(json).contains("\"hessian_unchecked\" : 0");
        assertThat(Files.readString(out.resolve("summary.md"))).doesNotContain("not checked");
        List<String> minima = Files.readAllLines(out.resolve("minima.csv"));
        assertThat(minima).hasSize(1 + 8);
        assertThat(minima.subList(1, minima.size())).allMatch(row -> row.contains(",unresolved,"));
        // the sphere's minimum in 2000-d: H = 2I
        Path sphere = run("sphere", "{builtin: sphere, dimension: 2000}", 6,
                "{method: gd, learning_rate: 0.1, max_iterations: 500}", 2);
        List<String> rows = Files.readAllLines(sphere.resolve("minima.csv"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains(",minimum,");
        java.util.Map<?, ?> m = (java.util.Map<?, ?>) ((List<?>) ComboHitsTest.parse(sphere.resolve("result.json"))
                .get("minima")).get(0);
        assertThat((List<?>) m.get("hessian_eigenvalues")).isEmpty();
        for (Object e : (List<?>) m.get("hessian_extremes")) {
            assertThat((Double) e).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void pastTheBudgetTheRestAreUncheckedTheSameOnAnyThreadCountAndTheSummarySaysSo() throws Exception {
        // 10 000-d, three steps from 192 random starts: each end point's check takes about 20
        // Lanczos steps, 4e7 flops as counted, so the 5e9 budget runs out after about 130
        String objective = "{builtin: rosenbrock, dimension: 10000}\ndomain: {'*': [-2, 2]}";
        String optimizer = "{method: gd, learning_rate: 1.0e-4, max_iterations: 3}";
        Path one = run("widest", objective, 192, optimizer, 1);
        Path two = run("widest", objective, 192, optimizer, 2);
        assertThat(Files.mismatch(one.resolve("minima.csv"), two.resolve("minima.csv"))).isEqualTo(-1L);
        Object unchecked = ComboHitsTest.parse(one.resolve("result.json")).get("hessian_unchecked");
        assertThat((Long) unchecked).isBetween(20L, 100L);
        assertThat(Files.readString(one.resolve("summary.md"))).contains(unchecked + " were not checked: in 10000 "
                + "dimensions the Hessian check is done for the best end points only (by the Lanczos process on "
                + "Hessian-vector products until its budget of 5e9 flops is spent; above 1000 no dense Hessian is "
                + "formed), so they may be minima.");
        assertThat(ComboHitsTest.parse(two.resolve("result.json")).get("hessian_unchecked")).isEqualTo(unchecked);
    }

    @Test
    void theBestEndPointsGetTheDenseCheckTheNextTheMatrixFreeOneTheSameOnAnyThreadCount() throws Exception {
        // rastrigin in 400-d: every run converges to its own local minimum; 15 eigendecompositions,
        // then the matrix-free check
        String objective = "{builtin: rastrigin, dimension: 400}";
        String optimizer = "{method: gd, learning_rate: 0.002, max_iterations: 4000, stop: {gradient_norm: 1.0e-9}}";
        int budget = Classifier.eigenBudget(400);
        assertThat(budget).isEqualTo(15);
        Path one = run("deep", objective, 24, optimizer, 1);
        Path two = run("deep", objective, 24, optimizer, 2);
        assertThat(Files.readString(two.resolve("minima.csv"))).isEqualTo(Files.readString(one.resolve("minima.csv")));
        List<String> rows = Files.readAllLines(one.resolve("minima.csv"));
        assertThat(rows).hasSize(1 + 24);
        // every one a minimum (converged, positive definite): the 15 best with all 400 eigenvalues,
        // the 9 others with the least and the greatest
        for (int b = 1; b <= 24; b++) {
            assertThat(rows.get(b)).as("basin %d", b).contains(",minimum,");
        }
        String json = Files.readString(one.resolve("result.json"));
        assertThat(json).contains("\"hessian_unchecked\" : 0");
        List<?> minima = (List<?>) ComboHitsTest.parse(one.resolve("result.json")).get("minima");
        for (int b = 1; b <= 24; b++) {
            java.util.Map<?, ?> m = (java.util.Map<?, ?>) minima.get(b - 1);
            assertThat((List<?>) m.get("hessian_eigenvalues")).as("basin %d", b).hasSize(b <= budget ? 400 : 0);
            List<?> extremes = (List<?>) m.get("hessian_extremes");
            assertThat(extremes).hasSize(2);
            // at rastrigin's minima near the integers 2 + 40 pi^2 cos(2 pi x) is close to 2 + 40 pi^2
            for (Object e : extremes) {
                assertThat((Double) e).isBetween(350.0, 2 + 40 * Math.PI * Math.PI);
            }
        }
        assertThat(Files.readString(one.resolve("summary.md"))).doesNotContain("not checked");
    }

    /**
     * Sample paths in 2000-d keep 10 points each (Trajectory.maxPoints) and every value: 20 paths
     * of 501 points had made this result.json about 400 MB.
     */
    @Test
    void samplePathsInHighDimensionKeepFewPointsAndEveryValue() throws Exception {
        Path out = run("paths", "{builtin: sphere, dimension: 2000}", 20,
                "{method: gd, learning_rate: 0.1, max_iterations: 500, stop: {gradient_norm: 0}}", 2,
                "{trajectories: 20, charts: false}");
        assertThat(Files.size(out.resolve("result.json"))).isLessThan(10_000_000L);
        List<?> paths = (List<?>) ComboHitsTest.parse(out.resolve("result.json")).get("trajectories");
        assertThat(paths).hasSize(20);
        for (Object o : paths) {
            java.util.Map<?, ?> t = (java.util.Map<?, ?>) o;
            assertThat((List<?>) t.get("iterations")).hasSize(501);
            assertThat((List<?>) t.get("values")).hasSize(501);
            List<?> at = (List<?>) t.get("point_iterations");
            assertThat(at).hasSize(10);
            assertThat(at.get(0)).isEqualTo(0L);
            assertThat(at.get(9)).isEqualTo(500L);
            List<?> points = (List<?>) t.get("points");
            assertThat(points).hasSize(10);
            assertThat((List<?>) points.get(9)).hasSize(2000);
        }
    }
}
