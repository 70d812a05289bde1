package multistart.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.config.ExperimentConfig;
import multistart.objective.data.DataLoss;
import multistart.objective.data.Model;

/** {@code summary.md}: the answer first, then the evidence. */
public final class SummaryMarkdown {

    /** Rows of the minima table shown; minima.csv has them all. */
    static final int MAX_MINIMA_ROWS = 25;

    /** Unresolved end points the summary shows: at most GATHERED_ROWS, each holding GATHERED_SHARE of the runs. */
    static final int GATHERED_ROWS = 5;
    static final double GATHERED_SHARE = 0.01;
    static final int MAX_COMBO_ROWS = 40;

    private SummaryMarkdown() {
    }

    public static void write(RunRecord r, Writer w) throws IOException {
        ExperimentConfig c = r.plan().config();
        Findings f = r.findings();
        List<String> vars = c.objective().variables();
        multistart.config.Goal goal = c.objective().goal();
        boolean max = goal == multistart.config.Goal.MAXIMIZE;
        String extremum = goal.extremum();
        StringBuilder s = new StringBuilder();
        s.append("# ").append(c.name()).append(": multistart ").append(goal.extrema()).append("\n\n");
        if (!r.complete()) {
            s.append("> **INCOMPLETE**: the run was interrupted; these figures cover the runs that finished. ")
                    .append("`multistart ").append(c.resumeCommand()).append("` completes it.\n\n");
        }
        Findings.Minimum best = f.best();
        if (best == null) {
            s.append("**No run ended at a finite point: all ").append(f.runs())
                    .append(" runs diverged or failed.** ").append(noFiniteEnd(f, c)).append("\n\n");
        } else {
            // what the table says of it, in words: a maximising sweep's minima are maxima
            String kind = switch (best.kind()) {
                case MINIMUM -> "a " + extremum + (best.atKink() ? " at a kink (" + KINK + ")" : "");
                case SADDLE -> "a saddle point";
                default -> unresolved(best, c);
            };
            String where = best.where().isEmpty() ? "" : ", " + best.where();
            boolean isExtremum = best.kind() == Kind.MINIMUM;
            s.append("**Best ").append(isExtremum ? extremum : "end point").append(": ")
                    .append(Numbers.exact(best.value()))
                    .append(" at ").append(point(vars, best.point())).append("**, basin 1, ").append(kind)
                    .append(where).append(", reached by ").append(reachedBy(best, f.runs())).append(".");
            if (f.targetKnown()) {
                double diff = Math.abs(best.value() - f.target());
                s.append(" Known optimum: ").append(Numbers.exact(f.target())).append(" (difference ")
                        .append(Numbers.brief(diff)).append(").").append(leastSquares(c, vars))
                        .append(beyondKnown(f, c));
            }
            String ties = ties(f, c, goal);
            if (isExtremum && !ties.isEmpty()) {
                s.append(' ').append(ties);
            }
            if (!isExtremum) {
                Findings.Minimum m = f.bestMinimum();
                s.append(m == null ? " No end point is a confirmed " + extremum + "."
                        : " Best confirmed " + extremum + ": " + Numbers.exact(m.value()) + " at "
                                + point(vars, m.point()) + ", basin " + m.basin() + ", reached by " + m.hits()
                                + " runs.");
                s.append(separable(c, best.point()));
            }
            String settings = Ranking.headline(f.combos(), c.optimizer(), f.paired());
            if (!settings.isEmpty()) {
                s.append("\n\n").append(settings);
            }
            s.append("\n\n");
        }
        String lower = lowerStart(f, c);
        if (!lower.isEmpty()) {
            s.append(lower).append("\n\n");
        }
        s.append("Objective: ").append(c.objective().describe()).append(", goal ").append(c.objective().goal().key())
                .append(", domain ").append(c.domain().describe()).append(". ")
                .append(runsDone(f, r.plan())).append(": ")
                .append(Numbers.count(r.plan().startCount(), "start", "starts")).append(" (")
                .append(c.starts().describe()).append(") x ")
                .append(Numbers.count(r.plan().combos().size(), "combo", "combos")).append(".");
        s.append(planNotes(c, r.plan())).append("\n\n");

        long minimaCount = f.minima().count(Kind.MINIMUM);
        long saddles = f.minima().count(Kind.SADDLE);
        long unresolved = f.minima().size() - minimaCount - saddles;
        s.append("## Distinct end points\n\n").append(endPointCounts(f, c)).append("\n\n");
        List<Findings.Minimum> resolved = new java.util.ArrayList<>();
        // the table's rows only: a landscape such as rastrigin in 6-d has a great many minima
        long rows = Math.min(MAX_MINIMA_ROWS, minimaCount + saddles);
        for (int k = 0; k < f.minima().size() && resolved.size() < rows; k++) {
            if (f.minima().kind(k) != Kind.UNRESOLVED) {
                resolved.add(f.minima().get(k));
            }
        }
        if (!resolved.isEmpty()) {
            minimaTable(s, vars, resolved, minimaCount + saddles, max, true, null);
        }
        String sharp = sharpness(f, c);
        if (!sharp.isEmpty()) {
            s.append(sharp).append("\n\n");
        }
        Census.Answer census = Census.of(f, c);
        if (census != null) {
            s.append("**").append(census.question()).append("** ").append(census.text()).append("\n\n");
        }
        if (unresolved > 0) {
            long unresolvedRuns = f.minima().hitsAt(Kind.UNRESOLVED);
            s.append(unresolvedHold(unresolved, unresolvedRuns, f.runs()))
                    .append(unresolved == 1 ? "; it is listed" : "; they are listed")
                    .append(" in `minima.csv` with kind `unresolved`.");
            if (f.hessianUnchecked() > 0) {
                int n = r.plan().objective().dimension();
                int dense = multistart.analysis.Classifier.eigenBudget(n);
                String lanczos = "by the Lanczos process on Hessian-vector products until its budget of "
                        + flops(multistart.analysis.Classifier.LANCZOS_WORK) + " flops is spent";
                s.append(unresolved == 1 ? " It was" : " Of them, " + f.hessianUnchecked()
                        + (f.hessianUnchecked() == 1 ? " was" : " were")).append(" not checked: in ").append(n)
                        .append(" dimensions the Hessian check is done for the best end points only (")
                        .append(dense > 0 ? "up to " + dense + " by the eigenvalues of a dense Hessian, then " + lanczos
                                : lanczos + "; above " + multistart.analysis.Classifier.MAX_DIMENSION
                                        + " no dense Hessian is formed")
                        .append(")")
                        .append(f.hessianUnchecked() == 1 ? ", so it may be a minimum." : ", so they may be minima.");
            }
            s.append(unresolvedNotes(f, c));
            s.append("\n\n");
            // where the stopped runs gathered, when some point holds a noticeable share of them (an
            // optimizer circling a minimum, a flat region); a sweep of short runs scatters them
            List<Findings.Minimum> gathered = new java.util.ArrayList<>();
            List<String> near = new java.util.ArrayList<>();
            for (int rank : f.minima().mostHit(Kind.UNRESOLVED, GATHERED_ROWS)) {
                Findings.Minimum m = f.minima().get(rank);
                if (m.share() >= GATHERED_SHARE) {
                    gathered.add(m);
                    near.add(f.minima().nearestMinimum(rank, extremum));
                }
            }
            if (!gathered.isEmpty()) {
                s.append("Unresolved end points holding at least ").append(Numbers.percent(GATHERED_SHARE))
                        .append(" of the runs each").append(c.output().charts()
                                ? " (`report.html` shows the ten that hold the most)" : "").append(":\n\n");
                minimaTable(s, vars, gathered, gathered.size(), max, false, near);
            }
        }

        boolean byValue = Ranking.noneSucceeded(f.combos());
        s.append("## ").append(Ranking.heading(f.combos())).append("\n\n");
        if (Double.isNaN(f.target())) {
            // no known optimum and no finite end point to measure the runs against
            s.append("Success: none can be judged, as no run ended at a finite point and the optimum is not known.");
        } else {
            s.append(successRule(f, c));
        }
        String[] vsFirst = Ranking.vsFirst(f.combos(), c.optimizer(), f.paired());
        String column = byValue ? Ranking.MEDIAN_VALUE.replace("\"diverged\"", "`diverged`")
                .replace("sweep.csv's median_value", "`sweep.csv`'s `median_value`") : Ranking.STEPS_PER_SUCCESS;
        s.append(" 95% Wilson interval in brackets. `basins`: the distinct "
                        + "end points the combo's runs reached, unresolved ones included (as `sweep.csv`'s "
                        + "`basins_found`). `" + column.replaceFirst(":", "`:"))
                .append(vsFirst == null ? "" : " `" + Ranking.VS_FIRST.replaceFirst(":", "`:")).append("\n\n");
        List<String> swept = c.optimizer().sweptColumns();
        s.append("| rank | combo |");
        for (String col : swept) {
            s.append(' ').append(col).append(" |");
        }
        s.append(" success | diverged | median iterations | ").append(byValue ? "median value" : "steps / success")
                .append(" | best value | basins |")
                .append(vsFirst == null ? "" : " vs first |").append("\n|---:|---:|");
        for (int i = 0; i < swept.size(); i++) {
            s.append("---:|");
        }
        s.append("---:|---:|---:|---:|---:|---:|").append(vsFirst == null ? "" : "---:|").append("\n");
        int rank = 0;
        Ranking.Table table = Ranking.table(f.combos(), c.optimizer(), MAX_COMBO_ROWS);
        for (Findings.ComboSummary cs : table.rows()) {
            rank++;
            s.append("| ").append(rank).append(" | ").append(cs.combo().index()).append(" |");
            for (String col : swept) {
                s.append(' ').append(Numbers.settingCell(cs.combo(), col)).append(" |");
            }
            s.append(' ').append(Numbers.percent(cs.successRate())).append(" [")
                    .append(Numbers.percent(cs.wilsonLow())).append(", ").append(Numbers.percent(cs.wilsonHigh()))
                    .append("] | ").append(cs.diverged()).append(" | ").append(Numbers.brief(cs.medianIterations()))
                    .append(" | ").append(byValue ? Ranking.medianCell(cs) : Ranking.stepsPerSuccess(cs))
                    .append(" | ")
                    .append(Numbers.brief(cs.bestValue()))
                    .append(" | ").append(cs.basinsFound())
                    .append(" |").append(vsFirst == null ? "" : " " + vsFirst[cs.combo().index()] + " |").append('\n');
        }
        if (!table.below().isEmpty()) {
            s.append("\n").append(table.below().replace("sweep.csv", "`sweep.csv`")).append('\n');
        }
        String reading = Ranking.reading(f.combos(), c.optimizer(), f.paired());
        if (!reading.isEmpty()) {
            s.append("\n").append(reading).append('\n');
        }
        String restarts = Ranking.restarts(f.combos(), c.optimizer(), c.starts().sampledCount() > 0);
        if (!restarts.isEmpty()) {
            s.append("\n").append(restarts).append('\n');
        }
        String climbed = Ranking.climbed(f.combos(), c.optimizer(), max);
        if (!climbed.isEmpty()) {
            s.append("\n").append(climbed).append('\n');
        }
        Effects.markdown(s, Effects.of(f.combos(), c.optimizer()), byValue);
        s.append("\n## Runs\n\n");
        s.append(String.format(Locale.ROOT, "converged %d, stalled %d, max_iterations %d, diverged %d, failed %d.%n",
                f.converged(), f.stalled(), f.maxIterations(), f.diverged(), f.failed()));
        if (best != null && f.divergedAtStart() > 0) {
            s.append('\n').append(divergedAtStart(f)).append('\n');
        }
        String onTheWay = best == null ? "" : divergedOnTheWay(f, c);
        if (!onTheWay.isEmpty()) {
            s.append('\n').append(onTheWay).append('\n');
        }
        if (f.firstFailure() != null) {
            s.append("\nFirst failure: ").append(f.firstFailure()).append('\n');
        }
        s.append("\n## Timing\n\n");
        s.append(String.format(Locale.ROOT, "%.3f s of gradient descent%s (%.3f s in all) on %s: %d gradient "
                + "steps, %s steps per second.%n", r.wallSeconds(), mapTime(r), r.totalSeconds(),
                c.execution().spark() ? "Spark (the analysis on " + r.threads() + " threads here)"
                        : r.threads() + " threads",
                f.gradientSteps(), Numbers.brief(r.stepsPerSecond())));
        s.append("\nmultistart ").append(r.version()).append(", seed ").append(c.seed()).append("; ")
                .append(Environment.here().describe()).append(".\n");
        w.write(s.toString());
    }

