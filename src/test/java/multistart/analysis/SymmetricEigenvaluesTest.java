package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values-only eigensolver against closed forms and against Commons Math's decomposition. */
class SymmetricEigenvaluesTest {

    /** Random symmetric matrices, some with repeated, zero or widely scaled eigenvalues. */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 5, 10, 31, 100})
    void agreesWithCommonsMath(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        for (int trial = 0; trial < 20; trial++) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = trial % 5 == 3 && rnd.nextInt(3) > 0 ? 0 : rnd.nextDouble(-1, 1)
                            * Math.pow(10, trial % 5 == 4 ? rnd.nextInt(-6, 7) : 0);
                    a[i][j] = v;
                    a[j][i] = v;
                }
            }
            if (trial % 5 == 2 && n > 1) {
                // a rank-one matrix: n - 1 zero eigenvalues
                double[] u = rnd.doubles(n, -1, 1).toArray();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] = u[i] * u[j];
                    }
                }
            }
            double[][] copy = Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
            double[] mine = SymmetricEigenvalues.of(a);
            assertThat(a).isDeepEqualTo(copy);
            double[] theirs = new EigenDecomposition(new Array2DRowRealMatrix(copy)).getRealEigenvalues();
            Arrays.sort(theirs);
            double scale = 0;
            for (double[] row : copy) {
                for (double v : row) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            assertThat(mine).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(mine[i]).as("n %d trial %d eigenvalue %d", n, trial, i)
                        .isCloseTo(theirs[i], within(1e-12 * n * scale));
            }
        }
    }

    /** Closed forms: the second-difference matrix (2 on the diagonal, -1 beside it). */
    @Test
    void theSecondDifferenceMatrix() {
        int n = 50;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 2;
            if (i + 1 < n) {
                a[i][i + 1] = -1;
                a[i + 1][i] = -1;
            }
        }
        double[] lambda = SymmetricEigenvalues.of(a);
        for (int k = 1; k <= n; k++) {
            assertThat(lambda[k - 1]).isCloseTo(2 - 2 * Math.cos(k * Math.PI / (n + 1)), within(1e-13));
        }
    }

    @Test
    void notFiniteIsNull() {
        assertThat(SymmetricEigenvalues.of(new double[][] {{1, Double.NaN}, {Double.NaN, 1}})).isNull();
        assertThat(SymmetricEigenvalues.of(new double[][] {{Double.POSITIVE_INFINITY}})).isNull();
    }
}
