package multistart.analysis;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The Lanczos process, with full reorthogonalisation, for a symmetric operator known only by
 * its products with vectors (Golub and Van Loan, Matrix Computations, 4th ed., 10.1-10.3;
 * Parlett, The Symmetric Eigenvalue Problem, ch. 13). Used where a dense Hessian and its
 * eigendecomposition cost too much: k steps take k products (two gradients each) and
 * 4 k^2 n flops of reorthogonalisation, against 2n gradients and O(n^3) for the dense check.
 *
 * <p>Two questions are asked of it: the extreme eigenvalues ({@link #extremes}), which converge
 * first and tell a minimum (the least positive) from a saddle (the least negative), and the
 * length of the Newton step |A^-1 b| ({@link #solutionNorm}), by the Galerkin solution in the
 * Krylov space of b (conjugate gradients in Lanczos form, which T's own solve keeps well
 * defined when A is indefinite). One instance per thread: it owns its basis (at most
 * {@code maxSteps} vectors of n).
 */
final class Lanczos {

    /** y = A v for a unit vector v (a product not finite ends the process: see {@link #step}). */
    interface Operator {
        void apply(double[] v, double[] y);
    }

    /**
     * The least and the greatest Ritz value, their residuals (an eigenvalue lies within each),
     * and the steps it took. The least Ritz value is never below the least eigenvalue, the
     * greatest never above the greatest.
     */
    record Extremes(double min, double minResidual, double max, double maxResidual, int steps) {
    }

    /**
     * The greatest Ritz value is taken once its residual is within this share of the largest
     * magnitude: at the top of a dense spectrum (rosenbrock's in 1200-d: 1 200 eigenvalues in
     * [202, 1802], 0.008 apart at the top) the residual falls slowly while the value itself is
     * within 1e-4 relative long before (its error is about the residual squared over the gap
     * to the rest). It only sets the scale of the test, so a percent is plenty.
     */
    static final double MAX_RESIDUAL = 1e-2;
    /**
     * The least Ritz value is taken once its residual is within this share of its own
     * magnitude (or within the caller's tolerance of the largest): enough to tell its sign and
     * whether it is zero against a threshold; an isolated least eigenvalue (rosenbrock's 0.4988
     * in 1200-d) converges to rounding within 40 steps anyway.
     */
    static final double MIN_RESIDUAL = 1e-1;

    private final Operator a;
    private final int n;
    private final int maxSteps;
    private final double[][] q;
    private final double[] alpha;
    private final double[] beta;
    private final double[] w;
    /** Work since the last {@link #resetWork}, in flops by a fixed count (see {@link #step}). */
    private double work;

    /** At most {@code maxSteps} steps (and never more than n, where the Krylov space is whole). */
    Lanczos(Operator a, int n, int maxSteps) {
        this.a = a;
        this.n = n;
        this.maxSteps = Math.max(1, Math.min(maxSteps, n));
        this.q = new double[this.maxSteps][];
        this.alpha = new double[this.maxSteps];
        this.beta = new double[this.maxSteps];
        this.w = new double[n];
    }

    /**
     * The extreme eigenvalues, from the unit vector along {@code start} (which should have a
     * component along every eigenvector: a random one has, almost surely), once the residual
     * |A y - theta y| of the least Ritz value is within {@link #MIN_RESIDUAL} of its magnitude or
     * {@code tolerance} times the largest magnitude, and that of the greatest within
     * {@link #MAX_RESIDUAL} of the largest magnitude; null when the steps ran out first or a
     * product was not finite. A Ritz value lies within its residual of an eigenvalue; that the
     * extreme Ritz value is near the extreme eigenvalue rests on the start vector not being
     * nearly orthogonal to its eigenvector, as with every Krylov method.
     */
    Extremes extremes(double[] start, double tolerance) {
        int k = 0;
        int check = 1;
        if (!(begin(start) > 0)) {
            return null;
        }
        while (true) {
            if (!step(k)) {
                return null;
            }
            k++;
            boolean last = k == maxSteps;
            if (k == check || last || beta[k - 1] == 0) {
                check = Math.max(k + 1, (int) Math.round(k * 1.4));
                Extremes e = ritzExtremes(k, tolerance);
                if (e != null) {
                    return e;
                }
            }
            if (last || beta[k - 1] == 0) {
                return null;
            }
        }
    }

    /**
     * |x| for the solution of A x = b (b not zero), once the Galerkin residual |b - A x_k| =
     * beta_k |e_k^T y_k| is within {@code tolerance} |b|; NaN when the steps ran out first or a
     * product was not finite. The basis is orthonormal, so |x_k| = |y_k| with T_k y_k = |b| e_1.
     */
    double solutionNorm(double[] b, double tolerance) {
        double bn = begin(b);
        if (!(bn > 0)) {
            return Double.NaN;
        }
        double[] y = new double[maxSteps];
        for (int k = 0; k < maxSteps; k++) {
            if (!step(k)) {
                return Double.NaN;
            }
            if (solveTridiagonal(k + 1, bn, y)) {
                double residual = beta[k] * Math.abs(y[k]);
                if (residual <= tolerance * bn) {
                    return norm(y, k + 1);
                }
            }
            if (beta[k] == 0) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * The work of the processes since the last reset: per step of the basis's k-th vector,
     * 8 (k + 1) n flops of reorthogonalisation and two gradients, counted as 10 n flops each
     * (a built-in's; an expression's may cost more). A count, not a clock, so what it bounds
     * does not depend on the machine.
     */
    double work() {
        return work;
    }

    void resetWork() {
        work = 0;
    }

    /** q_0 = s / |s|; returns |s|, or 0 (and no q_0) when s is zero or not finite. */
    private double begin(double[] s) {
        double sn = norm(s);
        if (!(sn > 0) || !Double.isFinite(sn)) {
            return 0;
        }
        double[] q0 = basis(0);
        for (int i = 0; i < n; i++) {
            q0[i] = s[i] / sn;
        }
        return sn;
    }

    /**
     * Step k: alpha_k, beta_k and (when beta_k is not zero and steps remain) q_{k+1}, with w
     * made orthogonal to every earlier basis vector twice over (Gram-Schmidt twice is enough:
     * Giraud, Langou and Rozloznik 2005).
     */
    private boolean step(int k) {
        double[] qk = q[k];
        work += (double) n * (20 + 8 * (k + 1));
        a.apply(qk, w);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(w[i])) {
                return false;
            }
        }
        alpha[k] = dot(qk, w);
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j <= k; j++) {
                double[] qj = q[j];
                double c = dot(qj, w);
                for (int i = 0; i < n; i++) {
                    w[i] -= c * qj[i];
                }
            }
        }
        double b = norm(w);
        beta[k] = b;
        if (b > 0 && k + 1 < maxSteps) {
            double[] next = basis(k + 1);
            for (int i = 0; i < n; i++) {
                next[i] = w[i] / b;
            }
        }
        return true;
    }

    private double[] basis(int k) {
        if (q[k] == null) {
            q[k] = new double[n];
        }
        return q[k];
    }

    /** The extreme eigenvalues of T_k when both have converged, else null. */
    private Extremes ritzExtremes(int k, double tolerance) {
        // decomposed at unit scale and scaled back by a power of two (exact), as the dense check does
        double max = 0;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, Math.abs(alpha[i]));
            if (i + 1 < k) {
                max = Math.max(max, beta[i]);
            }
        }
        if (max == 0) {
            // A q_0 = 0 and nothing else was reached: a zero operator as far as it can tell
            return beta[k - 1] == 0 ? new Extremes(0, 0, 0, 0, k) : null;
        }
        int e = Math.getExponent(max);
        double[] main = new double[k];
        double[] secondary = new double[k - 1];
        for (int i = 0; i < k; i++) {
            main[i] = Math.scalb(alpha[i], -e);
            if (i + 1 < k) {
                secondary[i] = Math.scalb(beta[i], -e);
            }
        }
        EigenDecomposition eig;
        try {
            eig = new EigenDecomposition(main, secondary);
        } catch (MathIllegalStateException notConverged) {
            return null;
        }
        double[] theta = eig.getRealEigenvalues();
        int lo = 0;
        int hi = 0;
        for (int i = 1; i < k; i++) {
            lo = theta[i] < theta[lo] ? i : lo;
            hi = theta[i] > theta[hi] ? i : hi;
        }
        double min = Math.scalb(theta[lo], e);
        double top = Math.scalb(theta[hi], e);
        double b = beta[k - 1];
        double rlo = b * Math.abs(eig.getEigenvector(lo).getEntry(k - 1));
        double rhi = b * Math.abs(eig.getEigenvector(hi).getEntry(k - 1));
        if (k == n) {
            // the Krylov space is the whole space: T_k is A in the basis Q, up to rounding
            return new Extremes(min, rlo, top, rhi, k);
        }
        double scale = Math.max(Math.abs(min), Math.abs(top));
        return rlo <= Math.max(tolerance * scale, MIN_RESIDUAL * Math.abs(min)) && rhi <= MAX_RESIDUAL * scale
                ? new Extremes(min, rlo, top, rhi, k) : null;
    }

    /**
     * T_k y = c e_1 by Gaussian elimination with partial pivoting (T_k may be indefinite, and a
     * leading entry zero); false when T_k is singular to working precision.
     */
    private boolean solveTridiagonal(int k, double c, double[] y) {
        // rows of the band: sub (l), diagonal (d), super (u), second super (u2) after pivoting
        double[] d = new double[k];
        double[] u = new double[k];
        double[] u2 = new double[k];
        double[] l = new double[k];
        double[] rhs = new double[k];
        for (int i = 0; i < k; i++) {
            d[i] = alpha[i];
            u[i] = i + 1 < k ? beta[i] : 0;
            l[i] = i > 0 ? beta[i - 1] : 0;
        }
        rhs[0] = c;
        double scale = 0;
        for (int i = 0; i < k; i++) {
            scale = Math.max(scale, Math.abs(d[i]) + Math.abs(u[i]) + Math.abs(l[i]));
        }
        for (int i = 0; i + 1 < k; i++) {
            // eliminate l[i + 1] (row i + 1's entry in column i)
            if (Math.abs(l[i + 1]) > Math.abs(d[i])) {
                // swap rows i and i + 1: row i was (d[i], u[i], u2[i] = 0), row i + 1 (l, d, u)
                double t;
                t = d[i];
                d[i] = l[i + 1];
                l[i + 1] = t;
                t = u[i];
                u[i] = d[i + 1];
                d[i + 1] = t;
                u2[i] = u[i + 1];
                u[i + 1] = 0;
                t = rhs[i];
                rhs[i] = rhs[i + 1];
                rhs[i + 1] = t;
            }
            if (d[i] == 0) {
                return false;
            }
            double f = l[i + 1] / d[i];
            d[i + 1] -= f * u[i];
            u[i + 1] -= f * u2[i];
            rhs[i + 1] -= f * rhs[i];
        }
        if (!(Math.abs(d[k - 1]) > 1e-14 * scale)) {
            return false;
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = rhs[i];
            if (i + 1 < k) {
                s -= u[i] * y[i + 1];
            }
            if (i + 2 < k) {
                s -= u2[i] * y[i + 2];
            }
            y[i] = s / d[i];
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(y[i])) {
                return false;
            }
        }
        return true;
    }

    private double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private double norm(double[] x) {
        return norm(x, n);
    }

    private static double norm(double[] x, int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s);
    }
}
