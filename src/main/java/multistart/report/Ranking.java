package multistart.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import multistart.analysis.Findings;
import multistart.config.OptimizerConfig;

/** The sweep ranked for a person: success rate first, then median iterations, then combo. */
public final class Ranking {

    private Ranking() {
    }

    public static List<Findings.ComboSummary> rank(List<Findings.ComboSummary> combos) {
        List<Findings.ComboSummary> out = new ArrayList<>(combos);
        out.sort(Comparator.comparingDouble((Findings.ComboSummary c) -> -c.successRate())
                .thenComparingDouble(c -> Double.isNaN(c.medianIterations()) ? Double.MAX_VALUE : c.medianIterations())
                .thenComparingInt(c -> c.combo().index()));
        return out;
    }

    /**
     * What the ranking allows one to conclude, for a person choosing a setting: the combos whose
     * success rate is not clearly apart from the first's at this many runs (their 95% Wilson
     * intervals overlap its interval: their order may be chance) and, of those, the one whose
     * runs stop soonest;
     * or that the first succeeds more often than every other beyond their intervals. Every combo
     * runs from the same starts, so an interval's upper end grows with the rate and the combos
     * that overlap the first are those ranked next to it. Empty for a single combo, or where
     * no combo succeeded.
     */
    public static String reading(List<Findings.ComboSummary> combos, OptimizerConfig optimizer) {
        List<Findings.ComboSummary> ranked = rank(combos);
        if (ranked.size() < 2 || !(ranked.get(0).successRate() > 0)) {
            return "";
        }
        Findings.ComboSummary first = ranked.get(0);
        int k = 1;
        while (k < ranked.size() && ranked.get(k).wilsonHigh() >= first.wilsonLow()) {
            k++;
        }
        if (k == 1) {
            return "Combo " + named(optimizer, first) + " succeeds more often than every other combo: its 95% interval"
                    + " lies above all of theirs.";
        }
        // the group's quickest: runs that stop soonest (median iterations), where one stops sooner
        // than every other of the group
        Findings.ComboSummary fastest = null;
        boolean alone = false;
        for (int i = 0; i < k; i++) {
            double m = ranked.get(i).medianIterations();
            if (Double.isNaN(m)) {
                continue;
            }
            if (fastest == null || m < fastest.medianIterations()) {
                fastest = ranked.get(i);
                alone = true;
            } else if (m == fastest.medianIterations()) {
                alone = false;
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(k == ranked.size() ? (k == 2 ? "Both combos'" : "All " + k + " combos'")
                : "The first " + k + " combos'").append(" success rates are not clearly apart: each one's 95% interval"
                        + " overlaps the first's, so at ").append(Numbers.count(first.runs(), "run", "runs"))
                .append(" a combo their order may be chance.");
        if (fastest != null && alone) {
            String median = Numbers.brief(fastest.medianIterations());
            if (fastest == first) {
                s.append(" Of these, the first's runs also stop soonest (median ").append(median)
                        .append(" iterations)");
            } else {
                s.append(" Of these, the runs of combo ").append(named(optimizer, fastest)).append(" stop soonest:"
                        + " median ").append(median).append(" iterations against ")
                        .append(Numbers.brief(first.medianIterations())).append(" for the first");
            }
            if (fastest.diverged() > 0) {
                s.append(", though ").append(fastest.diverged()).append(" of its runs diverged");
            }
            s.append('.');
        }
        return s.toString();
    }

    /** "3 (learning_rate 0.05, momentum 0)": a combo's number and the swept settings it applies. */
    private static String named(OptimizerConfig optimizer, Findings.ComboSummary c) {
        String settings = Charts.describe(optimizer, c.combo());
        return c.combo().index() + (settings.isEmpty() ? "" : " (" + settings.substring(2) + ")");
    }
}
