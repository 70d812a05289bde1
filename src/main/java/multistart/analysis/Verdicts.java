package multistart.analysis;

import multistart.engine.WatchedPool;
import multistart.objective.Objective;

/**
 * The verdicts on a sweep's distinct end points (minimum, saddle or unresolved, with what the
 * reports say of each), filled into the columns {@link Aggregator#finish} keeps, on a pool's
 * threads, within the budgets of work that high dimension calls for.
 */
final class Verdicts {
    /** A point's kind while only the full check can tell it. */
    private static final byte OPEN = -1;
    /** End points given the matrix-free check at a time. */
    private static final int LANCZOS_WAVE = 64;

    private final int n;
    private final double[] points;
    /** Each pool thread's classifier, shared by the passes of {@link #fill} and {@link #kinks}. */
    private final ThreadLocal<Classifier> classifiers;
    /** Each pool thread's copy of the point it checks (the checks copy the point they are given). */
    private final ThreadLocal<double[]> scratch;

    /** The checks of the end points {@code points} holds, n coordinates each in rank order. */
    Verdicts(Objective objective, double tolerance, double[] points) {
        this.n = objective.dimension();
        this.points = points;
        this.classifiers = ThreadLocal.withInitial(() -> new Classifier(objective.forWorker(), tolerance));
        this.scratch = ThreadLocal.withInitial(() -> new double[n]);
    }

    /** The point at rank {@code r}, in this thread's scratch array. */
    private double[] point(int r) {
        double[] x = scratch.get();
        System.arraycopy(points, r * n, x, 0, n);
        return x;
    }

