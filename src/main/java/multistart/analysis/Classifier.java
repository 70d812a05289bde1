package multistart.analysis;

import multistart.objective.Objective;
import multistart.sampling.SplitMix;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Decides whether an end point is a minimum, a saddle or unresolved. The Hessian is taken by
 * central differences of the exact gradient (error O(h^2), h = 1e-5 scaled to |x|). A point is
 * stationary when the Newton step |H|^-1 g, with |H| the Hessian's eigenvalues made positive,
 * is shorter than the basin tolerance: then the point is within tolerance of a stationary
 * point of the local quadratic model. Eigenvalues within 1e-6 of zero relative to the largest
 * count as zero (singular: unresolved).
 */
public final class Classifier {

    /**
     * The verdict and its evidence: {@code eigenvalues} all n of them, sorted, from the dense
     * check; or, when {@code extremesOnly}, the least and the greatest from the matrix-free one
     * ({@link #classifyMatrixFree}); empty when the check could not tell; null when not made.
     * {@code newtonStep}: |H^-1 g|, or the bound on it that settled the verdict.
     */
    public record Verdict(Kind kind, double gradientNorm, double newtonStep, double[] eigenvalues,
            boolean extremesOnly) {

        public Verdict(Kind kind, double gradientNorm, double newtonStep, double[] eigenvalues) {
            this(kind, gradientNorm, newtonStep, eigenvalues, false);
        }

        /**
         * For an unresolved point whose Hessian is positive definite, the Newton step to the
         * minimum of its quadratic model, |H^-1 g| (from the matrix-free check, its upper bound
         * |g| / min lambda): a minimum the run stopped short of by this much, more than the
         * tolerance. NaN for every other verdict, or where that is not known
         * (the quick test took the point as plainly not stationary above {@link #NEAR_DIMENSION}).
         */
        public double stepToMinimum() {
            if (kind != Kind.UNRESOLVED || !(newtonStep > 0) || newtonStep == Double.POSITIVE_INFINITY) {
                return Double.NaN;
            }
            if (eigenvalues == null) {
                // the quick test's verdict: a step is only given where the Cholesky factorisation
                // showed H positive definite
                return newtonStep;
            }
            if (eigenvalues.length == 0) {
                return Double.NaN;
            }
            // ascending, all of them or the least and the greatest
            double least = eigenvalues[0];
            double scale = largestInSize(eigenvalues);
            if (!(least > zeroLine(scale))) {
                return Double.NaN;
            }
            // the matrix-free check's newtonStep may be the lower bound |g| / max lambda that
            // settled its verdict; |g| / min lambda bounds the step from above
            return extremesOnly ? gradientNorm / least : newtonStep;
        }

        /**
         * Whether this unresolved point lies on a flat-bottomed valley: its Hessian has no
         * negative eigenvalue and a zero one (within {@link #zeroLine} of the largest), so no
         * Newton step exists, and its gradient is within a {@code tolerance}-long step of zero
         * along the strongest curvature (|g| / max lambda at most the tolerance). Such points may be
         * minima that are not isolated (a ring or a line of them, as an over-parametrised model's
         * loss has) or degenerate stationary points (x^4's minimum, x^3's inflection); the Hessian
         * cannot tell which. False for every other verdict, and where no eigenvalue is known.
         */
        public boolean flatBottomed(double tolerance) {
            return Classifier.flatBottomed(kind, eigenvalues, gradientNorm, tolerance);
        }
    }

    /**
     * Up to this dimension the quick test also factorises the Hessian of a point it takes as
     * plainly not stationary (n^3 / 6 multiply-adds, no more than forming the Hessian's 2n
     * gradients cost there), so that {@link Verdict#stepToMinimum} can say how far it lies from
     * a minimum; above it such points have no step.
     */
    static final int NEAR_DIMENSION = 30;

