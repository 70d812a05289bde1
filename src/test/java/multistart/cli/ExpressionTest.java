package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expression objectives through the whole command line. */
class ExpressionTest {

    @TempDir
    Path tmp;

    static String oneDimensional(String expression, String extra, double start, double rate, int steps) {
        return """
                name: e
                objective:
                  expression: "%s"
                  variables: [x]
                %sdomain:
                  x: [-5, 5]
                starts:
                  count: 0
                  points: [[%s]]
                optimizer:
                  learning_rate: %s
                  max_iterations: %d
                  stop: {gradient_norm: 0}
                """.formatted(expression, extra, start, rate, steps);
    }

    Cli run(String yaml, Path out) throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, yaml);
        return Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--force");
    }

    String endOfFirstRun(String yaml) throws IOException {
        Path out = tmp.resolve("out");
        Cli r = run(yaml, out);
        assertThat(r.code()).as(r.err()).isZero();
        // run,start,combo,start_x,end_x,...
        return Files.readAllLines(out.resolve("runs.csv")).get(1).split(",")[4];
    }

    @Nested
    class SeedArticleNumbers {

        @Test
        void theFunctionTheArticlesCodeReallyDifferentiates() throws IOException {
            assertThat(endOfFirstRun(oneDimensional("x^2*cos(x) - 5*x", "", -1, 0.05, 20)))
                    .isEqualTo("3.909884097340449");
        }

        @Test
        void theStatedFunction() throws IOException {
            assertThat(endOfFirstRun(oneDimensional("2*x^2*cos(x) - 5*x", "", -1, 0.05, 20)))
                    .isEqualTo("3.8747793435314155");
        }

        @Test
        void quadraticExactAndNumeric() throws IOException {
            assertThat(endOfFirstRun(oneDimensional("(x-1)^2", "", 3, 0.01, 100))).isEqualTo("1.265239111789506");
            assertThat(endOfFirstRun(oneDimensional("(x-1)^2", "  derivatives: numeric\n  difference_step: 1.0e-4\n",
                    3, 0.01, 100))).isEqualTo("1.2652391117891397");
        }
    }

    @Test
    void theArticlesHandWrittenGradientIsRefusedAtAPoint() throws IOException {
        Path out = tmp.resolve("never");
        Cli r = run(oneDimensional("2*x^2*cos(x) - 5*x", "  gradient: [\"2*x*cos(x) - x^2*sin(x) - 5\"]\n", -1, 0.05,
                20), out);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("c.yaml:5:14: objective.gradient[0]: d/dx disagrees with the exact derivative "
                + "of the expression at (x = ").contains("the exact derivative is 2*2*x*cos(x) - 2*x^2*sin(x) - 5");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCorrectHandWrittenGradientIsUsed() throws IOException {
        assertThat(endOfFirstRun(oneDimensional("x^2*cos(x) - 5*x", "  gradient: [\"2*x*cos(x) - x^2*sin(x) - 5\"]\n",
                -1, 0.05, 20))).isEqualTo("3.909884097340449");
    }

    @Test
    void peaksAsAFormulaGivesTheBuiltinsMinimaTable() throws IOException {
        String common = """
                starts: {count: 300, sampler: sobol}
                optimizer: {method: gd, learning_rate: 0.05, max_iterations: 4000}
                """;
        Path a = tmp.resolve("builtin");
        Path b = tmp.resolve("formula");
        assertThat(run("name: a\nobjective: {builtin: peaks}\n" + common, a).code()).isZero();
        assertThat(run("""
                name: b
                objective:
                  expression: "3*(1-x)^2*exp(-x^2 - (y+1)^2) - 10*(x/5 - x^3 - y^5)*exp(-x^2-y^2) -
                    1/3*exp(-(x+1)^2 - y^2)"
                  variables: [x, y]
                domain: {x: [-3, 3], y: [-3, 3]}
                """ + common, b).code()).isZero();
        List<String[]> builtin = minima(a);
        List<String[]> formula = minima(b);
        assertThat(formula).hasSameSizeAs(builtin);
        for (int i = 0; i < builtin.size(); i++) {
            // same basins, same kinds and hit counts; end points agree to the stop tolerance
            assertThat(formula.get(i)[0]).isEqualTo(builtin.get(i)[0]);
            assertThat(formula.get(i)[4]).isEqualTo(builtin.get(i)[4]);
            assertThat(formula.get(i)[5]).isEqualTo(builtin.get(i)[5]);
            assertThat(Double.parseDouble(formula.get(i)[3])).isCloseTo(Double.parseDouble(builtin.get(i)[3]),
                    within(1e-10));
        }
        assertThat(builtin.stream().filter(r -> r[4].equals("minimum")).count()).isEqualTo(3);
    }

    static List<String[]> minima(Path out) throws IOException {
        return Files.readAllLines(out.resolve("minima.csv")).stream().skip(1).map(l -> l.split(",")).toList();
    }

    /**
     * The summary's first line says where the best point lies when that is off the domain (the
     * domain bounds the starts, not the runs): gradient ascent from 9.9 on sin(5x) + x^2 / 10
     * climbs to the local maximum at 10.4535, past the domain's edge at 10.
     */
    @Test
    void theBestPointOutsideTheDomainIsSaidSoFirst() throws IOException {
        Path out = tmp.resolve("outside");
        Cli r = run("""
                name: outside
                objective:
                  expression: "sin(5*x) + 0.1*x^2"
                  variables: [x]
                  goal: maximize
                domain: {x: [-10, 10]}
                starts: {count: 0, points: [[9.9]]}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 5000}
                """, out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Double.parseDouble(minima(out).get(0)[1])).isCloseTo(10.4535, within(1e-3));
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("**, basin 1, a maximum, outside the domain, reached by its only run.");
        assertThat(Files.readString(out.resolve("report.html"))).contains("), outside the domain, reached by its only "
                + "run.");
    }

    @Test
    void maximizeReportsTheMaximumInTheUsersSign() throws IOException {
        Path out = tmp.resolve("max");
        Cli r = run("""
                name: m
                objective:
                  expression: "-(x-1)^2 - (y+2)^2"
                  variables: [x, y]
                  goal: maximize
                domain: {"*": [-5, 5]}
                starts: {count: 50}
                optimizer: {method: gd, learning_rate: 0.1}
                """, out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(", 1 maximum found (");
        String[] best = minima(out).get(0);
        assertThat(Double.parseDouble(best[1])).isCloseTo(1.0, within(1e-6));
        assertThat(Double.parseDouble(best[2])).isCloseTo(-2.0, within(1e-6));
        assertThat(Double.parseDouble(best[3])).isCloseTo(0.0, within(1e-12)).isLessThanOrEqualTo(0.0);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("**Best maximum: ").contains("| maximum |")
                .contains("**, basin 1, a maximum, reached by ").contains("50 starts (uniform) x 1 combo.\n")
                .contains("1 maximum, 0 saddles, ");
        // the files a program reads say it too, in the user's sign: minima.csv's kind, and
        // result.json's kind and Hessian (-2 I for this function, not the negated one's 2 I)
        assertThat(best[4]).isEqualTo("maximum");
        String json = Files.readString(out.resolve("result.json"));
        assertThat(json).contains("\"kind\" : \"maximum\"").doesNotContain("\"kind\" : \"minimum\"");
        java.util.regex.Matcher eig = java.util.regex.Pattern.compile(
                "\"hessian_eigenvalues\" : \\[ (\\S+), (\\S+) \\]").matcher(json);
        assertThat(eig.find()).isTrue();
        assertThat(Double.parseDouble(eig.group(1))).isCloseTo(-2.0, within(1e-6));
        assertThat(Double.parseDouble(eig.group(2))).isCloseTo(-2.0, within(1e-6));
    }

    @Test
    void aFormulaUndefinedAtAPointMarksThatRunDivergedAndTheSweepGoesOn() throws IOException {
        Path out = tmp.resolve("log");
        Cli r = run("""
                name: l
                objective:
                  expression: "log(x) + (x-2)^2"
                  variables: [x]
                domain: {x: [0.01, 4]}
                starts: {count: 0, points: [[0.01], [3.0]]}
                optimizer: {method: gd, learning_rate: 0.5}
                """, out);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        assertThat(rows.get(1)).contains(",diverged,");
        assertThat(rows.get(2)).contains(",converged,");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "syntax error | 2*x^2*cos(x)) - 5*x | c.yaml:3:28: objective.expression: unexpected ')'",
        "unknown function | 2*x^2*cso(x) | c.yaml:3:22: objective.expression: unknown function 'cso', did you mean "
                + "'cos'?",
        "unlisted variable | x + y | c.yaml:3:20: objective.expression: unknown name 'y' (not among the variables: x; "
                + "list it in objective.variables)",
        "wrong arity | atan2(x) | c.yaml:3:16: objective.expression: atan2 takes 2 arguments, got 1",
        "empty | '' | c.yaml:3:16: objective.expression: the formula is empty",
        "implicit product | 2x | c.yaml:3:17: objective.expression: unexpected 'x': an operator is missing before it "
                + "(a product needs '*': 2*x, not 2x)",
        "implicit product of brackets | (x+1)(x-1) | c.yaml:3:21: objective.expression: unexpected '(': an operator "
                + "is missing",
        "python power | x**2 | c.yaml:3:18: objective.expression: unexpected '*': powers are written with ^ (x^2), "
                + "not **",
    })
    void formulaErrorsArePrecise(String what, String expression, String message) throws IOException {
        Path out = tmp.resolve("never");
        Cli r = run(oneDimensional(expression, "", 0, 0.1, 10), out);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(out).doesNotExist();
    }

    @Test
    void syntaxErrorShowsACaretUnderThePlace() throws IOException {
        Cli r = run(oneDimensional("2*x^2*cos(x)) - 5*x", "", 0, 0.1, 10), tmp.resolve("never"));
        assertThat(r.err()).contains("\n    2*x^2*cos(x)) - 5*x\n                ^");
    }

    @Test
    void aVariableWithoutADomainIsNamed() throws IOException {
        Cli r = run("""
                name: d
                objective: {expression: "x^2 + y^2", variables: [x, y]}
                domain: {x: [-1, 1]}
                starts: {count: 5}
                optimizer: {learning_rate: 0.1}
                """, tmp.resolve("never"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("c.yaml:3:1: domain: variable 'y' has no domain; add y: [low, high]");
    }

    @Test
    void overDeepAndOverLongFormulasAreErrorsNotCrashes() throws IOException {
        String deep = "(".repeat(200) + "x" + ")".repeat(200);
        Cli r = run(oneDimensional(deep, "", 0, 0.1, 10), tmp.resolve("never"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nests more than 100 levels");
        String longSum = "x" + "+x".repeat(6000);
        Cli r2 = run(oneDimensional(longSum, "", 0, 0.1, 10), tmp.resolve("never"));
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.err()).contains("characters long");
        String manyTerms = "x" + "*x".repeat(3000);
        Cli r3 = run(oneDimensional(manyTerms, "", 0, 0.1, 10), tmp.resolve("never"));
        assertThat(r3.code()).isEqualTo(2);
        assertThat(r3.err()).contains("operations");
    }
}
