package multistart.analysis;

import java.util.List;
import multistart.config.Combo;

/**
 * What an experiment found, in the user's sign (values of maximised objectives are shown as
 * the objective's own values). Immutable.
 *
 * @param minima      distinct end points, basin 1 the best, by column (a list of {@link Minimum})
 * @param combos      per-combo statistics in combo order
 * @param target      the value runs are judged against: the known optimum or the best found
 * @param targetKnown whether {@code target} is the known optimum
 * @param targetConfirmed whether {@code target} is the best confirmed minimum, in place of the best
 *                    value found, which a run that walked out of the domain unresolved reached
 *                    ({@code Aggregator#confirmedPastWalkOff})
 * @param divergedAtStart runs that diverged at their start point, before a step: the objective
 *                    or its gradient was not finite there (or beyond the divergence limit)
 * @param divergedUndefined runs that diverged on the way at a point where the objective or its
 *                    gradient is NaN, every coordinate finite and within the divergence limit:
 *                    they stepped across an edge of where the function is defined
 * @param divergedUnbounded runs that diverged on the way (not {@code divergedUndefined}) with a value
 *                    past the divergence limit in the goal's direction (below -limit when
 *                    minimising): the objective is unbounded along their way
 * @param divergedOvershooting runs that diverged on the way with a value past the limit against
 *                    the goal's direction (above +limit when minimising): steps that overshoot an
 *                    extremum and land ever further up the far side
 * @param hessianUnchecked end points listed as unresolved without the Hessian check, for want
 *                    of budget in high dimension ({@code Classifier.hessianBudget})
 * @param nearMinima  the unresolved end points that lie a short Newton step from a minimum
 * @param flatBottomed the unresolved end points on a flat-bottomed valley
 *                    ({@code Classifier.Verdict#flatBottomed})
 * @param kinks       the unresolved end points beside a kink ({@code Classifier#besideKink})
 * @param curvature   the Hessian's largest eigenvalue at the best confirmed minimum, or else at a
 *                    built-in's known minimiser; null where neither is known
 * @param paired      which starts succeeded under which combo, for comparing combos start by
 *                    start; null for one combo, or a sweep too large to keep them for
 * @param census      per combo, in combo order, whether its runs are likely to have found every
 *                    minimum they reach ({@link MinimaCensus}); empty when no start was sampled
 * @param lowestStart the start point with the best finite value (lowest when minimising), of the
 *                    starts whose runs were folded in; null where none has a finite value
 */
