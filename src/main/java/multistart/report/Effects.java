package multistart.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import multistart.analysis.Findings;
import multistart.config.OptimizerConfig;

/**
 * The sweep one setting at a time: for each swept setting, each of its values with every combo
 * that has it pooled (the grid holds each value under every combination of the other settings,
 * so each value's figure averages over the same others): whether the rate, the momentum or the
 * method matters, read at a glance where the ranked table of combos mixes them. Only for sweeps of
 * two settings or more (of one, the sweep table is this already).
 */
public final class Effects {

    private Effects() {
    }

    /**
     * One value of one swept setting: the combos that have it, their runs, successes and
     * diverged runs pooled, the median of their median iterations (NaN where none has one), the
     * best-ranked of them, their runs that ended worse than they started, and
     * the median of their median end values over all runs ({@code medianValue}, infinite where
     * half of those combos' runs or more diverged; what the tables show where no run succeeded).
     */
    public record Level(String setting, String value, int combos, long runs, long successes, long diverged,
            double iterations, Findings.ComboSummary best, long steps, long climbed, double medianValue) {
        public double successRate() {
            return runs == 0 ? 0.0 : (double) successes / runs;
        }

        /** The share of the runs that ended worse than they started. */
        public double climbedShare() {
            return runs == 0 ? 0.0 : (double) climbed / runs;
        }

        /** The pooled combos' gradient steps over their successes; +infinity for none, NaN where not counted. */
        public double stepsPerSuccess() {
            return steps == 0 ? Double.NaN : successes == 0 ? Double.POSITIVE_INFINITY : (double) steps / successes;
        }
    }

    /**
     * Each swept setting's values in the order the combos first take them; a combo a setting
     * does not apply to (momentum under gd, where the method is swept) counts under none of its
     * values, and a combo that repeats an earlier one of its method's runs (gd under a second
     * momentum) under none at all; momentum at momentum 0, which takes gd's steps, counts as the
     * momentum combo it is (under method momentum, momentum 0), beside gd. Empty for fewer than two
     * swept settings.
     */
    public static List<Level> of(List<Findings.ComboSummary> combos, OptimizerConfig optimizer) {
        List<String> swept = optimizer.sweptColumns();
        if (swept.size() < 2) {
            return List.of();
        }
        // each combo's place in the ranking, by combo number: a value's best combo is its combo ranked first
        List<Findings.ComboSummary> ranked = Ranking.rank(combos);
        int[] place = new int[combos.size()];
        for (int k = 0; k < ranked.size(); k++) {
            place[ranked.get(k).combo().index()] = k;
        }
        List<Level> out = new ArrayList<>();
        for (String column : swept) {
            Map<String, List<Findings.ComboSummary>> byValue = new LinkedHashMap<>();
            for (Findings.ComboSummary c : combos) {
                // a combo that repeats an earlier one of its method's runs would count them twice
                if (OptimizerConfig.applies(c.combo(), column) && !optimizer.repeatsWithinMethod(c.combo())) {
                    byValue.computeIfAbsent(Numbers.setting(c.combo(), column), v -> new ArrayList<>()).add(c);
                }
            }
            for (Map.Entry<String, List<Findings.ComboSummary>> e : byValue.entrySet()) {
                long runs = 0;
                long successes = 0;
                long diverged = 0;
                long steps = 0;
                long climbed = 0;
                double[] medians = new double[e.getValue().size()];
                double[] values = new double[e.getValue().size()];
                int m = 0;
                int v = 0;
                for (Findings.ComboSummary c : e.getValue()) {
                    runs += c.runs();
                    successes += c.successes();
                    diverged += c.diverged();
                    steps += c.steps();
                    climbed += c.climbed();
                    if (!Double.isNaN(c.medianIterations())) {
                        medians[m++] = c.medianIterations();
                    }
                    if (!Double.isNaN(c.medianAllRuns())) {
                        values[v++] = c.medianAllRuns();
                    }
                }
                double[] known = java.util.Arrays.copyOf(medians, m);
                java.util.Arrays.sort(known);
                double[] ends = java.util.Arrays.copyOf(values, v);
                java.util.Arrays.sort(ends);
                Findings.ComboSummary best = e.getValue().get(0);
                for (Findings.ComboSummary c : e.getValue()) {
                    if (place[c.combo().index()] < place[best.combo().index()]) {
                        best = c;
                    }
                }
                out.add(new Level(column, e.getKey(), e.getValue().size(), runs, successes, diverged,
                        multistart.analysis.Statistics.median(known), best, steps, climbed,
                        multistart.analysis.Statistics.median(ends)));
            }
        }
        return out;
    }

    /**
     * What the table holds, for the summary and the page, the columns' names between {@code
     * quote}s (a backtick in markdown, nothing in HTML).
     */
    static String intro(String quote, boolean byValue) {
        return "Each swept setting's values, with every combo that has the value pooled (the grid runs each value"
                + " under every combination of the other settings; a combo that repeats another of its method's runs,"
                + " as gd does under a second momentum, counts once). " + quote + "iterations" + quote
                + ": the median of the combos' median iterations; "
                + (byValue ? quote + "median value" + quote + ": the median of the combos' median end values over"
                        + " all their runs, as the sweep table's (no run succeeded); "
                        : quote + "steps / success" + quote + ": the combos' gradient steps over their successes; ")
                + quote + "best combo" + quote + ": the best-ranked combo with that value.";
    }

    /** The column after iterations: steps per success, or where no run succeeded ({@code byValue}) the median value. */
    static String lastFigure(Level l, boolean byValue) {
        return byValue ? Ranking.medianCell(l.medianValue()) : Ranking.stepsPerSuccess(l.stepsPerSuccess());
    }

    /** Whether the tables show the climbed column: where some run ended worse than it started. */
    static boolean showClimbed(List<Level> levels) {
        for (Level l : levels) {
            if (l.climbed() > 0) {
                return true;
            }
        }
        return false;
    }

    /** What the climbed column holds, for the intro's end. */
    static String climbedIntro(String quote) {
        return " " + quote + "climbed" + quote + ": the share of the runs that ended worse than they started.";
    }

    /** The levels as summary.md's table under "Settings one at a time"; nothing where there are none. */
    static void markdown(StringBuilder s, List<Level> levels, boolean byValue) {
        if (levels.isEmpty()) {
            return;
        }
        boolean climbed = showClimbed(levels);
        s.append("\n## Settings one at a time\n\n").append(intro("`", byValue)).append(climbed ? climbedIntro("`") : "")
                .append("\n\n| setting | value | combos | success | diverged |").append(climbed ? " climbed |" : "")
                .append(" iterations | ").append(byValue ? "median value" : "steps / success")
                .append(" | best combo |\n|---|---:|---:|---:|---:|")
                .append(climbed ? "---:|" : "").append("---:|---:|---:|\n");
        for (Level l : levels) {
            s.append("| ").append(l.setting()).append(" | ").append(l.value()).append(" | ").append(l.combos())
                    .append(" | ").append(Numbers.percent(l.successRate())).append(" | ").append(l.diverged())
                    .append(climbed ? " | " + Numbers.percent(l.climbedShare()) : "")
                    .append(" | ").append(Numbers.brief(l.iterations())).append(" | ")
                    .append(lastFigure(l, byValue)).append(" | ").append(l.best().combo().index())
                    .append(" |\n");
        }
    }
}
