package multistart.report;

import java.util.ArrayList;
import java.util.List;
import multistart.analysis.Findings;
import multistart.analysis.MinimaCensus;
import multistart.config.ExperimentConfig;
import multistart.config.OptimizerConfig;

/**
 * The reports' answer to "have all the minima been found?", from each combo's {@link
 * MinimaCensus}: a lead ("Likely", "Likely not", "No") and a sentence or two, the same in
 * summary.md and report.html.
 */
public final class Census {

    /**
     * Below this many minima found, a census without a finite estimate (N < W + 3) is put down to
     * too few runs at a minimum, not to a minimum per run.
     */
    static final int FEW = 3;

    /** Combos named one by one where the rule does not hold for them; the rest are counted. */
    static final int LISTED = 3;

    private static final String WHOSE = "Boender and Rinnooy Kan's Bayesian estimate for multistart (1987)";

    private Census() {
    }

    /** The question and its answer, or null where there is none to give (no sampled start). */
    public record Answer(String question, String text) {
    }

    /** The answer for {@code f}, or null where no start was sampled. */
    public static Answer of(Findings f, ExperimentConfig c) {
        List<MinimaCensus> all = f.census();
        // a data set's loss (least squares, log loss) is convex: one minimum, or none, which the
        // reports already name from Newton's method
        if (all.isEmpty() || c.objective().model() != null) {
            return null;
        }
        String one = c.objective().goal().extremum();
        String many = c.objective().goal().extrema();
        String question = "All " + many + " found?";
        OptimizerConfig optimizer = c.optimizer();
        // the combos as ranked, each set of runs once (a combo that repeats another's is left out),
        // those an interruption left without a run left out too
        List<Findings.ComboSummary> ranked = new ArrayList<>();
        for (Findings.ComboSummary s : Ranking.rank(f.combos())) {
            if (!optimizer.repeatsEarlier(s.combo()) && s.runs() > 0) {
                ranked.add(s);
            }
        }
        String endedAt = "that ended at a confirmed " + one
                + (c.starts().points().isEmpty() ? "" : " (from sampled starts: the explicit start points are "
                        + "left out)");
        String half = "fewer than half a " + one + " is expected to be missing";
        boolean none = true;
        for (Findings.ComboSummary s : ranked) {
            none &= all.get(s.combo().index()).found() == 0;
        }
        if (none) {
            return new Answer(question, "Unknown: no run "
                    + (c.starts().points().isEmpty() ? "" : "from a sampled start ") + "ended at a confirmed " + one
                    + ", so " + WHOSE + " has nothing to go on.");
        }
        if (ranked.size() == 1) {
            MinimaCensus m = all.get(ranked.get(0).combo().index());
            String reached = "the " + Numbers.count(m.runs(), "run", "runs") + " " + endedAt + " reached "
                    + Numbers.count(m.found(), one, "distinct " + many);
            if (Double.isInfinite(m.expected())) {
                return new Answer(question, m.found() < FEW ? "Unknown: " + reached + ", too few for " + WHOSE
                        + " to be finite." : "No: " + reached + ", nearly one apiece: too few repeats for " + WHOSE
                        + " to be finite. The objective has many more " + many + " than the starts found.");
            }
            StringBuilder s = new StringBuilder(m.likelyComplete() ? "Likely: " : "Likely not: ").append(reached)
                    .append(", and by ").append(WHOSE).append(' ').append(estimate(m))
                    .append(m.expected() == 1 ? " is" : " are").append(" expected in all, with ").append(chance(m));
            if (m.likelyComplete()) {
                return new Answer(question, s.append(" (their rule stops a search once ").append(half).append(").")
                        .toString());
            }
            s.append("; the ").append(many).append(" not found are expected to drain ")
                    .append(Numbers.percent(m.unseenShare())).append(" of those starts. Their rule (stop once ")
                    .append(half).append(") asks for about ").append(about(m.runsForComplete()))
                    .append(" such runs if no new ").append(one).append(" turned up: about ")
                    .append(starts(m, c.starts().sampledCount()))
                    .append(" starts at this sweep's rate of reaching one.");
            return new Answer(question, s.toString());
        }
        List<Findings.ComboSummary> complete = new ArrayList<>();
        List<Findings.ComboSummary> not = new ArrayList<>();
        for (Findings.ComboSummary s : ranked) {
            (all.get(s.combo().index()).likelyComplete() ? complete : not).add(s);
        }
        StringBuilder s = new StringBuilder(complete.isEmpty() ? "Likely not" : not.isEmpty() ? "Likely"
                : "Under some combos").append(": by ").append(WHOSE).append(", from each combo's runs ").append(endedAt)
                .append(", ").append(half).append(" (their rule for stopping a search) under ");
        if (not.isEmpty()) {
            Findings.ComboSummary first = complete.get(0);
            return new Answer(question, s.append(complete.size() == 2 ? "both" : "all " + complete.size())
                    .append(" combos; under the first ranked, combo ").append(Ranking.named(optimizer, first))
                    .append(", ")
                    .append(briefly(all.get(first.combo().index()), one, many)).append('.').toString());
        }
        if (complete.isEmpty()) {
            s.append("none of the ").append(ranked.size()).append(" combos: ");
        } else {
            s.append(complete.size()).append(" of the ").append(ranked.size()).append(" combos, not under ");
        }
        List<String> named = new ArrayList<>();
        for (int k = 0; k < not.size() && k < LISTED; k++) {
            Findings.ComboSummary cs = not.get(k);
            named.add("combo " + Ranking.named(optimizer, cs) + ", " + briefly(all.get(cs.combo().index()), one, many));
        }
        if (not.size() > LISTED) {
            named.add(Numbers.count(not.size() - LISTED, "more combo", "more combos")
                    + " (result.json has each combo's, as minima_census in sweep)");
        }
        s.append(String.join("; ", named)).append('.');
        MinimaCensus worst = all.get(not.get(0).combo().index());
        if (worst.found() > 0 && Double.isFinite(worst.expected())) {
            s.append(" For combo ").append(worst.combo()).append(" their rule asks for about ")
                    .append(starts(worst, c.starts().sampledCount())).append(" starts if no new ").append(one)
                    .append(" turned up.");
        }
        return new Answer(question, s.toString());
    }

