package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import multistart.analysis.Findings;
import multistart.config.ConfigLoader;
import multistart.config.OptimizerConfig;
import multistart.engine.Plan;
import org.junit.jupiter.api.Test;

/**
 * The sentence under the sweep table: which combos' success rates are not clearly apart (95%
 * Wilson intervals, written out here from their closed form), and which of those stops soonest.
 */
class RankingTest {

    static final double Z = 1.959963984540054;

    static Plan plan;

    static Plan plan() throws Exception {
        if (plan == null) {
            plan = Plan.of(ConfigLoader.parse("""
                    name: r
                    objective: {builtin: sphere}
                    starts: {count: 100}
                    optimizer: {learning_rate: [0.01, 0.02, 0.03, 0.04]}
                    """.getBytes(StandardCharsets.UTF_8), "c.yaml", null));
        }
        return plan;
    }

    /** Combo k with {@code successes[k]} of 100 runs succeeding, median {@code medians[k]}, {@code diverged[k]}. */
    static List<Findings.ComboSummary> combos(long[] successes, double[] medians, long[] diverged) throws Exception {
        List<Findings.ComboSummary> out = new ArrayList<>();
        for (int k = 0; k < successes.length; k++) {
            int n = 100;
            double p = successes[k] / (double) n;
            double centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n);
            double half = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n)) / (1 + Z * Z / n);
            out.add(new Findings.ComboSummary(plan().combos().get(k), n, n - diverged[k], 0, 0, diverged[k], 0,
                    successes[k], p, centre - half, centre + half, 0, 0, medians[k], 1, 0, 0, 0));
        }
        return out;
    }

    static OptimizerConfig optimizer() throws Exception {
        return plan().config().optimizer();
    }

    @Test
    void theCombosWhoseIntervalsOverlapTheFirstsAreNamedWithTheOneThatStopsSoonest() throws Exception {
        // 50/100: [0.404, 0.596]; 45/100 reaches 0.548, over 0.404; 30/100 reaches 0.396, under it
        String s = Ranking.reading(combos(new long[] {30, 45, 50, 10}, new double[] {50, 80, 200, 10},
                new long[] {0, 3, 0, 0}), optimizer());
        assertThat(s).isEqualTo(
                "The first 2 combos' success rates are not clearly apart: each one's 95% interval overlaps the"
                + " first's, so at 100 runs a combo their order may be chance. Of these, the runs of combo 1"
                + " (learning_rate 0.02) stop soonest: median 80 iterations against 200 for the first, though 3 of"
                + " its runs diverged.");
        // the first the quickest of its group; the others' quicker runs (10 iterations) are not in it
        assertThat(Ranking.reading(combos(new long[] {30, 45, 50, 10}, new double[] {5, 80, 60, 10},
                new long[] {0, 0, 0, 0}), optimizer())).endsWith("Of these, the first's runs also stop soonest (median"
                        + " 60 iterations).");
        // a tie for the quickest: no combo named
        assertThat(Ranking.reading(combos(new long[] {30, 45, 50, 10}, new double[] {5, 60, 60, 10},
                new long[] {0, 0, 0, 0}), optimizer())).endsWith("their order may be chance.");
        // every combo within reach of the first
        assertThat(Ranking.reading(combos(new long[] {48, 45, 50, 47}, new double[] {9, 9, 9, 9},
                new long[] {0, 0, 0, 0}), optimizer())).startsWith("All 4 combos' success rates are not clearly apart");
    }

    @Test
    void aFirstAboveEveryOthersIntervalIsSaidToSucceedMoreOften() throws Exception {
        // 90/100: [0.826, 0.945]; 50/100 reaches 0.596
        assertThat(Ranking.reading(combos(new long[] {50, 90, 20, 0}, new double[] {9, 9, 9, 9},
                new long[] {0, 0, 0, 0}), optimizer())).isEqualTo("Combo 1 (learning_rate 0.02) succeeds more often"
                        + " than every other combo: its 95% interval lies above all of theirs.");
    }

    @Test
    void nothingIsSaidOfASingleCombo() throws Exception {
        List<Findings.ComboSummary> four = combos(new long[] {50, 90, 20, 0}, new double[] {9, 9, 9, 9},
                new long[] {0, 0, 0, 0});
        assertThat(Ranking.reading(four.subList(0, 1), optimizer())).isEmpty();
        assertThat(Ranking.headline(four.subList(0, 1), optimizer(), null)).isEmpty();
        List<Findings.ComboSummary> none = byValue(new double[] {3, 1, 2, 4}, false);
        assertThat(Ranking.reading(none.subList(0, 1), optimizer())).isEmpty();
        assertThat(Ranking.headline(none.subList(0, 1), optimizer(), null)).isEmpty();
    }

    /** Four combos of 100 runs, none succeeding, with median end values {@code medians} (best value a tenth less). */
    static List<Findings.ComboSummary> byValue(double[] medians, boolean maximized) throws Exception {
        List<Findings.ComboSummary> out = new ArrayList<>();
        for (int k = 0; k < medians.length; k++) {
            double best = medians[k] + (maximized ? 0.1 : -0.1);
            out.add(new Findings.ComboSummary(plan().combos().get(k), 100, 0, 0, 100, 0, 0, 0, 0, 0, 0.037, best,
                    medians[k], 1000, 1, 100_000, 1e10, 0, -1, maximized, medians[k]));
        }
        return out;
    }

    private static List<Integer> order(List<Findings.ComboSummary> ranked) {
        List<Integer> out = new ArrayList<>();
        for (Findings.ComboSummary c : ranked) {
            out.add(c.combo().index());
        }
        return out;
    }

    @Test
    void whereNoRunSucceededTheCombosAreRankedByMedianEndValueInTheGoalsDirection() throws Exception {
        assertThat(order(Ranking.rank(byValue(new double[] {3, 1, 2, 4}, false)))).containsExactly(1, 2, 0, 3);
        assertThat(order(Ranking.rank(byValue(new double[] {3, 1, 2, 4}, true)))).containsExactly(3, 0, 2, 1);
        // no median (no finite end point) last; a tie goes to the best value, then to the combo
        assertThat(order(Ranking.rank(byValue(new double[] {Double.NaN, 2, 1, 2}, false))))
                .containsExactly(2, 1, 3, 0);
        assertThat(Ranking.headline(byValue(new double[] {3, 1, 2, 4}, false), optimizer(), null)).isEqualTo(
                "Best settings: no combo's runs succeeded; by median end value, combo 1 (learning_rate 0.02) comes"
                + " closest: 1 against 2 for the next, combo 2 (learning_rate 0.03).");
        assertThat(Ranking.headline(byValue(new double[] {3, 1, 2, 4}, true), optimizer(), null)).isEqualTo(
                "Best settings: no combo's runs succeeded; by median end value, combo 3 (learning_rate 0.04) comes"
                + " closest: 4 against 3 for the next, combo 0 (learning_rate 0.01).");
        assertThat(Ranking.headline(byValue(new double[] {2, 1, 5, 1}, false), optimizer(), null)).isEqualTo(
                "Best settings: no combo's runs succeeded; by median end value, combo 1 (learning_rate 0.02) and"
                + " combo 3 (learning_rate 0.04) tie, at 1.");
        assertThat(Ranking.reading(byValue(new double[] {3, 1, 2, 4}, true), optimizer())).isEqualTo(
                "No run of any combo succeeded, so the success rates cannot rank the combos: they are ranked by"
                + " the median end value of all their runs instead (highest first, a diverged run counted as the"
                + " worst), then by the best value.");
        // one success anywhere: by success again, the rest in order of median iterations
        List<Findings.ComboSummary> one = new ArrayList<>(byValue(new double[] {3, 1, 2, 4}, false));
        Findings.ComboSummary c = one.get(3);
        one.set(3, new Findings.ComboSummary(c.combo(), 100, 1, 0, 99, 0, 0, 1, 0.01, 0.002, 0.054, c.bestValue(),
                c.medianValue(), 1000, 1, 100_000, 1e10, 1000, -1, false, c.medianValue()));
        assertThat(order(Ranking.rank(one))).containsExactly(3, 0, 1, 2);
        // nothing to rank by at all (every run diverged): no sentence
        assertThat(Ranking.headline(byValue(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, false),
                optimizer(), null)).isEmpty();
        assertThat(Ranking.reading(byValue(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, false),
                optimizer())).isEmpty();
    }

    /**
     * Outcomes of 100 starts under four combos: combo k succeeds on starts 0 .. successes[k] - 1,
     * so the starts where only one of two succeeds all go the way of the one with more.
     */
    static multistart.analysis.PairedOutcomes nested(long[] successes) {
        multistart.analysis.PairedOutcomes p = multistart.analysis.PairedOutcomes.create(100, 4, 0.0, 0.5);
        for (int c = 0; c < 4; c++) {
            for (int s = 0; s < 100; s++) {
                p.add(c, s, s < successes[c] ? 0.0 : 1.0);
            }
        }
        return p;
    }

    /** The reading of four combos with these nested successes, the same median iterations, none diverged. */
    static String paired(long... successes) throws Exception {
        return Ranking.reading(combos(successes, new double[] {9, 9, 9, 9}, new long[] {0, 0, 0, 0}), optimizer(),
                nested(successes));
    }

    @Test
    void startByStartAFirstAheadOfEveryOtherIsNamedWithTheClosestSplit() throws Exception {
        // 100 to 60, 50, 10: splits 40, 50 and 90 to 0; the closest 40 to 0, p = 2 / 2^40
        assertThat(paired(60, 100, 50, 10)).isEqualTo(
                "Combo 1 (learning_rate 0.02) succeeds more often than every other combo, compared start by start"
                + " (every combo ran from the same starts): against the closest, combo 0 (learning_rate 0.01), 40"
                + " starts succeed under it alone and 0 under combo 0 alone, a split that chance gives with p ="
                + " 1.8e-12 (McNemar's exact test; 5% level after Holm's adjustment for 3 comparisons).");
    }

    @Test
    void startByStartCombosWhoseSplitChanceGivesAreNotClearlyApart() throws Exception {
        // 50 against 45 (5 to 0, p = 2 / 2^5 = 0.0625: over 0.05 even alone), 20 and 0 (p under 1e-8)
        long[] successes = {45, 50, 20, 0};
        String s = Ranking.reading(combos(successes, new double[] {30, 60, 10, 10}, new long[] {0, 0, 0, 0}),
                optimizer(), nested(successes));
        assertThat(s).isEqualTo(
                "Compared start by start (every combo ran from the same starts), combo 0 (learning_rate 0.01) is"
                + " not clearly apart from the first, combo 1 (learning_rate 0.02): of the starts where only one of"
                + " the two succeeds, 5 go the first's way and 0 combo 0's, a split that chance gives with p ="
                + " 0.063 (McNemar's exact test; 5% level after Holm's adjustment for 3 comparisons), so their"
                + " order may be chance. Of these, the runs of combo 0 (learning_rate 0.01) stop soonest: median 30"
                + " iterations against 60 for the first.");
        // the same starts succeed under two combos: nothing tells them apart
        assertThat(paired(50, 50, 0, 0)).contains(
                "combo 1 (learning_rate 0.02) is not clearly apart from the first, combo 0 (learning_rate 0.01):"
                + " the same starts succeed under both (McNemar's");
        // several: listed with their splits, first's against theirs
        assertThat(paired(47, 50, 46, 0)).startsWith(
                "Compared start by start (every combo ran from the same starts), 2 combos are not clearly apart"
                + " from the first, combo 1 (learning_rate 0.02); of the starts where only one of the two succeeds,"
                + " the first's against theirs: combo 0 (learning_rate 0.01) 3 to 0 (p = 0.25) and combo 2"
                + " (learning_rate 0.03) 4 to 0 (p = 0.13) (McNemar's");
        // several, one with the very same successes
        assertThat(paired(47, 50, 50, 0)).contains(
                "2 combos are not clearly apart from the first, combo 1 (learning_rate 0.02); combo 2"
                + " (learning_rate 0.03) succeeds on the very starts the first does; of the starts where only one"
                + " of the two succeeds, the first's against the others': combo 0 (learning_rate 0.01) 3 to 0 (p ="
                + " 0.25) (McNemar's");
    }

    @Test
    void theHeadlineNamesTheBestSettingsAndThoseAsGoodStartByStart() throws Exception {
        long[] ahead = {60, 100, 50, 10};
        List<Findings.ComboSummary> nine = combos(ahead, new double[] {9, 9, 9, 9}, new long[] {0, 0, 0, 0});
        assertThat(Ranking.headline(nine, optimizer(), nested(ahead)))
                .startsWith("Best settings: combo 1 (learning_rate 0.02), success 100.0% [")
                .endsWith("]; every other combo succeeds less often, start by start.");
        // no outcomes kept: the best alone
        assertThat(Ranking.headline(nine, optimizer(), null)).endsWith("].");
        long[] close = {45, 50, 20, 0};
        assertThat(Ranking.headline(combos(close, new double[] {30, 60, 10, 10}, new long[] {0, 0, 0, 0}),
                optimizer(), nested(close))).endsWith("; as good start by start: combo 0; of these, combo 0"
                        + " (learning_rate 0.01) stops soonest (median 30 iterations against 60).");
        // 50 against 48, 47 and 49: splits 2, 3 and 1 to 0, none apart
        long[] all = {48, 50, 47, 49};
        assertThat(Ranking.headline(combos(all, new double[] {9, 9, 9, 9}, new long[] {0, 0, 0, 0}), optimizer(),
                nested(all))).endsWith("; start by start, no other combo is clearly apart from it.");
        long[] none = {0, 0, 0, 0};
        assertThat(Ranking.headline(combos(none, new double[] {9, 9, 9, 9}, none), optimizer(), nested(none)))
                .isEqualTo("Best settings: no combo's runs succeeded; by median end value, combo 0 (learning_rate"
                        + " 0.01) and combo 1 (learning_rate 0.02) tie, at 0.");
    }
}
