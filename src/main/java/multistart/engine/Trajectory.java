package multistart.engine;

import com.google.common.primitives.ImmutableDoubleArray;
import com.google.common.primitives.ImmutableIntArray;
import java.util.ArrayList;
import java.util.List;
import multistart.config.Combo;
import multistart.optimizer.Descent;
import multistart.sampling.StartPoints;

/**
 * The path of one sample run, for plots: values in the user's sign at the recorded iterations
 * (every step, thinned to every stride-th for runs over {@link #MAX_POINTS} steps), and the
 * points at {@code pointIterations}: the same iterations while a path's points hold at most
 * {@value #MAX_COORDINATES} coordinates (up to 19 dimensions), fewer and evenly spread above
 * that (2000 dimensions: 10), the first and the last always among them. Paths of 1001 points
 * in 2000 dimensions held 320 MB for 20 sample runs and made a 16-run sweep's result.json 690
 * MB. Sample runs are re-run after the sweep, so the per-step loop of the sweep records nothing.
 */
public record Trajectory(long run, long start, int combo, int[] iterations, double[] values, int[] pointIterations,
        double[][] points) {

    /** Steps between the first and the last recorded iteration at most: 1001 values. */
    public static final int MAX_POINTS = 1000;
    /** Coordinates a path's points hold at most (160 KB, about 0.4 MB of JSON). */
    public static final int MAX_COORDINATES = 20_000;

    /** How many points of a path in {@code n} dimensions are kept at most: 2 to {@link #MAX_POINTS} + 1. */
    public static int maxPoints(int n) {
        return Math.max(2, Math.min(MAX_POINTS + 1, MAX_COORDINATES / Math.max(1, n)));
    }

    /**
     * The stride that keeps at most {@code most} (at least 2) of the iterations 0 .. {@code last}:
     * its multiples, and {@code last}. The multiples are at most most - 1 strides apart from 0;
     * where they reach that many, {@code last} is the last of them.
     */
    static int stride(int last, int most) {
        return Math.max(1, (last + most - 2) / (most - 1));
    }

    /** Points (of n coordinates each, plus a value) one recording pass keeps at most before it gives up. */
    static final long RECORD_CELLS = 500_000;

    /**
     * Re-runs the runs {@link #sampleRuns} picks, {@code best} the combo to show first, and
     * records their paths, on up to {@code threads} threads (a sample run is as long as a sweep's,
     * and a model's over a large data set takes seconds). Each run is recorded in one pass, every
     * point kept until it is known how long the run is and which points the chart keeps; a run
     * whose every point would not fit in {@link #RECORD_CELLS} is run a second time, recording
     * only those. Either way the same points: the path depends on the run alone.
     */
    public static List<Trajectory> sample(Plan plan, int count, int best, int threads) {
        return sample(plan, count, best, threads, RECORD_CELLS);
    }

    /** As {@link #sample(Plan, int, int, int)}, a pass recording at most {@code cells} (for tests). */
    static List<Trajectory> sample(Plan plan, int count, int best, int threads, long cells) {
        long[] picked = sampleRuns(plan.startCount(), plan.combos().size(), count, best);
        int k = picked.length;
        if (k == 0) {
            return new ArrayList<>();
        }
        Trajectory[] out = new Trajectory[k];
        // a thread's own descent and start cursor, reused for every sample it takes
        ThreadLocal<Descent> descents = ThreadLocal.withInitial(() -> new Descent(plan.objective().forWorker()));
        ThreadLocal<StartPoints.Cursor> cursors = ThreadLocal.withInitial(() -> plan.starts().cursor());
        try (WatchedPool pool = new WatchedPool(Math.min(threads, k), "multistart-trajectory")) {
            pool.forEach(k, i -> out[i] = record(plan, picked[i], descents.get(), cursors.get(), cells));
        }
        List<Trajectory> list = new ArrayList<>(k);
        for (Trajectory tr : out) {
            if (tr != null) {
                list.add(tr);
            }
        }
        return list;
    }

    /** One sample run's path, or null where the run throws. */
    private static Trajectory record(Plan plan, long run, Descent descent, StartPoints.Cursor cursor, long cells) {
        int n = plan.starts().dimension();
        double sign = plan.config().objective().goal().sign();
        int combo = plan.comboOf(run);
        Combo c = plan.combos().get(combo);
        double[] x = new double[n];
        cursor.point(plan.startOf(run), x);
        double[] start = x.clone();
        descent.batchKey(plan.batchKey(plan.startOf(run)));
        // first pass: every point, while they fit; then how long the run was says which to keep
        ImmutableIntArray.Builder allIts = ImmutableIntArray.builder();
        ImmutableDoubleArray.Builder allVals = ImmutableDoubleArray.builder();
        List<double[]> allPts = new ArrayList<>();
        long cap = cells / (n + 1);
        long[] count = {0};
        try {
            descent.run(x, c, (t, p, v) -> {
                if (++count[0] <= cap) {
                    allIts.add(t);
                    allVals.add(v);
                    allPts.add(p.clone());
                }
            });
        } catch (RuntimeException e) {
            return null;
        }
        int last = descent.iterations();
        // a path recorded at fewer points than the chart keeps (a mini-batch run records one per
        // pass over the data) keeps them all; one recorded at every step keeps every stride-th
        long recorded = count[0];
        int stride = recorded <= MAX_POINTS + 1 ? 1 : stride(last, MAX_POINTS + 1);
        int pointStride = recorded <= maxPoints(n) ? 1 : stride(last, maxPoints(n));
        ImmutableIntArray.Builder its = ImmutableIntArray.builder();
        ImmutableDoubleArray.Builder vals = ImmutableDoubleArray.builder();
        ImmutableIntArray.Builder pointIts = ImmutableIntArray.builder();
        List<double[]> pts = new ArrayList<>();
        Descent.Recorder keep = (t, p, v) -> {
            if (t % stride == 0 || t == last) {
                its.add(t);
                vals.add(sign * v);
            }
            if (t % pointStride == 0 || t == last) {
                pointIts.add(t);
                pts.add(p.clone());
            }
        };
        if (recorded <= cap) {
            int[] ti = allIts.build().toArray();
            double[] tv = allVals.build().toArray();
            for (int i = 0; i < ti.length; i++) {
                keep.record(ti[i], allPts.get(i), tv[i]);
            }
        } else {
            // the points did not fit: a second pass records those kept
            System.arraycopy(start, 0, x, 0, n);
            descent.run(x, c, keep);
        }
        return new Trajectory(run, plan.startOf(run), combo, its.build().toArray(), vals.build().toArray(),
                pointIts.build().toArray(), pts.toArray(new double[0][]));
    }

    /**
     * Which runs are the {@code count} sample runs (run = combo x starts + start): their starts
     * start 0 and then distinct starts drawn by a counter-based mix ({@link #spreadStarts}), their
     * combos every combo in turn when there are no more combos than samples, else {@code best}
     * first and the others spread over all combos by the golden ratio. Runs spread evenly over
     * the run numbers took every tenth combo of a sweep of 2 methods x 10 rates x 10 momenta, all
     * with momentum 0 (the fastest-turning setting) and all from start 0, so the chart showed none
     * of the settings that did best. Starts evenly spaced by index (0, 100, 200, ... of 2000) were
     * all in one part of the domain under a Halton or Sobol sampler, whose points at indices a
     * multiple of 4 apart share their first two binary digits: himmelblau's 20 sample paths on
     * basins.png all started right of the middle.
     */
    static long[] sampleRuns(long starts, int combos, int count, int best) {
        int k = (int) Math.min(count, starts * combos);
        long[] out = new long[k];
        double phi = (Math.sqrt(5) - 1) / 2;
        long[] picked = k <= starts ? spreadStarts(starts, k) : null;
        for (int i = 0; i < k; i++) {
            long start = picked != null ? picked[i] : (long) ((double) i * starts / k);
            int combo;
            if (combos <= k) {
                combo = i % combos;
            } else {
                combo = i == 0 ? best : (int) Math.floor((i * phi - Math.floor(i * phi)) * combos);
            }
            out[i] = (long) combo * starts + start;
        }
        return out;
    }

    /**
     * {@code k} distinct start indices out of {@code starts} (k at most starts): 0, then indices
     * drawn by a counter-based mix of i (the same on every machine), a taken index moved on to the
     * next free one. A low-discrepancy sequence's points at such indices are spread as random
     * points are; at the golden ratio's multiples of 2000 (618, 1236, 472 after rounding: all
     * multiples of 4) they still shared their first binary digits.
     */
    static long[] spreadStarts(long starts, int k) {
        long[] out = new long[k];
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (int i = 0; i < k; i++) {
            long s = i == 0 ? 0 : Math.min(starts - 1,
                    (long) (multistart.sampling.SplitMix.unit(multistart.sampling.SplitMix.key(SAMPLES, i, starts))
                            * starts));
            while (!taken.add(s)) {
                s = (s + 1) % starts;
            }
            out[i] = s;
        }
        return out;
    }

    /** The sample starts' key for {@link multistart.sampling.SplitMix#key}: "SAMPLE". */
    private static final long SAMPLES = 0x53414D504C45L;
}
