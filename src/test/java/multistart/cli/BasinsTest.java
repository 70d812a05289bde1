package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import multistart.objective.Builtin;
import multistart.objective.Builtins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Minima found from many starts, checked against the literature's minima. */
class BasinsTest {

    @TempDir
    Path tmp;

    /** Rows of minima.csv: basin, coordinates..., value, kind, hits, share, best_run. */
    List<String[]> minima(String yaml) throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, yaml);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--force");
        assertThat(r.code()).as(r.err()).isZero();
        return Files.readAllLines(out.resolve("minima.csv")).stream().skip(1).map(l -> l.split(",")).toList();
    }

    static List<String[]> ofKind(List<String[]> rows, String kind) {
        return rows.stream().filter(r -> r[r.length - 4].equals(kind)).toList();
    }

    /** Each literature point is matched by exactly one row, within {@code tol}. */
    static void matchEach(List<String[]> rows, List<double[]> points, double tol) {
        assertThat(rows).hasSameSizeAs(points);
        for (double[] p : points) {
            long matches = rows.stream().filter(r -> Math.hypot(Double.parseDouble(r[1]) - p[0],
                    Double.parseDouble(r[2]) - p[1]) < tol).count();
            assertThat(matches).as("minimum near (%s, %s)", p[0], p[1]).isEqualTo(1);
        }
    }

    @Test
    void peaksHasExactlyItsThreeMinimaBasinOneGlobal() throws IOException {
        List<String[]> rows = minima("""
                name: p
                objective: {builtin: peaks}
                starts: {count: 400, sampler: sobol}
                optimizer: {method: gd, learning_rate: 0.05, max_iterations: 5000}
                """);
        List<String[]> mins = ofKind(rows, "minimum");
        // literature: MATLAB peaks' minima, values polished in 50 digits
        matchEach(mins, List.of(new double[] {0.22827892055636909, -1.6255349574999964},
                new double[] {-1.3473962443682108, 0.20451886609700518},
                new double[] {0.2964455538468321, 0.32019624766683435}), 1e-4);
        assertThat(rows.get(0)[0]).isEqualTo("1");
        assertThat(Double.parseDouble(rows.get(0)[3])).isCloseTo(-6.551133332835837, within(1e-12));
        assertThat(rows.get(0)[4]).isEqualTo("minimum");
    }

    @Test
    void himmelblauHasFourMinima() throws IOException {
        List<String[]> rows = minima("""
                name: h
                objective: {builtin: himmelblau}
                starts: {count: 300, sampler: halton}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 3000}
                """);
        Builtin b = Builtins.find("himmelblau").orElseThrow();
        matchEach(ofKind(rows, "minimum"), b.minimum(2).points(), 1e-4);
        for (String[] r : ofKind(rows, "minimum")) {
            assertThat(Double.parseDouble(r[3])).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void sixHumpCamelHasSixMinimaAndTheSaddleAtTheOriginIsNotOne() throws IOException {
        List<String[]> rows = minima("""
                name: c
                objective: {builtin: six-hump-camel}
                starts: {count: 500, sampler: sobol, points: [[0.0, 0.0]]}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 4000}
                """);
        // the literature's six: two global, then pairs at -0.2155 and 2.1043
        matchEach(ofKind(rows, "minimum"), List.of(new double[] {0.08984201310031806, -0.7126564030207396},
                new double[] {-0.08984201310031806, 0.7126564030207396},
                new double[] {-1.703606714969981, 0.7960835686726251},
                new double[] {1.703606714969981, -0.7960835686726251},
                new double[] {-1.6071047529201972, -0.5686514548841314},
                new double[] {1.6071047529201972, 0.5686514548841314}), 1e-4);
        // the explicit start at the origin sits on a stationary point with an indefinite Hessian
        assertThat(ofKind(rows, "saddle")).anySatisfy(r -> {
            assertThat(Double.parseDouble(r[1])).isEqualTo(0.0);
            assertThat(Double.parseDouble(r[2])).isEqualTo(0.0);
        });
        assertThat(Double.parseDouble(rows.get(0)[3])).isCloseTo(-1.0316284534898774, within(1e-12));
    }

    @Test
    void braninsThreeGlobalMinimaWithAdamAndADecayingRate() throws IOException {
        List<String[]> rows = minima("""
                name: b
                objective: {builtin: branin}
                starts: {count: 300, sampler: latin_hypercube}
                optimizer: {method: adam, learning_rate: 0.1, decay: 0.999, max_iterations: 5000}
                basins: {tolerance: 1.0e-3}
                """);
        List<String[]> inDomain = ofKind(rows, "minimum").stream().filter(r -> Double.parseDouble(r[1]) <= 10).toList();
        matchEach(inDomain, Builtins.find("branin").orElseThrow().minimum(2).points(), 1e-3);
        for (String[] r : inDomain) {
            assertThat(Double.parseDouble(r[3])).isCloseTo(0.3978873577297383, within(1e-9));
        }
    }

    @Test
    void aStartStrandedOnAPlateauIsUnresolvedNotAMinimum() throws IOException {
        // arctan(x)^2 far from 0: the gradient ~ pi / x^2 is below the stop test at x = 3000
        List<String[]> rows = minima("""
                name: a
                objective: {builtin: arctan}
                starts: {count: 0, points: [[3000.0], [0.5]]}
                optimizer: {method: gd, learning_rate: 0.1, max_iterations: 1000}
                """);
        assertThat(rows).hasSize(2);
        // gd stops at |g| = 2 atan(x) / (1 + x^2) < 1e-6, i.e. |x| < 5e-7
        assertThat(Math.abs(Double.parseDouble(rows.get(0)[1]))).isLessThan(5e-7);
        assertThat(rows.get(0)[3]).isEqualTo("minimum");
        assertThat(Double.parseDouble(rows.get(1)[1])).isGreaterThan(2999);
        assertThat(rows.get(1)[3]).isEqualTo("unresolved");
    }

    @Test
    void endPointsFarOutOnPeaksPlateauAreUnresolvedAndTheSweepCompletes() throws IOException {
        // heavy ball with a large rate throws runs far from peaks' bumps, where its Hessian is
        // about 1e-155: the eigendecomposition once failed there and took the sweep with it
        List<String[]> rows = minima("""
                name: p
                seed: 13
                objective: {builtin: peaks}
                starts: {count: 157, sampler: uniform}
                optimizer: {method: [gd, momentum, nesterov, adagrad, rmsprop, adam], learning_rate: [0.05, 0.9],
                  decay: [1.0, 0.98], momentum: 0.8, max_iterations: 250, stop: {gradient_norm: 0},
                  divergence: 1.0e3}
                output: {charts: false, trajectories: 0}
                """);
        assertThat(rows).anySatisfy(r -> {
            assertThat(Math.hypot(Double.parseDouble(r[1]), Double.parseDouble(r[2]))).isGreaterThan(10);
            assertThat(r[4]).isEqualTo("unresolved");
        });
    }
}
