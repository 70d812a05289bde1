package multistart.engine;

import java.util.ArrayList;
import java.util.List;
import multistart.optimizer.Descent;

/**
 * The path of one sample run, for plots: values in the user's sign and points, at the
 * recorded iterations (every step, thinned to at most {@link #MAX_POINTS} for long runs).
 * Sample runs are re-run after the sweep, so the per-step loop of the sweep records nothing.
 */
public record Trajectory(long run, long start, int combo, int[] iterations, double[] values, double[][] points) {

    public static final int MAX_POINTS = 1000;

    /**
     * Re-runs the runs {@link #sampleRuns} picks, {@code best} the combo to show first, and
     * records their paths.
     */
    public static List<Trajectory> sample(Plan plan, int count, int best) {
        long[] picked = sampleRuns(plan.startCount(), plan.combos().size(), count, best);
        int k = picked.length;
        List<Trajectory> out = new ArrayList<>(k);
        if (k == 0) {
            return out;
        }
        Descent descent = new Descent(plan.objective().forWorker());
        var cursor = plan.starts().cursor();
        int n = plan.starts().dimension();
        double sign = plan.config().objective().goal().sign();
        for (int i = 0; i < k; i++) {
            long run = picked[i];
            int combo = plan.comboOf(run);
            double[] x = new double[n];
            cursor.point(plan.startOf(run), x);
            double[] start = x.clone();
            // first pass: how long is the run? then record every stride-th step
            try {
                descent.run(x, plan.combos().get(combo));
            } catch (RuntimeException e) {
                continue;
            }
            int stride = Math.max(1, (descent.iterations() + MAX_POINTS - 1) / MAX_POINTS);
            List<Integer> its = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            List<double[]> pts = new ArrayList<>();
            int last = descent.iterations();
            System.arraycopy(start, 0, x, 0, n);
            descent.run(x, plan.combos().get(combo), (t, p, v) -> {
                if (t % stride == 0 || t == last) {
                    its.add(t);
                    vals.add(sign * v);
                    pts.add(p.clone());
                }
            });
            int[] itArr = its.stream().mapToInt(Integer::intValue).toArray();
            double[] valArr = vals.stream().mapToDouble(Double::doubleValue).toArray();
            out.add(new Trajectory(run, plan.startOf(run), combo, itArr, valArr, pts.toArray(new double[0][])));
        }
        return out;
    }

    /**
     * Which runs are the {@code count} sample runs (run = combo x starts + start): their starts
     * spread evenly over the starts, and their combos every combo in turn when there are no more
     * combos than samples, else {@code best} first and the others spread over all combos by the
     * golden ratio. Runs spread evenly over the run numbers took every tenth combo of a sweep of
     * 2 methods x 10 rates x 10 momenta, all with momentum 0 (the fastest-turning setting) and
     * all from start 0, so the chart showed none of the settings that did best.
     */
    static long[] sampleRuns(long starts, int combos, int count, int best) {
        int k = (int) Math.min(count, starts * combos);
        long[] out = new long[k];
        double phi = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < k; i++) {
            long start = (long) ((double) i * starts / k);
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
}
