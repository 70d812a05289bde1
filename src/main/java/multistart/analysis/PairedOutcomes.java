package multistart.analysis;

import org.apache.commons.math3.special.Gamma;

/**
 * Which starts succeed under which combo, kept so that combos can be compared start by start:
 * every combo runs from the same starts, so two combos' success rates differ only through the
 * starts where one succeeds and the other fails, and McNemar's exact test on those (under the
 * hypothesis that the combos do equally well, each such start goes either way with probability
 * 1/2) tells a real difference from chance far more sharply than two rates' intervals can
 * (480 and 470 successes of 500 overlap, but not when the 10 starts between them all go one way).
 *
 * <p>A success bit per run where the target (the known optimum) is fixed before the sweep, up to
 * {@link #MAX_BITS} runs; where the target is the best value found, it is known only at the end,
 * so each run's value is kept instead, up to {@link #MAX_VALUES} runs, and turned into bits by
 * {@link #resolve}. Larger sweeps keep nothing ({@link #create} returns null): memory stays flat
 * with the number of runs, and the reports compare rates by their intervals alone. Against a
 * known optimum the values are kept as well up to {@link #MAX_VALUES} runs, for sweeps in which
 * no run succeeds: there two combos are compared start by start on which ends better ({@link
 * #better}).
 * Filled by the merge thread in run order, read-only once resolved.
 */
public final class PairedOutcomes {
    /** Runs up to which a success bit each is kept: 8 MiB. */
    static final long MAX_BITS = 1L << 26;
    /** Runs up to which a value each is kept, where the target is found only at the end: 8 MiB. */
    static final long MAX_VALUES = 1L << 20;

    private final int starts;
    private final boolean known;
    private final double knownTarget;
    private final double tolerance;
    /** Success bits, [combo][start / 64]: a start's bit is set where its run succeeded. */
    private final long[][] success;
    /**
     * Each run's value as minimised, [combo][start] (NaN: no end point): without a known target
     * until {@link #resolve}, with one where the sweep has at most {@link #MAX_VALUES} runs; else null.
     */
    private double[][] values;
    /**
     * Per combo, the starts 0 .. ran - 1 whose runs were folded in: all of them, or, in the
     * findings of an interrupted sweep (runs merge in run order), a prefix.
     */
    private final int[] ran;

    private PairedOutcomes(int starts, int combos, double knownTarget, double tolerance) {
        this.starts = starts;
        this.known = !Double.isNaN(knownTarget);
        this.knownTarget = knownTarget;
        this.tolerance = tolerance;
        this.success = new long[combos][(starts + 63) >>> 6];
        this.ran = new int[combos];
        if ((long) starts * combos <= MAX_VALUES) {
            values = new double[combos][starts];
            for (double[] v : values) {
                java.util.Arrays.fill(v, Double.NaN);
            }
        }
    }

    /**
     * Outcomes for {@code combos} combos over {@code starts} starts, judged against {@code
     * knownTarget} (as minimised; NaN: the best value found, given to {@link #resolve}) within
     * {@code tolerance}; null where there is nothing to pair (one combo) or the sweep is larger
     * than the outcomes are kept for.
     */
    public static PairedOutcomes create(long starts, int combos, double knownTarget, double tolerance) {
        long runs = starts * combos;
        if (combos < 2 || runs > (Double.isNaN(knownTarget) ? MAX_VALUES : MAX_BITS)) {
            return null;
        }
        return new PairedOutcomes((int) starts, combos, knownTarget, tolerance);
    }

    /** The run of {@code combo} from {@code start} ended at value {@code v} (as minimised; NaN: no end point). */
    public void add(int combo, long start, double v) {
        ran[combo] = Math.max(ran[combo], (int) start + 1);
        if (values != null) {
            values[combo][(int) start] = v;
        }
        if (known && v <= knownTarget + tolerance) {
            // one-sided, as the success rates count: a run that does better than the target succeeds
            success[combo][(int) (start >>> 6)] |= 1L << start;
        }
    }

