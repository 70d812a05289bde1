package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps per success (the expected running time of restarts: all a combo's runs' gradient steps
 * over its successes), against hand-counted trajectories and against runs.csv.
 */
class StepsPerSuccessTest {

    @TempDir
    Path tmp;

    private Path run(String yaml) throws IOException {
        return Cli.runConfig(tmp, "out", yaml);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sweep(Path out) throws IOException {
        return (List<Map<String, Object>>) ComboHitsTest.parse(out.resolve("result.json")).get("sweep");
    }

    /**
     * gd on (x-1)^2 multiplies the error by 1 - 2 rate a step, and stops once |g| = 2 |e| < 1e-6:
     * after the least k with 2 |e0| |1 - 2 rate|^k < 1e-6. Every run succeeds (its value e^2 is far
     * below the tolerance), so the steps per success are the mean of those k.
     */
    @Test
    void everyRunSucceedingItIsTheMeanRunLength() throws IOException {
        double[] starts = {-5.0, -2.0, 0.5, 3.0, 4.0};
        Path out = run("""
                name: q
                objective: {builtin: quadratic}
                starts:
                  count: 0
                  points: [[-5.0], [-2.0], [0.5], [3.0], [4.0]]
                optimizer: {method: gd, learning_rate: [0.1, 0.4], max_iterations: 1000}
                output: {charts: false, trajectories: 0}
                """);
        double[] rates = {0.1, 0.4};
        double[] mean = new double[2];
        for (int c = 0; c < 2; c++) {
            long total = 0;
            for (double x0 : starts) {
                double steps = Math.log(1e-6 / (2 * Math.abs(x0 - 1))) / Math.log(Math.abs(1 - 2 * rates[c]));
                // no start lands within rounding of the threshold
                assertThat(Math.abs(steps - Math.rint(steps))).isGreaterThan(1e-6);
                total += (long) Math.floor(steps) + 1;
            }
            mean[c] = total / 5.0;
            Map<String, Object> row = sweep(out).get(c);
            assertThat(((Number) row.get("gradient_steps")).longValue()).isEqualTo(total);
            assertThat(((Number) row.get("steps_per_success")).doubleValue()).isCloseTo(mean[c], within(1e-12));
        }
        // rate 0.4 shrinks the error 5x a step, 0.1 only by 0.8; but explicit starts alone are no
        // sample that restarts could draw more of: no sentence on restarts
        assertThat(mean[1]).isLessThan(mean[0]);
        assertThat(Files.readString(out.resolve("summary.md"))).doesNotContain("By restarts");

        // drawn starts: from each, rate 0.4 takes fewer steps than 0.1, so it ranks first and is cheapest
        Path drawn = run("""
                name: q
                objective: {builtin: quadratic}
                starts: {count: 40, sampler: halton}
                optimizer: {method: gd, learning_rate: [0.1, 0.4], max_iterations: 1000}
                output: {charts: false, trajectories: 0}
                """);
        double quick = ((Number) sweep(drawn).get(1).get("steps_per_success")).doubleValue();
        double slow = ((Number) sweep(drawn).get(0).get("steps_per_success")).doubleValue();
        assertThat(quick).isLessThan(slow);
        assertThat(Files.readString(drawn.resolve("summary.md"))).contains("By restarts from random starts until a"
                + " run succeeds, the first-ranked combo is also the cheapest: " + three(quick) + " gradient steps per"
                + " success (95% interval ").contains("40 successes in 40 runs").contains(", against " + three(slow)
                + " for the next cheapest, combo 0 (learning_rate 0.1).");
    }

    /** Below 100, as the reports write steps per success: three significant digits. */
    private static String three(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** On peaks, where runs walk off and fail, each combo's figure from runs.csv's rows. */
    @Test
    void itIsAllTheStepsOverTheSuccessesAsRunsCsvCountsThem() throws IOException {
        Path out = run("""
                name: p
                objective: {builtin: peaks}
                starts: {count: 150, sampler: halton}
                optimizer: {method: momentum, learning_rate: [0.01, 0.05], momentum: [0, 0.9], max_iterations: 800}
                output: {charts: false, trajectories: 0}
                """);
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = Arrays.asList(rows.get(0).split(","));
        long[] steps = new long[4];
        long[] successes = new long[4];
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            int c = Integer.parseInt(f[header.indexOf("combo")]);
            steps[c] += Long.parseLong(f[header.indexOf("iterations")]);
            if (!f[header.indexOf("status")].equals("diverged")
                    && Double.parseDouble(f[header.indexOf("value")]) <= -6.551133332835837 + 1e-6) {
                successes[c]++;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        int cheapest = -1;
        for (int c = 0; c < 4; c++) {
            Map<String, Object> row = sweep(out).get(c);
            assertThat(((Number) row.get("gradient_steps")).longValue()).isEqualTo(steps[c]);
            assertThat(successes[c]).isPositive();
            double e = (double) steps[c] / successes[c];
            assertThat(((Number) row.get("steps_per_success")).doubleValue()).isCloseTo(e, within(1e-9 * e));
            // its interval: the mean run's steps over the success rate's Wilson interval, ends swapped
            @SuppressWarnings("unchecked")
            List<Number> wilson = (List<Number>) row.get("success_rate_wilson95");
            @SuppressWarnings("unchecked")
            List<Number> range = (List<Number>) row.get("steps_per_success_wilson95");
            double mean = steps[c] / 150.0;
            assertThat(range.get(0).doubleValue()).isCloseTo(mean / wilson.get(1).doubleValue(), within(1e-9 * e));
            assertThat(range.get(1).doubleValue()).isCloseTo(mean / wilson.get(0).doubleValue(), within(1e-9 * e));
            assertThat(range.get(0).doubleValue()).isLessThan(e);
            assertThat(range.get(1).doubleValue()).isGreaterThan(e);
            if (e < best) {
                best = e;
                cheapest = c;
            }
        }
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("By restarts from random starts until a run succeeds, ");
        assertThat(summary).containsPattern("(combo " + cheapest + " \\(.*\\) is the cheapest|the first-ranked combo is"
                + " also the cheapest): " + Math.round(best) + " gradient steps per success");
    }
}