    /**
     * Hessians are formed (dense, n^2 doubles) up to this dimension only: 8 MB each at 1000,
     * 800 MB at the 10 000 a config allows. Above it no end point gets the Hessian check.
     */
    public static final int MAX_DIMENSION = 1000;
    /**
     * Hessians per sweep: at most this over n^2. Each costs 2n gradients, O(n) each for the
     * built-ins: about 10 s of one core in all, from 500 Hessians at n = 1000 to 5e6 at n = 10.
     */
    static final double HESSIAN_WORK = 5e8;
    /**
     * Eigendecompositions per sweep: at most this over n^3: 1000 of them at n = 100, 37 at
     * n = 300, one at n = 1000. {@link SymmetricEigenvalues} takes about 5e-10 n^3 seconds (0.5 s
     * at n = 1000; Commons Math's decomposition, which this used before, 3-4e-9 n^3), so the
     * whole budget is about half a second of one core.
     */
    static final double EIGEN_WORK = 1e9;

    /** How many end points of dimension {@code n} a sweep forms the Hessian of. */
    public static int hessianBudget(int n) {
        return n > MAX_DIMENSION ? 0 : budget(HESSIAN_WORK, (double) n * n);
    }

    /** How many eigendecompositions of dimension {@code n} a sweep does. */
    public static int eigenBudget(int n) {
        return n > MAX_DIMENSION ? 0 : budget(EIGEN_WORK, (double) n * n * n);
    }

    /** Lanczos steps at most, in each of the matrix-free check's two processes. */
    static final int LANCZOS_STEPS = 200;
    /**
     * The matrix-free checks' work per sweep, in flops as {@link Lanczos#work} counts them: a few
     * seconds of one core. The best points not checked densely get it in rank order until it
     * is spent. A point costs what its processes took: rosenbrock's minimum in 1200-d about
     * 3e7, a point whose extremes never converge 1.7e9 at n = 10 000 (both processes at 200
     * steps), a sphere's or styblinski-tang's (two distinct eigenvalues) a few n.
     */
    public static final double LANCZOS_WORK = 5e9;
    /**
     * The most work one point's matrix-free check can take, as {@link Lanczos#work} counts it:
     * both processes running out of steps (1.65e9 at n = 10 000).
     */
    public static double lanczosWorstCase(int n) {
        double k = Math.min(n, LANCZOS_STEPS);
        return 2.0 * n * (20 * k + 4 * k * (k + 1));
    }

    /**
     * Ritz residual, relative to the largest |eigenvalue|, within which the least eigenvalue is
     * taken as found however small it is (see {@link Lanczos#extremes}): ten times finer than
     * the 1e-6 below which an eigenvalue counts as zero.
     */
    static final double LANCZOS_TOLERANCE = 1e-7;
    /** Galerkin residual, relative to |g|, at which the Newton step's length is taken as found. */
    static final double SOLVE_TOLERANCE = 1e-8;

