package multistart.objective.data;

import multistart.objective.Batched;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * A model's mean loss over a data set, as a function of its weights w (one per feature) and its
 * bias b, the last coordinate. With z = w.x_i + b:
 * <ul>
 * <li>linear regression: f = (1/m) sum (z - y_i)^2, df/dz_i = 2 (z - y_i) / m</li>
 * <li>logistic regression: f = (1/m) sum [log(1 + e^z) - y_i z] (the log loss of sigmoid(z)),
 *     df/dz_i = (sigmoid(z) - y_i) / m</li>
 * </ul>
 * and df/dw_j = sum df/dz_i x_ij, df/db = sum df/dz_i. log(1 + e^z) is computed as
 * max(z, 0) + log1p(e^-|z|), which neither overflows nor loses the small values.
 * Stateless: shared by every worker.
 */
public final class DataLoss implements Batched {

    private final Model model;
    private final double[] x;
    private final double[] y;
    private final int rows;
    private final int p;

    public DataLoss(Model model, DataSet data) {
        this.model = model;
        this.x = data.x();
        this.y = data.y();
        this.rows = data.rows();
        this.p = data.features().size();
    }

    public Model model() {
        return model;
    }

    @Override
    public int dimension() {
        return p + 1;
    }

    @Override
    public int examples() {
        return rows;
    }

    @Override
    public double evaluate(double[] w, double[] grad) {
        return evaluate(w, grad, null, 0, rows);
    }

    @Override
    public double evaluate(double[] w, double[] grad, int[] order, int from, int to) {
        for (int j = 0; j <= p; j++) {
            grad[j] = 0.0;
        }
        double loss = 0.0;
        double b = w[p];
        boolean logistic = model == Model.LOGISTIC_REGRESSION;
        for (int k = from; k < to; k++) {
            int i = order == null ? k : order[k];
            int at = i * p;
            double z = b;
            for (int j = 0; j < p; j++) {
                z += w[j] * x[at + j];
            }
            double dz;
            if (logistic) {
                double e = Math.exp(-Math.abs(z));
                loss += Math.max(z, 0.0) + log1p(e) - y[i] * z;
                dz = sigmoid(z, e) - y[i];
            } else {
                double r = z - y[i];
                loss += r * r;
                dz = 2.0 * r;
            }
            for (int j = 0; j < p; j++) {
                grad[j] += dz * x[at + j];
            }
            grad[p] += dz;
        }
        double m = to - from;
        for (int j = 0; j <= p; j++) {
            grad[j] /= m;
        }
        return loss / m;
    }

    /**
     * log(1 + e) for e in [0, 1], within 2 ulps of {@code Math.log1p} (checked on 2e7 values), at
     * half its cost: Math.log1p is a library routine, Math.log a compiler intrinsic, and the
     * logistic loss takes one per row (32 ns a row with log1p, 22 with this, a hand-written
     * loop on 200 rows). u = 1 + e rounds, and log(u) e / (u - 1) corrects for the rounding
     * (Goldberg, What every computer scientist should know about floating-point arithmetic,
     * theorem 4); where e is below half an ulp of 1, log(1 + e) is e to within rounding.
     */
    static double log1p(double e) {
        double u = 1.0 + e;
        return u == 1.0 ? e : Math.log(u) * (e / (u - 1.0));
    }

