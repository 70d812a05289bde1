package multistart.analysis;

import java.util.Arrays;
import multistart.config.Combo;
import multistart.optimizer.Status;

/**
 * A combo's counts (in the minimised sign), and the values and iterations of its runs (those
 * with an end point) for its medians: all of them up to {@link #KEEP}, beyond that a uniform random sample of
 * {@link #KEEP} (reservoir sampling, each draw a hash of the seed, the combo and the run's
 * place in it, so the same for any thread count). The sample used to be every 2^k-th run,
 * which for Sobol and Halton starts is every 2^k-th point of the sequence: points from one
 * corner of the domain (a peaks sweep of 300 000 Sobol starts reported a median of 0.30
 * where all runs' was 0.00056). Successes against a known optimum are counted exactly
 * whatever the number of runs; against the best value found (no known optimum) they are
 * counted in the sample and scaled.
 */
final class ComboAccumulator {
    static final int KEEP = 1 << 16;

    final double knownTarget;
    final double tolerance;
    final long seed;
    /** The key stream of this combo's draws: below -1, apart from the samplers' (0, 1, ... and -1). */
    final long stream;
    long runs;
    /** Gradient steps of all the combo's runs, diverged and failed ones included. */
    long steps;
    /** The sum of the squares of those steps, for the spread of the steps per success. */
    double stepsSquared;
    /** Runs that ended higher than their start (minimised), where the aggregator tracks it; else -1. */
    long climbed;
    final long[] count = new long[Status.values().length];
    double[] values = new double[16];
    int[] iterations = new int[16];
    int kept;
    long finished;
    long successesKnown;
    /** Against a known optimum: the steps of the runs that succeeded. */
    double successStepsKnown;
    double best = Double.NaN;

    ComboAccumulator(double knownTarget, double tolerance, long seed, int combo) {
        this.knownTarget = knownTarget;
        this.tolerance = tolerance;
        this.seed = seed;
        this.stream = -2L - combo;
    }

    void add(double v, int it) {
        // one-sided: a run that does better than the target is a success too
        if (v <= knownTarget + tolerance) {
            successesKnown++;
            successStepsKnown += it;
        }
        if (Double.isNaN(best) || v < best) {
            best = v;
        }
        long index = finished++;
        int slot;
        if (kept < KEEP) {
            if (kept == values.length) {
                values = Arrays.copyOf(values, Math.min(KEEP, kept * 2));
                iterations = Arrays.copyOf(iterations, Math.min(KEEP, kept * 2));
            }
            slot = kept++;
        } else {
            // run `index` takes a uniform slot of [0, index]: kept when that is below KEEP
            long z = multistart.sampling.SplitMix.key(seed, index, stream);
            long bound = index + 1;
            long draw = Math.multiplyHigh(z, bound) + ((z >> 63) & bound);
            if (draw >= KEEP) {
                return;
            }
            slot = (int) draw;
        }
        values[slot] = v;
        iterations[slot] = it;
    }

    /** The combo's figures; {@code exact}: its successes counted from every run's outcome, or -1. */
    Findings.ComboSummary summary(Combo combo, double target, double tol, double sign, int basins, long exact) {
        long successes;
        double successSteps;
        if (!Double.isNaN(knownTarget)) {
            successes = exact >= 0 ? exact : successesKnown;
            successSteps = successStepsKnown;
        } else {
            long inSample = 0;
            double stepsInSample = 0;
            for (int i = 0; i < kept; i++) {
                if (values[i] <= target + tol) {
                    inSample++;
                    stepsInSample += iterations[i];
                }
            }
            // all of them, or an estimate from the sample (the steps only for the interval's spread)
            double scale = kept == finished ? 1 : (double) finished / Math.max(1, kept);
            successes = exact >= 0 ? exact
                    : kept == finished ? inSample : Math.round((double) inSample * finished / Math.max(1, kept));
            successSteps = stepsInSample * scale;
        }
        double[] sortedValues = Arrays.copyOf(values, kept);
        Arrays.sort(sortedValues);
        int[] sortedIterations = Arrays.copyOf(iterations, kept);
        Arrays.sort(sortedIterations);
        double medianValue = Statistics.median(sortedValues);
        double medianAllRuns = medianCountingWorst(sortedValues, finished, runs);
        double medianIterations = Statistics.median(sortedIterations);
        double[] wilson = Statistics.wilson(successes, runs);
        return new Findings.ComboSummary(combo, runs, count[Status.CONVERGED.ordinal()],
                count[Status.STALLED.ordinal()], count[Status.MAX_ITERATIONS.ordinal()],
                count[Status.DIVERGED.ordinal()], count[Status.FAILED.ordinal()], successes,
                runs == 0 ? 0.0 : (double) successes / runs, wilson[0], wilson[1], sign * best,
                sign * medianValue, medianIterations, basins, steps, stepsSquared, successSteps, climbed, sign < 0,
                sign * medianAllRuns);
    }

    /**
     * The median over all {@code runs} runs, minimised, the {@code runs - finished} without an end
     * point (diverged or failed) counted as +infinity: the order statistics at the median's ranks
     * among all runs, read from the sorted values of the finished ones ({@code sorted}: all of them,
     * or a uniform sample, at the same quantile); +infinity where half the runs or more have no
     * end point, NaN where none ran.
     */
    static double medianCountingWorst(double[] sorted, long finished, long runs) {
        if (runs == 0) {
            return Double.NaN;
        }
        long lower = (runs - 1) / 2;
        long upper = runs / 2;
        if (upper >= finished || sorted.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = (double) sorted.length / finished;
        double a = sorted[(int) Math.min(sorted.length - 1, (long) (lower * scale))];
        double b = sorted[(int) Math.min(sorted.length - 1, (long) (upper * scale))];
        return 0.5 * (a + b);
    }
}
