package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import multistart.analysis.Classifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hessian check costs 2n gradients and an n^3 eigendecomposition per end point (a sweep
 * of 12 runs of rosenbrock in 1700-d once spent 8 minutes on it after a 0.1 s run phase), so
 * in high dimension it is bounded by a count of points, and what goes unchecked is said.
 */
class HighDimensionTest {

    @TempDir
    Path tmp;

    Path run(String name, String objective, int starts, String optimizer, int threads) throws Exception {
        Path cfg = tmp.resolve(name + ".yaml");
        Files.writeString(cfg, """
                name: %s
                objective: %s
                starts: {count: %d}
                optimizer: %s
                output: {trajectories: 0, charts: false}
                """.formatted(name, objective, starts, optimizer));
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
    void aboveTheLimitNoHessianIsFormedAndTheSummarySaysSo() throws Exception {
        long t0 = System.nanoTime();
        Path out = run("wide", "{builtin: rosenbrock, dimension: 1500}", 4,
                "{method: [gd, momentum], learning_rate: 1.0e-4, max_iterations: 3}", 2);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(60.0);
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"hessian_unchecked\" : 8");
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("8 were not checked: in 1500 dimensions no Hessian is formed (above 1000)");
        List<String> minima = Files.readAllLines(out.resolve("minima.csv"));
        assertThat(minima).hasSize(1 + 8);
        assertThat(minima.subList(1, minima.size())).allMatch(row -> row.contains(",unresolved,"));
    }

    @Test
    void theBestEndPointsGetTheCheckTheSameOnAnyThreadCount() throws Exception {
        // rastrigin in 400-d: every run converges to its own local minimum; 15 eigendecompositions
        String objective = "{builtin: rastrigin, dimension: 400}";
        String optimizer = "{method: gd, learning_rate: 0.002, max_iterations: 4000, stop: {gradient_norm: 1.0e-9}}";
        int budget = Classifier.eigenBudget(400);
        assertThat(budget).isEqualTo(15);
        Path one = run("deep", objective, 24, optimizer, 1);
        Path two = run("deep", objective, 24, optimizer, 2);
        assertThat(Files.readString(two.resolve("minima.csv"))).isEqualTo(Files.readString(one.resolve("minima.csv")));
        List<String> rows = Files.readAllLines(one.resolve("minima.csv"));
        assertThat(rows).hasSize(1 + 24);
        // the 15 best are checked (minima: converged, positive definite), the 9 others are not
        for (int b = 1; b <= 24; b++) {
            assertThat(rows.get(b)).as("basin %d", b).contains(b <= budget ? ",minimum," : ",unresolved,");
        }
        assertThat(Files.readString(one.resolve("result.json"))).contains("\"hessian_unchecked\" : 9");
        assertThat(Files.readString(one.resolve("summary.md"))).contains("9 were not checked: in 400 dimensions "
                + "the Hessian check is done for the best end points only");
    }
}
