package multistart.analysis;

import java.util.Arrays;

/**
 * The eigenvalues of a real symmetric matrix, without its eigenvectors: Householder reduction
 * to tridiagonal form (Golub and Van Loan, Matrix Computations, 4th ed., algorithm 8.3.1),
 * then the implicit QL iteration with Wilkinson's shift (EISPACK's tql1; Numerical Recipes'
 * tqli without the vectors). About 4/3 n^3 flops, where Commons Math's EigenDecomposition,
 * which accumulates the vectors, takes several times that, and a great deal more code for the
 * JIT to compile: the Hessian check wants the values only (the Newton step's length needs no
 * eigenvector, see {@link Classifier}). Backward stable: each eigenvalue within a small multiple
 * of the unit roundoff times the largest |entry|, as Commons Math's.
 */
final class SymmetricEigenvalues {

    /** Sweeps of the QL iteration allowed per eigenvalue (it takes two or three on average). */
    private static final int MAX_ITERATIONS = 60;

    private SymmetricEigenvalues() {
    }

    /**
     * The eigenvalues of the symmetric matrix {@code a} (only its lower triangle is read; it is
     * left as it was), ascending; null when the iteration did not converge or an entry is not
     * finite.
     */
    static double[] of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n);
        }
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(m, d, e);
        if (!ql(d, e)) {
            return null;
        }
        for (double v : d) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        Arrays.sort(d);
        return d;
    }

    /**
     * m (lower triangle) to tridiagonal form by Householder reflections from the left and right:
     * the diagonal into d, the subdiagonal into e[0 .. n-2] (e[i] between rows i and i+1),
     * e[n-1] = 0. m is overwritten.
     */
    private static void tridiagonalize(double[][] m, double[] d, double[] e) {
        int n = m.length;
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k + 2 < n; k++) {
            // x = m[k+1 .. n-1][k]; v = x - alpha e_1 with alpha = -sign(x_0) |x|, scaled by the
            // largest |x_i| first so that |x|^2 neither overflows nor underflows
            double scale = 0;
            for (int i = k + 1; i < n; i++) {
                scale = Math.max(scale, Math.abs(m[i][k]));
            }
            if (scale == 0) {
                e[k] = 0;
                continue;
            }
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                v[i] = m[i][k] / scale;
                norm2 += v[i] * v[i];
            }
            double alpha = -Math.copySign(Math.sqrt(norm2), v[k + 1]);
            e[k] = alpha * scale;
            v[k + 1] -= alpha;
            // H = I - beta v v^T with beta = 2 / (v^T v)
            double vv = 0;
            for (int i = k + 1; i < n; i++) {
                vv += v[i] * v[i];
            }
            double beta = 2 / vv;
            // p = beta A v on the trailing block (A symmetric: its lower triangle)
            for (int i = k + 1; i < n; i++) {
                double s = 0;
                for (int j = k + 1; j <= i; j++) {
                    s += m[i][j] * v[j];
                }
                for (int j = i + 1; j < n; j++) {
                    s += m[j][i] * v[j];
                }
                p[i] = beta * s;
            }
            // w = p - (beta p^T v / 2) v; A <- A - v w^T - w v^T (lower triangle)
            double pv = 0;
            for (int i = k + 1; i < n; i++) {
                pv += p[i] * v[i];
            }
            double half = beta * pv / 2;
            for (int i = k + 1; i < n; i++) {
                p[i] -= half * v[i];
            }
            for (int i = k + 1; i < n; i++) {
                double vi = v[i];
                double wi = p[i];
                double[] row = m[i];
                for (int j = k + 1; j <= i; j++) {
                    row[j] -= vi * p[j] + wi * v[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = m[i][i];
        }
        if (n >= 2) {
            e[n - 2] = m[n - 1][n - 2];
        }
        e[n - 1] = 0;
    }

    /**
     * sqrt(x^2 + y^2), by the square root of the sum where that neither overflows nor loses
     * the smaller to underflow (the matrices come at unit scale, so nearly always), else by
     * Math.hypot, which takes several times as long.
     */
    private static double hypot(double x, double y) {
        double s = x * x + y * y;
        return s >= 0x1p-960 && s <= 0x1p960 ? Math.sqrt(s) : Math.hypot(x, y);
    }

    /**
     * The symmetric tridiagonal (d, e) to diagonal form by the implicit QL iteration with
     * Wilkinson's shift: d becomes the eigenvalues (unordered); false when some eigenvalue took
     * more than {@link #MAX_ITERATIONS} sweeps.
     */
    private static boolean ql(double[] d, double[] e) {
        int n = d.length;
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            int m;
            do {
                // the first negligible subdiagonal entry at or after l splits the matrix
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= 0x1p-53 * dd) {
                        break;
                    }
                }
                if (m != l) {
                    if (iterations++ == MAX_ITERATIONS) {
                        return false;
                    }
                    double g = (d[l + 1] - d[l]) / (2 * e[l]);
                    double r = hypot(g, 1);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1;
                    double c = 1;
                    double p = 0;
                    int i;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) {
                            // underflow: deflate and start over
                            d[i + 1] -= p;
                            e[m] = 0;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                    }
                    if (r == 0 && i >= l) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
        return true;
    }
}