    /**
     * "3 other minima tie with it (within 1.0000e-06): basins 2, 3, 4." when global minima tie (as
     * himmelblau's four do), else "".
     */
    static String ties(Findings f, ExperimentConfig c, multistart.config.Goal goal) {
        double tol = c.basins().successTolerance();
        List<Integer> ties = f.tiedWithBest(tol);
        if (ties.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder();
        t.append(Numbers.count(ties.size(), "other " + goal.extremum() + " ties", "other " + goal.extrema() + " tie"))
                .append(" with it (within ").append(Numbers.brief(tol)).append("): ")
                .append(ties.size() == 1 ? "basin " : "basins ");
        for (int i = 0; i < Math.min(10, ties.size()); i++) {
            t.append(i > 0 ? ", " : "").append(ties.get(i));
        }
        return t.append(ties.size() > 10 ? ", ..." : "").append('.').toString();
    }

    /**
     * What to do when no run ended at a finite point. Runs that diverged at their start point
     * started where the function is not defined (the log of a negative number, say), which no
     * learning rate mends; those that diverged on the way are told apart by why
     * ({@link #onTheWay}).
     */
    static String noFiniteEnd(Findings f, ExperimentConfig c) {
        long atStart = f.divergedAtStart();
        long onTheWay = f.diverged() - atStart;
        String way = onTheWay(f, c, onTheWay == 1 ? "it" : "all " + onTheWay);
        if (atStart == 0) {
            // (every run failed: the first failure is said under Runs)
            return way.isEmpty() ? "" : Character.toUpperCase(way.charAt(0)) + way.substring(1);
        }
        String s = (atStart == f.runs() ? "Every run diverged at its start point" : atStart + " of them diverged at "
                + "their start points") + AT_START + " Narrow the domain to where the function is defined.";
        return onTheWay > 0 ? s + " The other " + onTheWay + " diverged on the way: " + way : s;
    }

    /**
     * The runs that diverged after a step, when some runs ended at a finite point: "Of the 61
     * diverged runs, ..." ({@link #onTheWay}); "" where none did.
     */
    static String divergedOnTheWay(Findings f, ExperimentConfig c) {
        long onTheWay = f.diverged() - f.divergedAtStart();
        if (onTheWay == 0) {
            return "";
        }
        boolean some = f.divergedAtStart() > 0;
        // one kind for every such run: the runs are the sentence's subject
        String all = onTheWay == 1 ? (some ? "The run that diverged after a step" : "The diverged run")
                : "All " + onTheWay + (some ? " runs that diverged after a step" : " diverged runs");
        String way = onTheWay(f, c, all);
        return oneKind(f) ? way
                : "Of the " + onTheWay + (some ? " runs that diverged after a step, " : " diverged runs, ") + way;
    }

    /**
     * Why the runs that diverged after a step did, each kind in a sentence or two that begins
     * with how many ({@code all} where one kind holds them all: "all 24", "it"): stepped where
     * the objective is not defined ({@link Findings#divergedUndefined}), fell without bound in
     * the goal's direction (no finite extremum there: {@link Findings#divergedUnbounded}), grew
     * against it (steps that overshoot: {@link Findings#divergedOvershooting}), and the rest (a
     * coordinate or the gradient past the limit), each with what mends it.
     */
    static String onTheWay(Findings f, ExperimentConfig c, String all) {
        boolean max = c.objective().goal() == multistart.config.Goal.MAXIMIZE;
        String extremum = c.objective().goal().extremum();
        double[] limits = c.optimizer().values(multistart.config.Setting.DIVERGENCE);
        // 1e8 or 10, as a config writes them (Numbers.brief's 1.0000e+08 is a table's)
        String limit = limits.length == 1 ? Numbers.exact(limits[0]).replace(".0E", "e").replace('E', 'e')
                .replaceAll("\\.0$", "") : "optimizer.divergence";
        String named = limits.length == 1 ? " (optimizer.divergence)" : "";
        long[] counts = wayCounts(f);
        String[] why = {steppedOff(max),
            (max ? " rose past " + limit : " fell past -" + limit) + named + " in value: the function has no finite "
                    + extremum + " along the way (it " + (max ? "rises" : "falls") + " without bound there),"
                    + " which no learning rate mends; a domain away from that slope, or a formula bounded "
                    + (max ? "above" : "below") + ", keeps the runs to the " + c.objective().goal().extrema() + ".",
            (max ? " fell past -" + limit : " grew past " + limit) + named + " in value, as steps that overshoot"
                    + " the " + extremum + " and land ever " + (max ? "lower down" : "higher up") + " the far side"
                    + " do: the learning rate (or the momentum) is too large for the curvature there, and a"
                    + " smaller one keeps them.",
            " went past " + limit + named + " in a coordinate, or their gradient became infinite: try a smaller"
                    + " learning rate (or the function has no finite " + extremum + " there)."};
        boolean one = oneKind(f);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                continue;
            }
            b.append(b.length() == 0 ? "" : " ").append(one ? all : Long.toString(counts[k])).append(why[k]);
        }
        return b.toString();
    }

    /**
     * The runs that diverged after a step, by kind: stepped where the objective is not defined,
     * unbounded, overshooting, and the rest.
     */
    private static long[] wayCounts(Findings f) {
        long[] counts = {f.divergedUndefined(), f.divergedUnbounded(), f.divergedOvershooting(), 0};
        counts[3] = f.diverged() - f.divergedAtStart() - counts[0] - counts[1] - counts[2];
        return counts;
    }

    /** Whether every run that diverged after a step is of one kind ({@link #wayCounts}). */
    private static boolean oneKind(Findings f) {
        long all = f.diverged() - f.divergedAtStart();
        for (long n : wayCounts(f)) {
            if (n == all) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a run diverges where the objective is not defined, for {@link #onTheWay}; gradient
     * ascent ({@code max}) heads where the function rises.
     */
    private static String steppedOff(boolean max) {
        return " stepped to a point where the objective or its gradient is not defined (NaN there, though every"
                + " coordinate is finite: a log, a root or a fractional power of a negative number, say). Gradient "
                + (max ? "ascent" : "descent") + " does not keep to where the function is defined: a run heading for"
                + " an edge of that region steps across it, and a smaller learning rate only delays that where the"
                + " function keeps " + (max ? "rising" : "falling") + " towards the edge. A formula defined"
                + " everywhere (x^2 in place of x, say), or a domain away from the edge, avoids it.";
    }

    /** The diverged runs that never took a step, when some runs ended at a finite point. */
    static String divergedAtStart(Findings f) {
        return (f.divergedAtStart() == f.diverged() ? "All " + f.diverged() : f.divergedAtStart() + " of the "
                + f.diverged()) + " diverged runs did so at their start points" + AT_START
                + " The domain reaches beyond where the function is defined; narrowing it saves those runs.";
    }

    /** Why a run diverges at its start point, for the two sentences above. */
    private static final String AT_START = ", before a step: the objective or its gradient is not finite there (or "
            + "beyond optimizer.divergence).";

    /**
     * How near a minimum outside the domain, as a share of the domain's widest side, an
     * unresolved end point outside it counts as beside it (mini-batch runs of one row at rate
     * 0.05 hover up to 7% of the side from configs/data/linear.csv's least-squares fit).
     */
    static final double BESIDE_OUTSIDE = 0.1;

    /**
     * What the summary and the page say after counting the unresolved end points, each sentence
     * after a space: those a short Newton step from a minimum, those on a flat-bottomed valley,
     * those beside a kink, the runs that hit max_iterations, and those that ended outside the
     * domain; "" for none.
     */
    static String unresolvedNotes(Findings f, ExperimentConfig c) {
        StringBuilder s = new StringBuilder();
        if (f.nearMinima().points() > 0) {
            s.append(" ").append(nearMinima(f, c));
        }
        if (f.flatBottomed().points() > 0) {
            s.append(" ").append(flatBottomed(f, c));
        }
        if (f.kinks().points() > 0) {
            s.append(" ").append(kinks(f, c));
        }
        String over = overshooting(f, c);
        if (f.maxIterations() > 0) {
            s.append(" ").append(hitMaxIterations(f, c)).append(over);
        }
        long outside = f.minima().hitsOutside(Kind.UNRESOLVED);
        if (outside > 0) {
            // peaks' plateau: 2014 of configs/peaks.yaml's 6000 runs walked out of [-3, 3]^2
            // towards its far zero, and the report did not say where they had gone
            // runs that went where a minimum outside the box is (a fit beyond the weights' start box)
            long[] beside = f.minima().besideOutsideMinima(BESIDE_OUTSIDE * c.domain().widest());
            List<String> basins = new ArrayList<>();
            for (int b = 1; b < beside.length; b++) {
                basins.add(Long.toString(beside[b]));
            }
            boolean one = basins.size() == 1;
            String those = (one ? "a " + c.objective().goal().extremum() + " that lies"
                    : c.objective().goal().extrema() + " that lie") + " outside the domain too (basin"
                    + (one ? " " : "s ") + Numbers.joined(basins) + ")";
            String near = beside[0] == 0 ? ""
                    : beside[0] == outside ? (outside == 1 ? "it" : "they") + " stopped beside " + those
                            + ": the domain holds the starts, not the " + c.objective().goal().extremum()
                    : beside[0] + " of them stopped beside " + those + "; the rest";
            s.append(" ").append(Numbers.count(outside, "run", "runs")).append(" (")
                    .append(Numbers.percent((double) outside / f.runs())).append(" of all) ended outside the domain,")
                    .append(" which bounds the starts, not the runs: ");
            if (beside[0] == outside) {
                s.append(near).append('.');
                return s.toString();
            }
            s.append(near.isEmpty() ? (outside == 1 ? "it" : "they") : near)
                    .append(" walked out over ground where the objective flattens out or keeps ")
                    .append(c.objective().goal() == multistart.config.Goal.MAXIMIZE ? "rising" : "falling")
                    // (step-size.yaml's run at rate 1.02 climbs out of (x - 1)^2's bowl, zig-zagging)
                    .append(over.isEmpty() ? "." : ", or zig-zagged out of a well at a rate too large"
                            + " for its curvature (above).");
        }
        return s.toString();
    }

    /** "3 of 40 runs (7.5%)", or "its only run" for a sweep of one run (not "1 of 1 runs (100.0%)"). */
    static String reachedBy(Findings.Minimum best, long runs) {
        return runs == 1 ? "its only run"
                : best.hits() + " of " + runs + " runs (" + Numbers.percent(best.share()) + ")";
    }

    /**
     * The runs that hit max_iterations and what may resolve them: a run crawling along a valley
     * wants more steps or a larger rate, one oscillating across a narrow well a smaller rate (a
     * nesterov sweep on peaks at rate 0.05 left 77 runs of 102 bouncing about its maxima).
     */
    static String hitMaxIterations(Findings f, ExperimentConfig c) {
        boolean one = f.maxIterations() == 1;
        return Numbers.count(f.maxIterations(), "run", "runs") + " hit max_iterations: more iterations, or another "
                + "learning rate (larger where runs crawl; smaller, or decaying with decay < 1, where they oscillate,"
                + " as they do about a kink such as |x|'s), may resolve "
                + (one ? "it." : "them.") + hovering(f, c);
    }

    /**
     * " Of them, N ran in combo 1, whose constant learning rate is too large to settle at basin
     * 1: ..." where runs of gd, heavy-ball momentum or nesterov at decay 1 hit max_iterations at
     * a rate above what the curvature at the best minimum (or a built-in's known one) allows:
     * along the Hessian's eigenvector of eigenvalue L the error is multiplied by 1 - eta L each
     * gd step, which grows in size once eta > 2 / L; the momentum forms' limits are those of
     * {@link multistart.config.ObjectiveConfig.ModelConfig#curvature}. Not for data-set losses,
     * which say their own limits. Else "".
     */
    static String overshooting(Findings f, ExperimentConfig c) {
        Findings.Curvature k = f.curvature();
        if (k == null || c.objective().model() != null || !(k.largest() > 0)) {
            return "";
        }
        double l = k.largest();
        long runs = 0;
        List<String> combos = new java.util.ArrayList<>();
        java.util.Set<multistart.config.Method> methods = java.util.EnumSet.noneOf(multistart.config.Method.class);
        for (Findings.ComboSummary cs : f.combos()) {
            multistart.config.Combo co = cs.combo();
            if (cs.maxIterations() > 0 && co.learningRate() > settlingLimit(co, l)) {
                runs += cs.maxIterations();
                combos.add(Integer.toString(co.index()));
                methods.add(co.method());
            }
        }
        if (runs == 0) {
            return "";
        }
        return " Of them, " + runs + " ran in " + (combos.size() == 1 ? "combo " + combos.get(0) : "combos "
                + String.join(", ", combos.size() > 10 ? combos.subList(0, 10) : combos)
                + (combos.size() > 10 ? ", ..." : "")) + ", whose constant learning rate is too large to settle at "
                + k.where() + ": the Hessian's largest eigenvalue" + inSize(c) + " there is " + Numbers.brief(l)
                + ", and "
                + limits(methods, l) + "; above the limit, near the " + c.objective().goal().extremum() + ", each step"
                + " overshoots by more than the last, and such runs settle only at " + c.objective().goal().extrema()
                + " whose curvature allows their rate, if any."
                + " A smaller rate, or decay < 1, lets them settle.";
    }

    /**
     * Which confirmed minima are too sharp for a combo's constant rate, where the sweep's rates
     * fall between their limits: gd settles at a minimum only below 2 / L, L the Hessian's largest
     * eigenvalue there (heavy ball and nesterov as in {@link #overshooting}), so a rate above some
     * minima's limits and below others' settles only at the flatter ones. Names up to three such
     * combos (gd, heavy-ball momentum or nesterov at decay 1) and the minima each cannot settle
     * at, among the first {@value #SHARPNESS_MINIMA} confirmed ones; "" where no combo is between
     * (a combo above every limit is the max_iterations sentence's), or for a data-set loss.
     */
    static String sharpness(Findings f, ExperimentConfig c) {
        if (c.objective().model() != null) {
            return "";
        }
        List<Findings.Minimum> minima = new java.util.ArrayList<>();
        for (int r = 0; r < f.minima().size() && minima.size() < SHARPNESS_MINIMA; r++) {
            if (f.minima().kind(r) == Kind.MINIMUM) {
                Findings.Minimum m = f.minima().get(r);
                if (m.hessianExtremes().length == 2) {
                    minima.add(m);
                }
            }
        }
        if (minima.size() < 2) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        int between = 0;
        boolean momentum = false;
        for (Findings.ComboSummary cs : f.combos()) {
            multistart.config.Combo co = cs.combo();
            if (c.optimizer().repeatsEarlier(co)) {
                // gd under a second momentum: the same runs, the same limits
                continue;
            }
            List<Integer> sharp = new java.util.ArrayList<>();
            for (Findings.Minimum m : minima) {
                if (co.learningRate() > settlingLimit(co, largestInSize(m))) {
                    sharp.add(m.basin());
                }
            }
            if (sharp.isEmpty() || sharp.size() == minima.size()) {
                continue;
            }
            between++;
            momentum |= co.method() != multistart.config.Method.GD;
            if (parts.size() < 3) {
                // the momentum forms' limits depend on the coefficient too
                parts.add("combo " + co.index() + " (" + co.method().key() + ", learning_rate "
                        + Numbers.brief(co.learningRate()) + (co.method() == multistart.config.Method.GD ? ""
                                : ", momentum " + Numbers.brief(co.momentum())) + ") is above the limit at "
                        + basins(sharp)
                        + ", so its runs settle only at flatter " + c.objective().goal().extrema());
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        StringBuilder at = new StringBuilder();
        for (int k = 0; k < Math.min(minima.size(), 6); k++) {
            Findings.Minimum m = minima.get(k);
            at.append(k > 0 ? ", " : "").append("basin ").append(m.basin()).append(": ")
                    .append(Numbers.brief(2 / largestInSize(m)));
        }
        return "At a constant rate gd settles only at " + c.objective().goal().extrema() + " flat enough for it:"
                + " below learning_rate 2 / L, L the Hessian's largest eigenvalue" + inSize(c) + " there (" + at
                + (minima.size() > 6 ? ", ..." : "")
                + (momentum ? "; heavy-ball momentum with coefficient b: 2 (1 + b) / L; nesterov: 2 (1 + b) /"
                        + " ((1 + 2 b) L)" : "") + "). "
                + Character.toUpperCase(parts.get(0).charAt(0)) + String.join("; ", parts).substring(1)
                + (between > parts.size() ? "; and " + (between - parts.size()) + " more combos" : "") + ".";
    }

    /** " in size" when maximising: a maximum's Hessian has negative eigenvalues. */
    private static String inSize(ExperimentConfig c) {
        return c.objective().goal() == multistart.config.Goal.MAXIMIZE ? " in size" : "";
    }

    /** Confirmed minima {@link #sharpness} looks at, in rank order. */
    static final int SHARPNESS_MINIMA = 200;

    private static double largestInSize(Findings.Minimum m) {
        return multistart.analysis.Classifier.largestInSize(m.hessianExtremes());
    }

    /**
     * The largest constant learning rate at which combo {@code co} settles at a minimum whose
     * Hessian's largest eigenvalue is {@code l}: 2 / l for gd, 2 (1 + b) / l for heavy-ball
     * momentum b, 2 (1 + b) / ((1 + 2 b) l) for nesterov (see {@link #overshooting}); NaN for a
     * decaying rate (decay < 1), which falls under any limit in time, and for the methods that
     * scale their steps (adagrad, rmsprop, adam), whose limit this is not. A rate compared with
     * NaN is never above it.
     */
    static double settlingLimit(multistart.config.Combo co, double l) {
        double b = co.momentum();
        return co.decay() != 1.0 ? Double.NaN : switch (co.method()) {
            case GD -> 2 / l;
            case MOMENTUM -> 2 * (1 + b) / l;
            case NESTEROV -> 2 * (1 + b) / ((1 + 2 * b) * l);
            default -> Double.NaN;
        };
    }

    /** "basin 3", "basins 1 and 3", "basins 1, 3 and 4" (the first six, then "..."). */
    private static String basins(List<Integer> b) {
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < Math.min(b.size(), 6); k++) {
            names.add(Integer.toString(b.get(k)));
        }
        if (b.size() == 1) {
            return "basin " + names.get(0);
        }
        return "basins " + (b.size() > 6 ? String.join(", ", names) + ", ..." : Numbers.joined(names));
    }

    /** The largest constant rate that settles at a minimum of curvature {@code l}, for each method given. */
    private static String limits(java.util.Set<multistart.config.Method> methods, double l) {
        List<String> out = new java.util.ArrayList<>();
        String lt = Numbers.brief(l);
        if (methods.contains(multistart.config.Method.GD)) {
            out.add("gd settles there only below learning_rate 2 / " + lt + " = " + Numbers.brief(2 / l));
        }
        if (methods.contains(multistart.config.Method.MOMENTUM)) {
            out.add("heavy-ball momentum with coefficient b settles there only below learning_rate 2 (1 + b) / " + lt);
        }
        if (methods.contains(multistart.config.Method.NESTEROV)) {
            out.add("nesterov " + (out.isEmpty() ? "settles there " : "") + "only below learning_rate"
                    + " 2 (1 + b) / ((1 + 2 b) " + lt + ")");
        }
        return String.join(", ", out);
    }

    /**
     * " Of them, N are mini-batch runs at a constant rate: ..." where runs of mini-batches with
     * decay 1 hit max_iterations: a batch's gradient is not the loss's, so at a constant rate their
     * steps never shrink and they hover about the minimum; a decay below 1 lets them settle. Else "".
     */
    static String hovering(Findings f, ExperimentConfig c) {
        var model = c.objective().model();
        // about a minimum some run confirmed (separable classes have none to hover about)
        if (model == null || f.bestMinimum() == null) {
            return "";
        }
        int rows = model.data().rows();
        long hover = 0;
        for (Findings.ComboSummary cs : f.combos()) {
            if (cs.combo().miniBatch(rows) && cs.combo().decay() == 1.0) {
                hover += cs.maxIterations();
            }
        }
        if (hover == 0) {
            return "";
        }
        return " Of them, " + hover + " are mini-batch runs at a constant rate (decay 1): a batch's gradient is"
                + " not the loss's, so their steps never shrink and they hover about the minimum; a decay below 1"
                + " lets them settle.";
    }

    /**
     * "2414 distinct end points (within 0.0001): 3 minima, 0 saddles, 2411 unresolved (...)." for
     * the summary and the page alike.
     */
    static String endPointCounts(Findings f, ExperimentConfig c) {
        multistart.config.Goal goal = c.objective().goal();
        long minima = f.minima().count(Kind.MINIMUM);
        long saddles = f.minima().count(Kind.SADDLE);
        return Numbers.count(f.minima().size(), "distinct end point", "distinct end points") + " (within "
                + Numbers.brief(c.basins().tolerance()) + "): " + Numbers.count(minima, goal.extremum(), goal.extrema())
                + ", " + Numbers.count(saddles, "saddle", "saddles") + ", " + (f.minima().size() - minima - saddles)
                + " unresolved (flat regions or runs that stopped short).";
    }

    /** A round count of flops as people write it: 5e9. */
    static String flops(double w) {
        int e = (int) Math.floor(Math.log10(w));
        double m = w / Math.pow(10, e);
        return (m == Math.rint(m) ? String.valueOf((long) m) : Numbers.brief(m)) + "e" + e;
    }

    /**
     * The unresolved end points that are minima the runs stopped short of by more than the
     * basin tolerance ({@link Findings.NearMinima}), and what resolves them. With a tolerance
     * of 1e-12 every end point of a Himmelblau sweep was unresolved, and the report said no
     * more than "a flat region, or runs that stopped short".
     */
    static String nearMinima(Findings f, ExperimentConfig c) {
        Findings.NearMinima near = f.nearMinima();
        String extremum = c.objective().goal().extremum();
        boolean one = near.points() == 1;
        // a maximum's Hessian is negative definite (the check is on the negated function)
        String definite = c.objective().goal() == multistart.config.Goal.MAXIMIZE ? "negative" : "positive";
        return (one ? "One of them" : "Of them, " + near.points()) + " (holding " + Numbers.count(near.runs(), "run",
                "runs") + ") " + (one ? "has" : "have") + " a " + definite + " definite Hessian and "
                + (one ? "lies" : "lie")
                + " within " + Numbers.brief(near.largestStep()) + " of " + (one ? "a " + extremum : "one")
                + " by a Newton step: " + (one ? "a " + extremum : c.objective().goal().extrema())
                + " the runs stopped short of by more than basins.tolerance (" + Numbers.brief(c.basins().tolerance())
                + "). More iterations or a smaller stop.gradient_norm take the runs closer; a larger tolerance "
                + "accepts " + (one ? "it" : "them") + " as " + (one ? "it is." : "they are.");
    }

    /**
     * "unresolved" and why, as far as the Hessian check and the stop rule tell, for the headline's
     * best end point: a gradient there above every stop.gradient_norm of the sweep says its runs
     * had not settled (1/x + x^2's best end point, on its way down to the pole at 0, had a gradient
     * of 100 and was called "a flat region, or runs that stopped short").
     */
    static String unresolved(Findings.Minimum m, ExperimentConfig c) {
        if (m.flatBottomed(c.basins().tolerance())) {
            return "unresolved (on a flat-bottomed valley, where the Hessian cannot confirm a " + c.objective().goal()
                    .extremum() + ")";
        }
        double stop = largest(c.optimizer().values(multistart.config.Setting.GRADIENT_NORM));
        double g = m.gradientNorm();
        String runs = m.hits() == 1 ? "its run" : "its runs";
        if (stop > 0 && g > stop) {
            return "unresolved (not a stationary point: the gradient's norm there is " + Numbers.brief(g)
                    + ", above stop.gradient_norm, " + Numbers.brief(stop) + ", so " + runs + " had not settled)";
        }
        // with both stop tests off every run takes max_iterations steps; a stationary point lies
        // farther than the basin tolerance by a step along the strongest curvature
        if (stop == 0 && largest(c.optimizer().values(multistart.config.Setting.VALUE_CHANGE)) == 0
                && m.hessianExtremes().length == 2 && g / largestInSize(m) > c.basins().tolerance()) {
            return "unresolved (not a stationary point: the gradient's norm there is " + Numbers.brief(g)
                    + "; with the stop tests off, " + runs + " stopped at max_iterations)";
        }
        return "unresolved (a flat region, or runs that stopped short)";
    }

    /** The largest of a setting's values; 0 where it has none. */
    private static double largest(double[] values) {
        double most = 0;
        for (double v : values == null ? new double[0] : values) {
            most = Math.max(most, v);
        }
        return most;
    }

    /**
     * The unresolved end points on a flat-bottomed valley ({@link Findings.FlatBottomed}), and
     * what they may be. A ring of minima, (x^2 + y^2 - 1)^2, left every run's end point
     * unresolved, and the report said no more than "a flat region, or runs that stopped short"
     * of runs that had all converged.
     */
    static String flatBottomed(Findings f, ExperimentConfig c) {
        Findings.FlatBottomed flat = f.flatBottomed();
        boolean one = flat.points() == 1;
        boolean all = flat.points() == f.minima().count(multistart.analysis.Kind.UNRESOLVED);
        // a maximum's curvature is negative (the check is on the negated function)
        String wrong = c.objective().goal() == multistart.config.Goal.MAXIMIZE ? "positive" : "negative";
        return (one ? (all ? "It" : "One of them") : (all ? "All " : "Of them, ") + flat.points()) + " (holding "
                + Numbers.count(flat.runs(), "run", "runs") + ") " + (one ? "lies" : "lie")
                + " on a flat-bottomed valley: " + (one ? "its" : "their") + " gradient is within basins.tolerance ("
                + Numbers.brief(c.basins().tolerance()) + ") of zero by a step along the strongest curvature, and "
                + (one ? "its" : "their") + " Hessian has no " + wrong + " eigenvalue but a zero one (within "
                + "1e-6 of the largest), so no Newton step confirms " + (one ? "it" : "them") + ". "
                + (one ? "It" : "They") + " may be " + c.objective().goal().extrema()
                + " that are not isolated (a ring or a line of them, as the symmetries of an over-parametrised "
                + "model make) or degenerate stationary points (as x^4 has at 0, or x^3); the Hessian cannot "
                + "tell which.";
    }

    /**
     * The unresolved end points beside a kink ({@link Findings.Kinks}) and what lets runs settle
     * there. Gradient descent on abs(x) + sqrt(x^2 + 1) at a constant rate left its runs a step
     * either side of 0, each at a point of its own, and the report said only that they hit
     * max_iterations.
     */
    static String kinks(Findings f, ExperimentConfig c) {
        Findings.Kinks k = f.kinks();
        boolean one = k.points() == 1;
        long unresolved = f.minima().count(Kind.UNRESOLVED);
        boolean all = k.points() == unresolved;
        String of = k.checked() < unresolved ? "Of the best-ranked " + k.checked() + " of them, " : "Of them, ";
        boolean maximize = c.objective().goal() == multistart.config.Goal.MAXIMIZE;
        return (one ? (all ? "It" : of + "one") : (all ? "All " : of) + k.points()) + " (holding "
                + Numbers.count(k.runs(), "run", "runs") + ") " + (one ? "lies" : "lie") + " beside a kink, where the"
                + " slope flips sign at once (as " + (maximize ? "-|x|" : "|x|") + " does at 0): at a constant"
                + " learning rate the steps there never shrink, so the runs oscillate across it without settling;"
                + " a decaying rate (decay < 1) lets them settle.";
    }

    /**
     * The runs the figures cover: "6000 runs", or, where an interruption left some of the plan
     * undone, "440320 of 480000 runs".
     */
    static String runsDone(Findings f, multistart.engine.Plan plan) {
        return f.runs() < plan.runCount() ? f.runs() + " of " + Numbers.count(plan.runCount(), "run", "runs")
                : Numbers.count(f.runs(), "run", "runs");
    }

    /**
     * What the plan does that the config may not have meant, each a sentence after a space: the
     * grid's rounding of the count, combos that repeat others' runs; "" where neither.
     */
    static String planNotes(multistart.config.ExperimentConfig c, multistart.engine.Plan plan) {
        String rounding = c.starts().rounding(c.objective().dimension());
        String repeats = c.optimizer().repeats(plan.combos());
        StringBuilder unread = new StringBuilder();
        for (multistart.config.Problem w : c.warnings()) {
            unread.append(" ").append(w.key()).append(" ").append(w.message()).append('.');
        }
        String curvature = c.objective().model() == null ? "" : c.objective().model().curvature();
        return (curvature.isEmpty() ? "" : " " + Character.toUpperCase(curvature.charAt(0)) + curvature.substring(1)
                + ".")
                + (rounding.isEmpty() ? "" : " The " + rounding + ".")
                + (repeats.isEmpty() ? "" : " Some combos repeat others' runs: " + repeats + ".") + unread;
    }

    /** What runs are judged against: "the known optimum", "the best value found", "the best confirmed minimum". */
    static String targetName(Findings f, multistart.config.Goal goal) {
        return "the " + target(f, goal);
    }

    /** {@link #targetName} without its article, as a chart's axis names it. */
    static String target(Findings f, multistart.config.Goal goal) {
        return f.targetKnown() ? "known optimum" : f.targetConfirmed() ? "best confirmed " + goal.extremum()
                : "best value found";
    }

    /**
     * "Success: final value within 1e-06 of the known optimum -6.55." and, past a walk-off, why
     * the target is the best confirmed minimum ({@link #pastWalkOff}): the rule the sweep table's
     * success rates follow, for the summary and the page; "" where no target is known.
     */
    static String successRule(Findings f, ExperimentConfig c) {
        if (Double.isNaN(f.target())) {
            return "";
        }
        multistart.config.Goal goal = c.objective().goal();
        return "Success: final value within " + Numbers.brief(c.basins().successTolerance()) + " of "
                + targetName(f, goal) + " " + Numbers.exact(f.target()) + "."
                + (f.targetConfirmed() ? " " + pastWalkOff(f, goal) : "");
    }

    /** Why the target is the best confirmed minimum and not the best value found (see Findings). */
    static String pastWalkOff(Findings f, multistart.config.Goal goal) {
        return "The best value found, " + Numbers.exact(f.minima().value(0)) + ", is where a run stopped that walked"
                + " out of the domain without settling at a " + goal.extremum() + ": measured"
                + " against it, success would count only the runs that went as far. A run at the "
                + goal.extremum() + " or beyond it succeeds (beyond: it went on past it, as that run did).";
    }

    /**
     * Empty, or where a run did better than the known optimum by more than the success
     * tolerance, a sentence saying the given optimum cannot be the function's. A run at or
     * beyond the target succeeds, so with a {@code known_minimum} of -3 for x^4 - 3x^2 + x
     * (minima -3.51 and -1.07) the rates stood, but a value of -1 would count both minima as
     * successes, and nothing said the given value was wrong.
     */
    public static String beyondKnown(Findings f, ExperimentConfig c) {
        // (not where rounding alone explains it: peaks' best end point is 1 to 5 ulps below its
        // optimum's correctly rounded value, which a success_tolerance of 1e-16 took as a wrong one)
        Findings.Minimum best = f.best();
        if (!f.targetKnown() || best == null) {
            return "";
        }
        double sign = c.objective().goal().sign();
        double by = sign * (f.target() - best.value());
        double rounding = ExperimentConfig.BasinsConfig.roundingAllowance(f.target());
        if (!(by > Math.max(c.basins().successTolerance(), rounding))) {
            return "";
        }
        return " That is " + (sign > 0 ? "below" : "above") + " the known optimum by " + Numbers.brief(by)
                + ", so objective.known_minimum (" + Numbers.exact(f.target()) + ") is not this function's optimum; "
                + "success is judged against it all the same.";
    }

    /**
     * Where a start point is better than every end point ({@link Findings.LowestStart#beatsEnds}):
     * which, by how much, and what makes gradient descent climb; "" otherwise. In bold: the best
     * end point above it is then not the best value the sweep saw.
     */
    public static String lowerStart(Findings f, ExperimentConfig c) {
        Findings.LowestStart low = f.lowestStart();
        Findings.Minimum best = f.best();
        if (low == null || !low.beatsEnds() || best == null) {
            return "";
        }
        boolean max = c.objective().goal() == multistart.config.Goal.MAXIMIZE;
        return "**Start " + low.start() + " is " + (max ? "higher" : "lower") + " than every end point:** "
                + Numbers.exact(low.value()) + " at " + point(c.objective().variables(), low.point())
                + ", against the best end point's " + Numbers.exact(best.value()) + " (" + (max ? "above" : "below")
                + " it by " + Numbers.brief(Math.abs(low.value() - best.value())) + "), so its runs all went "
                + (max ? "downhill" : "uphill") + ", which gradient " + (max ? "ascent" : "descent")
                + " does only where steps overshoot: at a learning rate too large for the slope (above 2 / L, L the"
                + " largest curvature, a run leaps across its valley and climbs), or across a pole, where the function "
                + (max ? "rises" : "falls") + " without bound (as " + (max ? "-1/x" : "1/x") + " does left of 0)."
                + " Sampling alone found a better point than every run"
                + (c.output().runs() ? "; start " + low.start() + "'s runs are the rows with start " + low.start()
                        + " in `runs.csv`." : ".");
    }

    /** "3 unresolved end points hold 200 runs (0.7% of all)", in the singular where it is one. */
    static String unresolvedHold(long points, long runs, long all) {
        return Numbers.count(points, "unresolved end point", "unresolved end points")
                + (points == 1 ? " holds " : " hold ") + Numbers.count(runs, "run", "runs") + " ("
                + Numbers.percent((double) runs / Math.max(1, all)) + " of all)";
    }

    /** What the reports say of a minimum at a kink. */
    static final String KINK = "the slope flips sign there, as |x|'s does at 0, so the Hessian has no finite"
            + " curvature to give and gd at a constant rate does not settle there; a decaying rate does";

    /** A table's note on an end point: where it lies, and "at a kink" for a minimum at one. */
    static String remark(Findings.Minimum m) {
        return note(m.where(), m.atKink() ? "at a kink" : "");
    }

    /** Two notes on one row, either of them possibly empty. */
    static String note(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** Where a model's known optimum came from: " It is the least-squares fit, ...", or "". */
    static String leastSquares(ExperimentConfig c, List<String> vars) {
        var model = c.objective().model();
        if (model == null || model.exact() == null) {
            return "";
        }
        return " It is " + model.solvedBy() + " (independently of the runs), at " + point(vars, model.exact()) + ".";
    }

    /**
     * For logistic regression whose best end point is no minimum: " The classes are linearly
     * separable: ..." when that point's weights put every row on its class's side (then the log
     * loss has no minimum at all, and more iterations cannot resolve the runs), else "".
     */
    static String separable(ExperimentConfig c, double[] w) {
        var model = c.objective().model();
        if (model == null || model.model() != Model.LOGISTIC_REGRESSION) {
            return "";
        }
        if (!DataLoss.separates(model.data(), w)) {
            return "";
        }
        int rows = model.data().rows();
        return " The classes are linearly separable: this end point's weights already put each of the " + rows
                + " rows on its class's side, so the log loss has no minimum (it falls towards 0 as the weights"
                + " grow without end), and more iterations move the end points further out instead of resolving"
                + " them.";
    }

    /**
     * ", 3.950 s drawing the basin map" when a map was drawn, what happened to it when it was
     * interrupted, why there is none where it would have been all grey ({@link
     * BasinMap#greyOnly}), else nothing.
     */
    static String mapTime(RunRecord r) {
        if (Double.isNaN(r.mapSeconds())) {
            return BasinMap.greyOnly(r.plan(), r.findings()) ? ", no basin map (no run ended at a confirmed "
                    + r.plan().config().objective().goal().extremum() + " or diverged, so its grid would be one grey"
                    + " area)" : "";
        }
        return r.mapInterrupted()
                ? String.format(Locale.ROOT, ", the basin map interrupted after %.3f s (basins.png not drawn;"
                        + " --resume draws it)", r.mapSeconds())
                : String.format(Locale.ROOT, ", %.3f s drawing the basin map", r.mapSeconds());
    }

    /** {@code notes}: more to say of each row, after where it lies (null: nothing more). */
    private static void minimaTable(StringBuilder s, List<String> vars, List<Findings.Minimum> rows, long total,
            boolean max, boolean explainNumbers, List<String> notes) {
        int cols = Math.min(vars.size(), 6);
        s.append("| basin |");
        for (String v : vars.subList(0, cols)) {
            s.append(' ').append(v).append(" |");
        }
        s.append(" value | kind | runs | share | note |\n|---:|");
        for (int i = 0; i < cols; i++) {
            s.append("---:|");
        }
        s.append("---:|---|---:|---:|---|\n");
        int shown = 0;
        for (Findings.Minimum m : rows) {
            if (shown == MAX_MINIMA_ROWS) {
                break;
            }
            shown++;
            s.append("| ").append(m.basin()).append(" |");
            double[] p = m.point();
            for (int i = 0; i < cols; i++) {
                s.append(' ').append(Numbers.brief(p[i])).append(" |");
            }
            s.append(' ').append(Numbers.exact(m.value())).append(" | ")
                    .append(m.kind() == Kind.MINIMUM && max ? "maximum" : m.kind().key())
                    .append(" | ").append(m.hits()).append(" | ").append(Numbers.percent(m.share()))
                    .append(" | ").append(note(remark(m), notes == null ? "" : notes.get(shown - 1))).append(" |\n");
        }
        if (total > shown) {
            s.append("\n").append(total - shown).append(" more in `minima.csv`.\n");
        }
        // a basin's number is its rank among all distinct end points, unresolved ones included
        // (minima.csv and runs.csv use the same numbers), so where those lie between two rows
        // the numbers jump: say why once
        for (int i = 0; i < shown && explainNumbers; i++) {
            if (rows.get(i).basin() != i + 1) {
                s.append("\nBasins are numbered by value among all distinct end points, unresolved ones included "
                        + "(as in `minima.csv` and `runs.csv`), so the numbers above skip those.\n");
                break;
            }
        }
        s.append('\n');
    }

    private static String point(List<String> vars, double[] p) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < p.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            if (i == 8 && p.length > 10) {
                s.append("... ").append(p.length - 8).append(" more");
                break;
            }
            s.append(vars.get(i)).append(" = ").append(Numbers.exact(p[i]));
        }
        return s.append(')').toString();
    }
}