    private static int budget(double work, double each) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(work / each)));
    }

    private final Objective f;
    private final double tolerance;
    /** The matrix-free check's state, made on its first use: a Lanczos basis is k n doubles. */
    private Lanczos lanczos;
    private double[] at;
    private double[] shifted;
    private double[] gPlus;
    private double[] gMinus;
    private double[] start;
    private double step;

    public Classifier(Objective f, double tolerance) {
        this.f = f;
        this.tolerance = tolerance;
    }

    public Verdict classify(double[] point) {
        return classify(point, false);
    }

    /**
     * As {@link #classify(double[])}; when {@code quick}, a point that is plainly not stationary
     * is called unresolved without the eigendecomposition, and its verdict has no eigenvalues
     * (null). Plainly: |g| above twice the tolerance times the Hessian's Frobenius norm (the
     * Newton step is at least |g| / max |lambda| and max |lambda| is at most the Frobenius norm,
     * so the full test would say unresolved too; the factor 2 covers rounding), or a positive
     * definite Hessian whose Newton step is over twice the tolerance
     * ({@link #newtonStepIfPositiveDefinite}).
     */
    public Verdict classify(double[] point, boolean quick) {
        return classify(point, quick, true);
    }

    /**
     * The quick test alone: the verdict when the point is plainly not stationary (as
     * {@link #classify(double[], boolean)} with {@code quick}), or null when only the
     * eigendecomposition can tell.
     */
    public Verdict quick(double[] point) {
        return classify(point, true, false);
    }

    /**
     * The check without a dense Hessian, for points the eigendecomposition budget does not
     * reach (and every point above {@link #MAX_DIMENSION}): Hessian-vector products by central
     * differences of the exact gradient along unit vectors (step 1e-5 scaled to the largest
     * |x_i|, error O(h^2) as the dense check's), and the Lanczos process on them
     * ({@link Lanczos}). From a fixed pseudo-random start it finds the least and the greatest
     * eigenvalue: the least within 1e-6 of zero relative to the largest in magnitude is
     * singular (unresolved), a negative one makes a stationary point a saddle. The Newton step
     * |H^-1 g| (which |H|^-1 g shares: the two differ in signs along eigenvectors only) is bounded
     * by |g| / max|lambda| from below, and, H positive definite, by |g| / min lambda from above;
     * where the bounds do not settle it against the tolerance, a Galerkin solve in the Krylov
     * space of g gives it. What it cannot see, against the dense check: an eigenvalue near zero
     * inside the spectrum of a saddle (the dense check calls that point singular, this one a
     * saddle). Unresolved, with no eigenvalues, when the extremes do not converge within
     * {@link #LANCZOS_STEPS} steps or a product is not finite.
     */
    public Verdict classifyMatrixFree(double[] point) {
        int n = f.dimension();
        if (lanczos == null) {
            lanczos = new Lanczos(this::hessianTimes, n, LANCZOS_STEPS);
            at = new double[n];
            shifted = new double[n];
            gPlus = new double[n];
            gMinus = new double[n];
            start = new double[n];
            for (int i = 0; i < n; i++) {
                start[i] = 2 * SplitMix.unit(SplitMix.key(0x4C414E43L, i, n)) - 1;
            }
        }
        lanczos.resetWork();
        System.arraycopy(point, 0, at, 0, n);
        double[] g = new double[n];
        double gn = gradientNorm(at, g);
        if (!Double.isFinite(gn)) {
            return new Verdict(Kind.UNRESOLVED, gn, Double.NaN, new double[0]);
        }
        double far = 0;
        for (double xi : at) {
            far = Math.max(far, Math.abs(xi));
        }
        step = 1e-5 * Math.max(1.0, far);
        Lanczos.Extremes e = lanczos.extremes(start, LANCZOS_TOLERANCE);
        if (e == null) {
            return new Verdict(Kind.UNRESOLVED, gn, Double.NaN, new double[0]);
        }
        double[] extremes = {e.min(), e.max()};
        if (Math.abs(e.min()) <= zeroLine(Math.max(Math.abs(e.min()), Math.abs(e.max())))) {
            return new Verdict(Kind.UNRESOLVED, gn, Double.NaN, extremes, true);
        }
        boolean negative = e.min() < 0;
        // max |lambda| is at most about the greatest Ritz value and its residual (the least, when
        // negative, has converged further)
        double top = Math.max(Math.abs(e.min()), e.max() + e.maxResidual());
        double newton;
        if (gn == 0) {
            newton = 0;
        } else if (gn / top > tolerance) {
            newton = gn / top;
        } else if (!negative && e.min() > e.minResidual() && gn / (e.min() - e.minResidual()) <= tolerance) {
            // the least eigenvalue, where the least Ritz value has found it, is at least this
            newton = gn / (e.min() - e.minResidual());
        } else {
            newton = lanczos.solutionNorm(g, SOLVE_TOLERANCE);
        }
        Kind kind = newton <= tolerance ? (negative ? Kind.SADDLE : Kind.MINIMUM) : Kind.UNRESOLVED;
        if (kind != Kind.UNRESOLVED && kinkWithin(at, g)) {
            // the products straddle the gradient's jump and are no longer linear in the vector:
            // their extremes say nothing (|x| + y^2 beside 0 read as a saddle); a minimum's
            // Newton step, shorter than the step, still places the point at the kink
            return new Verdict(kind == Kind.MINIMUM ? kind : Kind.UNRESOLVED, gn, newton, new double[0], true);
        }
        return new Verdict(kind, gn, newton, extremes, true);
    }

    /** The work of the last {@link #classifyMatrixFree}, as {@link Lanczos#work} counts it. */
    public double matrixFreeWork() {
        return lanczos == null ? 0 : lanczos.work();
    }

    /** y = H v at the point in {@code at}, by central differences of the gradient along v. */
    private void hessianTimes(double[] v, double[] y) {
        differenced(at, v, step, shifted, gPlus, gMinus, y);
    }

    /**
     * y = (g(x + t v) - g(x - t v)) / 2t, by the exact gradient: H v to O(t^2) where the
     * function is smooth; {@code shifted}, {@code gp}, {@code gm} are scratch.
     */
    private void differenced(double[] x, double[] v, double t, double[] shifted, double[] gp, double[] gm,
            double[] y) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            shifted[i] = x[i] + t * v[i];
        }
        f.evaluate(shifted, gp);
        for (int i = 0; i < n; i++) {
            shifted[i] = x[i] - t * v[i];
        }
        f.evaluate(shifted, gm);
        for (int i = 0; i < n; i++) {
            y[i] = (gp[i] - gm[i]) / (2 * t);
        }
    }

    /** Unresolved without a Hessian: what a point the sweep had no budget to check gets. */
    public Verdict unchecked(double[] point) {
        return new Verdict(Kind.UNRESOLVED, gradientNorm(point.clone(), new double[f.dimension()]), Double.NaN, null);
    }

    /** Buffers of {@link #besideKink}: the point, the unit direction, a point on the line, its gradient. */
    private double[] kinkX;
    private double[] kinkU;
    private double[] kinkAt;
    private double[] kinkG;

    /** Doublings of the distance {@link #besideKink} looks at, from 1e-12 of the point's scale: to 1e12 of it. */
    static final int KINK_DOUBLINGS = 80;
    /**
     * Gradient evaluations {@link #besideKink} takes at most: the point's, the bracket's
     * doublings, the bisection (about ten from a doubling's bracket to a thousandth of its
     * distance; sixty at most), and the last look.
     */
    static final int KINK_EVALUATIONS = 1 + KINK_DOUBLINGS + 60 + 1;

    /**
     * The Hessian's largest eigenvalue in absolute value at a point the check confirms as a
     * minimum: what a constant rate must stay under to settle there (twice its inverse, for gd).
     * NaN where the point is no confirmed minimum, or is a minimum at a kink (ackley's, the tip
     * of a cone), whose verdict has no eigenvalues ({@link #kinkWithin}).
     */
    public double curvatureAtMinimum(double[] point) {
        Verdict v = classify(point);
        double[] e = v.eigenvalues();
        if (v.kind() != Kind.MINIMUM || e == null || e.length == 0) {
            return Double.NaN;
        }
        double l = largestInSize(e);
        return Double.isFinite(l) ? l : Double.NaN;
    }

    /**
     * Whether the point lies within {@code reach} of a kink, where the slope flips sign at once
     * (|x| at 0, max(x, 0) - x, ackley's cone at its minimum): along the descent direction -g the
     * directional derivative keeps most of its size until it changes sign, where on a smooth
     * function it shrinks towards the zero it crosses (on a quadratic it is a tenth of |g| at nine
     * tenths of the way). Gradient descent at a constant rate never settles next to a kink: its
     * steps are the rate times a slope that does not shrink, so the runs oscillate across it,
     * each ending at a point of its own a step's length away, unresolved. The sign change is
     * bracketed by doubling the distance from 1e-12 of the point's scale up to {@code reach},
     * then narrowed by bisection to a thousandth of its distance; the kink is there when the
     * derivative at nine tenths of that distance is still at least half of |g|.
     */
    public boolean besideKink(double[] point, double reach) {
        int n = f.dimension();
        if (kinkX == null) {
            kinkX = new double[n];
            kinkU = new double[n];
            kinkAt = new double[n];
            kinkG = new double[n];
        }
        System.arraycopy(point, 0, kinkX, 0, n);
        double s = gradientNorm(kinkX, kinkU);
        if (!(s > 0) || !Double.isFinite(s)) {
            return false;
        }
        double scale = 1;
        for (int i = 0; i < n; i++) {
            kinkU[i] /= s;
            scale = Math.max(scale, Math.abs(kinkX[i]));
        }
        // distances along -u: the derivative is positive at lo (s at 0), not positive at hi
        double lo = 0;
        double hi = Double.NaN;
        // (where the function stops being finite on the way, that edge is no kink)
        double t = 1e-12 * scale;
        for (int k = 0; k < KINK_DOUBLINGS && t <= reach; k++, t *= 2) {
            double d = slopeAlong(-t);
            if (Double.isNaN(d)) {
                return false;
            }
            if (d <= 0) {
                hi = t;
                break;
            }
            lo = t;
        }
        if (Double.isNaN(hi)) {
            return false;
        }
        if (lo == 0) {
            // the sign flips within 1e-12 of the point's scale: on it
            return true;
        }
        for (int i = 0; i < 60 && hi - lo > 1e-3 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            double d = slopeAlong(-mid);
            if (Double.isNaN(d)) {
                return false;
            }
            if (d > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return slopeAlong(-0.9 * lo) >= 0.5 * s;
    }

    /** The derivative of f along the unit direction kinkU at kinkX + t kinkU; NaN where f or it is not finite. */
    private double slopeAlong(double t) {
        int n = kinkX.length;
        for (int i = 0; i < n; i++) {
            kinkAt[i] = kinkX[i] + t * kinkU[i];
        }
        double v = f.evaluate(kinkAt, kinkG);
        double d = 0;
        for (int i = 0; i < n; i++) {
            d += kinkG[i] * kinkU[i];
        }
        return Double.isFinite(v) && Double.isFinite(d) ? d : Double.NaN;
    }

    /** |g| at x, the gradient left in g. */
    private double gradientNorm(double[] x, double[] g) {
        f.evaluate(x, g);
        double s = 0;
        for (double gi : g) {
            s += gi * gi;
        }
        return Math.sqrt(s);
    }

    /**
     * |H^-1 g| when H is positive definite (a Cholesky factorisation, n^3 / 6 multiply-adds,
     * about a twentieth of the eigendecomposition's work), else 0. With H positive definite |H| is
     * H, so this is the full test's Newton step; the quick test takes a point as unresolved when
     * it is over twice the tolerance, which rounding cannot bridge: where H is close enough to
     * singular for the factorisation to be that far off, the full test calls it singular, and
     * unresolved, too. A valley floor that is not yet a minimum (rosenbrock's, after too few
     * steps) is the common case: small gradient, long Newton step.
     */
    static double newtonStepIfPositiveDefinite(double[][] h, double[] g) {
        int n = g.length;
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = h[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0)) {
                return 0;
            }
            double ljj = Math.sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = h[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / ljj;
            }
        }
        // L y = g, then L^T s = y
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * y[k];
            }
            y[i] = s / l[i * n + i];
        }
        double norm2 = 0;
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * y[k];
            }
            y[i] = s / l[i * n + i];
            norm2 += y[i] * y[i];
        }
        double norm = Math.sqrt(norm2);
        return Double.isFinite(norm) ? norm : 0;
    }

    /*
     * The test in small parts, each compiled on its own: as one method, its loops made C2
     * compile it on-stack with the gradient inlined several times (0.07-0.17 s of the one C2
     * thread, while the end points of a short sweep were being classified on both cores), and
     * again whole when the detail pass first took the branch the quick pass never took.
     */
    private Verdict classify(double[] point, boolean quick, boolean full) {
        int n = f.dimension();
        double[] x = point.clone();
        double[] g = new double[n];
        double gn = gradientNorm(x, g);
        double[][] h = hessian(x);
        if (h == null) {
            return new Verdict(Kind.UNRESOLVED, gn, Double.NaN, new double[0]);
        }
        if (quick) {
            // plainly not stationary: |g| above twice the tolerance times the Hessian's Frobenius
            // norm (the Newton step is at least |g| / max |lambda|, and max |lambda| is at most
            // that norm), or a positive definite Hessian whose Newton step is over twice the
            // tolerance (newtonStepIfPositiveDefinite); the factor 2 covers rounding
            boolean far = gn > 2 * tolerance * frobenius(h);
            double toMinimum = !far || n <= NEAR_DIMENSION ? newtonStepIfPositiveDefinite(h, g) : 0;
            if (far || toMinimum > 2 * tolerance) {
                return new Verdict(Kind.UNRESOLVED, gn, toMinimum > 0 ? toMinimum : Double.NaN, null);
            }
        }
        return full ? atKink(x, g, eigenVerdict(h, g, gn)) : null;
    }

    /**
     * A minimum's verdict without its eigenvalues where a kink lies within the Hessian's
     * difference step ({@link #kinkWithin}): there the differences read the gradient's jump as a
     * curvature of 1/step (ackley's tip: 282 896; |x| + y^2 beside 0: 100 002), which no rate
     * limit follows from. Still a minimum (the runs are within the step of the kink's point,
     * the minimiser), with no curvature: a minimum with empty eigenvalues is one at a kink.
     * Any other verdict unchanged.
     */
    private Verdict atKink(double[] x, double[] g, Verdict v) {
        return v.kind() == Kind.MINIMUM && kinkWithin(x, g)
                ? new Verdict(Kind.MINIMUM, v.gradientNorm(), v.newtonStep(), new double[0]) : v;
    }

    /**
     * Whether a kink lies within the Hessian's difference step h of x: the curvature along the
     * gradient by central differences at step h is over twice that at step 10 h, and the jump it
     * implies (2 h times it) is at least half the gradient's size. A smooth function's
     * differences agree to O(h^2); across a kink the gradient's jump J reads as J / 2h at
     * either step, ten times larger at the smaller.
     */
    private boolean kinkWithin(double[] x, double[] g) {
        int n = x.length;
        double far = 0;
        double gn = 0;
        for (int i = 0; i < n; i++) {
            far = Math.max(far, Math.abs(x[i]));
            gn += g[i] * g[i];
        }
        gn = Math.sqrt(gn);
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = gn > 0 ? g[i] / gn : 1 / Math.sqrt(n);
        }
        double h = 1e-5 * Math.max(1.0, far);
        double near = curvatureAlong(x, u, h);
        double wide = curvatureAlong(x, u, 10 * h);
        return near > 2 * Math.abs(wide) && 2 * h * near >= 0.5 * gn;
    }

    /** u . (g(x + t u) - g(x - t u)) / 2t, by the exact gradient: the curvature along u. */
    private double curvatureAlong(double[] x, double[] u, double t) {
        int n = x.length;
        double[] hu = new double[n];
        differenced(x, u, t, new double[n], new double[n], new double[n], hu);
        double c = 0;
        for (int i = 0; i < n; i++) {
            c += u[i] * hu[i];
        }
        return c;
    }

    /**
     * The Hessian at x by central differences of the gradient, made symmetric; null when an
     * entry is not finite. x is restored.
     */
    private double[][] hessian(double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int j = 0; j < n; j++) {
            double step = 1e-5 * Math.max(1.0, Math.abs(x[j]));
            double xj = x[j];
            x[j] = xj + step;
            f.evaluate(x, gp);
            x[j] = xj - step;
            f.evaluate(x, gm);
            x[j] = xj;
            for (int i = 0; i < n; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        for (double[] row : h) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
        }
        return h;
    }

    /** The Hessian's Frobenius norm, a bound on its largest |eigenvalue| (the quick test's). */
    private static double frobenius(double[][] h) {
        double sum = 0;
        for (double[] row : h) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * The full test: the Hessian's eigenvalues, and the Newton step with them made positive,
     * |(|H|)^-1 g|, which is |H^-1 g| (the two differ in signs along eigenvectors only), by an LU
     * solve; infinite when H is singular.
     */
    private Verdict eigenVerdict(double[][] h, double[] g, double gn) {
        int n = g.length;
        // decomposed at unit scale and scaled back by a power of two (exact): a Hessian of
        // 1e-155 (peaks far from its bumps) squares to underflow
        int e = scaleExponent(h);
        double[] lambda = SymmetricEigenvalues.of(h);
        if (lambda == null) {
            return new Verdict(Kind.UNRESOLVED, gn, Double.NaN, new double[0]);
        }
        double scale = 0;
        for (double l : lambda) {
            scale = Math.max(scale, Math.abs(l));
        }
        double zero = zeroLine(scale);
        boolean singular = false;
        boolean negative = false;
        for (double l : lambda) {
            singular |= Math.abs(l) <= zero;
            negative |= l < -zero;
        }
        // H = 2^e H_s, so H^-1 g = 2^-e H_s^-1 g
        double newton = singular ? Double.POSITIVE_INFINITY : Math.scalb(solutionNorm(h, g), -e);
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.scalb(lambda[i], e);
        }
        Kind kind;
        if (singular || !(newton <= tolerance)) {
            kind = Kind.UNRESOLVED;
        } else {
            kind = negative ? Kind.SADDLE : Kind.MINIMUM;
        }
        return new Verdict(kind, gn, newton, lambda);
    }

    /**
     * The largest eigenvalue in size of eigenvalues in ascending order (all of them, or the least
     * and the greatest): the larger in size of the first and the last.
     */
    public static double largestInSize(double[] ascending) {
        return Math.max(Math.abs(ascending[0]), Math.abs(ascending[ascending.length - 1]));
    }

    /**
     * The test of {@link Verdict#flatBottomed} on a point's kind, its Hessian's eigenvalues
     * (ascending: all of them, or the least and the greatest; null or empty where none are known)
     * and its gradient's norm.
     */
    public static boolean flatBottomed(Kind kind, double[] eigenvalues, double gradientNorm, double tolerance) {
        if (kind != Kind.UNRESOLVED || eigenvalues == null || eigenvalues.length == 0) {
            return false;
        }
        double least = eigenvalues[0];
        double scale = largestInSize(eigenvalues);
        return scale > 0 && Math.abs(least) <= zeroLine(scale) && gradientNorm <= tolerance * scale;
    }

    /**
     * Eigenvalues within this of zero count as zero (the Hessian as singular): 1e-6 of the
     * largest magnitude, {@code scale}, for both checks.
     */
    static double zeroLine(double scale) {
        return 1e-6 * Math.max(scale, 1e-300);
    }

    /**
     * |x| for a x = b by Commons Math's LU decomposition with partial pivoting (a is not
     * changed); infinite when a pivot is zero.
     */
    static double solutionNorm(double[][] a, double[] b) {
        // a pivot below the least positive double, that is zero, makes it singular
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(a, true), Double.MIN_VALUE);
        if (!lu.getSolver().isNonSingular()) {
            return Double.POSITIVE_INFINITY;
        }
        double norm = lu.getSolver().solve(new ArrayRealVector(b, false)).getNorm();
        return Double.isNaN(norm) ? Double.POSITIVE_INFINITY : norm;
    }

    /**
     * Scales h in place by a power of two that brings its largest |entry| into [1, 2) (a zero
     * matrix stays as it is); returns the exponent that scales it back.
     */
    static int scaleExponent(double[][] h) {
        double max = 0;
        for (double[] row : h) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (max == 0) {
            return 0;
        }
        // getExponent of a subnormal is MIN_EXPONENT - 1: the scaled entries are then below 1,
        // still far from underflow
        int e = Math.getExponent(max);
        for (double[] row : h) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.scalb(row[j], -e);
            }
        }
        return e;
    }
}
