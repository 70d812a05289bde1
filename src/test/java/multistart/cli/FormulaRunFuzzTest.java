package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps of formulas nobody wrote, run end to end: random well-formed expressions in one to
 * three variables (with constants from 1e-300 to 1e300, so that runs overflow, divide by zero
 * and leave the domain), over domains from a thousandth to millions wide (and near 1e20, where
 * few doubles lie in them), under random methods,
 * rates, samplers, goals and derivatives. Each runs to the end: exit 0 and every file, charts
 * included (a harness like this found the sweep on which the chart library's tick placement
 * never ended), or the loader refuses the formula where it is meaningless (a part that is not a
 * number whatever the variables) or the grid's count, saying where, and writes nothing. The config-level
 * counterpart is {@link multistart.config.ExpressionFuzzTest}.
 */
class FormulaRunFuzzTest {

    @TempDir
    Path tmp;

    /**
     * Sweeps run: a few seconds in all (more, and another seed, with -Dfuzz.runs=N -Dfuzz.seed=S).
     * The default seed's eighth is one on which XChart's ticks never ended before their cause was
     * mended (seed 11 meets one at its seventeenth).
     */
    static final int RUNS = Integer.getInteger("fuzz.runs", 16);

    static final String[] CONSTANTS = {"0", "1", "2", "0.5", "3.7", "1e300", "1e-300", "1e10", "-1", "1e-8", "100",
            "pi"};
    static final String[] FUNCTIONS = {"sin", "cos", "exp", "log", "sqrt", "abs", "tanh", "atan"};
    static final String[] OPERATORS = {"+", "-", "*", "/", "^", "*", "+"};
    static final String[] METHODS = {"gd", "[gd, adagrad]", "[rmsprop, adam]", "nesterov", "[momentum, adam]"};
    static final String[] RATES = {"0.001", "[0.001, 0.1]", "1", "[1e-6, 10]", "0.05"};
    static final String[] SAMPLERS = {"uniform", "sobol", "halton", "grid", "latin_hypercube"};
    static final String[] OBJECTIVE_EXTRAS = {"", ", derivatives: numeric", ", goal: maximize", ", known_minimum: 0"};
    static final double[] LOWS = {-2, -5, -1e3, 0.1, -1e-3, 1e20};
    static final double[] WIDTHS = {4, 10, 1e3, 1e-3, 2e6};

    static String formula(Random r, List<String> vars, int depth) {
        if (depth <= 0 || r.nextInt(4) == 0) {
            return r.nextBoolean() ? vars.get(r.nextInt(vars.size())) : CONSTANTS[r.nextInt(CONSTANTS.length)];
        }
        int k = r.nextInt(20);
        if (k < 11) {
            String op = OPERATORS[r.nextInt(OPERATORS.length)];
            String right = op.equals("^") ? new String[] {"2", "3", "0.5", "-1", vars.get(0)}[r.nextInt(5)]
                    : formula(r, vars, depth - 1);
            return "(" + formula(r, vars, depth - 1) + " " + op + " " + right + ")";
        }
        if (k < 18) {
            return FUNCTIONS[r.nextInt(FUNCTIONS.length)] + "(" + formula(r, vars, depth - 1) + ")";
        }
        return "-(" + formula(r, vars, depth - 1) + ")";
    }

    @Test
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyFormulaSweepRunsToTheEndWithItsCharts() throws Exception {
        Random r = new Random(Long.getLong("fuzz.seed", 9));
        int ran = 0;
        for (int i = 0; i < 5 * RUNS && ran < RUNS; i++) {
            String formula = formula(r, List.of("a", "b", "c").subList(0, 1 + r.nextInt(3)), 1 + r.nextInt(4));
            // a variable listed but not used is a config error: the variables are those it uses
            List<String> vars = new java.util.ArrayList<>();
            for (String v : List.of("a", "b", "c")) {
                if (java.util.regex.Pattern.compile("\\b" + v + "\\b").matcher(formula).find()) {
                    vars.add(v);
                }
            }
            if (vars.isEmpty()) {
                formula = "(" + formula + ") + a";
                vars.add("a");
            }
            double low = LOWS[r.nextInt(LOWS.length)];
            double high = low + WIDTHS[r.nextInt(WIDTHS.length)];
            StringBuilder domain = new StringBuilder();
            for (String v : vars) {
                domain.append(domain.length() == 0 ? "" : ", ").append(v).append(": [").append(low).append(", ")
                        .append(high).append(']');
            }
            String text = "name: f" + i + "\nseed: " + r.nextInt(10_000) + "\n"
                    + "objective: {expression: \"" + formula + "\", variables: ["
                    + String.join(", ", vars) + "]" + OBJECTIVE_EXTRAS[r.nextInt(OBJECTIVE_EXTRAS.length)] + "}\n"
                    + "domain: {" + domain + "}\n"
                    + "starts: {count: " + new int[] {1, 2, 9, 40}[r.nextInt(4)] + ", sampler: "
                    + SAMPLERS[r.nextInt(SAMPLERS.length)] + "}\n"
                    + "optimizer: {method: " + METHODS[r.nextInt(METHODS.length)] + ", learning_rate: "
                    + RATES[r.nextInt(RATES.length)] + ", max_iterations: " + new int[] {1, 5, 60}[r.nextInt(3)]
                    + (r.nextBoolean() ? ", divergence: 1e300" : "") + "}\n"
                    + "output: {trajectories: " + new int[] {0, 1, 3}[r.nextInt(3)] + ", basin_resolution: "
                    + new int[] {4, 12}[r.nextInt(2)] + ", runs: " + (r.nextBoolean() ? "all" : "none") + "}\n";
            Path config = tmp.resolve("f" + i + ".yaml");
            Files.writeString(config, text);
            Path out = tmp.resolve("out" + i);
            Cli c = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
            if (c.code() == 2) {
                // a formula the loader refuses (a part NaN whatever the variables, a variable that
                // simplifies away), a grid count that is no power, a domain of one double (1e20 to
                // 1e20 + 4): said where, and nothing written
                assertThat(c.err()).as(text).containsPattern("f" + i
                        + "\\.yaml:\\d+:\\d+: (objective|starts|domain)\\.");
                assertThat(out).as(text).doesNotExist();
                continue;
            }
            assertThat(c.code()).as("%s\n%s", c.err(), text).isZero();
            List<String> files = new java.util.ArrayList<>(List.of("summary.md", "minima.csv", "sweep.csv",
                    "result.json", "report.html", "convergence.png", "sweep.png"));
            if (text.contains("runs: all")) {
                files.add("runs.csv");
            }
            for (String f : files) {
                assertThat(out.resolve(f)).as("%s\n%s", f, text).exists();
            }
            ran++;
        }
        assertThat(ran).isEqualTo(RUNS);
    }
}
