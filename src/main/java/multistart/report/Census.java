package multistart.report;

import java.util.ArrayList;
import java.util.List;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.analysis.Minima;
import multistart.analysis.MinimaCensus;
import multistart.config.ExperimentConfig;
import multistart.config.OptimizerConfig;
import multistart.objective.LocalMinima;

/**
 * The reports' answer to "have all the minima been found?", from each combo's {@link
 * MinimaCensus}: a lead ("Likely", "Likely not", "Unknown") by whether any minimum was reached by
 * one run only, with Chao's estimate, Good and Turing's unseen share and Boender and Rinnooy
 * Kan's Bayesian estimate beside it, the same in summary.md and report.html.
 */
public final class Census {

    /** Combos named one by one where the search is not likely complete; the rest are counted. */
    static final int LISTED = 3;

    private static final String CHAO = "Chao's estimate (1984)";
    private static final String BOENDER = "Boender and Rinnooy Kan's Bayesian estimate for multistart (1987)";

    private Census() {
    }

    /** The question and its answer. */
    public record Answer(String question, String text) {
    }

    /** The answer for {@code f}, or null where there is none to give (no sampled start, a data set's loss). */
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
        List<Findings.ComboSummary> ranked = Ranking.distinct(f.combos(), optimizer);
        boolean none = true;
        for (Findings.ComboSummary s : ranked) {
            none &= all.get(s.combo().index()).found() == 0;
        }
        boolean explicit = !c.starts().points().isEmpty();
        if (none) {
            return new Answer(question, "Unknown: no run " + (explicit ? "from a sampled start " : "")
                    + "ended at a confirmed " + one + ", so there is nothing to count from.");
        }
        String endedAt = "that ended at a confirmed " + one
                + (explicit ? " (from sampled starts: the explicit start points are left out)" : "");
        String known = evenly(c) + literature(f, c);
        if (ranked.size() == 1) {
            // the rate at which its runs from sampled starts reached a minimum: of those that ran (an
            // interrupted sweep's combo ran some), the explicit starts, which run first, left out
            long sampledRuns = Math.max(1, ranked.get(0).runs() - c.starts().points().size());
            return new Answer(question, single(all.get(ranked.get(0).combo().index()), endedAt, one, many,
                    sampledRuns) + known);
        }
        List<Findings.ComboSummary> complete = new ArrayList<>();
        List<Findings.ComboSummary> not = new ArrayList<>();
        for (Findings.ComboSummary s : ranked) {
            (all.get(s.combo().index()).likelyComplete() ? complete : not).add(s);
        }
        StringBuilder s = new StringBuilder(complete.isEmpty() ? "Likely not" : not.isEmpty() ? "Likely"
                : "Under some combos").append(": counting each combo's runs ").append(endedAt).append(", ");
        if (complete.isEmpty()) {
            s.append("some ").append(one).append(" was reached by one run only (a sign of basins the starts ")
                    .append("rarely reach) under ");
        } else {
            s.append("each ").append(one).append(" was reached by two runs or more under ");
        }
        if (not.isEmpty()) {
            Findings.ComboSummary first = complete.get(0);
            return new Answer(question, s.append(complete.size() == 2 ? "both" : "all " + complete.size())
                    .append(" combos, so ").append(CHAO).append(" is the count found and Good and Turing's (1953)")
                    .append(" leaves no share of the starts to ").append(many).append(" not found; under the first ")
                    .append("ranked, combo ").append(Ranking.named(optimizer, first)).append(", ")
                    .append(briefly(all.get(first.combo().index()), one, many)).append('.').append(known).toString());
        }
        if (complete.isEmpty()) {
            s.append("all ").append(ranked.size()).append(" combos: ");
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
        return new Answer(question, s.append(String.join("; ", named)).append('.').append(known).toString());
    }

    /**
     * " The starts are sobol points, ...: these estimates can read low." where the sampler spreads
     * its starts more evenly than random draws (every sampler but uniform); "" otherwise. The
     * estimates count the minima reached by one run as a sign of those missed, and evenly spread
     * starts leave fewer of them: 400 sobol starts on rastrigin in 2-d reached 120 of its 121
     * minima, 4 of them once, and Chao's estimate was 120.2.
     */
    static String evenly(ExperimentConfig c) {
        multistart.config.Sampler sampler = c.starts().sampler();
        if (sampler == multistart.config.Sampler.UNIFORM || c.starts().sampledCount() == 0) {
            return "";
        }
        String what = switch (sampler) {
            case GRID -> "a grid";
            case LATIN_HYPERCUBE -> "a latin hypercube";
            default -> sampler.key() + " points";
        };
        return " The starts are " + what + ", spread more evenly than random draws: fewer "
                + c.objective().goal().extrema() + " are reached by one run only than random starts would leave,"
                + " so these estimates can read low.";
    }