public record Findings(
        Minima minima,
        List<ComboSummary> combos,
        double target,
        boolean targetKnown,
        boolean targetConfirmed,
        long runs,
        long converged,
        long stalled,
        long maxIterations,
        long diverged,
        long failed,
        long divergedAtStart,
        long divergedUndefined,
        long divergedUnbounded,
        long divergedOvershooting,
        long gradientSteps,
        String firstFailure,
        long hessianUnchecked,
        NearMinima nearMinima,
        FlatBottomed flatBottomed,
        Kinks kinks,
        Curvature curvature,
        PairedOutcomes paired,
        List<MinimaCensus> census,
        LowestStart lowestStart) {

    /**
     * The start point with the best value (in the user's sign), start {@code start}. {@code
     * beatsEnds}: it is better than every end point by more than the success tolerance, so the
     * runs went the wrong way from somewhere: gradient descent only goes down while its steps
     * suit the slope, and a run climbs where a step overshoots (across a pole, where the function
     * falls without bound, or with a learning rate too large for a steep slope).
     */
    public record LowestStart(long start, double value, double[] point, boolean beatsEnds) {
    }

    /**
     * Unresolved end points whose Hessian is positive definite and whose Newton step to the
     * minimum is short (at most a thousandth of the domain's widest side) but longer than the
     * basin tolerance: minima the runs stopped short of, by at most {@code largestStep}. Many
     * of them mean the tolerance is finer than the stopping rule lets the runs get (a
     * gradient norm of 1e-6 leaves a run about 1e-6 / curvature from its minimum).
     * {@code points} of them hold {@code runs} runs.
     */
    public record NearMinima(long points, long runs, double largestStep) {
    }

    /**
     * Unresolved end points whose Hessian has no negative eigenvalue but a zero one, with a
     * gradient within a basin tolerance's step of zero: the runs ended on a flat-bottomed valley
     * (a ring or a line of minima that are not isolated, or a degenerate stationary point), where
     * the Hessian check cannot confirm a minimum. {@code points} of them hold {@code runs} runs.
     */
    public record FlatBottomed(long points, long runs) {
    }

    /**
     * Unresolved end points beside a kink, where the slope flips sign at once (|x| at 0): at a
     * constant rate gradient descent oscillates across it without settling. Of the {@code
     * checked} best-ranked unresolved end points ({@code Verdicts#KINK_CHECKED} at most),
     * {@code points} lie beside one and hold {@code runs} runs.
     */
    public record Kinks(long points, long runs, long checked) {
    }

    /**
     * The Hessian's largest eigenvalue (in absolute value) {@code largest} at a minimum, {@code
     * where} it is ("basin 1", "the known minimum"): gd at a constant rate above 2 / largest
     * overshoots it by a growing amount at every step and cannot settle there.
     */
    public record Curvature(double largest, String where) {
    }

    /**
     * One distinct end point and how many runs drained into it (made by {@link Minima#get});
     * {@code comboHits}: how many of them per combo, sparse, as (combo, hits) pairs in
     * increasing combo order, combos with none left out; empty for an unresolved point ranked below the first
     * {@link Aggregator#DETAILED_UNRESOLVED} unresolved ones (result.json only counts those).
     * {@code eigenvalues}: the Hessian's, all of them, sorted, where the dense check made them;
     * {@code hessianExtremes}: the least and the greatest, from either check; both empty where
     * no check was made or it could not tell.
     */
    public record Minimum(
            int basin,
            double[] point,
            double value,
            Kind kind,
            long hits,
            double share,
            long bestRun,
            double gradientNorm,
            double[] eigenvalues,
            double[] hessianExtremes,
            boolean onBoundary,
            boolean outsideDomain,
            long[] comboHits) {

        public double[] point() {
            return point.clone();
        }

        /** Whether this unresolved point lies on a flat-bottomed valley ({@link Classifier.Verdict#flatBottomed}). */
        public boolean flatBottomed(double tolerance) {
            return Classifier.flatBottomed(kind, hessianExtremes, gradientNorm, tolerance);
        }

        /**
         * Whether this minimum lies at a kink (Classifier: the Hessian's differences straddle a
         * jump of the gradient, as at ackley's tip): a minimum with no eigenvalues.
         */
        public boolean atKink() {
            return kind == Kind.MINIMUM && hessianExtremes.length == 0;
        }

        /** Where the point lies when that needs saying: "outside the domain", "on the domain boundary", or "". */
        public String where() {
            return outsideDomain ? "outside the domain" : onBoundary ? "on the domain boundary" : "";
        }
    }

    /**
     * Statistics of one combo over all starts; {@code steps}: the gradient steps of all its runs,
     * {@code stepsSquared} the sum of their squares, {@code successSteps} those of its successful runs;
     * {@code climbed}: its runs that ended at a point worse than their start (higher when
     * minimising) by more than the success tolerance, diverged ones not counted; {@code maximized}:
     * the goal, for {@link #medianLoss} (the values are in the user's sign); {@code medianAllRuns}: the
     * median end value over every run, one that diverged or failed counted as the worst value
     * (+infinity minimising, -infinity maximising), where {@code medianValue} leaves them out.
     */
    public record ComboSummary(
            Combo combo,
            long runs,
            long converged,
            long stalled,
            long maxIterations,
            long diverged,
            long failed,
            long successes,
            double successRate,
            double wilsonLow,
            double wilsonHigh,
            double bestValue,
            double medianValue,
            double medianIterations,
            int basinsFound,
            long steps,
            double stepsSquared,
            double successSteps,
            long climbed,
            boolean maximized,
            double medianAllRuns) {

        /**
         * As the canonical constructor, minimising, no run counted as having climbed, the median
         * over all runs taken as {@code medianValue}.
         */
        public ComboSummary(Combo combo, long runs, long converged, long stalled, long maxIterations, long diverged,
                long failed, long successes, double successRate, double wilsonLow, double wilsonHigh, double bestValue,
                double medianValue, double medianIterations, int basinsFound, long steps, double stepsSquared,
                double successSteps) {
            this(combo, runs, converged, stalled, maxIterations, diverged, failed, successes, successRate, wilsonLow,
                    wilsonHigh, bestValue, medianValue, medianIterations, basinsFound, steps, stepsSquared,
                    successSteps, 0, false, medianValue);
        }

        /**
         * The median end value over all runs ({@code medianAllRuns}) in the minimised sign: lower
         * is better whatever the goal, +infinity where half the runs or more diverged or failed.
         */
        public double medianLoss() {
            return maximized ? -medianAllRuns : medianAllRuns;
        }

        /** The best end value in the minimised sign. */
        public double bestLoss() {
            return maximized ? -bestValue : bestValue;
        }

        /**
         * Gradient steps per success: all the combo's runs' steps over its successes, the expected
         * cost of restarting it from random starts until a run succeeds: the expected running
         * time (ERT) of the BBOB benchmarks (Hansen, Auger, Finck and Ros, "Real-parameter
         * black-box optimization benchmarking 2009: experimental setup"), the mean steps of the
         * successful runs plus (1 - p) / p times the mean of the others, p the success rate;
         * +infinity where none succeeded, NaN where nothing ran.
         */
        public double stepsPerSuccess() {
            if (runs == 0) {
                return Double.NaN;
            }
            return successes == 0 ? Double.POSITIVE_INFINITY : (double) steps / successes;
        }

        /**
         * A 95% interval for {@link #stepsPerSuccess}, from the success rate's spread and the run
         * lengths' ({@link Statistics#stepsPerSuccessInterval}); +infinity above where none succeeded.
         */
        public double[] stepsPerSuccessInterval() {
            return Statistics.stepsPerSuccessInterval(runs, steps, stepsSquared, successes, successSteps);
        }
    }

    /** The best basin, or null when every run diverged. */
    public Minimum best() {
        return minima.isEmpty() ? null : minima.get(0);
    }

    /**
     * Basin numbers of the other minima whose value is within {@code tolerance} of the best end
     * point's: global minima that tie (himmelblau's four), in basin order.
     */
    public List<Integer> tiedWithBest(double tolerance) {
        List<Integer> out = new java.util.ArrayList<>();
        Minimum best = best();
        // ranked by value: the ties come first, and the first point beyond the tolerance ends them
        for (int r = 1; best != null && r < minima.size(); r++) {
            if (!(Math.abs(minima.value(r) - best.value()) <= tolerance)) {
                break;
            }
            if (minima.kind(r) == Kind.MINIMUM) {
                out.add(r + 1);
            }
        }
        return out;
    }

    /**
     * The best end point that passed the minimum check (a maximum's, when maximising), or null
     * for none: the best end point itself may be a saddle or unresolved.
     */
    public Minimum bestMinimum() {
        for (int r = 0; r < minima.size(); r++) {
            if (minima.kind(r) == Kind.MINIMUM) {
                return minima.get(r);
            }
        }
        return null;
    }
}
