package multistart.objective.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The models' losses and gradients, against closed forms and central differences. */
class DataLossTest {

    /** rows x features from a seeded generator; targets 0/1 for logistic, real for linear. */
    static DataSet random(int rows, int features, boolean classes, long seed) {
        Random r = new Random(seed);
        double[] x = new double[rows * features];
        double[] y = new double[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = 4 * r.nextDouble() - 2;
        }
        for (int i = 0; i < rows; i++) {
            y[i] = classes ? r.nextInt(2) : 3 * r.nextGaussian();
        }
        List<String> names = new java.util.ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("f" + j);
        }
        return new DataSet(names, x, y, List.of(), "");
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void gradientMatchesCentralDifferences(Model model) {
        Random r = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            DataLoss f = new DataLoss(model, random(37, 4, model == Model.LOGISTIC_REGRESSION, trial));
            double[] w = new double[5];
            for (int j = 0; j < w.length; j++) {
                w[j] = 3 * r.nextGaussian();
            }
            double[] g = new double[5];
            f.evaluate(w, g);
            for (int j = 0; j < w.length; j++) {
                double h = 1e-6;
                double[] a = w.clone();
                double[] b = w.clone();
                a[j] += h;
                b[j] -= h;
                double numeric = (f.value(a) - f.value(b)) / (2 * h);
                assertThat(g[j]).as("trial %d, coordinate %d", trial, j).isCloseTo(numeric,
                        within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void linearLossIsTheMeanSquaredResidual() {
        // y = 2x + 1 at x = 0, 1, 2 but the last target is off by 3: residuals of w = (2, 1) are 0, 0, -3
        DataSet d = new DataSet(List.of("x"), new double[] {0, 1, 2}, new double[] {1, 3, 8}, List.of(), "");
        DataLoss f = new DataLoss(Model.LINEAR_REGRESSION, d);
        double[] g = new double[2];
        assertThat(f.evaluate(new double[] {2, 1}, g)).isEqualTo(3.0); // 9 / 3
        // d/dw = 2/3 sum r_i x_i = 2/3 (-3 * 2) = -4, d/db = 2/3 (-3) = -2
        assertThat(g).containsExactly(-4.0, -2.0);
    }

    @Test
    void leastSquaresMatchesTheClosedFormOfAStraightLineFit() {
        // slope = cov(x, y) / var(x), intercept = mean(y) - slope mean(x): x 0..4, y 1, 2, 2, 5, 4
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {1, 2, 2, 5, 4};
        // sum (x - 2)(y - 2.8) / sum (x - 2)^2 = (3.6 + 0.8 + 0 + 2.2 + 2.4) / 10
        double slope = ((-2) * (-1.8) + (-1) * (-0.8) + 0 + 1 * 2.2 + 2 * 1.2) / 10.0;
        double intercept = 2.8 - slope * 2;
        double[] w = DataLoss.leastSquares(new DataSet(List.of("x"), x, y, List.of(), ""));
        assertThat(slope).isCloseTo(0.9, within(1e-15));
        assertThat(intercept).isCloseTo(1.0, within(1e-15));
        assertThat(w[0]).isCloseTo(0.9, within(1e-14));
        assertThat(w[1]).isCloseTo(intercept, within(1e-14));
    }

    @Test
    void leastSquaresAgreesWithADecompositionOfTheWholeDataAndItsGradientVanishes() {
        for (long seed = 0; seed < 5; seed++) {
            DataSet d = random(400, 3, false, seed);
            double[][] a = new double[400][4];
            for (int i = 0; i < 400; i++) {
                System.arraycopy(d.x(), i * 3, a[i], 0, 3);
                a[i][3] = 1;
            }
            double[] direct = new org.apache.commons.math3.linear.QRDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(a)).getSolver()
                    .solve(new org.apache.commons.math3.linear.ArrayRealVector(d.y())).toArray();
            double[] w = DataLoss.leastSquares(d);
            for (int j = 0; j < 4; j++) {
                assertThat(w[j]).isCloseTo(direct[j], within(1e-12));
            }
            double[] g = new double[4];
            new DataLoss(Model.LINEAR_REGRESSION, d).evaluate(w, g);
            for (double gj : g) {
                assertThat(gj).isCloseTo(0.0, within(1e-12));
            }
        }
    }

    @Test
    void theCurvaturesAreTheEigenvaluesOfTheHessian() {
        DataSet d = random(300, 3, false, 11);
        double[][] h = new double[4][4];
        for (int i = 0; i < 300; i++) {
            double[] a = {d.x()[3 * i], d.x()[3 * i + 1], d.x()[3 * i + 2], 1};
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    h[j][k] += 2 * a[j] * a[k] / 300;
                }
            }
        }
        double[] eig = new org.apache.commons.math3.linear.EigenDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(h)).getRealEigenvalues();
        java.util.Arrays.sort(eig);
        DataLoss.Fit fit = DataLoss.fit(d);
        assertThat(fit.curvatures()).containsExactly(eig, within(1e-12));
        assertThat(fit.gdLimit()).isCloseTo(2 / eig[3], within(1e-12));
    }

    @Test
    void newtonFindsLogisticRegressionsMinimumWhereTheClassesOverlapAndNoneWhereTheyAreSeparable() {
        for (long seed = 0; seed < 5; seed++) {
            // random labels: the classes overlap, and the minimum is where the gradient vanishes
            DataSet d = random(200, 3, true, seed);
            DataLoss.Fit fit = DataLoss.newton(d);
            assertThat(fit).isNotNull();
            assertThat(fit.newton()).isTrue();
            double[] g = new double[4];
            new DataLoss(Model.LOGISTIC_REGRESSION, d).evaluate(fit.weights(), g);
            for (double gj : g) {
                assertThat(gj).isCloseTo(0.0, within(1e-12));
            }
        }
        // label 1 exactly where the first feature is positive: separable, no minimum
        DataSet d = random(200, 2, true, 3);
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            y[i] = d.x()[2 * i] > 0 ? 1 : 0;
        }
        DataSet separable = new DataSet(d.features(), d.x(), y, List.of(), "");
        assertThat(DataLoss.newton(separable)).isNull();
        assertThat(DataLoss.separates(separable, new double[] {1, 0, 0})).isTrue();
        assertThat(DataLoss.separates(d, new double[] {1, 0, 0})).isFalse();
    }

    @Test
    void aRepeatedColumnLeavesTheMinimumOfTheFitWithoutIt() {
        // features (x, x): the weights are not determined, the loss is that of the fit on x alone
        DataSet one = random(50, 1, false, 7);
        double[] twice = new double[100];
        for (int i = 0; i < 50; i++) {
            twice[2 * i] = one.x()[i];
            twice[2 * i + 1] = one.x()[i];
        }
        DataSet both = new DataSet(List.of("a", "b"), twice, one.y(), List.of(), "");
        double[] w1 = DataLoss.leastSquares(one);
        double[] w2 = DataLoss.leastSquares(both);
        double best = new DataLoss(Model.LINEAR_REGRESSION, one).value(w1);
        assertThat(new DataLoss(Model.LINEAR_REGRESSION, both).value(w2)).isCloseTo(best, within(1e-12));
        // the shortest solution splits the weight evenly
        assertThat(w2[0]).isCloseTo(w1[0] / 2, within(1e-10));
        assertThat(w2[1]).isCloseTo(w1[0] / 2, within(1e-10));
    }

    @Test
    void logisticLossStaysFiniteAndExactFarOut() {
        // one example x = 1, y = 1: loss log(1 + e^-z) at z = w + b
        DataSet d = new DataSet(List.of("x"), new double[] {1}, new double[] {1}, List.of(), "");
        DataLoss f = new DataLoss(Model.LOGISTIC_REGRESSION, d);
        double[] g = new double[2];
        // z = 800: e^-800 underflows to 0; the loss is e^-800 rounded, 0, not NaN
        assertThat(f.evaluate(new double[] {400, 400}, g)).isEqualTo(0.0);
        // z = -800: the loss is 800 (log(1 + e^800) - 0), the gradient sigmoid(z) - 1 = -1
        assertThat(f.evaluate(new double[] {-400, -400}, g)).isEqualTo(800.0);
        assertThat(g).containsExactly(-1.0, -1.0);
        // z = 0: log 2, gradient -1/2
        assertThat(f.evaluate(new double[] {0, 0}, g)).isEqualTo(Math.log(2));
        assertThat(g).containsExactly(-0.5, -0.5);
        // z = -40: log1p(e^-40) + 40, which log(1 + e^-40) would round to 40
        assertThat(f.evaluate(new double[] {-20, -20}, g)).isEqualTo(40 + Math.log1p(Math.exp(-40)));
    }

    @Test
    void aBatchIsTheMeanOverItsRowsInTheOrderGiven() {
        DataSet d = random(10, 2, false, 4);
        DataLoss f = new DataLoss(Model.LINEAR_REGRESSION, d);
        double[] w = {0.3, -0.7, 0.2};
        int[] order = {7, 2, 9, 0, 5, 1, 3, 4, 6, 8};
        double[] g = new double[3];
        double v = f.evaluate(w, g, order, 1, 4); // rows 2, 9, 0
        double expected = 0;
        double[] eg = new double[3];
        for (int i : new int[] {2, 9, 0}) {
            double r = w[0] * d.x()[2 * i] + w[1] * d.x()[2 * i + 1] + w[2] - d.y()[i];
            expected += r * r / 3;
            eg[0] += 2 * r * d.x()[2 * i] / 3;
            eg[1] += 2 * r * d.x()[2 * i + 1] / 3;
            eg[2] += 2 * r / 3;
        }
        assertThat(v).isCloseTo(expected, within(1e-14));
        for (int j = 0; j < 3; j++) {
            assertThat(g[j]).isCloseTo(eg[j], within(1e-14));
        }
    }
    /**
     * The logistic loss's log(1 + e), e = e^-|z| in [0, 1], against StrictMath.log1p (fdlibm,
     * within 1 ulp of the true value): within 2 ulps over 10^6 seeded values spread over
     * z in [0, 40] and e in [0, 1]; e itself below half an ulp of 1, log 2 at e = 1, 0 at 0.
     */
    @Test
    void theLossesLog1pIsWithinTwoUlpsOfTheLibrarysOwn() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 1_000_000; i++) {
            double e = i % 2 == 0 ? Math.exp(-r.nextDouble(0, 40)) : r.nextDouble();
            double exact = StrictMath.log1p(e);
            assertThat(Math.abs(DataLoss.log1p(e) - exact)).as("e = %s", e).isLessThanOrEqualTo(2 * Math.ulp(exact));
        }
        assertThat(DataLoss.log1p(1e-17)).isEqualTo(1e-17);
        assertThat(DataLoss.log1p(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(DataLoss.log1p(0.0)).isZero();
        assertThat(DataLoss.log1p(1.0)).isCloseTo(Math.log(2), within(Math.ulp(Math.log(2))));
    }
}
