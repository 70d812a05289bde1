package multistart.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import multistart.analysis.Findings;

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
}
