package multistart.engine;

import java.util.function.ToIntFunction;
import multistart.config.Combo;
import multistart.optimizer.Descent;
import multistart.optimizer.Status;
import multistart.simd.Lanes;

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

    /**
     * Runs the raster for one combo; {@code basinOf} maps an end point to its basin number (from
     * any thread). The runs of a row go through SIMD lanes as the sweep's do when
     * {@link Lanes#wanted} and the objective has a lane kernel (the same bits either way).
     */
    public static BasinRaster compute(Plan plan, Combo combo, int resolution, double[] through, int threads,
            ToIntFunction<double[]> basinOf) {
        return compute(plan, combo, resolution, through, threads, basinOf, Lanes.wanted(), () -> false, done -> { });
    }

    /**
     * As above, telling {@code progress} the runs done after each row (from any thread, not
     * necessarily in order), and giving up once {@code cancelled} says so: rows not yet begun are
     * not run, and the result is null.
     */
    public static BasinRaster compute(Plan plan, Combo combo, int resolution, double[] through, int threads,
            ToIntFunction<double[]> basinOf, java.util.function.BooleanSupplier cancelled, Engine.Progress progress) {
        return compute(plan, combo, resolution, through, threads, basinOf, Lanes.wanted(), cancelled, progress);
    }

    /**
     * As above, the rows stepped by {@code remote} (the spark engine's executors) where it takes
     * them, and labelled here as they come back; null: on this machine's threads.
     */
    public static BasinRaster compute(Plan plan, Combo combo, int resolution, double[] through, int threads,
            ToIntFunction<double[]> basinOf, java.util.function.BooleanSupplier cancelled, Engine.Progress progress,
            Engine.Remote remote) throws Exception {
        if (remote == null) {
            return compute(plan, combo, resolution, through, threads, basinOf, cancelled, progress);
        }
        int n = plan.starts().dimension();
        int[] cells = new int[resolution * resolution];
        boolean[] seen = new boolean[resolution];
        int[] rows = new int[1];
        double[] end = new double[n];
        boolean taken = remote.mapRows(plan, combo, resolution, through, cancelled, r -> {
            if (seen[r.row()]) {
                return;
            }
            seen[r.row()] = true;
            for (int col = 0; col < resolution; col++) {
                System.arraycopy(r.end(), col * n, end, 0, n);
                cells[r.row() * resolution + col] = label(Status.of(r.status()[col]), end, basinOf);
            }
            progress.update((long) ++rows[0] * resolution);
        });
        if (!taken) {
            return compute(plan, combo, resolution, through, threads, basinOf, cancelled, progress);
        }
        return rows[0] < resolution ? null : new BasinRaster(combo.index(), resolution, through.clone(), cells);
    }

    /**
     * The end points of one row of the raster's runs and how each ended, for labelling elsewhere:
     * {@code end} holds {@code resolution} points of the dimension's coordinates, {@code status}
     * each run's {@link Status} code.
     */
    public record RowEnds(int row, double[] end, byte[] status) implements java.io.Serializable {
    }

    /** A cell's basin number: -1 for a run that diverged or failed, else its end point's basin. */
    private static int label(Status status, double[] end, ToIntFunction<double[]> basinOf) {
        return status == Status.DIVERGED || status == Status.FAILED ? -1 : basinOf.applyAsInt(end);
    }

    /** Each thread's row stepper for {@link #stepRow}, for the plan of its last call. */
    private static final ThreadLocal<Row> ROWS = new ThreadLocal<>();

    /**
     * Steps row {@code row} of the raster as {@link #compute} does (the same runs, the same bits),
     * returning the end points instead of their basins: what a spark executor does.
     */
    public static RowEnds stepRow(Plan plan, Combo combo, int resolution, double[] through, int row,
            boolean vectorLanes) {
        Row r = ROWS.get();
        if (r == null || r.plan != plan || r.vectorLanes != vectorLanes) {
            r = new Row(plan, vectorLanes);
            ROWS.set(r);
        }
        var box = plan.config().domain();
        double[] xs = columns(box, resolution);
        int n = plan.starts().dimension();
        RowEnds out = new RowEnds(row, new double[resolution * n], new byte[resolution]);
        r.ends = out;
        try {
            r.run(combo, through, xs, centre(box.low(1), box.high(1), row, resolution), null, row * resolution, null);
        } finally {
            r.ends = null;
        }
        return out;
    }

    /** As above, in lanes only when {@code vectorLanes} says so (tests compare the two). */
    static BasinRaster compute(Plan plan, Combo combo, int resolution, double[] through, int threads,
            ToIntFunction<double[]> basinOf, boolean vectorLanes) {
        return compute(plan, combo, resolution, through, threads, basinOf, vectorLanes, () -> false, done -> { });
    }

    private static BasinRaster compute(Plan plan, Combo combo, int resolution, double[] through, int threads,
            ToIntFunction<double[]> basinOf, boolean vectorLanes, java.util.function.BooleanSupplier cancelled,
            Engine.Progress progress) {
        int n = plan.starts().dimension();
        var box = plan.config().domain();
        int[] cells = new int[resolution * resolution];
        double[] xs = columns(box, resolution);
        // a worker's own objective, descent and lane runner, reused for every row it takes
        ThreadLocal<Row> rows = ThreadLocal.withInitial(() -> new Row(plan, vectorLanes));
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean given = new java.util.concurrent.atomic.AtomicBoolean();
        try (WatchedPool pool = new WatchedPool(threads, "multistart-basin-map")) {
            pool.forEach(resolution, row -> {
                if (given.get() || cancelled.getAsBoolean()) {
                    given.set(true);
                    return;
                }
                rows.get().run(combo, through, xs, centre(box.low(1), box.high(1), row, resolution), cells,
                        row * resolution, basinOf);
                progress.update(done.addAndGet(resolution));
            });
        }
        return given.get() ? null : new BasinRaster(combo.index(), resolution, through.clone(), cells);
    }

    /** One row of the raster: the starts along the first axis at one value of the second. */
    private static final class Row implements Lanes.Runs {
        private final Plan plan;
        private final boolean vectorLanes;
        /** Allocated again after a garbage collection, as a sweep's workers do ({@link StepBuffers}). */
        private StepBuffers buffers;
        // the row being run
        private double[] through;
        private double[] xs;
        private double y;
        private int[] cells;
        private int at;
        private ToIntFunction<double[]> basinOf;
        /** Where a row's end points go instead of their basins ({@link #stepRow}); null: labelled here. */
        private RowEnds ends;

        Row(Plan plan, boolean vectorLanes) {
            this.plan = plan;
            this.vectorLanes = vectorLanes;
            this.buffers = new StepBuffers(plan, vectorLanes);
        }

        void run(Combo combo, double[] through, double[] xs, double y, int[] cells, int at,
                ToIntFunction<double[]> basinOf) {
            this.through = through;
            this.xs = xs;
            this.y = y;
            this.cells = cells;
            this.at = at;
            this.basinOf = basinOf;
            if (buffers.moved()) {
                buffers = new StepBuffers(plan, vectorLanes);
            }
            Lanes.Runner lanes = buffers.lanes;
            Descent descent = buffers.descent;
            double[] x = buffers.x;
            if (lanes != null) {
                lanes.run(combo, xs.length, this);
                return;
            }
            for (int col = 0; col < xs.length; col++) {
                start(col, x);
                Status s;
                try {
                    descent.batchKey(plan.batchKey(-1L - (at + col)));
                    s = descent.run(x, combo);
                } catch (RuntimeException e) {
                    s = Status.FAILED;
                }
                if (ends != null) {
                    keep(col, x, s);
                } else {
                    cells[at + col] = label(s, x, basinOf);
                }
            }
        }

        @Override
        public void start(int col, double[] p) {
            System.arraycopy(through, 0, p, 0, p.length);
            p[0] = xs[col];
            p[1] = y;
        }

        @Override
        public void finish(int col, double[] end, Status status, double value, double gradientNorm,
                int iterations) {
            if (ends != null) {
                keep(col, end, status);
                return;
            }
            cells[at + col] = label(status, end, basinOf);
        }

        private void keep(int col, double[] end, Status status) {
            int n = plan.starts().dimension();
            System.arraycopy(end, 0, ends.end(), col * n, n);
            ends.status()[col] = (byte) status.ordinal();
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }

    /** The raster's columns: the first axis's cell centres. */
    private static double[] columns(multistart.objective.Box box, int resolution) {
        double[] xs = new double[resolution];
        for (int col = 0; col < resolution; col++) {
            xs[col] = centre(box.low(0), box.high(0), col, resolution);
        }
        return xs;
    }

    /** Centre of a grid cell along the first or second charted axis. */
    public static double centre(double lo, double hi, int i, int resolution) {
        return lo + (i + 0.5) * (hi - lo) / resolution;
    }
}
