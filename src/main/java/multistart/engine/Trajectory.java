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

    /** Re-runs {@code count} runs spread evenly over the sweep and records their paths. */
    public static List<Trajectory> sample(Plan plan, int count) {
        long runs = plan.runCount();
        int k = (int) Math.min(count, runs);
        List<Trajectory> out = new ArrayList<>(k);
        if (k == 0) {
            return out;
        }
        Descent descent = new Descent(plan.objective().forWorker());
        var cursor = plan.starts().cursor();
        int n = plan.starts().dimension();
        double sign = plan.config().objective().goal().sign();
        for (int i = 0; i < k; i++) {
            long run = (long) ((double) i * runs / k);
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
}