    /**
     * Fills the verdicts of the end points in rank order; returns how many went unchecked. The
     * dense Hessian check costs 2n gradients and an O(n^3) eigendecomposition per point, so in
     * high dimension it is bounded (see {@link Classifier#hessianBudget}, {@link Classifier#eigenBudget}):
     * the best points get it; the next best get the matrix-free check
     * ({@link Classifier#classifyMatrixFree}) until {@link Classifier#LANCZOS_WORK} is spent; the
     * rest are unresolved.
     * The bounds count points and flops, not seconds, so the verdicts do not depend on the
     * machine or the thread count.
     */
    long fill(byte[] kinds, double[] gradientNorms, double[][] eigenvalues, boolean[] extremesOnly,
            double[] toMinimum, WatchedPool pool) {
        int m = kinds.length;
        int hessians = Math.min(m, Classifier.hessianBudget(n));
        int eigens = Classifier.eigenBudget(n);
        // a verdict into the columns; OPEN for the quick test's "cannot tell"
        java.util.function.ObjIntConsumer<Classifier.Verdict> keep = (v, r) -> {
            if (v == null) {
                kinds[r] = OPEN;
                return;
            }
            kinds[r] = (byte) v.kind().ordinal();
            gradientNorms[r] = v.gradientNorm();
            toMinimum[r] = v.stepToMinimum();
            eigenvalues[r] = v.eigenvalues();
            extremesOnly[r] = v.extremesOnly();
        };
        if (hessians <= eigens) {
            // the budget cannot bind (every dimension up to ~100 in practice): one pass,
            // each point's Hessian formed once
            pool.forEach(hessians, r -> keep.accept(classifiers.get().classify(point(r), true), r));
        } else {
            // the quick test first; a point it cannot settle is OPEN for now, and the best of
            // those get the full check, as many as the eigendecompositions allow
            pool.forEach(hessians, r -> keep.accept(classifiers.get().quick(point(r)), r));
        }
        boolean[] skipped = new boolean[m];
        int[] open = new int[m];
        int opened = 0;
        for (int r = 0; r < hessians; r++) {
            if (kinds[r] == OPEN) {
                open[opened++] = r;
            }
        }
        int full = Math.min(opened, eigens);
        pool.forEach(full, i -> keep.accept(classifiers.get().classify(point(open[i])), open[i]));
        // the rest, in rank order (the open points all rank above the points past the Hessian
        // budget): the matrix-free check for as many as its budget allows, then none
        int rest = (opened - full) + (m - hessians);
        int[] later = new int[rest];
        System.arraycopy(open, full, later, 0, opened - full);
        for (int r = hessians, j = opened - full; r < m; r++, j++) {
            later[j] = r;
        }
        // in waves, each checked on every thread; in rank order the checks' work is summed, and
        // where it would pass the budget the rest go unchecked (work counted, not timed, so the
        // same points are checked on any thread count; a wave's points past that are dropped).
        // A wave is no larger than what the budget left could pay for at the worst case, or the
        // pool's threads: 64 points of 10 000-d whose processes never converge would be a
        // minute of work for the three the budget pays for
        Classifier.Verdict[] verdicts = new Classifier.Verdict[Math.min(rest, LANCZOS_WAVE)];
        double[] work = new double[verdicts.length];
        double worst = Classifier.lanczosWorstCase(n);
        int threads = pool.pool().getParallelism();
        double spent = 0;
        int lanczos = 0;
        for (int from = 0, size; from < rest && lanczos == from; from += size) {
            int base = from;
            int affordable = (int) Math.min(LANCZOS_WAVE, Math.ceil((Classifier.LANCZOS_WORK - spent) / worst));
            size = Math.min(Math.min(verdicts.length, Math.max(threads, affordable)), rest - from);
            pool.forEach(size, i -> {
                Classifier c = classifiers.get();
                verdicts[i] = c.classifyMatrixFree(point(later[base + i]));
                work[i] = c.matrixFreeWork();
            });
            for (int i = 0; i < size && (lanczos == 0 || spent + work[i] <= Classifier.LANCZOS_WORK); i++) {
                spent += work[i];
                keep.accept(verdicts[i], later[base + i]);
                lanczos++;
            }
        }
        int checked = lanczos;
        pool.forEach(rest - checked, i -> keep.accept(classifiers.get().unchecked(point(later[checked + i])),
                later[checked + i]));
        for (int i = lanczos; i < rest; i++) {
            skipped[later[i]] = true;
        }
        // the eigenvalues the reports show: those of the best Aggregator.DETAILED_UNRESOLVED unresolved
        // points checked, from what is left of the eigendecompositions
        int used = 0;
        for (int r = 0; r < hessians; r++) {
            double[] lambda = eigenvalues[r];
            used += lambda != null && lambda.length > 0 && !extremesOnly[r] ? 1 : 0;
        }
        int detail = 0;
        int unresolved = 0;
        for (int r = 0; r < hessians && unresolved < Aggregator.DETAILED_UNRESOLVED && used + detail < eigens; r++) {
            if (kinds[r] != Kind.UNRESOLVED.ordinal() || skipped[r]) {
                continue;
            }
            unresolved++;
            if (eigenvalues[r] == null) {
                open[detail++] = r;
            }
        }
        pool.forEach(detail, i -> keep.accept(classifiers.get().classify(point(open[i])), open[i]));
        return rest - lanczos;
    }

    /** Unresolved end points given the kink test, the best-ranked first. */
    static final int KINK_CHECKED = Aggregator.DETAILED_UNRESOLVED;

    /**
     * Marks in {@code kinked} the unresolved end points (by {@code kinds}, as {@link #fill} left
     * them) that lie within {@code reach} of a kink ({@link Classifier#besideKink}): the best-ranked
     * {@link #KINK_CHECKED} of them, up to {@link Classifier#MAX_DIMENSION} dimensions (each test
     * is at most {@link Classifier#KINK_EVALUATIONS} gradients). Returns how many were tested.
     */
    int kinks(byte[] kinds, double reach, boolean[] kinked, WatchedPool pool) {
        if (n > Classifier.MAX_DIMENSION) {
            return 0;
        }
        int[] tested = new int[Math.min(kinds.length, KINK_CHECKED)];
        int count = 0;
        for (int r = 0; r < kinds.length && count < tested.length; r++) {
            if (kinds[r] == Kind.UNRESOLVED.ordinal()) {
                tested[count++] = r;
            }
        }
        pool.forEach(count, i -> kinked[tested[i]] = classifiers.get().besideKink(point(tested[i]), reach));
        return count;
    }
}