    /** Turns kept values into successes against {@code target} (as minimised), the best value found. */
    public void resolve(double target) {
        if (known || values == null) {
            return;
        }
        for (int c = 0; c < success.length; c++) {
            double[] v = values[c];
            long[] bits = success[c];
            for (int s = 0; s < starts; s++) {
                if (v[s] <= target + tolerance) {
                    bits[s >>> 6] |= 1L << s;
                }
            }
        }
        values = null;
    }

    /** The starts both combos ran from: all of them, or where a sweep was interrupted, fewer. */
    public int common(int a, int b) {
        return Math.min(ran[a], ran[b]);
    }

    /**
     * The starts, of those both combos ran from ({@link #common}), whose run succeeded under
     * combo {@code a} and not under combo {@code b}.
     */
    public long only(int a, int b) {
        int k = common(a, b);
        long[] x = success[a];
        long[] y = success[b];
        long n = 0;
        int full = k >>> 6;
        for (int w = 0; w < full; w++) {
            n += Long.bitCount(x[w] & ~y[w]);
        }
        if ((k & 63) != 0) {
            n += Long.bitCount(x[full] & ~y[full] & ((1L << k) - 1));
        }
        return n;
    }

    /**
     * Of the starts both combos ran from, those where combo {@code a}'s run ended better (lower,
     * minimised) than combo {@code b}'s by more than the success tolerance, and the reverse: {a
     * better, b better}, a run with no end point (diverged, failed) worse than any that has one;
     * null where the values were not kept (a sweep of more than {@link #MAX_VALUES} runs, or
     * without a known target, once resolved).
     */
    public long[] better(int a, int b) {
        if (values == null) {
            return null;
        }
        int k = common(a, b);
        double[] x = values[a];
        double[] y = values[b];
        long aBetter = 0;
        long bBetter = 0;
        for (int s = 0; s < k; s++) {
            double u = Double.isNaN(x[s]) ? Double.POSITIVE_INFINITY : x[s];
            double w = Double.isNaN(y[s]) ? Double.POSITIVE_INFINITY : y[s];
            if (u < w - tolerance) {
                aBetter++;
            } else if (w < u - tolerance) {
                bBetter++;
            }
        }
        return new long[] {aBetter, bBetter};
    }

    /** The starts whose run succeeded under combo {@code c}. */
    public long successes(int c) {
        long n = 0;
        for (long w : success[c]) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /**
     * McNemar's exact test, two-sided: the probability that {@code b + c} starts, each going
     * either way with probability 1/2, split at least as unevenly as {@code b} to {@code c};
     * 1 where no start differs.
     */
    public static double mcnemar(long b, long c) {
        long n = b + c;
        if (n == 0) {
            return 1.0;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many starts: " + n);
        }
        long k = Math.min(b, c);
        double tail;
        if (n <= 1000) {
            // C(n, i) 2^-n from 2^-n up, each term from the last: a few roundings in all
            double term = Math.scalb(1.0, (int) -n);
            tail = term;
            for (long i = 1; i <= k; i++) {
                term = term * (n - i + 1) / i;
                tail += term;
            }
        } else {
            // in logarithms, down from the largest term: 2^-n itself underflows from n = 1075
            double top = logChoose(n, k);
            double sum = 0;
            double term = 1;
            for (long i = k; i >= 0 && term >= 1e-17 * sum; i--) {
                sum += term;
                // C(n, i - 1) / C(n, i) = i / (n - i + 1)
                term = term * i / (n - i + 1);
            }
            tail = Math.exp(top + Math.log(sum) - n * Math.log(2));
        }
        return Math.min(1.0, 2 * tail);
    }

    /** log C(n, i). */
    private static double logChoose(long n, long i) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(i + 1.0) - Gamma.logGamma(n - i + 1.0);
    }

    /**
     * Holm's step-down adjustment: which of the hypotheses with p-values {@code p} are rejected
     * at family-wise level {@code alpha} (the smallest against alpha / m, the next against
     * alpha / (m - 1), ..., stopping at the first that is not).
     */
    public static boolean[] holm(double[] p, double alpha) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(p[i], p[j]));
        boolean[] rejected = new boolean[m];
        for (int k = 0; k < m; k++) {
            if (!(p[order[k]] <= alpha / (m - k))) {
                break;
            }
            rejected[order[k]] = true;
        }
        return rejected;
    }
}
