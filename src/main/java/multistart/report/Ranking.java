package multistart.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import multistart.analysis.Findings;
import multistart.analysis.PairedOutcomes;
import multistart.config.OptimizerConfig;

/**
 * The sweep ranked for a person: success rate first, then median iterations, then combo; where
 * no run succeeded, median end value first.
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * The combos best first: by success rate, then median iterations (of combos that succeed
     * equally often, the one whose runs stop soonest), then combo. Where no run of any combo
     * succeeded (a known optimum that none reached) the rates cannot choose and stopping soon is
     * no merit: by the median end value over all runs in the goal's direction instead (a diverged
     * run counted as the worst, so that a combo is not ranked by the few runs it kept), then the
     * share of runs that diverged or failed (which orders combos whose medians are all "diverged"),
     * then the best value, then combo.
     */
    public static List<Findings.ComboSummary> rank(List<Findings.ComboSummary> combos) {
        List<Findings.ComboSummary> out = new ArrayList<>(combos);
        if (noneSucceeded(combos)) {
            out.sort(Comparator.comparingDouble((Findings.ComboSummary c) -> last(c.medianLoss()))
                    .thenComparingDouble(c -> last(lost(c)))
                    .thenComparingDouble(c -> last(c.bestLoss()))
                    .thenComparingInt(c -> c.combo().index()));
            return out;
        }
        out.sort(Comparator.comparingDouble((Findings.ComboSummary c) -> -c.successRate())
                .thenComparingDouble(c -> last(c.medianIterations()))
                .thenComparingInt(c -> c.combo().index()));
        return out;
    }

    /** The share of a combo's runs with no end point (diverged or failed); NaN where none ran. */
    private static double lost(Findings.ComboSummary c) {
        return c.runs() == 0 ? Double.NaN : (double) (c.diverged() + c.failed()) / c.runs();
    }

    /** A sort key with NaN (nothing to rank by) as +infinity, after every number. */
    private static double last(double key) {
        return Double.isNaN(key) ? Double.POSITIVE_INFINITY : key;
    }

    /** Whether some combo ran and none of their runs succeeded: {@link #rank} goes by end value. */
    public static boolean noneSucceeded(List<Findings.ComboSummary> combos) {
        boolean ran = false;
        for (Findings.ComboSummary c : combos) {
            if (c.successes() > 0) {
                return false;
            }
            ran |= c.runs() > 0;
        }
        return ran;
    }

    /** The sweep table's heading: what {@link #rank} went by. */
    public static String heading(List<Findings.ComboSummary> combos) {
        return noneSucceeded(combos) ? "Sweep, ranked by median end value (no run succeeded)"
                : "Sweep, ranked by success rate then median iterations";
    }

    /**
     * Where no run succeeded ({@link #noneSucceeded}), the top's answer to "which settings?":
     * "Best settings: no combo's runs succeeded; by median end value, combo 0 (learning_rate 0.01)
     * comes closest: 97.8 against 829.6 for the next, combo 1 (learning_rate 0.001).", that the
     * first two tie, or that half the runs of every combo diverged; "" otherwise, for a single
     * combo, or where no combo ran.
     */
    private static String closest(List<Findings.ComboSummary> combos, OptimizerConfig optimizer,
            PairedOutcomes paired) {
        List<Findings.ComboSummary> ranked = byEndValue(combos, optimizer);
        if (ranked == null) {
            return "";
        }
        Findings.ComboSummary first = ranked.get(0);
        Findings.ComboSummary next = ranked.get(1);
        if (Double.isInfinite(first.medianAllRuns())) {
            return "Best settings: no combo's runs succeeded, and half the runs or more of every combo diverged; combo "
                    + named(optimizer, first) + " diverged least: " + (first.diverged() + first.failed()) + " of "
                    + Numbers.count(first.runs(), "run", "runs") + ".";
        }
        if (next.medianAllRuns() == first.medianAllRuns()) {
            return "Best settings: no combo's runs succeeded; by median end value, combo " + named(optimizer, first)
                    + " and combo " + named(optimizer, next) + " tie, at " + Numbers.brief(first.medianAllRuns())
                    + ".";
        }
        String s = "Best settings: no combo's runs succeeded; by median end value, combo " + named(optimizer, first)
                + " comes closest: " + Numbers.brief(first.medianAllRuns());
        return s + (Double.isInfinite(next.medianAllRuns()) ? "; half the runs or more of every other combo diverged"
                : " against " + Numbers.brief(next.medianAllRuns()) + " for the next, combo " + named(optimizer, next))
                + betterByStarts(split(first, next, paired)) + ".";
    }

    /**
     * The combos as ranked, each set of runs once ({@link #distinct}), where the ranking goes by
     * end value and there is something to say of it: no run succeeded, two combos or more ran, and
     * the first has a median; else null.
     */
    private static List<Findings.ComboSummary> byEndValue(List<Findings.ComboSummary> combos,
            OptimizerConfig optimizer) {
        if (!noneSucceeded(combos)) {
            return null;
        }
        List<Findings.ComboSummary> ranked = distinct(combos, optimizer);
        return ranked.size() < 2 || Double.isNaN(ranked.get(0).medianAllRuns()) ? null : ranked;
    }

    /**
     * Where no run succeeded, the first two combos as ranked compared start by start on their
     * end values ({@link PairedOutcomes#better}): the starts where the first ends better by more
     * than the success tolerance, those where the next does, and the sign test's two-sided p for
     * that split (McNemar's exact test is the same test).
     */
    public record EndValueSplit(Findings.ComboSummary first, Findings.ComboSummary next, long firstBetter,
            long nextBetter, double p) {
    }

    /** {@link EndValueSplit} of the sweep, or null: some run succeeded, fewer than two combos, no values kept. */
    public static EndValueSplit endValues(List<Findings.ComboSummary> combos, OptimizerConfig optimizer,
            PairedOutcomes paired) {
        List<Findings.ComboSummary> ranked = byEndValue(combos, optimizer);
        return ranked == null ? null : split(ranked.get(0), ranked.get(1), paired);
    }

    /** {@code first} against {@code next} start by start; null where the values were not kept. */
    private static EndValueSplit split(Findings.ComboSummary first, Findings.ComboSummary next,
            PairedOutcomes paired) {
        long[] split = paired == null ? null : paired.better(first.combo().index(), next.combo().index());
        return split == null ? null
                : new EndValueSplit(first, next, split[0], split[1], PairedOutcomes.mcnemar(split[0], split[1]));
    }

    /**
     * "; start by start it ends better on 312 starts and worse on 150 (sign test, p 1.2e-13)",
     * and where that split is one chance gives at 5%, that their order may be chance; "" for null.
     */
    private static String betterByStarts(EndValueSplit e) {
        if (e == null) {
            return "";
        }
        return "; start by start it ends better on " + Numbers.count(e.firstBetter(), "start", "starts")
                + " and worse on " + e.nextBetter() + " (sign test, p " + p(e.p()) + ")"
                + (e.p() > ALPHA ? ", so their order may be chance" : "");
    }

    /**
     * A combo's median end value over all its runs for a table cell or a sentence: "diverged"
     * where half of them or more did, "-" where none ran.
     */
    public static String medianCell(Findings.ComboSummary c) {
        return medianCell(c.medianAllRuns());
    }

    /** As {@link #medianCell(Findings.ComboSummary)}, of a median end value over all runs. */
    static String medianCell(double median) {
        return Double.isInfinite(median) ? "diverged" : Numbers.brief(median);
    }

    /**
     * The combos as ranked, each set of runs once (a combo that repeats another's, gd under a
     * second momentum, left out), and those an interruption left without a run left out too.
     */
    static List<Findings.ComboSummary> distinct(List<Findings.ComboSummary> combos, OptimizerConfig optimizer) {
        List<Findings.ComboSummary> out = new ArrayList<>();
        for (Findings.ComboSummary c : rank(combos)) {
            if (!optimizer.repeatsEarlier(c.combo()) && c.runs() > 0) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A sweep table's rows, the best-ranked {@code maxRows} combos without those that repeat
     * another's runs (gd under a second momentum: rows that would say the same again), and the
     * line below it on what it leaves out ("12 more combos in sweep.csv, and 4 combos that repeat
     * another's runs, left out of the table."; "" where it leaves out none).
     */
    record Table(List<Findings.ComboSummary> rows, String below) {
    }

    static Table table(List<Findings.ComboSummary> combos, OptimizerConfig optimizer, int maxRows) {
        List<Findings.ComboSummary> rows = new ArrayList<>();
        long repeating = 0;
        long more = 0;
        for (Findings.ComboSummary cs : rank(combos)) {
            if (optimizer.repeatsEarlier(cs.combo())) {
                repeating++;
            } else if (rows.size() < maxRows) {
                rows.add(cs);
            } else {
                more++;
            }
        }
        String repeats = Numbers.count(repeating, "combo that repeats", "combos that repeat") + " another's runs";
        String below = more == 0 && repeating == 0 ? ""
                : more == 0 ? "Not in the table: " + repeats + "; sweep.csv has every combo."
                : Numbers.count(more, "more combo", "more combos") + " in sweep.csv"
                        + (repeating == 0 ? "." : ", and " + repeats + ", left out of the table.");
        return new Table(rows, below);
    }

    /** The first of combos ranked, or null where there is nothing to compare it with (one combo, no success). */
    private static Findings.ComboSummary leader(List<Findings.ComboSummary> ranked) {
        return ranked.size() < 2 || !(ranked.get(0).successRate() > 0) ? null : ranked.get(0);
    }

    /** What the table's {@code steps / success} column holds, for its introductions. */
    public static final String STEPS_PER_SUCCESS = "steps / success: the combo's gradient steps, all its runs', over"
            + " its successes: what restarting it from random starts until a run succeeds costs on average (the"
            + " expected running time of the BBOB benchmarks; a run that does not settle costs every step up to"
            + " max_iterations).";

    /** What the table holds instead of steps per success where no run succeeded ({@link #noneSucceeded}). */
    public static final String MEDIAN_VALUE = "median value: the median of the end values of all the combo's runs,"
            + " a diverged run counted as the worst (\"diverged\" where half of them or more did; sweep.csv's"
            + " median_value leaves them out).";

    /**
     * A combo's steps per success for a table cell: three significant digits below 100, a whole
     * number from there, "-" where none succeeded.
     */
    public static String stepsPerSuccess(Findings.ComboSummary c) {
        return stepsPerSuccess(c.stepsPerSuccess());
    }

    /** As {@link #stepsPerSuccess(Findings.ComboSummary)}, of a figure; "-" also where none were counted (NaN). */
    static String stepsPerSuccess(double e) {
        if (!Double.isFinite(e)) {
            return "-";
        }
        if (e >= 100 && e < 1e7) {
            return Long.toString(Math.round(e));
        }
        // three significant digits below 100 steps (9.9, 68.5): an estimate, not a count
        return e < 100 && e > 0 ? Numbers.significant(e, 3) : Numbers.brief(e);
    }

    /**
     * Which combo reaches the target for the fewest gradient steps when restarted from random
     * starts until a run succeeds (least {@link Findings.ComboSummary#stepsPerSuccess}), set
     * against the first-ranked: a lower success rate can be more than made up by shorter runs.
     * "" for fewer than two combos (repeats left out), where none succeeded, where the first took
     * no step (its runs all began where they ended: there is no cost to compare), or where no
     * start was drawn ({@code sampled} false: explicit points alone, which
     * restarts cannot draw more of).
     */
    public static String restarts(List<Findings.ComboSummary> combos, OptimizerConfig optimizer, boolean sampled) {
        List<Findings.ComboSummary> ranked = distinct(combos, optimizer);
        Findings.ComboSummary first = leader(ranked);
        if (first == null || first.steps() == 0 || !sampled) {
            return "";
        }
        // by cost, ties in rank order (the sort is stable): the cheapest, then the next
        List<Findings.ComboSummary> byCost = new ArrayList<>(ranked);
        byCost.sort(Comparator.comparingDouble(Findings.ComboSummary::stepsPerSuccess));
        Findings.ComboSummary cheapest = byCost.get(0);
        Findings.ComboSummary next = byCost.get(1);
        if (cheapest == first) {
            StringBuilder s = new StringBuilder("By restarts from random starts until a run succeeds, the ")
                    .append("first-ranked combo is also the cheapest: ").append(stepsPerSuccess(first))
                    .append(" gradient steps per success (").append(tally(first)).append(')');
            if (Double.isFinite(next.stepsPerSuccess())) {
                s.append(", against ").append(stepsPerSuccess(next)).append(" for the next cheapest, combo ")
                        .append(named(optimizer, next));
            }
            return s.append('.').toString();
        }
        return "By restarts from random starts until a run succeeds, combo " + named(optimizer, cheapest)
                + " is the cheapest: " + stepsPerSuccess(cheapest) + " gradient steps per success (" + tally(cheapest)
                + "), against " + stepsPerSuccess(first) + " for the first-ranked, combo " + named(optimizer, first)
                + " (" + tally(first) + ").";
    }

    /**
     * "95% interval 840 to 12000; 3 successes in 500 runs, median 14 iterations": how far a
     * combo's steps per success can be trusted, and what they rest on.
     */
    private static String tally(Findings.ComboSummary c) {
        double[] range = c.stepsPerSuccessInterval();
        return "95% interval " + stepsPerSuccess(range[0]) + " to " + (Double.isFinite(range[1])
                ? stepsPerSuccess(range[1]) : "unbounded") + "; " + Numbers.count(c.successes(), "success", "successes")
                + " in " + Numbers.count(c.runs(), "run", "runs") + ", median " + Numbers.brief(c.medianIterations())
                + " iterations";
    }

    /** The family-wise level of the start-by-start comparisons with the first. */
    static final double ALPHA = 0.05;
    /** Combos not clearly apart from the first named one by one, at most. */
    static final int NAMED = 5;

    /**
     * The first-ranked combo compared with another start by start: of the starts both ran from,
     * {@code firstOnly} succeed under the first alone and {@code otherOnly} under the other alone;
     * McNemar's exact p-value for that split, and whether it is apart from chance at 5% after
     * Holm's adjustment over the comparisons with the first; {@code repeat}: the other repeats an
     * earlier combo's runs (gd under a second momentum), so its comparison is that combo's and is
     * not counted again in the adjustment.
     */
    public record Comparison(Findings.ComboSummary other, long common, long firstOnly, long otherOnly, double p,
            boolean apart, boolean repeat) {
    }

    /** The comparisons Holm's adjustment counts: those of combos that repeat no other's runs. */
    static int family(List<Comparison> compared) {
        int m = 0;
        for (Comparison c : compared) {
            m += c.repeat() ? 0 : 1;
        }
        return m;
    }

    /**
     * The first-ranked combo against every other that shares starts with it, in rank order;
     * empty where there is nothing to compare (no outcomes kept, one combo, no success). A combo
     * that repeats an earlier one's runs has that combo's outcomes, so the same p-value: it is
     * left out of Holm's family and is apart exactly where a p-value as large was rejected in it
     * (Holm's step-down rejects equal p-values together).
     */
    public static List<Comparison> compared(List<Findings.ComboSummary> combos, OptimizerConfig optimizer,
            PairedOutcomes paired) {
        List<Findings.ComboSummary> ranked = rank(combos);
        if (paired == null || leader(ranked) == null) {
            return List.of();
        }
        int first = ranked.get(0).combo().index();
        List<Findings.ComboSummary> others = new ArrayList<>();
        for (Findings.ComboSummary c : ranked.subList(1, ranked.size())) {
            // a combo an interruption left without runs has nothing to compare
            if (paired.common(first, c.combo().index()) > 0) {
                others.add(c);
            }
        }
        double[] p = new double[others.size()];
        long[][] split = new long[others.size()][];
        boolean[] repeat = new boolean[others.size()];
        int members = 0;
        for (int i = 0; i < p.length; i++) {
            int o = others.get(i).combo().index();
            split[i] = new long[] {paired.only(first, o), paired.only(o, first)};
            p[i] = PairedOutcomes.mcnemar(split[i][0], split[i][1]);
            repeat[i] = optimizer.repeatsEarlier(others.get(i).combo());
            members += repeat[i] ? 0 : 1;
        }
        double[] family = new double[members];
        int[] at = new int[p.length];
        for (int i = 0, k = 0; i < p.length; i++) {
            if (!repeat[i]) {
                at[i] = k;
                family[k++] = p[i];
            }
        }
        boolean[] rejected = PairedOutcomes.holm(family, ALPHA);
        double largestRejected = -1;
        for (int k = 0; k < members; k++) {
            if (rejected[k]) {
                largestRejected = Math.max(largestRejected, family[k]);
            }
        }
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            Findings.ComboSummary o = others.get(i);
            boolean apart = repeat[i] ? p[i] <= largestRejected : rejected[at[i]];
            out.add(new Comparison(o, paired.common(first, o.combo().index()), split[i][0], split[i][1], p[i],
                    apart, repeat[i]));
        }
        return out;
    }

    /** As {@link #reading(List, OptimizerConfig, PairedOutcomes)} with no outcomes kept: intervals alone. */
    public static String reading(List<Findings.ComboSummary> combos, OptimizerConfig optimizer) {
        return reading(combos, optimizer, null);
    }

    /**
     * What the ranking allows one to conclude, for a person choosing a setting: which combos are
     * not clearly apart from the first (their order may be chance) and, of those, the one whose
     * runs stop soonest; or that the first succeeds more often than every other. Where every
     * run's outcome was kept ({@code paired}), combos are compared with the first start by start
     * (every combo runs from the same starts): McNemar's exact test on the starts where one of the
     * two succeeds and the other fails, at 5% after Holm's adjustment over the comparisons.
     * Otherwise by 95% Wilson intervals: those that overlap the first's (an interval's upper end
     * grows with the rate, so these are the combos ranked next to it). Where no combo succeeded,
     * what the ranking went by instead ({@link #rank}). Empty for a single combo.
     */
    public static String reading(List<Findings.ComboSummary> combos, OptimizerConfig optimizer,
            PairedOutcomes paired) {
        List<Findings.ComboSummary> ranked = rank(combos);
        Findings.ComboSummary first = leader(ranked);
        if (first == null) {
            if (byEndValue(combos, optimizer) == null) {
                return "";
            }
            return Double.isInfinite(ranked.get(0).medianAllRuns())
                    ? "No run of any combo succeeded, and half the runs or more of every combo diverged: they are"
                            + " ranked by the share of their runs that diverged (fewest first), then by the best value."
                    : "No run of any combo succeeded, so the success rates cannot rank the combos: they are ranked"
                            + " by the median end value of all their runs instead ("
                            + (ranked.get(0).maximized() ? "highest" : "lowest") + " first, a diverged run counted"
                            + " as the worst), then by the best value.";
        }
        List<Comparison> compared = compared(combos, optimizer, paired);
        if (!compared.isEmpty()) {
            return byStarts(first, compared, optimizer);
        }
        int k = 1;
        while (k < ranked.size() && ranked.get(k).wilsonHigh() >= first.wilsonLow()) {
            k++;
        }
        if (k == 1) {
            return "Combo " + named(optimizer, first) + " succeeds more often than every other combo: its 95% interval"
                    + " lies above all of theirs.";
        }
        StringBuilder s = new StringBuilder();
        s.append(k == ranked.size() ? (k == 2 ? "Both combos'" : "All " + k + " combos'")
                : "The first " + k + " combos'").append(" success rates are not clearly apart: each one's 95% interval"
                        + " overlaps the first's, so at ").append(Numbers.count(first.runs(), "run", "runs"))
                .append(" a combo their order may be chance.");
        return s.append(quickest(ranked.subList(0, k), optimizer)).toString();
    }

    /**
     * The answer to "which settings?" for the top of the reports: "Best settings: combo 2
     * (learning_rate 0.01, momentum 0.9), success 29.4% [26.7%, 32.3%]", and where combos were
     * compared start by start, those as good by that test and which of them stops soonest, or
     * that every other succeeds less often; where none succeeded, the combo whose runs' median end
     * value comes closest ({@link #closest}); "" for a single combo.
     */
    public static String headline(List<Findings.ComboSummary> combos, OptimizerConfig optimizer,
            PairedOutcomes paired) {
        List<Findings.ComboSummary> ranked = rank(combos);
        Findings.ComboSummary first = leader(ranked);
        if (first == null) {
            return closest(combos, optimizer, paired);
        }
        StringBuilder s = new StringBuilder("Best settings: combo ").append(named(optimizer, first))
                .append(", success ").append(Numbers.percent(first.successRate())).append(" [")
                .append(Numbers.percent(first.wilsonLow())).append(", ").append(Numbers.percent(first.wilsonHigh()))
                .append(']');
        List<Comparison> compared = compared(combos, optimizer, paired);
        if (compared.isEmpty()) {
            return s.append('.').toString();
        }
        List<Findings.ComboSummary> group = new ArrayList<>();
        group.add(first);
        List<String> numbers = new ArrayList<>();
        int close = 0;
        for (Comparison c : compared) {
            if (!c.apart() && !c.repeat()) {
                group.add(c.other());
                if (++close <= NAMED) {
                    numbers.add(Integer.toString(c.other().combo().index()));
                }
            }
        }
        if (close == 0) {
            return s.append("; every other combo succeeds less often, start by start.").toString();
        }
        if (close == family(compared) && close > 1) {
            s.append("; start by start, no other combo is clearly apart from it");
        } else if (close > NAMED) {
            s.append("; as good start by start: ").append(close).append(" other combos (").append(String.join(", ",
                    numbers)).append(" and ").append(close - NAMED).append(" more)");
        } else {
            s.append("; as good start by start: ").append(close == 1 ? "combo " : "combos ")
                    .append(Numbers.joined(numbers));
        }
        Findings.ComboSummary fastest = quickestOf(group);
        if (fastest != null && fastest != first) {
            s.append("; of these, combo ").append(named(optimizer, fastest)).append(" stops soonest (median ")
                    .append(Numbers.brief(fastest.medianIterations())).append(" iterations against ")
                    .append(Numbers.brief(first.medianIterations())).append(')');
        }
        return s.append('.').toString();
    }

    /** {@link #reading}'s sentence from the start-by-start comparisons with the first. */
    private static String byStarts(Findings.ComboSummary first, List<Comparison> compared,
            OptimizerConfig optimizer) {
        String test = " (McNemar's exact test; 5% level after Holm's adjustment for "
                + Numbers.count(family(compared), "comparison", "comparisons") + ")";
        List<Comparison> close = new ArrayList<>();
        for (Comparison c : compared) {
            // a combo that repeats another's runs would say the same again
            if (!c.apart() && !c.repeat()) {
                close.add(c);
            }
        }
        if (close.isEmpty()) {
            // the comparison that came nearest to chance
            Comparison nearest = compared.get(0);
            for (Comparison c : compared) {
                if (c.p() > nearest.p()) {
                    nearest = c;
                }
            }
            return "Combo " + named(optimizer, first) + " succeeds more often than every other combo, compared start"
                    + " by start (every combo ran from the same starts): against the closest, combo "
                    + named(optimizer, nearest.other()) + ", " + Numbers.count(nearest.firstOnly(), "start succeeds",
                            "starts succeed") + " under it alone and " + nearest.otherOnly() + " under combo "
                    + nearest.other().combo().index() + " alone, a split that chance gives with p "
                    + equals(nearest.p())
                    + test + ".";
        }
        StringBuilder s = new StringBuilder("Compared start by start (every combo ran from the same starts), ");
        if (close.size() == 1) {
            Comparison c = close.get(0);
            s.append("combo ").append(named(optimizer, c.other()))
                    .append(" is not clearly apart from the first, combo ").append(named(optimizer, first))
                    .append(": ");
            if (c.firstOnly() + c.otherOnly() == 0) {
                s.append("the same starts succeed under both");
            } else {
                s.append("of the starts where only one of the two succeeds, ").append(c.firstOnly())
                        .append(" go the first's way and ").append(c.otherOnly()).append(" combo ")
                        .append(c.other().combo().index()).append("'s, a split that chance gives with p ")
                        .append(equals(c.p()));
            }
            s.append(test).append(", so their order may be chance.");
        } else {
            s.append(close.size()).append(" combos are not clearly apart from the first, combo ")
                    .append(named(optimizer, first));
            // the first few in rank order: those with the very same successes, then the others' splits
            List<Comparison> shown = close.subList(0, Math.min(NAMED, close.size()));
            List<String> same = new ArrayList<>();
            List<String> splits = new ArrayList<>();
            for (Comparison c : shown) {
                if (c.firstOnly() + c.otherOnly() == 0) {
                    same.add(named(optimizer, c.other()));
                } else {
                    splits.add("combo " + named(optimizer, c.other()) + " " + c.firstOnly() + " to " + c.otherOnly()
                            + " (p " + equals(c.p()) + ")");
                }
            }
            if (!same.isEmpty()) {
                s.append(same.size() == 1 ? "; combo " : "; combos ").append(Numbers.joined(same))
                        .append(same.size() == 1 ? " succeeds" : " succeed").append(" on the very starts the first"
                                + " does");
            }
            if (!splits.isEmpty()) {
                s.append("; of the starts where only one of the two succeeds, the first's against ")
                        .append(same.isEmpty() ? "theirs: " : "the others': ").append(Numbers.joined(splits));
            }
            if (close.size() > NAMED) {
                s.append("; and ").append(close.size() - NAMED).append(" more, which result.json's"
                        + " paired_comparison lists");
            }
            s.append(test).append(", so their order may be chance.");
        }
        List<Findings.ComboSummary> group = new ArrayList<>();
        group.add(first);
        for (Comparison c : close) {
            group.add(c.other());
        }
        return s.append(quickest(group, optimizer)).toString();
    }

    /**
     * The sweep table's "vs first" cell for each combo, by combo number: "+6 -12, p 0.24" (the
     * starts it alone succeeds on, those the first alone does, McNemar's p), ", apart" where that
     * stands after Holm's adjustment; "first" for the first; null where nothing was compared.
     */
    public static String[] vsFirst(List<Findings.ComboSummary> combos, OptimizerConfig optimizer,
            PairedOutcomes paired) {
        return vsFirst(combos, compared(combos, optimizer, paired));
    }

    /** As {@link #vsFirst(List, OptimizerConfig, PairedOutcomes)}, from the comparisons already made. */
    static String[] vsFirst(List<Findings.ComboSummary> combos, List<Comparison> compared) {
        if (compared.isEmpty()) {
            return null;
        }
        String[] cells = new String[combos.size()];
        java.util.Arrays.fill(cells, "-");
        cells[rank(combos).get(0).combo().index()] = "first";
        for (Comparison c : compared) {
            cells[c.other().combo().index()] = "+" + c.otherOnly() + " -" + c.firstOnly() + ", p " + p(c.p())
                    + (c.apart() ? ", apart" : "");
        }
        return cells;
    }

    /** What {@link #vsFirst}'s cells mean, for the text above or below the table. */
    public static final String VS_FIRST = "vs first: the starts where the combo succeeds and the first fails (+), and"
            + " the reverse (-), with McNemar's exact p for that split; apart where it stands at 5% after Holm's"
            + " adjustment over the comparisons.";

    /** "= 0.24", "< 1e-300". */
    private static String equals(double p) {
        String s = p(p);
        return s.startsWith("<") ? s : "= " + s;
    }

    /** The combo of the group whose runs stop soonest (median iterations), where one alone does; or null. */
    private static Findings.ComboSummary quickestOf(List<Findings.ComboSummary> group) {
        Findings.ComboSummary fastest = null;
        boolean alone = false;
        for (Findings.ComboSummary c : group) {
            double m = c.medianIterations();
            if (Double.isNaN(m)) {
                continue;
            }
            if (fastest == null || m < fastest.medianIterations()) {
                fastest = c;
                alone = true;
            } else if (m == fastest.medianIterations()) {
                alone = false;
            }
        }
        return alone ? fastest : null;
    }

    /** A p-value for people: two significant digits, 1 where it is 1, "< 1e-300" past doubles. */
    static String p(double p) {
        if (p >= 1) {
            return "1";
        }
        if (!(p >= Double.MIN_NORMAL)) {
            return "< 1e-300";
        }
        return new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toString().replace("E", "e");
    }

    /**
     * " Of these, ..." for a group not clearly apart, the first ranked first: the run that stops
     * soonest (median iterations), where one stops sooner than every other of the group; "" else.
     */
    private static String quickest(List<Findings.ComboSummary> group, OptimizerConfig optimizer) {
        Findings.ComboSummary first = group.get(0);
        Findings.ComboSummary fastest = quickestOf(group);
        if (fastest == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        String median = Numbers.brief(fastest.medianIterations());
        if (fastest == first) {
            s.append(" Of these, the first's runs also stop soonest (median ").append(median).append(" iterations)");
        } else {
            s.append(" Of these, the runs of combo ").append(named(optimizer, fastest)).append(" stop soonest:"
                    + " median ").append(median).append(" iterations against ")
                    .append(Numbers.brief(first.medianIterations())).append(" for the first");
        }
        if (fastest.diverged() > 0) {
            s.append(", though ").append(fastest.diverged()).append(" of its runs diverged");
        }
        return s.append('.').toString();
    }

    /** Combos {@link #climbed} names; result.json has every combo's figure. */
    static final int CLIMBED_NAMED = 3;

    /**
     * The runs that ended worse than they started ({@code ComboSummary.climbed}), where any did:
     * the combos with the largest share first, and what makes gradient descent climb; "" where
     * none did or it was not tracked. Starts with a bold lead, as a paragraph of the summary.
     */
    public static String climbed(List<Findings.ComboSummary> combos, OptimizerConfig optimizer, boolean maximize) {
        List<Findings.ComboSummary> climbing = new ArrayList<>();
        for (Findings.ComboSummary c : combos) {
            if (c.climbed() > 0) {
                climbing.add(c);
            }
        }
        if (climbing.isEmpty()) {
            return "";
        }
        climbing.sort(Comparator.comparingDouble((Findings.ComboSummary c) -> -(double) c.climbed() / c.runs())
                .thenComparingInt(c -> c.combo().index()));
        String higher = maximize ? "lower" : "higher";
        String what = " (worse than their start point by more than basins.success_tolerance; diverged runs not"
                + " counted)";
        String why = " Gradient " + (maximize ? "ascent only goes up" : "descent only goes down")
                + " while its steps suit the slope: a run ends " + higher + " than it began where a rate too large"
                + " for the curvature leaps across valleys, or momentum carries it over a ridge into a "
                + (maximize ? "lower" : "higher") + " basin.";
        if (combos.size() == 1) {
            Findings.ComboSummary c = climbing.get(0);
            return (c.runs() == 1 ? "**The one run ended " + higher + " than it started** (worse than its start point"
                    + " by more than basins.success_tolerance)"
                    : "**" + c.climbed() + " of the " + c.runs() + " runs (" + Numbers.percent((double) c.climbed()
                            / c.runs()) + ") ended " + higher + " than they started**" + what) + "." + why;
        }
        StringBuilder s = new StringBuilder("**Runs that ended " + higher + " than they started**" + what + ": ");
        int named = Math.min(CLIMBED_NAMED, climbing.size());
        for (int i = 0; i < named; i++) {
            Findings.ComboSummary c = climbing.get(i);
            s.append(i == 0 ? "" : i == named - 1 && named == climbing.size() ? " and " : ", ").append("combo ")
                    .append(named(optimizer, c)).append(' ').append(c.climbed())
                    .append(i == 0 ? " of " + c.runs() : "").append(" (")
                    .append(Numbers.percent((double) c.climbed() / c.runs())).append(')');
        }
        int more = climbing.size() - named;
        if (more > 0) {
            s.append(" and ").append(Numbers.count(more, "more combo", "more combos"))
                    .append(" (result.json's sweep has each combo's `climbed`)");
        }
        return s.append('.').append(why).toString();
    }

    /** "3 (learning_rate 0.05, momentum 0)": a combo's number and the swept settings it applies. */
    static String named(OptimizerConfig optimizer, Findings.ComboSummary c) {
        String settings = Charts.describe(optimizer, c.combo());
        return c.combo().index() + (settings.isEmpty() ? "" : " (" + settings.substring(2) + ")");
    }
}