    /** 1 / (1 + e^-z), given {@code e} = e^-|z|: no overflow for z of either sign. */
    private static double sigmoid(double z, double e) {
        return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /**
     * A model's minimum solved independently of any descent: the weights (then the bias), and the
     * eigenvalues of the Hessian, smallest first: for linear regression (2/m) [X 1]^T [X 1], the
     * same quadratic everywhere, so plain gd at a constant rate converges from every start exactly
     * when its learning rate is below 2 / the largest; for logistic regression the Hessian at the
     * minimum, so that limit holds for settling there.
     *
     * @param flattest the unit eigenvector of the smallest curvature (weights then bias, its
     *                 largest component positive); for linear regression [X 1] flattest is as near
     *                 0 as any unit combination of the columns makes it, its mean square over the
     *                 rows half the smallest curvature; null where curvatures is
     * @param newton   solved by Newton's method (logistic regression), not by least squares
     */
    public record Fit(double[] weights, double[] curvatures, double[] flattest, boolean newton) {
        public double largestCurvature() {
            return curvatures[curvatures.length - 1];
        }

        /** The learning rate above which gd diverges on a quadratic loss: 2 / the largest curvature. */
        public double gdLimit() {
            return 2.0 / largestCurvature();
        }
    }

    /** {@link #fit}'s weights then bias. */
    public static double[] leastSquares(DataSet data) {
        return fit(data).weights();
    }

    /**
     * Linear regression's exact minimiser: the least-squares solution of [X 1] w = y. The rows
     * are folded one at a time by Givens rotations into a triangular R and Q^T y (the QR
     * factorisation, as stable as decomposing the data itself, in p+1 x p+1 memory whatever the
     * rows), then R w = Q^T y is solved by singular value decomposition: where the columns are
     * dependent, the shortest of the solutions, whose loss is the same minimum.
     */
    public static Fit fit(DataSet data) {
        int n = data.rows();
        int p = data.features().size();
        int m = p + 1;
        double[] x = data.x();
        double[] y = data.y();
        double[][] r = new double[m][m];
        double[] z = new double[m];
        double[] row = new double[m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * p, row, 0, p);
            row[p] = 1.0;
            double yi = y[i];
            for (int k = 0; k < m; k++) {
                double b = row[k];
                if (b == 0.0) {
                    continue;
                }
                double a = r[k][k];
                double h = Math.hypot(a, b);
                double c = a / h;
                double s = b / h;
                r[k][k] = h;
                for (int j = k + 1; j < m; j++) {
                    double rkj = r[k][j];
                    double rj = row[j];
                    r[k][j] = c * rkj + s * rj;
                    row[j] = c * rj - s * rkj;
                }
                double zk = z[k];
                z[k] = c * zk + s * yi;
                yi = c * yi - s * zk;
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(r, false));
        double[] w = svd.getSolver().solve(new ArrayRealVector(z, false)).toArray();
        // R^T R = [X 1]^T [X 1]: its eigenvalues are R's singular values squared
        double[] sv = svd.getSingularValues();
        double[] curvatures = new double[m];
        for (int k = 0; k < m; k++) {
            curvatures[m - 1 - k] = 2.0 * sv[k] * sv[k] / n;
        }
        // R's singular values come largest first: V's last column is the flattest direction
        return new Fit(w, curvatures, signed(svd.getV().getColumn(m - 1)), false);
    }

    /** Weights (with the bias) up to which a model's minimum is solved exactly. */
    public static final int MAX_SOLVED_WEIGHTS = 400;
    /** Rows x weights^2 up to which it is: a pass of the exact solution (Newton's takes about ten). */
    public static final double MAX_SOLVE_WORK = 2e9;

    /**
     * Why {@code model}'s minimum is not solved exactly on {@code data} (the solution's work grows
     * with the rows times the square of the weights, and their cube), or null when it is.
     */
    public static String tooLargeToSolve(DataSet data, Model model) {
        long m = data.features().size() + 1L;
        double work = (double) data.rows() * m * m * (model == Model.LOGISTIC_REGRESSION ? 10 : 1);
        if (m > MAX_SOLVED_WEIGHTS || work > MAX_SOLVE_WORK) {
            return "not solved exactly: " + m + " weights over " + data.rows() + " rows is more than the "
                    + (m > MAX_SOLVED_WEIGHTS ? MAX_SOLVED_WEIGHTS + " weights" : "work") + " multistart solves"
                    + " before a sweep";
        }
        return null;
    }

    /** Newton's iterations at most, and the gradient norm below which they stop. */
    static final int NEWTON_ITERATIONS = 100;
    static final double NEWTON_GRADIENT = 1e-12;
    /** A gradient norm below which a point no Newton step improves on is the minimum, as rounding leaves it. */
    static final double NEWTON_ROUNDED = 1e-9;

    /** The mean log loss's Hessian at {@code w}: (1/m) sum s_i (1 - s_i) a_i a_i^T, a_i = (x_i, 1). */
    static double[][] logisticHessian(DataSet data, double[] w) {
        int n = data.rows();
        int p = data.features().size();
        int m = p + 1;
        double[] x = data.x();
        double[] a = new double[m];
        double[][] h = new double[m][m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * p, a, 0, p);
            a[p] = 1.0;
            double z = 0;
            for (int j = 0; j < m; j++) {
                z += w[j] * a[j];
            }
            double s = sigmoid(z, Math.exp(-Math.abs(z)));
            double c = s * (1.0 - s) / n;
            for (int j = 0; j < m; j++) {
                for (int k = 0; k <= j; k++) {
                    h[j][k] += c * a[j] * a[k];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < j; k++) {
                h[k][j] = h[j][k];
            }
        }
        return h;
    }

    /**
     * Newton's solution with the Hessian's eigenvalues there (smallest first) and the
     * eigenvector of the smallest: the loss is not a quadratic, but near its minimum it is this
     * one, so gd at a constant rate settles there only below 2 / the largest.
     */
    private static Fit atMinimum(DataSet data, double[] w) {
        int m = w.length;
        org.apache.commons.math3.linear.EigenDecomposition e = new org.apache.commons.math3.linear.EigenDecomposition(
                new Array2DRowRealMatrix(logisticHessian(data, w), false));
        double[] values = e.getRealEigenvalues();
        Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
        double[] curvatures = new double[m];
        for (int j = 0; j < m; j++) {
            // rounding can leave a zero eigenvalue a hair below 0
            curvatures[j] = Math.max(0.0, values[order[j]]);
        }
        return new Fit(w, curvatures, signed(e.getEigenvector(order[0]).toArray()), true);
    }

    /** {@code v} with its largest component in size made positive. */
    private static double[] signed(double[] v) {
        int big = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[big])) {
                big = j;
            }
        }
        if (v[big] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    /**
     * Logistic regression's minimum by Newton's method from w = 0, each step halved until the loss
     * falls (the loss is convex, its Hessian (1/m) sum s_i (1 - s_i) a_i a_i^T), solved by singular
     * value decomposition (the shortest step where columns are dependent); or null where there is
     * no minimum to solve for: where the weights come to separate the classes (the loss then
     * falls towards 0 without end), grow beyond 1e6, or do not bring the gradient norm below
     * {@link #NEWTON_GRADIENT} in {@link #NEWTON_ITERATIONS} steps.
     */
    public static Fit newton(DataSet data) {
        int n = data.rows();
        int p = data.features().size();
        int m = p + 1;
        double[] x = data.x();
        double[] y = data.y();
        DataLoss f = new DataLoss(Model.LOGISTIC_REGRESSION, data);
        double[] w = new double[m];
        double[] g = new double[m];
        double[] trial = new double[m];
        double fw = f.evaluate(w, g);
        for (int it = 0; it < NEWTON_ITERATIONS; it++) {
            if (separates(data, w)) {
                return null;
            }
            double gn = 0;
            for (double gj : g) {
                gn += gj * gj;
            }
            if (Math.sqrt(gn) < NEWTON_GRADIENT) {
                return atMinimum(data, w);
            }
            double[][] h = logisticHessian(data, w);
            double[] d = new SingularValueDecomposition(new Array2DRowRealMatrix(h, false)).getSolver()
                    .solve(new ArrayRealVector(g, false)).toArray();
            double step = 1.0;
            double ft = Double.NaN;
            for (int halve = 0; halve < 60; halve++) {
                for (int j = 0; j < m; j++) {
                    trial[j] = w[j] - step * d[j];
                }
                ft = f.value(trial);
                // a few ulps of slack: at the minimum the loss no longer falls, it rounds
                if (ft <= fw + 4 * Math.ulp(fw)) {
                    break;
                }
                step /= 2;
            }
            if (!(ft <= fw + 4 * Math.ulp(fw))) {
                // no step lowers the loss: at the minimum to within rounding, or lost
                return Math.sqrt(gn) < NEWTON_ROUNDED ? atMinimum(data, w) : null;
            }
            System.arraycopy(trial, 0, w, 0, m);
            double big = 0;
            for (double wj : w) {
                big = Math.max(big, Math.abs(wj));
            }
            if (big > 1e6) {
                return null;
            }
            fw = f.evaluate(w, g);
        }
        return null;
    }

    /** Whether {@code w} puts every row with target 1 at z > 0 and every other at z < 0. */
    public static boolean separates(DataSet data, double[] w) {
        int p = data.features().size();
        double[] x = data.x();
        double[] y = data.y();
        for (int i = 0; i < y.length; i++) {
            double z = w[p];
            for (int j = 0; j < p; j++) {
                z += w[j] * x[i * p + j];
            }
            if (!(y[i] == 1 ? z > 0 : z < 0)) {
                return false;
            }
        }
        return true;
    }
}