    /** "a 99.7% chance that none is missing"; below a thousandth, "under a 0.1% chance ...". */
    private static String chance(MinimaCensus m) {
        double p = m.allFound();
        return (p < 1e-3 ? "under a 0.1%" : "a " + Numbers.percent(p)) + " chance that none is missing";
    }

    /**
     * One combo in a list: "588 runs reached 3 minima, 3.02 are expected in all, with a 98.0%
     * chance that none is missing".
     */
    private static String briefly(MinimaCensus m, String one, String many) {
        if (m.found() == 0) {
            return "where no run ended at a confirmed " + one;
        }
        String head = Numbers.count(m.runs(), "run", "runs") + " reached " + Numbers.count(m.found(), one, many);
        if (Double.isInfinite(m.expected())) {
            return head + (m.found() < FEW ? ", too few" : ", nearly one apiece: too few repeats")
                    + " for a finite estimate";
        }
        return head + ", " + estimate(m) + " are expected in all, with " + chance(m);
    }

    /** A count to two significant digits, in words from a million: "29000", "790 million". */
    static String about(double v) {
        java.math.BigDecimal d = new java.math.BigDecimal(Math.ceil(v)).round(new java.math.MathContext(2));
        if (v >= 1e9) {
            return d.movePointLeft(9).stripTrailingZeros().toPlainString() + " billion";
        }
        if (v >= 1e6) {
            return d.movePointLeft(6).stripTrailingZeros().toPlainString() + " million";
        }
        return d.toBigInteger().toString();
    }

    /** The expected count of minima: four significant digits, or "about 3.4 million" from a million. */
    private static String estimate(MinimaCensus m) {
        return m.expected() >= 1e6 ? "about " + about(m.expected()) : Numbers.brief(round(m.expected()));
    }

    /** {@code v} to four significant digits: an estimate, not a measurement. */
    private static double round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }

    /**
     * The sampled starts the rule would take at the rate at which this combo's sampled starts
     * reached a confirmed minimum, to two significant digits.
     */
    private static String starts(MinimaCensus m, long sampled) {
        return about((double) m.runsForComplete() * sampled / m.runs());
    }
}
