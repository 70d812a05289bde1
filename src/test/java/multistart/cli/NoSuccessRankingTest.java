package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import multistart.report.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where no run succeeds (a known optimum that no run comes near) the reports rank the sweep by
 * its runs' median end value, against closed forms: gd on (x - 1)^2 multiplies x - 1 by
 * 1 - 2 rate each step, so after 10 steps from x0 a run ends at (1 - 2 rate)^20 (x0 - 1)^2; from
 * x0 = 3, 4 and -2, (x0 - 1)^2 = 4, 9 and 9, the median end value is 9 times that factor:
 * 9 (0.998)^20 = 8.65 at rate 0.001 and 9 (0.98)^20 = 6.01 at rate 0.01, neither within 1e-6 of
 * the optimum 0. The first combo in the config is the worse one, so the order is the value's.
 */
class NoSuccessRankingTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            name: none-succeed
            objective:
              expression: "%s"
              variables: [x]
              goal: %s
              known_minimum: %s
            domain:
              x: [-4, 4]
            starts:
              count: 0
              points: [[3.0], [4.0], [-2.0]]
            optimizer:
              method: gd
              learning_rate: [0.001, 0.01]
              max_iterations: 10
              stop:
                gradient_norm: 0
            """;

    /** gd on (x - 1)^2 from the three starts at {@code rates}, runs past {@code limit} diverged. */
    private Path diverging(String rates, int limit) throws Exception {
        return Cli.runConfig(dir, "none-succeed", CONFIG.formatted("(x - 1)^2", "minimize", 0)
                .replace("learning_rate: [0.001, 0.01]", "learning_rate: " + rates + "\n  divergence: " + limit));
    }

    private static double endValue(double rate) {
        return 9 * Math.pow(1 - 2 * rate, 20);
    }

    /** Minimised, and the same path maximised on -(x - 1)^2 (its end values negated: highest first). */
    @ParameterizedTest
    @ValueSource(strings = {"minimize", "maximize"})
    @SuppressWarnings("unchecked")
    void theCombosAreRankedByTheirMedianEndValueInTheGoalsDirection(String goal) throws Exception {
        boolean max = goal.equals("maximize");
        double sign = max ? -1 : 1;
        Path out = Cli.runConfig(dir, "none-succeed", CONFIG.formatted(max ? "-(x - 1)^2" : "(x - 1)^2", goal, 0));
        Map<String, Object> json = ComboHitsTest.parse(out.resolve("result.json"));
        List<Map<String, Object>> sweep = (List<Map<String, Object>>) json.get("sweep");
        double[] rates = {0.001, 0.01};
        for (int k = 0; k < 2; k++) {
            assertThat((Long) sweep.get(k).get("successes")).isZero();
            assertThat(((Number) sweep.get(k).get("median_value")).doubleValue())
                    .isCloseTo(sign * endValue(rates[k]), within(1e-12));
        }
        assertThat(json.get("sweep_ranked_by")).isEqualTo("median_value");
        assertThat((List<Object>) json.get("sweep_ranking")).containsExactly(1L, 0L);

        String summary = Files.readString(out.resolve("summary.md"));
        // every start ends better at rate 0.01 (its factor 0.668 against 0.961): a sign test of 3 to 0,
        // p = 2 / 2^3
        assertThat(summary).contains("Best settings: no combo's runs succeeded; by median end value, combo 1"
                + " (learning_rate 0.01) comes closest: " + Numbers.brief(sign * endValue(0.01)) + " against "
                + Numbers.brief(sign * endValue(0.001)) + " for the next, combo 0 (learning_rate 0.001); start by"
                + " start it ends better on 3 starts and worse on 0 (sign test, p 0.25), so their order may be"
                + " chance.");
        Map<String, Object> split = (Map<String, Object>) json.get("paired_end_values");
        assertThat(split.get("first")).isEqualTo(1L);
        assertThat(split.get("next")).isEqualTo(0L);
        assertThat(split.get("first_better")).isEqualTo(3L);
        assertThat(split.get("next_better")).isEqualTo(0L);
        assertThat(((Number) split.get("p_value")).doubleValue()).isEqualTo(0.25);
        assertThat(summary).contains("## Sweep, ranked by median end value (no run succeeded)")
                .contains("| rank | combo | learning_rate | success | diverged | median iterations | median value |"
                        + " best value | basins |")
                .contains("| 1 | 1 | 0.01 | 0.0% ")
                .contains("| 2 | 0 | 0.001 | 0.0% ")
                .contains("they are ranked by the median end value of all their runs instead ("
                        + (max ? "highest" : "lowest") + " first, a diverged run counted as the worst), then by the"
                        + " best value.");
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<h2>Sweep, ranked by median end value (no run succeeded)</h2>")
                .contains("<th>median value</th>")
                .contains("No run succeeded, so the ranking goes by end values: each combination&#39;s median end"
                        + " value over all its runs (" + (max ? "higher" : "lower") + " is better: green on a heat"
                        + " map;");
    }

    /**
     * A combo whose runs diverge ranks last, its median "diverged": at rate 1.1 each step
     * multiplies x - 1 by -1.2, so from 4 and -2 the value 9 (1.44)^t passes the divergence limit
     * 200 at step 9 (238), and from 3 it ends at 4 (1.44)^10 = 153.4 (the limit never passed):
     * two of three runs diverged, so the median over all runs is the worst.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aComboWhoseRunsMostlyDivergeRanksLast() throws Exception {
        Path out = diverging("[1.1, 0.001, 0.01]", 200);
        Map<String, Object> json = ComboHitsTest.parse(out.resolve("result.json"));
        List<Map<String, Object>> sweep = (List<Map<String, Object>>) json.get("sweep");
        assertThat(sweep.get(0).get("diverged")).isEqualTo(2L);
        assertThat(((Number) sweep.get(0).get("median_value")).doubleValue())
                .isCloseTo(4 * Math.pow(1.44, 10), within(1e-9));
        assertThat(sweep.get(0).get("median_value_all_runs")).isNull();
        assertThat(((Number) sweep.get(2).get("median_value_all_runs")).doubleValue())
                .isCloseTo(endValue(0.01), within(1e-12));
        assertThat((List<Object>) json.get("sweep_ranking")).containsExactly(2L, 1L, 0L);
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("| 3 | 0 | 1.1 | 0.0% [0.0%, 56.1%] | 2 | 10 | diverged |");
    }

    /**
     * Settings one at a time, where no run succeeded: each value's median of its combos' median
     * end values. With the rate halved after every step (decay 0.5) a run's x - 1 is multiplied
     * by 1 - 2 rate 0.5^k at step k, so the median end value is 9 times the product of the
     * squares over k = 0 .. 9; each rate's figure is the mean of its two combos' (decay 1, 0.5).
     */
    @Test
    @SuppressWarnings("unchecked")
    void settingsOneAtATimeShowTheMedianEndValue() throws Exception {
        Path out = Cli.runConfig(dir, "none-succeed", CONFIG.formatted("(x - 1)^2", "minimize", 0)
                .replace("max_iterations: 10", "decay: [1.0, 0.5]\n  max_iterations: 10"));
        Map<String, Object> json = ComboHitsTest.parse(out.resolve("result.json"));
        for (Object o : (List<Object>) json.get("settings_one_at_a_time")) {
            Map<String, Object> level = (Map<String, Object>) o;
            if (level.get("setting").equals("learning_rate")) {
                double rate = Double.parseDouble((String) level.get("value"));
                double expected = 0.5 * (median(rate, 1.0) + median(rate, 0.5));
                assertThat(((Number) level.get("median_of_median_values_all_runs")).doubleValue())
                        .as("rate %s", rate).isCloseTo(expected, within(1e-12));
            }
        }
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("| setting | value | combos | success | diverged | iterations | median value |"
                + " best combo |");
        assertThat(summary).contains("| learning_rate | 0.01 | 2 | 0.0% | 0 | 10 | "
                + Numbers.brief(0.5 * (median(0.01, 1.0) + median(0.01, 0.5))) + " |");
    }

    private static double median(double rate, double decay) {
        double f = 9;
        double eta = rate;
        for (int k = 0; k < 10; k++) {
            f *= (1 - 2 * eta) * (1 - 2 * eta);
            eta *= decay;
        }
        return f;
    }

    /** Every run a success (all within 10 of 0): the sweep picture goes by iterations, as the ranking then does. */
    @Test
    void whereEveryComboSucceedsEquallyThePictureGoesByIterations() throws Exception {
        // runs that stop at |g| < 1e-3: at rate 0.001 after ten times the steps of rate 0.01
        Path out = Cli.runConfig(dir, "none-succeed", CONFIG.formatted("(x - 1)^2", "minimize", 0)
                .replace("max_iterations: 10", "max_iterations: 10000").replace("gradient_norm: 0",
                        "gradient_norm: 1.0e-3") + "basins:\n  success_tolerance: 10\n");
        assertThat(Files.readString(out.resolve("report.html"))).contains("Every combo succeeded equally often"
                + " (100.0%), so the ranking goes by iterations: each combination&#39;s median iterations");
    }

    /**
     * Where half the runs or more of every combo diverge (every median "diverged"), the one that
     * diverged least ranks first: past the limit 50, rate 1.1 (x - 1 times -1.2 a step) loses all
     * three runs, rate 1.05 (times -1.1, the value 1.21 times a step) the two from (x0 - 1)^2 = 9
     * (9 x 1.21^9 = 50.04) and keeps the one from 4 (4 x 1.21^10 = 26.9).
     */
    @Test
    @SuppressWarnings("unchecked")
    void whereEveryComboMostlyDivergesTheOneThatDivergedLeastRanksFirst() throws Exception {
        Path out = diverging("[1.1, 1.05]", 50);
        Map<String, Object> json = ComboHitsTest.parse(out.resolve("result.json"));
        List<Map<String, Object>> sweep = (List<Map<String, Object>>) json.get("sweep");
        assertThat(sweep.get(0).get("diverged")).isEqualTo(3L);
        assertThat(sweep.get(1).get("diverged")).isEqualTo(2L);
        assertThat((List<Object>) json.get("sweep_ranking")).containsExactly(1L, 0L);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("Best settings: no combo's runs succeeded, and half the runs or more of every"
                + " combo diverged; combo 1 (learning_rate 1.05) diverged least: 2 of 3 runs.")
                .contains("No run of any combo succeeded, and half the runs or more of every combo diverged: they are"
                        + " ranked by the share of their runs that diverged (fewest first), then by the best value.");
    }

    /** Once a run succeeds the ranking is by success again: the same sweep with a tolerance it meets. */
    @Test
    @SuppressWarnings("unchecked")
    void aSuccessAnywhereRanksBySuccessRate() throws Exception {
        Path out = Cli.runConfig(dir, "none-succeed", CONFIG.formatted("(x - 1)^2", "minimize", 0)
                + "basins:\n  success_tolerance: 7\n");
        Map<String, Object> json = ComboHitsTest.parse(out.resolve("result.json"));
        // every end value at rate 0.01 is within 7 (6.01, 6.01, 2.67), one at 0.001 (3.84; not 8.65)
        assertThat(json.get("sweep_ranked_by")).isEqualTo("success_rate, median_iterations");
        assertThat((List<Object>) json.get("sweep_ranking")).containsExactly(1L, 0L);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("## Sweep, ranked by success rate then median iterations")
                .contains("Best settings: combo 1 (learning_rate 0.01), success 100.0%")
                .doesNotContain("median end value");
        assertThat(json.get("paired_end_values")).isNull();
    }
}
