package multistart.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.function.ToIntFunction;
import multistart.config.Combo;
import multistart.optimizer.Descent;
import multistart.optimizer.Status;

/**
 * A fine grid of starts over the first two coordinates of the domain, each run under one combo and
 * labelled with the basin its end point lies in: the data of a basin map. For more than two
 * dimensions the grid is a slice through {@code through} (the best minimum), the other
 * coordinates held at its values. Runs on the pool like the sweep; results depend only on
 * the grid cell, never on the thread.
 *
 * @param cells basin number per cell, row-major with the first axis fastest; 0 = a basin the
 *              sweep did not find, -1 = diverged or failed
 */
public record BasinRaster(int comboIndex, int resolution, double[] through, int[] cells) {

    /** Runs the raster for one combo; {@code basinOf} maps an end point to its basin number. */
    public static BasinRaster compute(Plan plan, Combo combo, int resolution, double[] through, int threads,
            ToIntFunction<double[]> basinOf) {
        int n = plan.starts().dimension();
        var box = plan.config().domain();
        int[] cells = new int[resolution * resolution];
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> java.util.stream.IntStream.range(0, resolution).parallel().forEach(row -> {
                Descent d = new Descent(plan.objective().forWorker());
                double[] x = new double[n];
                for (int col = 0; col < resolution; col++) {
                    System.arraycopy(through, 0, x, 0, n);
                    x[0] = centre(box.low(0), box.high(0), col, resolution);
                    x[1] = centre(box.low(1), box.high(1), row, resolution);
                    int label;
                    try {
                        Status s = d.run(x, combo);
                        label = s == Status.DIVERGED ? -1 : basinOf.applyAsInt(x);
                    } catch (RuntimeException e) {
                        label = -1;
                    }
                    cells[row * resolution + col] = label;
                }
            })).join();
        } finally {
            pool.shutdownNow();
        }
        return new BasinRaster(combo.index(), resolution, through.clone(), cells);
    }

    /** Centre of a grid cell along the first or second charted axis. */
    public static double centre(double lo, double hi, int i, int resolution) {
        return lo + (i + 0.5) * (hi - lo) / resolution;
    }
}
