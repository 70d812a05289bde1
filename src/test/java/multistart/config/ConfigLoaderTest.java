package multistart.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    static ExperimentConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "c.yaml", null);
    }

    static List<Problem> problems(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("config was accepted:\n" + yaml);
    }

    /** A setting's values over the combos, each once, in combo order. */
    static List<Double> distinct(ExperimentConfig c, java.util.function.ToDoubleFunction<Combo> setting) {
        List<Double> out = new java.util.ArrayList<>();
        for (Combo k : c.optimizer().combos()) {
            double v = setting.applyAsDouble(k);
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    static final String MINIMAL = """
            name: t
            objective:
              builtin: peaks
            starts:
              count: 10
            optimizer:
              method: gd
              learning_rate: 0.1
            """;

    @Nested
    class Accepts {

        @Test
        void minimalConfigGetsDefaults() throws Exception {
            ExperimentConfig c = parse(MINIMAL);
            assertThat(c.name()).isEqualTo("t");
            assertThat(c.seed()).isZero();
            assertThat(c.domain().low()).containsExactly(-3, -3);
            assertThat(c.objective().variables()).containsExactly("x", "y");
            assertThat(c.objective().knownOptimum().getAsDouble()).isEqualTo(-6.551133332835837);
            assertThat(c.output().dir().toString()).isEqualTo("results/t");
            assertThat(c.optimizer().combos()).hasSize(1);
            Combo k = c.optimizer().combos().get(0);
            assertThat(k.maxIterations()).isEqualTo(1000);
            assertThat(k.gradientNorm()).isEqualTo(1e-6);
            assertThat(k.divergence()).isEqualTo(1e8);
        }

        /**
         * The command that resumes an interrupted folder repeats the --out and --seed the run was
         * given (without them it would look in results/t, or find the seed changed), and nothing
         * the file itself says.
         */
        @Test
        void theResumeCommandRepeatsTheCommandLinesOutAndSeed() throws Exception {
            Path file = Path.of("configs", "t.yaml");
            ExperimentConfig c = ConfigLoader.parse(MINIMAL.replace("name: t", "name: t\nseed: 3")
                    .getBytes(StandardCharsets.UTF_8), "t.yaml", file);
            assertThat(c.resumeCommand()).isEqualTo("run " + file + " --resume");
            assertThat(c.with(null, 4, null).resumeCommand()).isEqualTo("run " + file + " --resume");
            ExperimentConfig given = c.with(Path.of("runs", "a"), null, 7L);
            assertThat(given.seed()).isEqualTo(7);
            assertThat(given.resumeCommand()).isEqualTo("run " + file + " --out " + Path.of("runs", "a")
                    + " --seed 7 --resume");
        }

        /** A formula as a YAML block, with anchors and a merge key: one line wherever it is described. */
        @Test
        void aFormulaWrittenAsABlockIsDescribedOnOneLine() throws Exception {
            ExperimentConfig c = parse("""
                    name: block
                    objective:
                      expression: |
                        (x - 1)^2 +
                          (y + 2)^2
                      variables: [x, y]
                    domain: {x: &r [-3, 3], y: *r}
                    starts:
                      count: 10
                    optimizer:
                      <<: {method: adam, learning_rate: 0.01}
                      max_iterations: 16
                    """);
            assertThat(c.objective().describe()).isEqualTo("expression (x - 1)^2 + (y + 2)^2");
            assertThat(c.objective().expression()).isEqualTo("(x - 1)^2 +\n  (y + 2)^2\n");
            assertThat(c.domain().high()).containsExactly(3, 3);
            assertThat(c.optimizer().combos().get(0).method()).isEqualTo(Method.ADAM);
            assertThat(c.optimizer().combos().get(0).learningRate()).isEqualTo(0.01);
        }

        @Test
        void sweepOfTwoByTwoByThreeHasTwelveCombos() throws Exception {
            ExperimentConfig c = parse(MINIMAL.replace("  learning_rate: 0.1", """
                      learning_rate: [0.01, 0.05]
                      decay: [1.0, 0.99]
                      momentum: {from: 0.0, to: 0.9, steps: 3}
                    """).replace("method: gd", "method: momentum"));
            List<Combo> combos = c.optimizer().combos();
            assertThat(combos).hasSize(12);
            assertThat(c.optimizer().sweptColumns()).containsExactly("learning_rate", "decay", "momentum");
            // learning_rate outermost, momentum fastest
            assertThat(combos.get(0).momentum()).isEqualTo(0.0);
            assertThat(combos.get(1).momentum()).isEqualTo(0.45);
            assertThat(combos.get(2).momentum()).isEqualTo(0.9);
            assertThat(combos.get(3).decay()).isEqualTo(0.99);
            assertThat(combos.get(6).learningRate()).isEqualTo(0.05);
            assertThat(c.runCount()).isEqualTo(120);
        }

        @Test
        void logRangeAndMethodSweep() throws Exception {
            ExperimentConfig c = parse(MINIMAL.replace("  method: gd\n  learning_rate: 0.1", """
                      method: [gd, adam]
                      learning_rate: {from: 0.001, to: 0.1, steps: 3, scale: log}
                    """.stripTrailing()));
            assertThat(c.optimizer().sweptColumns()).containsExactly("method", "learning_rate");
            List<Combo> combos = c.optimizer().combos();
            assertThat(combos).hasSize(6);
            assertThat(combos.get(0).learningRate()).isEqualTo(0.001);
            // 0.001 (0.1 / 0.001)^0.5 is 0.010000000000000002 in doubles: tidied
            assertThat(combos.get(1).learningRate()).isEqualTo(0.01);
            assertThat(combos.get(2).learningRate()).isEqualTo(0.1);
            assertThat(combos.get(3).method()).isEqualTo(Method.ADAM);
            // adam's defaults when momentum/beta2 are not given
            assertThat(combos.get(3).momentum()).isEqualTo(0.9);
            assertThat(combos.get(3).beta2()).isEqualTo(0.999);
        }

        @Test
        void rangePointsAreTheDecimalsTheyStandFor() throws Exception {
            ExperimentConfig c = parse(MINIMAL.replace("  learning_rate: 0.1", """
                      learning_rate: {from: 0.001, to: 0.1, steps: 5, scale: log}
                      decay: {from: 0.1, to: 1.0, steps: 10}
                    """.stripTrailing()));
            List<Double> rates = distinct(c, Combo::learningRate);
            List<Double> decays = distinct(c, Combo::decay);
            // 0.1 + (7 / 9) 0.9 is 0.8999999999999999 in doubles; the grid means 0.9
            assertThat(decays).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
            assertThat(rates).hasSize(5);
            assertThat(rates.get(0)).isEqualTo(0.001);
            assertThat(rates.get(2)).isEqualTo(0.01);
            assertThat(rates.get(4)).isEqualTo(0.1);
            // 10^-2.5 and 10^-1.5 have no short decimal: they stay as computed, within two ulps
            assertThat(rates.get(1)).isCloseTo(0.0031622776601683794, org.assertj.core.api.Assertions.within(
                    2 * Math.ulp(0.0031622776601683794)));
            assertThat(rates.get(3)).isCloseTo(0.031622776601683794, org.assertj.core.api.Assertions.within(
                    2 * Math.ulp(0.031622776601683794)));
            // 1e-5 (1 / 1e-5)^0.8 is 0.10000000000000005 in doubles
            ExperimentConfig powers = parse(MINIMAL.replace("  learning_rate: 0.1",
                    "  learning_rate: {from: 1e-5, to: 1, steps: 6, scale: log}"));
            assertThat(powers.optimizer().combos().stream().mapToDouble(Combo::learningRate).toArray())
                    .containsExactly(1e-5, 1e-4, 1e-3, 0.01, 0.1, 1.0);
        }

        @Test
        void aRangeMayRunDownwards() throws Exception {
            ExperimentConfig c = parse(MINIMAL.replace("  learning_rate: 0.1", """
                      learning_rate: {from: 0.1, to: 0.001, steps: 3, scale: log}
                      momentum: {from: 0.9, to: 0.0, steps: 4}
                    """.stripTrailing()));
            List<Double> rates = distinct(c, Combo::learningRate);
            List<Double> momenta = distinct(c, Combo::momentum);
            // in the order written, the same decimals as the upward ranges give
            assertThat(rates).containsExactly(0.1, 0.01, 0.001);
            assertThat(momenta).containsExactly(0.9, 0.6, 0.3, 0.0);
        }

        @Test
        void tidyingMovesAPointByEightUlpsAtMostAndFindsEveryShortDecimalNearIt() {
            java.util.SplittableRandom random = new java.util.SplittableRandom(23);
            for (int i = 0; i < 20_000; i++) {
                // any double: moved by eight ulps at most
                double x = Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
                double t = ConfigLoader.tidy(x);
                assertThat(Math.abs(t - x)).as("%s", x).isLessThanOrEqualTo(8 * Math.ulp(x));
                // a decimal of up to 12 digits, off by up to eight ulps: found again
                long digits = 1 + random.nextLong(999_999_999_999L);
                double d = new java.math.BigDecimal(java.math.BigInteger.valueOf(digits), random.nextInt(-20, 20))
                        .doubleValue();
                double off = d + random.nextInt(-8, 9) * Math.ulp(d);
                if (Math.ulp(off) == Math.ulp(d)) {
                    assertThat(ConfigLoader.tidy(off)).as("%s near %s", off, d).isEqualTo(d);
                }
            }
        }

        @Test
        void yaml12NumbersAndStarDomain() throws Exception {
            ExperimentConfig c = parse("""
                    name: r
                    objective: {builtin: rastrigin, dimension: 3}
                    domain:
                      "*": [-1, 1]
                      x2: [0, .5]
                    starts: {count: 1e3}
                    optimizer: {learning_rate: 1e-3}
                    """);
            assertThat(c.domain().low()).containsExactly(-1, 0, -1);
            assertThat(c.domain().high()).containsExactly(1, 0.5, 1);
            assertThat(c.starts().count()).isEqualTo(1000);
            assertThat(c.optimizer().combos().get(0).learningRate()).isEqualTo(1e-3);
        }

        @Test
        void explicitPointsRunBeforeSampledOnes() throws Exception {
            ExperimentConfig c = parse(MINIMAL.replace("count: 10", "count: 3\n  points: [[-1.0, 0.5], [0, 0]]"));
            assertThat(c.starts().total()).isEqualTo(5);
            assertThat(c.starts().points().get(0)).containsExactly(-1.0, 0.5);
        }

        @Test
        void gridRoundsDownToAWholeGrid() throws Exception {
            ExperimentConfig c = parse(MINIMAL.replace("count: 10", "count: 50\n  sampler: grid"));
            assertThat(c.starts().sampledCount()).isEqualTo(49);
        }
    }

    @Nested
    class Rejects {

        @Test
        void negativeRateNamesKeyAndPosition() {
            List<Problem> p = problems(MINIMAL.replace("learning_rate: 0.1", "learning_rate: -0.1"));
            assertThat(p).hasSize(1);
            assertThat(p.get(0).toString()).isEqualTo("c.yaml:8:3: optimizer.learning_rate: must be > 0, got -0.1");
        }

        @Test
        void typoedKeySuggestsTheRightOne() {
            List<Problem> p = problems(MINIMAL.replace("learning_rate: 0.1", "learning_rat: 0.1"));
            assertThat(p).extracting(Problem::toString)
                    .containsExactly("c.yaml:8:3: optimizer.learning_rat: unknown key, did you mean 'learning_rate'?");
        }

        @Test
        void unknownBuiltinSuggestsTheClosest() {
            List<Problem> p = problems(MINIMAL.replace("builtin: peaks", "builtin: himelblau"));
            assertThat(p.get(0).toString()).startsWith("c.yaml:3:3: objective.builtin: unknown built-in 'himelblau', "
                    + "did you mean 'himmelblau'?");
        }

        @Test
        void lowAboveHigh() {
            List<Problem> p = problems(MINIMAL + "domain:\n  x: [3, -3]\n");
            assertThat(p.get(0).toString()).isEqualTo("c.yaml:10:3: domain.x: low must be below high, got [3.0, -3.0]");
        }

        @Test
        void wrongType() {
            List<Problem> p = problems(MINIMAL.replace("count: 10", "count: many"));
            assertThat(p.get(0).toString()).isEqualTo("c.yaml:5:3: starts.count: must be a whole number, got text "
                    + "'many'");
        }

        @Test
        void everyProblemAtOnceInFileOrder() {
            List<Problem> p = problems("""
                    name: bad name!
                    objective:
                      builtin: peaks
                      dimension: 3
                    starts:
                      count: -5
                    optimizer:
                      method: sgd
                      learning_rate: [0.1, -1]
                      momentum: 1.5
                      decay: 0
                    basins:
                      tolerance: 0
                    """);
            assertThat(p).extracting(Problem::key).containsExactly("name", "objective.dimension", "starts.count",
                    "optimizer.method", "optimizer.learning_rate", "optimizer.momentum", "optimizer.decay",
                    "basins.tolerance");
            assertThat(p).allSatisfy(q -> assertThat(q.line()).isPositive());
            assertThat(p.get(4).line()).isEqualTo(9);
            assertThat(p.get(4).message()).isEqualTo("must be > 0, got -1.0");
        }

        @Test
        void aMissingDomainAndNoStartsAreReportedBesideTheirNeighboursProblems() {
            List<Problem> p = problems("""
                    name: n
                    objective:
                      expression: "x^2 + y^2"
                      variables: [x, y]
                    domain:
                      x: [3, -3]
                    starts:
                      count: 0
                      sampler: sobel
                    optimizer:
                      learning_rate: 0.1
                    """);
            assertThat(p).extracting(Problem::toString).containsExactly(
                    "c.yaml:5:1: domain: variable 'y' has no domain; add y: [low, high]",
                    "c.yaml:6:3: domain.x: low must be below high, got [3.0, -3.0]",
                    "c.yaml:8:3: starts.count: there are no start points: give count > 0 or a list of points",
                    "c.yaml:9:3: starts.sampler: unknown sampler 'sobel', did you mean 'sobol'? (one of uniform, "
                            + "sobol, halton, latin_hypercube, grid)");
            // a bad count or a bad point is its own problem: no second one about there being no starts
            assertThat(problems(MINIMAL.replace("count: 10", "count: -1"))).extracting(Problem::key)
                    .containsExactly("starts.count");
            assertThat(problems(MINIMAL.replace("count: 10", "count: 0\n  points: [[1, 2, 3]]")))
                    .extracting(Problem::key).containsExactly("starts.points[0]");
            assertThat(problems(MINIMAL.replace("  count: 10\n", "  sampler: sobol\n"))).extracting(Problem::key)
                    .containsExactly("starts.count");
        }

        @Test
        void aListedVariableTheFormulaDoesNotDependOnIsNamedAtItsPlaceInTheList() {
            String config = """
                    name: n
                    objective:
                      expression: "FORMULA"
                      variables: [x, y, z]
                    domain:
                      "*": [-1, 1]
                    starts:
                      count: 5
                    optimizer:
                      learning_rate: 0.1
                    """;
            assertThat(problems(config.replace("FORMULA", "x^2 + y^2"))).extracting(Problem::toString)
                    .containsExactly("c.yaml:4:21: objective.variables: 'z' is listed but the expression does not "
                            + "use it");
            // written, but multiplied by 0: not "unused"
            assertThat(problems(config.replace("FORMULA", "x^2 + y^2 + z*0"))).extracting(Problem::toString)
                    .containsExactly("c.yaml:4:21: objective.variables: 'z' is listed but the expression does not "
                            + "depend on it (every term holding it simplifies to a constant, as 0*x does)");
            assertThat(problems(config.replace("FORMULA", "x^2 + y^2 + 0*z"))).extracting(Problem::message)
                    .containsExactly("'z' is listed but the expression does not depend on it (every term holding it "
                            + "simplifies to a constant, as 0*x does)");
        }

        @Test
        void duplicateKey() {
            List<Problem> p = problems(MINIMAL + "seed: 1\nseed: 2\n");
            assertThat(p.get(0).toString()).isEqualTo("c.yaml:10:1: seed: duplicate key (first at line 9)");
        }

        @Test
        void missingSections() {
            List<Problem> p = problems("name: x\n");
            assertThat(p).extracting(Problem::key).contains("objective", "starts", "optimizer");
        }

        /**
         * A key written with its value forgotten (`count:` alone) is null in YAML, read as absent:
         * where the key is required, the error points at it and says it has no value, not that
         * it is missing from the file.
         */
        @Test
        void aRequiredKeyWithNoValueIsNamedWhereItStands() {
            assertThat(problems("name:\nobjective: {builtin: peaks}\nstarts:\n  count:\noptimizer: {method: gd}\n"))
                    .extracting(Problem::toString).containsExactly(
                            "c.yaml:1:1: name: has no value: every config needs a name (it names the output folder)",
                            "c.yaml:4:3: starts.count: there are no start points: give count > 0 or a list of points");
            assertThat(problems("name: x\nobjective:\n  expression: x^2\n  variables: ~\nstarts: {count: 3}\n"
                    + "optimizer:\n")).extracting(Problem::toString).containsExactly(
                            "c.yaml:4:3: objective.variables: has no value: list the formula's variables in order,"
                                    + " e.g. variables: [x, y]",
                            "c.yaml:6:1: optimizer: has no value: say how to descend, e.g. {method: gd, learning_rate:"
                                    + " 0.01} (the defaults)");
            assertThat(problems("name: x\nobjective:\n  expression: x^2 + y^2\n  variables: [x, y]\ndomain:\n"
                    + "  x: ~\n  y: [-1, 1]\nstarts: {count: 3}\noptimizer: {}\n")).extracting(Problem::toString)
                    .containsExactly("c.yaml:6:3: domain.x: has no value: give x: [low, high]");
            // not a mapping: said once, as such (it used to be called missing as well)
            assertThat(problems("name: t\nobjective: {builtin: peaks}\nstarts: {count: 3}\noptimizer: 5\n"))
                    .extracting(Problem::toString).containsExactly("c.yaml:4:1: optimizer: must be a mapping of keys,"
                            + " got '5'");
        }

        @Test
        void malformedYamlHasAPosition() {
            List<Problem> p = problems("name: x\nobjective: [unclosed\n");
            assertThat(p.get(0).line()).isPositive();
            assertThat(p.get(0).message()).startsWith("malformed YAML");
        }

        @Test
        void invalidUtf8() {
            byte[] bytes = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> ConfigLoader.parse(bytes, "c.yaml", null))
                    .hasMessageContaining("not valid UTF-8");
        }

        @Test
        void javaTypeTagsAreNotConstructed() {
            List<Problem> p = problems(MINIMAL.replace("count: 10", "count: !!java.lang.Runtime 10"));
            assertThat(p.get(0).key()).isEqualTo("starts.count");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "learning_rate: .nan | optimizer.learning_rate | must be a finite number",
            "decay: 1.5 | optimizer.decay | must be in (0, 1]",
            "learning_rate: {from: 0.1, to: -0.1, steps: 3, scale: log} | optimizer.learning_rate.to | a log scale "
                    + "needs to > 0",
            "max_iterations: 2.5 | optimizer.max_iterations | must be a whole number",
            "learning_rate: [] | optimizer.learning_rate | the list is empty",
            "epsilon: 0 | optimizer.epsilon | must be > 0",
            "stop: {gradient_norm: -1} | optimizer.stop.gradient_norm | must be >= 0",
        })
        void optimizerValues(String line, String key, String message) {
            List<Problem> p = problems(MINIMAL.replace("  learning_rate: 0.1\n", "") + "  " + line + "\n");
            assertThat(p).anySatisfy(q -> {
                assertThat(q.key()).isEqualTo(key);
                assertThat(q.message()).contains(message);
            });
        }

        @Test
        void tooManyRunsAreRefusedWithTheCount() {
            List<Problem> p = problems(MINIMAL.replace("count: 10", "count: 100000000000"));
            assertThat(p.get(0).message()).contains("the sweep has 100000000000 runs (100000000000 starts x 1 combo), "
                    + "more than the limit of 10000000000");
        }

        /**
         * An expression whose formula fails still lists its variables: the domain and the start
         * points are checked against them in the same pass, not after the formula is fixed.
         */
        @Test
        void aFormulasProblemDoesNotHideTheDomainsAndPointsProblems() {
            List<Problem> p = problems("""
                    name: t
                    objective:
                      expression: "x^2 + foo(y)"
                      variables: [x, y]
                    domain:
                      x: [3, -3]
                      z: [0, 1]
                    starts:
                      count: 1
                      points: [[1, 2, 3]]
                    optimizer:
                      method: gd
                      learning_rate: 0.1
                    """);
            assertThat(p).extracting(Problem::key).containsExactly("objective.expression", "domain", "domain.x",
                    "domain.z", "starts.points[0]");
            assertThat(p.get(1).message()).isEqualTo("variable 'y' has no domain; add y: [low, high]");
            assertThat(p.get(2).line()).isEqualTo(6);
            assertThat(p.get(4).message()).isEqualTo("has 3 coordinates, the objective has 2 (x, y)");
        }

        /** peaks is 2-d whatever the config says; its domain and points are checked as such. */
        @Test
        void aWrongFixedDimensionDoesNotHideTheDomainsProblems() {
            List<Problem> p = problems(MINIMAL.replace("builtin: peaks", "builtin: peaks\n  dimension: 3")
                    .replace("count: 10", "count: 1\n  points: [[1, 2, 3]]") + "domain:\n  y: [2, 1]\n");
            assertThat(p).extracting(Problem::key).containsExactly("objective.dimension", "starts.points[0]",
                    "domain.y");
            assertThat(p.get(1).message()).isEqualTo("has 3 coordinates, the objective has 2 (x, y)");
        }

        @Test
        void pointWithWrongDimension() {
            List<Problem> p = problems(MINIMAL.replace("count: 10", "count: 1\n  points: [[1, 2, 3]]"));
            assertThat(p.get(0).toString()).contains("starts.points[0]: has 3 coordinates, the objective has 2");
        }

        @Test
        void nameCannotEscapeTheResultsFolder() {
            assertThat(problems(MINIMAL.replace("name: t", "name: ..")).get(0).key()).isEqualTo("name");
            assertThat(problems(MINIMAL.replace("name: t", "name: ../etc")).get(0).key()).isEqualTo("name");
        }
    }

    /** Keys that are valid but change nothing: the config runs, with a warning at the key. */
    @Nested
    class Warns {

        /**
         * A success tolerance finer than rounding near the optimum (1e-12 of its size: 6.6e-12
         * for peaks' -6.55): said at the key; the default 1e-6 and a tolerance at 1e-11 are not.
         */
        @Test
        void aSuccessToleranceFinerThanRoundingIsSaidToBe() throws Exception {
            String yaml = """
                    name: t
                    objective:
                      builtin: peaks
                    starts: {count: 10}
                    optimizer: {learning_rate: 0.1}
                    basins:
                      success_tolerance: 1.0e-16
                    """;
            ExperimentConfig c = parse(yaml);
            assertThat(c.warnings()).hasSize(1);
            assertThat(c.warnings().get(0).toString()).isEqualTo("c.yaml:7:3: basins.success_tolerance: 1.0E-16 is"
                    + " finer than rounding in evaluating f can resolve (about 1e-12 of the value: 6.6e-12 at the"
                    + " known optimum -6.551133332835837): a run that reached the optimum may fail the test by rounding"
                    + " alone");
            assertThat(parse(yaml.replace("1.0e-16", "1.0e-11")).warnings()).isEmpty();
            assertThat(parse(yaml.replace("basins:\n  success_tolerance: 1.0e-16\n", "")).warnings()).isEmpty();
            // no known optimum: against 1e-12
            assertThat(parse(yaml.replace("builtin: peaks", "expression: \"x^2 + y^2 + 7\"\n  variables: [x, y]")
                    .replace("starts:", "domain: {x: [-1, 1], y: [-1, 1]}\nstarts:")).warnings().get(0).toString())
                    .contains("(about 1e-12 of the value: 1.0e-12): a run");
        }

        @Test
        void momentumWithoutAMethodRunsGdAndSaysSo() throws Exception {
            ExperimentConfig c = parse("""
                    name: t
                    objective:
                      builtin: peaks
                    optimizer:
                      learning_rate: 0.1
                      momentum: 0.9
                    starts: {count: 10}
                    """);
            assertThat(c.optimizer().combos().get(0).method()).isEqualTo(Method.GD);
            assertThat(c.warnings()).hasSize(1);
            Problem w = c.warnings().get(0);
            assertThat(w.line()).isEqualTo(6);
            assertThat(w.column()).isEqualTo(3);
            assertThat(w.key()).isEqualTo("optimizer.momentum");
            assertThat(w.toString()).isEqualTo("c.yaml:6:3: optimizer.momentum: changes nothing: gd does not read"
                    + " it (optimizer.method is gd when not given); momentum, nesterov and adam do");
        }

        /** An optional key with its value forgotten runs with the default, and a warning says so at the key. */
        @Test
        void anOptionalKeyWithNoValueRunsWithItsDefaultAndSaysSo() throws Exception {
            ExperimentConfig c = parse(MINIMAL.replace("learning_rate: 0.1", "learning_rate:") + "seed: null\n");
            assertThat(c.optimizer().combos().get(0).learningRate()).isEqualTo(0.01);
            assertThat(c.seed()).isZero();
            assertThat(c.warnings()).extracting(Problem::toString).containsExactly(
                    "c.yaml:" + (lineOf(MINIMAL, "learning_rate") + 1) + ":3: optimizer.learning_rate: has no value,"
                            + " so it is read as absent (its default applies)",
                    "c.yaml:" + (MINIMAL.split("\n").length + 1) + ":1: seed: has no value, so it is read as absent"
                            + " (its default applies)");
        }

        private static int lineOf(String yaml, String key) {
            String[] lines = yaml.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].trim().startsWith(key + ":")) {
                    return i;
                }
            }
            throw new AssertionError(key);
        }

        @Test
        void aSettingNoSweptMethodReadsIsNamedWithTheMethods() throws Exception {
            ExperimentConfig c = parse(MINIMAL.replace("method: gd", "method: [gd, adagrad]")
                    + "  beta2: 0.99\n  epsilon: 1.0e-6\n");
            assertThat(c.warnings()).extracting(Problem::key).containsExactly("optimizer.beta2");
            assertThat(c.warnings().get(0).message()).isEqualTo(
                    "changes nothing: none of gd, adagrad reads it; rmsprop and adam do");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            // read by one of the swept methods
            "method: [gd, momentum]|momentum: 0.9",
            "method: adam|beta2: 0.99",
            "method: rmsprop|epsilon: 1.0e-6",
            // swept: validate's combo line says the combos repeat one another
            "method: gd|momentum: [0.5, 0.9]",
            // what gd does
            "method: gd|momentum: 0",
        })
        void noWarningWhereAMethodReadsItOrTheSweepSaysSo(String method, String setting) throws Exception {
            ExperimentConfig c = parse(MINIMAL.replace("method: gd", method) + "  " + setting + "\n");
            assertThat(c.warnings()).isEmpty();
        }

        @Test
        void aDifferenceStepWithExactDerivatives() throws Exception {
            String yaml = MINIMAL.replace("builtin: peaks", "builtin: peaks\n  difference_step: 1.0e-3");
            assertThat(parse(yaml).warnings()).extracting(Problem::toString).containsExactly(
                    "c.yaml:4:3: objective.difference_step: changes nothing with exact derivatives (the default);"
                            + " it is the step of derivatives: numeric");
            assertThat(parse(yaml.replace("difference_step", "derivatives: numeric\n  difference_step")).warnings())
                    .isEmpty();
            // the default written out, as in SPEC's example beside derivatives: exact
            assertThat(parse(yaml.replace("1.0e-3", "1.0e-4")).warnings()).isEmpty();
        }

        @Test
        void aStartPointOutsideTheDomainIsNamedWithHowManyMoreAre() throws Exception {
            String yaml = MINIMAL.replace("count: 10", "count: 10\n  points: [[1, 2], [10, 1], [0, -3.5], [-3, 3]]");
            ExperimentConfig c = parse(yaml);
            assertThat(c.starts().points()).hasSize(4);
            assertThat(c.warnings()).extracting(Problem::toString).containsExactly("c.yaml:6:20: starts.points[1]: lies"
                    + " outside the domain (x = 10.0, its domain [-3.0, 3.0]), as 1 more point does; it runs from"
                    + " there");
            // on the domain's edge is inside
            assertThat(parse(yaml.replace("[10, 1], [0, -3.5], ", "")).warnings()).isEmpty();
            assertThat(parse(yaml.replace("[10, 1], ", "")).warnings()).extracting(Problem::message).containsExactly(
                    "lies outside the domain (y = -3.5, its domain [-3.0, 3.0]); it runs from there");
        }

        @Test
        void warningsAreInFileOrder() throws Exception {
            ExperimentConfig c = parse("""
                    name: t
                    optimizer:
                      epsilon: 1.0e-6
                      momentum: 0.9
                    objective:
                      builtin: peaks
                      difference_step: 1.0e-3
                    starts: {count: 10}
                    """);
            assertThat(c.warnings()).extracting(Problem::line).containsExactly(3, 4, 7);
        }
    }
}
