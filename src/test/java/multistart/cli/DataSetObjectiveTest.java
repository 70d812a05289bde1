package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import multistart.config.ConfigDump;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC's data-set objectives from the command line: a model's loss over a CSV file, the batch
 * size as a sweep axis, the errors a bad file or key gets, and the example configs' minima
 * against values computed here independently (least squares by the normal equations, logistic
 * regression by Newton's method).
 */
class DataSetObjectiveTest {

    @TempDir
    Path tmp;

    static final String DATA = "x,group,y\n0,a,1\n1,b,3.5\n2,a,4\n3,b,7.5\n4,a,8\n5,b,11\n";

    /**
     * Lines: name 1, objective 2, model 3, data 4, target 5, starts 6, count 7, optimizer 8, rate 9, batch 10,
     * iterations 11.
     */
    static final String BASE = """
            name: m
            objective:
              model: linear_regression
              data: d.csv
              target: y
            starts:
              count: 12
            optimizer:
              learning_rate: 0.02
              batch_size: [2, full]
              max_iterations: 400
            """;

    Path write(String yaml, String data) throws IOException {
        Files.writeString(tmp.resolve("d.csv"), data);
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, yaml);
        return cfg;
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("unknown model", BASE.replace("model: linear_regression", "model: linear_regresion"), DATA,
                        ":3:3: objective.model: unknown model 'linear_regresion', did you mean 'linear_regression'?"),
                Arguments.of("no data key", BASE.replace("  data: d.csv\n", ""), DATA,
                        ":3:3: objective.data: missing: a model needs a CSV file"),
                Arguments.of("no target key", BASE.replace("  target: y\n", ""), DATA,
                        ":3:3: objective.target: missing: a model needs the column to predict"),
                Arguments.of("no such file", BASE.replace("data: d.csv", "data: nowhere.csv"), DATA,
                        ":4:3: objective.data: no such file: nowhere.csv"),
                Arguments.of("no such column", BASE.replace("target: y", "target: z"), DATA,
                        ":5:3: objective.target: d.csv has no column 'z' (the target); its columns: x, group, y"),
                Arguments.of("a bad cell", BASE, DATA.replace("2,a,4", "2,a,4x"),
                        ":4:3: objective.data: d.csv:4: column 'y' (3): not a number: '4x'"),
                Arguments.of("a short row", BASE, DATA.replace("3,b,7.5", "3,7.5"),
                        ":4:3: objective.data: d.csv:5: has 2 fields, the header 3"),
                Arguments.of("logistic on a real target", BASE.replace("linear_regression", "logistic_regression"),
                        DATA,
                        ":5:3: objective.target: logistic_regression predicts two classes, 0 and 1, but column 'y' "
                                + "holds 3.5"
                                + " (example 2 of d.csv)"),
                Arguments.of("maximize a loss", BASE.replace("  target: y\n", "  target: y\n  goal: maximize\n"), DATA,
                        ":6:3: objective.goal: a model's loss is minimized"),
                Arguments.of("numeric derivatives", BASE.replace("  target: y\n",
                        "  target: y\n  derivatives: numeric\n"),
                        DATA, ":6:3: objective.derivatives: a model's gradient is exact"),
                Arguments.of("a dimension", BASE.replace("  target: y\n", "  target: y\n  dimension: 3\n"), DATA,
                        ":6:3: objective.dimension: does not apply to objective.model"),
                Arguments.of("builtin and model", BASE.replace("  target: y\n", "  target: y\n  builtin: sphere\n"),
                        DATA,
                        ":3:3: objective.model: give one of builtin, expression or model, not builtin and model"),
                Arguments.of("batch of none", BASE.replace("[2, full]", "[0, full]"), DATA,
                        ":10:16: optimizer.batch_size: must be between 1 and 2147483647 rows, or full, got 0"),
                Arguments.of("batch of a fraction", BASE.replace("[2, full]", "2.5"), DATA,
                        ":10:3: optimizer.batch_size: must be a whole number of rows or full, got 2.5"),
                Arguments.of("batch of words", BASE.replace("[2, full]", "half"), DATA,
                        ":10:3: optimizer.batch_size: must be a number"),
                Arguments.of("full twice", BASE.replace("[2, full]", "[full, 2, full]"), DATA,
                        ":10:25: optimizer.batch_size: value full is listed twice"),
                Arguments.of("sgd", BASE.replace("learning_rate: 0.02", "method: sgd\n  learning_rate: 0.02"), DATA,
                        ":9:3: optimizer.method: unknown method 'sgd': stochastic gradient descent is gd with"
                                + " optimizer.batch_size (rows per step)"),
                Arguments.of("a domain key that is no weight", BASE + "domain:\n  w_z: [0, 1]\n", DATA,
                        ":13:3: domain.w_z: unknown key, did you mean 'w_x'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badInputExitsTwoNamingTheKeyAndWritesNothing(String what, String yaml, String data, String expected)
            throws IOException {
        Path cfg = write(yaml, data);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(cfg + expected);
        assertThat(out).doesNotExist();
    }

    @Test
    void theDataFileIsFoundBesideTheConfigAndTheWeightsAreNamedAfterTheColumns() throws IOException {
        Path cfg = write(BASE, DATA);
        Cli v = Cli.run("validate", cfg.toString());
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("model linear_regression on d.csv (6 rows, 1 feature, predicting y; left out, "
                + "holding no numbers: group)")
                .contains("variables: w_x, bias").contains("batch_size=2").contains("batch_size=full")
                .contains("basin map: none (a linear or logistic regression loss is convex").doesNotContain("warning");
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("runs.csv")).get(0))
                .isEqualTo("run,start,combo,batch_size,start_w_x,start_bias,end_w_x,end_bias,value,gradient_norm,"
                        + "iterations,status,basin");
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).element(2).asString().startsWith("1,full,12,");
        String json = Files.readString(out.resolve("result.json"));
        assertThat(json).contains("\"model\" : \"linear_regression\"").contains("\"ignored_columns\" : [ \"group\" ]")
                .contains("\"batch_size\" : [ 2, \"full\" ]").contains("\"data_sha256\" : \"");
        assertThat(out.resolve("basins.png")).doesNotExist();
        assertThat(out.resolve("convergence.png")).isNotEmptyFile();
    }

    /**
     * x = -1, 1, -1, 1 with a bias: [X 1]^T [X 1] is 4 I, so the Hessian (2/4) 4 I = 2 I and gd
     * converges for every rate below 2 / 2 = 1 and diverges above it, from every start.
     */
    @Test
    void linearRegressionsLargestCurvatureSetsTheRateWhereGdDiverges() throws IOException {
        Path cfg = write(BASE.replace("[2, full]", "full").replace("learning_rate: 0.02", "learning_rate: [0.98, 1.02]")
                .replace("max_iterations: 400", "max_iterations: 5000"), "x,y\n-1,0.5\n1,1\n-1,2\n1,-1\n");
        Cli v = Cli.run("validate", cfg.toString());
        assertThat(v.out()).contains("curvature: the loss is a quadratic whose Hessian has eigenvalues from 2 to 2,"
                + " so gd at a constant rate converges from every start for learning_rate below 2 / 2 = 1, and from"
                + " almost none above it (momentum with coefficient b: below 2 (1 + b) / 2; nesterov: below 2 (1 + b) /"
                + " ((1 + 2 b) 2))");
        Path out = tmp.resolve("out");
        assertThat(Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet").code()).isZero();
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        // combo,learning_rate,runs,converged,diverged,...
        assertThat(sweep.get(1)).startsWith("0,0.98,12,12,0,");
        assertThat(sweep.get(2)).startsWith("1,1.02,12,0,12,");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("The loss is a quadratic whose Hessian");
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"gd_learning_rate_limit\" : 1.0");
        // momentum 0.5: heavy ball up to 2 (1.5) / 2 = 1.5, nesterov up to 3 / (2 x 2) = 0.75
        Files.writeString(cfg, BASE.replace("[2, full]", "full").replace("learning_rate: 0.02",
                "method: [momentum, nesterov]\n  momentum: 0.5\n  learning_rate: [0.73, 0.77, 1.47, 1.53]")
                .replace("max_iterations: 400", "max_iterations: 5000"));
        Path second = tmp.resolve("second");
        assertThat(Cli.run("run", cfg.toString(), "--out", second.toString(), "--quiet").code()).isZero();
        List<String> rows = Files.readAllLines(second.resolve("sweep.csv"));
        // combo,method,learning_rate,runs,converged,diverged,...
        assertThat(rows.get(1)).startsWith("0,momentum,0.73,12,12,0,");
        assertThat(rows.get(2)).startsWith("1,momentum,0.77,12,12,0,");
        assertThat(rows.get(3)).startsWith("2,momentum,1.47,12,12,0,");
        assertThat(rows.get(4)).startsWith("3,momentum,1.53,12,0,12,");
        assertThat(rows.get(5)).startsWith("4,nesterov,0.73,12,12,0,");
        assertThat(rows.get(6)).startsWith("5,nesterov,0.77,12,0,12,");
        // condition number 1: gd at the best rate 2 / (2 + 2) lands on the minimum in one step
        assertThat(v.out()).contains("condition number 1: at its best constant rate, 2 / (2 + 2) = 0.5, gd shrinks"
                + " the distance to the minimum by a factor 0 per step\n");
        Files.writeString(cfg, BASE.replace("[2, full]", "full").replace("learning_rate: 0.02", "learning_rate: 0.5"));
        Path third = tmp.resolve("third");
        assertThat(Cli.run("run", cfg.toString(), "--out", third.toString(), "--quiet").code()).isZero();
        List<String> runs = Files.readAllLines(third.resolve("runs.csv"));
        for (String run : runs.subList(1, runs.size())) {
            assertThat(run).endsWith(",1,converged,1");
        }
        // dependent columns: the Hessian is singular, and validate says what that means
        Files.writeString(cfg, BASE.replace("[2, full]", "full"));
        Files.writeString(tmp.resolve("d.csv"), "a,b,y\n1,2,3\n2,4,5\n3,6,8\n4,8,8\n");
        assertThat(Cli.run("validate", cfg.toString()).out()).contains("the smallest is 0 to rounding: columns of the"
                + " data depend on one another (b = 2 a on every row), so the weights");
    }

    /**
     * Logistic regression on x = 0..5, labels 0 0 1 0 1 1 (overlapping: a finite minimum): its
     * minimum solved here by Newton's method on (w, b), the Hessian there, (1/6) sum s(1 - s)
     * [x^2 x; x 1], and its eigenvalues in closed form, tr/2 -+ sqrt(tr^2/4 - det). result.json
     * carries them, and gd started beside the minimum settles there at 0.97 of 2 / L and at 1.03
     * of it does not settle at all.
     */
    @Test
    void logisticRegressionsHessianAtItsMinimumGivesTheRateAboveWhichGdCannotSettleThere() throws IOException {
        double[] xs = {0, 1, 2, 3, 4, 5};
        double[] ys = {0, 0, 1, 0, 1, 1};
        double w = 0;
        double b = 0;
        double[] h = new double[3];
        for (int it = 0; it < 100; it++) {
            double gw = 0;
            double gb = 0;
            h = new double[3];
            for (int i = 0; i < 6; i++) {
                double s = 1 / (1 + Math.exp(-(w * xs[i] + b)));
                gw += (s - ys[i]) * xs[i] / 6;
                gb += (s - ys[i]) / 6;
                h[0] += s * (1 - s) * xs[i] * xs[i] / 6;
                h[1] += s * (1 - s) * xs[i] / 6;
                h[2] += s * (1 - s) / 6;
            }
            double det = h[0] * h[2] - h[1] * h[1];
            w -= (h[2] * gw - h[1] * gb) / det;
            b -= (h[0] * gb - h[1] * gw) / det;
        }
        double half = (h[0] + h[2]) / 2;
        double root = Math.sqrt(half * half - (h[0] * h[2] - h[1] * h[1]));
        double small = half - root;
        double large = half + root;
        double limit = 2 / large;
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 6; i++) {
            csv.append((int) xs[i]).append(',').append((int) ys[i]).append('\n');
        }
        Path cfg = write(String.format(java.util.Locale.ROOT, """
                name: m
                objective:
                  model: logistic_regression
                  data: d.csv
                  target: y
                domain:
                  w_x: [%s, %s]
                  bias: [%s, %s]
                starts:
                  count: 8
                optimizer:
                  method: gd
                  learning_rate: [%s, %s]
                  max_iterations: 4000
                  stop: {gradient_norm: 1.0e-9}
                """, w - 0.01, w + 0.01, b - 0.01, b + 0.01, 0.97 * limit, 1.03 * limit), csv.toString());
        Cli v = Cli.run("validate", cfg.toString());
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("curvature: at the minimum the loss's Hessian has eigenvalues from ")
                .contains(String.format(java.util.Locale.ROOT, "gd at a constant rate settles there only for"
                        + " learning_rate below 2 / %.6g = %.6g", large, limit));
        Path out = tmp.resolve("out");
        assertThat(Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet").code()).isZero();
        @SuppressWarnings("unchecked")
        List<Number> eigen = (List<Number>) ((java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                ComboHitsTest.parse(out.resolve("result.json")).get("config")).get("objective"))
                .get("hessian_eigenvalues");
        assertThat(eigen.get(0).doubleValue()).isCloseTo(small, within(1e-9 * large));
        assertThat(eigen.get(1).doubleValue()).isCloseTo(large, within(1e-9 * large));
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        // combo,learning_rate,runs,converged,diverged,...: below the limit all 8 settle, above it none
        assertThat(sweep.get(1).split(",")[3]).isEqualTo("8");
        assertThat(sweep.get(2).split(",")[3]).isEqualTo("0");
        assertThat(Files.readString(out.resolve("summary.md"))).contains(" At the minimum the loss's Hessian has");
    }

    /**
     * configs/data/linear.csv's least-squares fit has w_x1 = 2.99, outside the weights' start box
     * [-2, 2]^3: mini-batch runs at a constant rate hover about it, outside the box, and the
     * summary says they stopped beside a minimum outside the domain (within a tenth of its widest
     * side, checked here against the solved fit), not that they walked out over falling ground.
     */
    @Test
    void runsHoveringAboutAFitOutsideTheStartBoxAreSaidToBeBesideIt() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, """
                name: sgd
                objective:
                  model: linear_regression
                  data: %s
                  target: y
                domain: {"*": [-2, 2]}
                starts: {count: 30}
                optimizer:
                  method: gd
                  learning_rate: 0.05
                  batch_size: [1, 8, full]
                  max_iterations: 2000
                """.formatted(Path.of("configs/data/linear.csv").toAbsolutePath()));
        Path out = tmp.resolve("out");
        assertThat(Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet").code()).isZero();
        @SuppressWarnings("unchecked")
        List<Number> fit = (List<Number>) ((java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                ComboHitsTest.parse(out.resolve("result.json")).get("config")).get("objective")).get("solved_at");
        assertThat(Math.abs(fit.get(0).doubleValue())).isGreaterThan(2);
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = List.of(runs.get(0).split(","));
        int end = header.indexOf("end_w_x1");
        int outside = 0;
        for (String line : runs.subList(1, runs.size())) {
            String[] f = line.split(",");
            if (f[header.indexOf("basin")].equals("1")) {
                continue; // the fit itself
            }
            double d2 = 0;
            boolean out1 = false;
            for (int j = 0; j < 3; j++) {
                double w = Double.parseDouble(f[end + j]);
                out1 |= Math.abs(w) > 2;
                d2 += (w - fit.get(j).doubleValue()) * (w - fit.get(j).doubleValue());
            }
            if (out1) {
                outside++;
                assertThat(Math.sqrt(d2)).as(line).isLessThan(0.1 * 4);
            }
        }
        assertThat(outside).isPositive();
        assertThat(Files.readString(out.resolve("summary.md"))).contains(outside + " runs (").contains("of all) ended"
                + " outside the domain, which bounds the starts, not the runs: they stopped beside a minimum that lies"
                + " outside the domain too (basin 1): the domain holds the starts, not the minimum.");
    }

    /**
     * The relation the columns satisfy, exactly or nearly, is named from the Hessian's flattest
     * direction: for data built as c = a + b, and as b = 2a + 0.001 s with s = (1, -1, -1, 1)
     * orthogonal to a and to the bias column, whose best relation is b = 2a with an r.m.s.
     * residual of 0.001 (b's own r.m.s. sqrt(30.000001) = 5.477).
     */
    @Test
    void validateNamesTheRelationAmongDependentOrNearlyDependentColumns() throws IOException {
        Path cfg = write(BASE.replace("[2, full]", "full"), "a,b,c,y\n1,2,3,1\n2,0,2,5\n0,3,3,2\n4,1,5,0\n"
                + "3,3,6,2\n");
        assertThat(Cli.run("validate", cfg.toString()).out()).contains("depend on one another (c = a + b on every"
                + " row)");
        Files.writeString(tmp.resolve("d.csv"), "a,b,y\n1,2.001,2\n2,3.999,3\n3,5.999,4\n4,8.001,5\n");
        Cli v = Cli.run("validate", cfg.toString());
        assertThat(v.out()).contains("; along the flattest direction the columns nearly satisfy b = 2 a (r.m.s."
                + " residual 0.001 over the rows, where b's own r.m.s. is 5.48): the data hardly tell those weights"
                + " apart");
        Path out = tmp.resolve("out");
        assertThat(Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet").code()).isZero();
        assertThat(Files.readString(out.resolve("summary.md"))).contains("nearly satisfy b = 2 a (r.m.s.");
        // the direction itself, weights then bias: (2, -1, 0) / sqrt(5) to first order in 0.001
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"flattest_direction\" : \\[ (\\S+), (\\S+),"
                + " (\\S+) \\]").matcher(Files.readString(out.resolve("result.json")));
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(2 / Math.sqrt(5), within(1e-5));
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(-1 / Math.sqrt(5), within(1e-5));
        assertThat(Double.parseDouble(m.group(3))).isCloseTo(0, within(1e-5));
    }

    @Test
    void aKnownMinimumTheConfigGivesIsTheTargetAndNotCalledTheFit() throws IOException {
        Path cfg = write(BASE.replace("  target: y\n", "  target: y\n  known_minimum: 0.125\n"), DATA);
        Cli v = Cli.run("validate", cfg.toString());
        assertThat(v.out()).contains("known optimum 0.125\n").doesNotContain("least-squares")
                .contains("curvature: the loss is a quadratic");
        Path out = tmp.resolve("out");
        assertThat(Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet").code()).isZero();
        assertThat(Files.readString(out.resolve("summary.md"))).contains("Known optimum: 0.125 (")
                .doesNotContain("least-squares fit");
        assertThat(Files.readString(out.resolve("result.json"))).doesNotContain("solved_at");
        Files.writeString(cfg, BASE.replace("  target: y\n", "  target: y\n  difference_step: 0.01\n"));
        assertThat(Cli.run("validate", cfg.toString()).out())
                .contains(":6:3: objective.difference_step: changes nothing: a model's gradient is exact\n");
    }

    @Test
    void aModelWithMoreWeightsThanTheExactSolutionTakesRunsWithoutOne() throws IOException {
        // 500 features over 20 rows: 501 weights, more than the 400 solved before a sweep
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < 500; j++) {
            csv.append('f').append(j).append(',');
        }
        csv.append("y\n");
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 500; j++) {
                csv.append(r.nextInt(5)).append(',');
            }
            csv.append(r.nextInt(2)).append('\n');
        }
        Path cfg = write(BASE.replace("linear_regression", "logistic_regression").replace("count: 12", "count: 2")
                .replace("[2, full]", "full").replace("max_iterations: 400", "max_iterations: 20"), csv.toString());
        Cli v = Cli.run("validate", cfg.toString());
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("variables: w_f0, w_f1, w_f2").contains("known optimum: not solved exactly: 501"
                + " weights over 20 rows is more than the 400 weights multistart solves before a sweep; success is"
                + " against the best value found, or objective.known_minimum");
        Path out = tmp.resolve("out");
        assertThat(Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet").code()).isZero();
        assertThat(Files.readAllLines(out.resolve("runs.csv")).get(0)).contains(",end_w_f499,end_bias,");
    }

    @Test
    void aBatchOfAtLeastEveryRowIsWarnedAsAFullBatch() throws IOException {
        Path cfg = write(BASE.replace("[2, full]", "[2, 6]"), DATA);
        Cli v = Cli.run("validate", cfg.toString());
        assertThat(v.code()).isZero();
        assertThat(v.out()).contains(":10:3: optimizer.batch_size: 6 rows per step is every one of the 6 rows of"
                + " d.csv: those runs take full batches\n");
        Files.writeString(cfg, BASE.replace("[2, full]", "[2, 8, 16, full]"));
        assertThat(Cli.run("validate", cfg.toString()).out()).contains(":10:3: optimizer.batch_size: 8 and 16 rows"
                + " per step are at least the 6 rows of d.csv: those runs take full batches and repeat one another's");
        Files.writeString(cfg, BASE.replace("[2, full]", "[7, full]"));
        assertThat(Cli.run("validate", cfg.toString()).out()).contains(":10:3: optimizer.batch_size: 7 rows per"
                + " step is more than the 6 rows of d.csv: those runs take full batches and repeat one another's");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void miniBatchRunsAreTheSameOnAnyNumberOfThreads(int threads) throws IOException {
        Path cfg = write(BASE.replace("count: 12", "count: 40").replace("[2, full]", "[1, 3, full]")
                .replace("learning_rate: 0.02", "method: [gd, adam]\n  learning_rate: 0.02")
                + "output:\n  basin_resolution: 12\n", DATA);
        Path one = tmp.resolve("one");
        Path many = tmp.resolve("many");
        assertThat(Cli.run("run", cfg.toString(), "--out", one.toString(), "--quiet", "--threads",
                "1").code()).isZero();
        assertThat(Cli.run("run", cfg.toString(), "--out", many.toString(), "--quiet", "--threads",
                Integer.toString(threads)).code()).isZero();
        for (String f : List.of("runs.csv", "minima.csv", "sweep.csv")) {
            assertThat(Files.readAllBytes(many.resolve(f))).as(f).isEqualTo(Files.readAllBytes(one.resolve(f)));
        }
        // a map asked for is drawn (w_x by bias), its mini-batch runs keyed by cell, not by thread
        assertThat(many.resolve("basins.png")).isNotEmptyFile();
    }

    @Test
    void aChangedDataFileIsAChangedConfig() throws Exception {
        Path cfg = write(BASE, DATA);
        ExperimentConfig before = ConfigLoader.load(cfg);
        Files.writeString(tmp.resolve("d.csv"), DATA.replace("8\n", "8.5\n"));
        List<String> changes = ConfigDump.changes(ConfigDump.lines(before), ConfigLoader.load(cfg));
        assertThat(changes).hasSize(2); // the file's hash, and with it the least-squares optimum
        assertThat(changes.get(0)).startsWith("objective: model linear_regression data d.csv sha256 ");
    }

    // ---- the example configs, against independent solutions

    static double[][] rows(String file, String... columns) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        List<String> header = List.of(lines.get(0).split(","));
        double[][] out = new double[lines.size() - 1][columns.length];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < columns.length; j++) {
                out[i - 1][j] = Double.parseDouble(f[header.indexOf(columns[j])]);
            }
        }
        return out;
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int i = 0; i < n; i++) {
            int p = i;
            for (int r = i + 1; r < n; r++) {
                if (Math.abs(m[r][i]) > Math.abs(m[p][i])) {
                    p = r;
                }
            }
            double[] t = m[i];
            m[i] = m[p];
            m[p] = t;
            for (int r = i + 1; r < n; r++) {
                double f = m[r][i] / m[i][i];
                for (int c = i; c <= n; c++) {
                    m[r][c] -= f * m[i][c];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int c = i + 1; c < n; c++) {
                s -= m[i][c] * x[c];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    double best(Path out) throws IOException {
        // minima.csv: basin,<vars>...,value,... with basin 1 first
        List<String> lines = Files.readAllLines(out.resolve("minima.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        return Double.parseDouble(lines.get(1).split(",")[header.indexOf("value")]);
    }

    @Test
    void linearRegressionExampleReachesTheLeastSquaresFit() throws Exception {
        double[][] d = rows("configs/data/linear.csv", "x1", "x2", "y");
        double[][] ata = new double[3][3];
        double[] aty = new double[3];
        for (double[] r : d) {
            double[] a = {r[0], r[1], 1};
            for (int i = 0; i < 3; i++) {
                aty[i] += a[i] * r[2];
                for (int j = 0; j < 3; j++) {
                    ata[i][j] += a[i] * a[j];
                }
            }
        }
        double[] w = solve(ata, aty);
        double mse = 0;
        for (double[] r : d) {
            double e = w[0] * r[0] + w[1] * r[1] + w[2] - r[2];
            mse += e * e / d.length;
        }
        // the data's own generator: y = 3 x1 - 2 x2 + 0.5 plus noise of sd 0.3
        assertThat(w[0]).isCloseTo(3, within(0.1));
        assertThat(w[1]).isCloseTo(-2, within(0.1));
        assertThat(mse).isCloseTo(0.09, within(0.03));
        Path out = tmp.resolve("lin");
        assertThat(Cli.run("run", "configs/linear-regression.yaml", "--out", out.toString(),
                "--quiet").code()).isZero();
        assertThat(best(out)).isCloseTo(mse, within(1e-12));
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"known_optimum\" : ");
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("Known optimum: " + ConfigLoader.load(Path.of("configs/linear-regression.yaml"))
                .objective().knownOptimum().getAsDouble());
        ExperimentConfig c = ConfigLoader.load(Path.of("configs/linear-regression.yaml"));
        assertThat(c.objective().knownOptimum().getAsDouble()).isCloseTo(mse, within(1e-14));
        assertThat(c.objective().model().exact()).containsExactly(w, within(1e-12));
        // the mini-batch combos end their 50 runs each at max_iterations but one, which diverges (rate 0.05,
        // batch 1, decay 1): those at decay 1 are three of them
        assertThat(summary).contains("350 runs hit max_iterations").contains("Of them, 150 are mini-batch runs at a"
                + " constant rate (decay 1): a batch's gradient is not the loss's, so their steps never shrink and they"
                + " hover about the minimum; a decay below 1 lets them settle.");
        assertThat(summary).contains("It is the least-squares fit, solved exactly (independently of the runs), at"
                + " (w_x1 = 2.99377");
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"solved_by\" : \"least squares\"")
                .contains("\"solved_at\" : [ 2.99377");
    }

    @Test
    void logisticRegressionExampleReachesNewtonsMinimum() throws Exception {
        double[][] d = rows("configs/data/two-classes.csv", "length", "width", "label");
        double[] w = new double[3];
        double loss = 0;
        for (int it = 0; it < 30; it++) {
            double[] g = new double[3];
            double[][] h = new double[3][3];
            loss = 0;
            for (double[] r : d) {
                double[] a = {r[0], r[1], 1};
                double z = w[0] * a[0] + w[1] * a[1] + w[2];
                double p = 1 / (1 + Math.exp(-z));
                loss += (Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - r[2] * z) / d.length;
                for (int i = 0; i < 3; i++) {
                    g[i] += (p - r[2]) * a[i];
                    for (int j = 0; j < 3; j++) {
                        h[i][j] += p * (1 - p) * a[i] * a[j];
                    }
                }
            }
            double[] step = solve(h, g);
            for (int i = 0; i < 3; i++) {
                w[i] -= step[i];
            }
        }
        Path out = tmp.resolve("log");
        assertThat(Cli.run("run", "configs/logistic-regression.yaml", "--out", out.toString(),
                "--quiet").code()).isZero();
        // the runs stop at a gradient norm below 1e-6, within about |g|^2 / (2 lambda_min) of the minimum
        assertThat(best(out)).isCloseTo(loss, within(1e-10));
        List<String> minima = Files.readAllLines(out.resolve("minima.csv"));
        assertThat(minima.get(0)).startsWith("basin,w_length,w_width,bias,value,kind");
        String[] first = minima.get(1).split(",");
        for (int i = 0; i < 3; i++) {
            assertThat(Double.parseDouble(first[1 + i])).isCloseTo(w[i], within(1e-4));
        }
        assertThat(first[5]).isEqualTo("minimum");
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).doesNotContain("separable").contains("It is the minimum solved by Newton's method"
                + " (independently of the runs), at (w_length = 1.71706");
        // the product's Newton and this test's agree on the minimum's value
        ExperimentConfig c = ConfigLoader.load(Path.of("configs/logistic-regression.yaml"));
        assertThat(c.objective().knownOptimum().getAsDouble()).isCloseTo(loss, within(1e-14));
    }

    @Test
    void irisSetosaIsSeparableSoTheLossHasNoMinimumAndEveryEndPointSeparatesIt() throws Exception {
        // Fisher's data as the UCI repository has it: its column means
        double[][] d = rows("configs/data/iris.csv", "sepal_length", "sepal_width", "petal_length", "petal_width",
                "is_setosa");
        assertThat(d).hasNumberOfRows(150);
        double[] mean = new double[5];
        for (double[] r : d) {
            for (int j = 0; j < 5; j++) {
                mean[j] += r[j] / 150;
            }
        }
        assertThat(mean).containsExactly(new double[] {5.8433, 3.054, 3.7587, 1.1987, 1.0 / 3}, within(5e-5));
        Path out = tmp.resolve("iris");
        Cli r = Cli.run("run", "configs/iris-setosa.yaml", "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = List.of(runs.get(0).split(","));
        int end = header.indexOf("end_w_sepal_length");
        for (String line : runs.subList(1, runs.size())) {
            String[] f = line.split(",");
            assertThat(f[header.indexOf("status")]).isEqualTo("max_iterations");
            double value = Double.parseDouble(f[header.indexOf("value")]);
            assertThat(value).isLessThan(0.05);
            // the end point's weights put every setosa on one side and every other flower on the other
            for (double[] flower : d) {
                double z = Double.parseDouble(f[end + 4]);
                for (int j = 0; j < 4; j++) {
                    z += Double.parseDouble(f[end + j]) * flower[j];
                }
                assertThat(z > 0).isEqualTo(flower[4] == 1);
            }
        }
        assertThat(ConfigLoader.load(Path.of("configs/iris-setosa.yaml")).objective().knownOptimum()).isEmpty();
        assertThat(Files.readString(out.resolve("summary.md"))).contains("No end point is a confirmed minimum. The"
                + " classes are linearly separable: this end point's weights already put each of the 150 rows on its"
                + " class's side, so the log loss has no minimum");
        assertThat(Files.readString(out.resolve("report.html"))).contains("The classes are linearly separable")
                .doesNotContain("hover about");
        // validate says before any run that no minimum was found to judge runs against
        assertThat(Cli.run("validate", "configs/iris-setosa.yaml").out()).contains("known optimum: none: Newton's"
                + " method from zero weights found no minimum (its weights came to put every row on its class's side");
    }
}
