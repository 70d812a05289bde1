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

    /**
     * The 2.5% and 97.5% percentiles of all steps over the successes, over {@code resamples}
     * resamples of the runs with replacement (a resample without a success: +infinity).
     */
    private static double[] bootstrap(int[] length, boolean[] success, int resamples) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[] figures = new double[resamples];
        int n = length.length;
        for (int r = 0; r < resamples; r++) {
            long steps = 0;
            long k = 0;
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                steps += length[j];
                k += success[j] ? 1 : 0;
            }
            figures[r] = k == 0 ? Double.POSITIVE_INFINITY : (double) steps / k;
        }
        Arrays.sort(figures);
        return new double[] {figures[(int) (0.025 * resamples)], figures[(int) (0.975 * resamples) - 1]};
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
        // each combo's runs in run order: steps, and whether it succeeded
        int[][] length = new int[4][150];
        boolean[][] success = new boolean[4][150];
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            int c = Integer.parseInt(f[header.indexOf("combo")]);
            int s = Integer.parseInt(f[header.indexOf("start")]);
            length[c][s] = Integer.parseInt(f[header.indexOf("iterations")]);
            success[c][s] = !f[header.indexOf("status")].equals("diverged")
                    && Double.parseDouble(f[header.indexOf("value")]) <= -6.551133332835837 + 1e-6;
        }
        double best = Double.POSITIVE_INFINITY;
        int cheapest = -1;
        for (int c = 0; c < 4; c++) {
            long steps = 0;
            long successes = 0;
            for (int s = 0; s < 150; s++) {
                steps += length[c][s];
                successes += success[c][s] ? 1 : 0;
            }
            Map<String, Object> row = sweep(out).get(c);
            assertThat(((Number) row.get("gradient_steps")).longValue()).isEqualTo(steps);
            assertThat(successes).isPositive();
            double e = (double) steps / successes;
            assertThat(((Number) row.get("steps_per_success")).doubleValue()).isCloseTo(e, within(1e-9 * e));
            // its 95% interval against a bootstrap over the combo's runs (2000 resamples, seeded):
            // the percentile interval's ends, themselves a few percent from the exact ones
            @SuppressWarnings("unchecked")
            List<Number> range = (List<Number>) row.get("steps_per_success_ci95");
            double[] boot = bootstrap(length[c], success[c], 2000);
            assertThat(range.get(0).doubleValue()).as("combo %d", c).isCloseTo(boot[0], within(0.08 * boot[0]));
            assertThat(range.get(1).doubleValue()).as("combo %d", c).isCloseTo(boot[1], within(0.08 * boot[1]));
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