    /**
     * " The literature counts 121 minima in this domain (...): the runs ended at 120 of them.",
     * where the objective is a built-in minimised over its default domain whose count is known
     * ({@link LocalMinima}); "" otherwise. The minima found outside the domain are not in it.
     */
    static String literature(Findings f, ExperimentConfig c) {
        LocalMinima.Count count = LocalMinima.in(c.objective().builtin(), c.objective().dimension(), c.domain());
        if (count == null || c.objective().goal() != multistart.config.Goal.MINIMIZE) {
            return "";
        }
        long inside = 0;
        long outside = 0;
        Minima minima = f.minima();
        for (int r = 0; r < minima.size(); r++) {
            if (minima.kind(r) == Kind.MINIMUM) {
                if (minima.outsideDomain(r)) {
                    outside++;
                } else {
                    inside++;
                }
            }
        }
        long expected = (long) count.minima();
        StringBuilder s = new StringBuilder(" The literature counts ")
                .append(Numbers.count(expected, "minimum", "minima"))
                .append(" in this domain (").append(count.why()).append("): the runs")
                .append(c.optimizer().combos().size() > 1 ? ", all combos together," : "").append(" ended at ");
        if (inside > expected) {
            s.append(inside).append(" distinct ones inside it, more than that: some are likely one minimum found at ")
                    .append("points more than basins.tolerance apart");
        } else {
            s.append(inside == expected ? "every one" : inside + " of them");
        }
        if (outside > 0) {
            s.append(", and at ").append(outside).append(" more outside it");
        }
        return s.append('.').toString();
    }

    /** The answer for a sweep of one combo (or of combos that repeat one). */
    private static String single(MinimaCensus m, String endedAt, String one, String many, long sampledRuns) {
        String reached = "the " + Numbers.count(m.runs(), "run", "runs") + " " + endedAt + " reached "
                + Numbers.count(m.found(), one, "distinct " + many);
        if (m.runs() < m.found() + 3L && m.found() < FEW) {
            return "Unknown: " + reached + ", too few to estimate from.";
        }
        StringBuilder s = new StringBuilder(m.likelyComplete() ? "Likely: " : "Likely not: ").append(reached)
                .append(spectrum(m));
        if (m.likelyComplete()) {
            s.append(", so ").append(CHAO).append(" is ").append(estimate(m.chao())).append(" in all and Good and ")
                    .append("Turing's (1953) leaves no share of the starts to ").append(many).append(" not found. ");
        } else {
            s.append(m.runs() < m.found() + 3L ? ": too few runs to tell. " : ", a sign of basins the starts rarely "
                    + "reach. ").append(CHAO).append(" is ").append(estimate(m.chao())).append(" in all");
            if (m.once() > 0) {
                s.append(", and by Good and Turing (1953) the ").append(many).append(" not found hold about ")
                        .append(Numbers.percent(m.goodTuringUnseen())).append(" of those starts (the share of runs ")
                        .append("whose ").append(one).append(" no other run reached)");
            }
            s.append("; more starts would find more. ");
        }
        if (Double.isInfinite(m.expected())) {
            return s.append(BOENDER).append(", which counts only runs and ").append(many)
                    .append(", has no finite value from so few repeats.").toString();
        }
        s.append(BOENDER).append(", which counts only runs and ").append(many).append(" (its prior expects many small ")
                .append("basins): ").append(estimate(m.expected())).append(", with ").append(chance(m));
        if (!m.bayesianComplete()) {
            s.append("; its rule (stop once fewer than half a ").append(one).append(" is expected to be missing) ")
                    .append("asks for about ").append(starts(m, sampledRuns)).append(" starts");
        }
        return s.append('.').toString();
    }

    /** ", each at least twice", ", one of them once and none twice", "" for one minimum reached twice or more. */
    private static String spectrum(MinimaCensus m) {
        if (m.once() == 0) {
            return m.found() == 1 ? "" : ", each at least twice";
        }
        if (m.found() == 1) {
            return ", once";
        }
        return (m.once() == 1 ? ", one of them once" : ", " + m.once() + " of them once") + " and "
                + (m.twice() == 0 ? "none" : m.twice()) + " twice";
    }

    /**
     * Below this many minima found, a search with fewer than three runs more than minima is put
     * down to too few runs at a minimum (not to a minimum per run).
     */
    static final int FEW = 3;

    /** "a 99.7% chance that none is missing"; below a thousandth, "under a 0.1% chance ...". */
    private static String chance(MinimaCensus m) {
        double p = m.allFound();
        return (p < 1e-3 ? "under a 0.1%" : "a " + Numbers.percent(p)) + " chance that none is missing";
    }

    /** One combo in a list: "603 runs reached 3 minima, each at least twice: Chao's estimate 3, ...". */
    private static String briefly(MinimaCensus m, String one, String many) {
        if (m.found() == 0) {
            return "where no run ended at a confirmed " + one;
        }
        String head = Numbers.count(m.runs(), "run", "runs") + " reached " + Numbers.count(m.found(), one, many);
        if (m.runs() < m.found() + 3L && m.found() < FEW) {
            return head + ", too few to estimate from";
        }
        String s = head + spectrum(m) + ": Chao's estimate " + estimate(m.chao());
        return Double.isInfinite(m.expected()) ? s : s + ", Boender and Rinnooy Kan's " + estimate(m.expected());
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

    /**
     * An estimated count of minima: four significant digits below a thousand ("156.9"), a whole
     * number below a million (14 641 counted must not read 14 640), then "about 3.4 million".
     */
    private static String estimate(double e) {
        return e >= 1e6 ? "about " + about(e) : e >= 1000 ? Long.toString(Math.round(e)) : Numbers.significant(e, 4);
    }

    /**
     * The sampled starts the rule would take at the rate at which this combo's sampled starts
     * reached a confirmed minimum, to two significant digits.
     */
    private static String starts(MinimaCensus m, long sampled) {
        return about((double) m.runsForComplete() * sampled / m.runs());
    }
}
