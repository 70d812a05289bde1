package multistart.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rosenbrock's second minimum, which LocalMinima counts from 4 variables on (Shang and Qiu,
 * "A note on the extended Rosenbrock function", Evolutionary Computation 14(1), 2006: two minima
 * for 4 to 30 variables): Newton's method on the function's own gradient and Hessian, written out
 * here by hand, from (-1, 1, ..., 1) ends at a point of zero gradient and positive definite
 * Hessian inside the default domain, other than (1, ..., 1); below 4 variables it does not.
 */
class RosenbrockMinimaTest {

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 7, 10, 20, 30})
    void aSecondMinimumLiesNearMinusOneOneOne(int n) {
        double[] x = newton(n);
        assertThat(norm(gradient(x))).isLessThan(1e-10);
        double[] eigenvalues = new EigenDecomposition(hessian(x)).getRealEigenvalues();
        for (double e : eigenvalues) {
            assertThat(e).as("Hessian eigenvalue in %d-d", n).isPositive();
        }
        assertThat(x[0]).isBetween(-1.0, -0.7);
        Box box = Builtins.find("rosenbrock").orElseThrow().domain(n);
        for (int i = 0; i < n; i++) {
            assertThat(x[i]).isBetween(box.low(i), box.high(i));
        }
        assertThat(value(x)).isGreaterThan(3.5).isLessThan(4.0);
        assertThat(LocalMinima.inDefaultDomain("rosenbrock", n).minima()).isEqualTo(2);
        // the built-in agrees with the hand-written function there
        double[] grad = new double[n];
        double builtin = Builtins.find("rosenbrock").orElseThrow().create(n).evaluate(x, grad);
        assertThat(builtin).isCloseTo(value(x), within(1e-12));
    }

    @Test
    void inFourVariablesTheLiteraturesPoint() {
        // Shang and Qiu's table: (-0.7757, 0.6130, 0.3820, 0.1459), f = 3.7015
        double[] x = newton(4);
        assertThat(x).containsExactly(new double[] {-0.7757, 0.6130, 0.3820, 0.1459}, within(1e-4));
        assertThat(value(x)).isCloseTo(3.7015, within(1e-4));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void belowFourVariablesNewtonFindsNoSecondMinimum(int n) {
        double[] x = newton(n);
        boolean minimum = norm(gradient(x)) < 1e-10;
        for (double e : new EigenDecomposition(hessian(x)).getRealEigenvalues()) {
            minimum &= e > 0;
        }
        // either a saddle or no stationary point there: the one minimum is (1, ..., 1)
        assertThat(minimum && x[0] < 0).isFalse();
        assertThat(LocalMinima.inDefaultDomain("rosenbrock", n).minima()).isEqualTo(1);
    }

    private static double[] newton(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1.0);
        x[0] = -1.0;
        for (int k = 0; k < 100; k++) {
            RealVector step = new LUDecomposition(hessian(x)).getSolver().solve(new ArrayRealVector(gradient(x)));
            for (int i = 0; i < n; i++) {
                x[i] -= step.getEntry(i);
            }
        }
        return x;
    }

    private static double value(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
        }
        return s;
    }

    private static double[] gradient(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int i = 0; i + 1 < n; i++) {
            double r = x[i + 1] - x[i] * x[i];
            g[i] += -400 * x[i] * r - 2 * (1 - x[i]);
            g[i + 1] += 200 * r;
        }
        return g;
    }

    private static RealMatrix hessian(double[] x) {
        int n = x.length;
        RealMatrix h = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i + 1 < n; i++) {
            h.addToEntry(i, i, 1200 * x[i] * x[i] - 400 * x[i + 1] + 2);
            h.addToEntry(i + 1, i + 1, 200);
            h.addToEntry(i, i + 1, -400 * x[i]);
            h.addToEntry(i + 1, i, -400 * x[i]);
        }
        return h;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
