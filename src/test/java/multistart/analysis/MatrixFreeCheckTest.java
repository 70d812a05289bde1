package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import multistart.objective.Builtins;
import multistart.objective.Objective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Hessian check without a dense Hessian (Lanczos on central-difference Hessian-vector
 * products), against closed forms: Hessians known exactly at the points tested, and the
 * dense check where both can run.
 */
class MatrixFreeCheckTest {

    /** The root of 4x^3 - 32x + 5 (styblinski-tang's stationary points, per coordinate) near x0. */
    static double styblinskiRoot(double x0) {
        double x = x0;
        for (int k = 0; k < 60; k++) {
            x -= (4 * x * x * x - 32 * x + 5) / (12 * x * x - 32);
        }
        return x;
    }

    @Test
    void theSphereIn2000DimensionsHasItsMinimumAtZeroWithEveryEigenvalueTwo() {
        int n = 2000;
        Objective f = Builtins.find("sphere").orElseThrow().create(n);
        double[] x = new double[n];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-1e-8, 1e-8);
        }
        Classifier.Verdict v = new Classifier(f, 1e-4).classifyMatrixFree(x);
        assertThat(v.kind()).isEqualTo(Kind.MINIMUM);
        assertThat(v.extremesOnly()).isTrue();
        // H = 2I exactly; central differences of a linear gradient are exact up to rounding
        assertThat(v.eigenvalues()[0]).isCloseTo(2.0, within(1e-9));
        assertThat(v.eigenvalues()[1]).isCloseTo(2.0, within(1e-9));
    }

    /**
     * Styblinski-tang is a sum of (x^4 - 16x^2 + 5x) / 2 over the coordinates: at a point whose
     * coordinates are each a root of 4x^3 - 32x + 5, the Hessian is diagonal with 6x^2 - 16.
     * Every coordinate at a local minimum root: a minimum; one at the local maximum root
     * (x = 0.1567...): a saddle with exactly that negative eigenvalue. The gradient there is
     * orthogonal to the negative direction (zero, up to rounding), so only a start vector that is
     * not built from g can find it.
     */
    @ParameterizedTest(name = "{0}-d")
    @ValueSource(ints = {150, 1100})
    void styblinskiTangsMinimaAndSaddlesAreToldApart(int n) {
        Objective f = Builtins.find("styblinski-tang").orElseThrow().create(n);
        double low = styblinskiRoot(-2.9);
        double high = styblinskiRoot(2.75);
        double peak = styblinskiRoot(0.15);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 3 == 0 ? high : low;
        }
        Classifier c = new Classifier(f, 1e-6);
        Classifier.Verdict min = c.classifyMatrixFree(x);
        assertThat(min.kind()).isEqualTo(Kind.MINIMUM);
        assertThat(min.eigenvalues()[0]).isCloseTo(6 * high * high - 16, within(1e-5));
        assertThat(min.eigenvalues()[1]).isCloseTo(6 * low * low - 16, within(1e-5));

        x[n / 2] = peak;
        Classifier.Verdict saddle = c.classifyMatrixFree(x);
        assertThat(saddle.kind()).isEqualTo(Kind.SADDLE);
        assertThat(saddle.eigenvalues()[0]).isCloseTo(6 * peak * peak - 16, within(1e-5));
        assertThat(saddle.eigenvalues()[1]).isCloseTo(6 * low * low - 16, within(1e-5));

        // a step away from the saddle along one coordinate: no longer stationary
        x[n / 2] = peak + 0.01;
        assertThat(c.classifyMatrixFree(x).kind()).isEqualTo(Kind.UNRESOLVED);
    }

    /**
     * Where both checks run, they agree: rastrigin in 120-d at points next to its grid of
     * stationary points (minima near integers, saddles near half-integers in some coordinates),
     * and at random points of rosenbrock's box; the extreme eigenvalues match the dense ones.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"rastrigin, 5.12", "rosenbrock, 2", "styblinski-tang, 5"})
    void theMatrixFreeVerdictsAreTheDenseOnes(String name, double half) {
        int n = 120;
        Objective f = Builtins.find(name).orElseThrow().create(n);
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        Classifier c = new Classifier(f, 1e-4);
        int stationary = 0;
        for (int k = 0; k < 24; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextDouble(-half, half);
            }
            if (name.equals("rastrigin") && k % 2 == 0) {
                // a stationary point: coordinate by coordinate, Newton on 2x + 20 pi sin(2 pi x)
                // from the nearest integer, or half-integer for a few (a local maximum there)
                for (int i = 0; i < n; i++) {
                    double y = i % 17 == k % 17 && k % 4 == 0 ? Math.rint(x[i] - 0.5) + 0.5 : Math.rint(x[i]);
                    for (int it = 0; it < 50; it++) {
                        y -= (2 * y + 20 * Math.PI * Math.sin(2 * Math.PI * y))
                                / (2 + 40 * Math.PI * Math.PI * Math.cos(2 * Math.PI * y));
                    }
                    x[i] = y;
                }
            }
            Classifier.Verdict dense = c.classify(x);
            Classifier.Verdict free = c.classifyMatrixFree(x);
            assertThat(free.kind()).as("%s at %s", name, Arrays.toString(x)).isEqualTo(dense.kind());
            if (dense.kind() != Kind.UNRESOLVED) {
                stationary++;
            }
            double[] lambda = dense.eigenvalues();
            // Ritz values lie inside the spectrum (up to the differences' error), the least on the
            // side of zero the least eigenvalue is on (which is what the verdict needs; in a
            // cluster of eigenvalues at the bottom, as at rosenbrock's random points, it may
            // stop well inside it), the greatest within a percent of the scale
            double scale = Math.max(Math.abs(lambda[0]), Math.abs(lambda[n - 1]));
            assertThat(free.eigenvalues()[0]).isGreaterThan(lambda[0] - 1e-6 * scale);
            assertThat(Math.signum(free.eigenvalues()[0])).isEqualTo(Math.signum(lambda[0]));
            assertThat(free.eigenvalues()[1]).isLessThan(lambda[n - 1] + 1e-6 * scale)
                    .isCloseTo(lambda[n - 1], within(1e-2 * scale));
        }
        if (name.equals("rastrigin")) {
            // the Newton-polished points: minima, and the saddles among them
            assertThat(stationary).isEqualTo(12);
        }
    }

    /** f = sum of c_i x_i^2 / 2: Hessian diag(c), minimum at 0. */
    static Objective diagonalQuadratic(int n, java.util.function.IntToDoubleFunction c) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = c.applyAsDouble(i);
        }
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] grad) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += d[i] * x[i] * x[i] / 2;
                    grad[i] = d[i] * x[i];
                }
                return s;
            }
        };
    }

    /** f = sum of x_i^2 over all coordinates but the first: flat along x_1, so singular. */
    @Test
    void aFlatDirectionIsSingularAndUnresolved() {
        int n = 1500;
        Objective f = diagonalQuadratic(n, i -> i == 0 ? 0 : 2);
        double[] x = new double[n];
        x[0] = 3;
        Classifier.Verdict v = new Classifier(f, 1e-4).classifyMatrixFree(x);
        assertThat(v.kind()).isEqualTo(Kind.UNRESOLVED);
        assertThat(v.eigenvalues()[0]).isCloseTo(0.0, within(1e-9));
        assertThat(v.eigenvalues()[1]).isCloseTo(2.0, within(1e-9));
        // a line of minima (every x_1, the rest at 0): a flat-bottomed valley
        assertThat(v.flatBottomed(1e-4)).isTrue();
    }

    /** The Newton step's length against the closed form for diagonal operators, definite or not. */
    @Test
    void theSolveGivesTheLengthOfTheInverseTimesTheVector() {
        int n = 300;
        double[] d = new double[n];
        double[] b = new double[n];
        SplittableRandom rnd = new SplittableRandom(7);
        for (boolean indefinite : new boolean[] {false, true}) {
            double expect = 0;
            for (int i = 0; i < n; i++) {
                d[i] = rnd.nextDouble(0.5, 20) * (indefinite && i % 5 == 0 ? -1 : 1);
                b[i] = rnd.nextDouble(-1, 1);
                expect += (b[i] / d[i]) * (b[i] / d[i]);
            }
            Lanczos l = new Lanczos((v, y) -> {
                for (int i = 0; i < n; i++) {
                    y[i] = d[i] * v[i];
                }
            }, n, 300);
            assertThat(l.solutionNorm(b, 1e-10)).isCloseTo(Math.sqrt(expect), within(1e-8 * Math.sqrt(expect)));
            Lanczos.Extremes e = l.extremes(b, 1e-9);
            double lo = Arrays.stream(d).min().orElseThrow();
            double hi = Arrays.stream(d).max().orElseThrow();
            assertThat(e.min()).isCloseTo(lo, within(0.1 * Math.abs(lo)));
            assertThat(e.max()).isCloseTo(hi, within(e.maxResidual()));
            assertThat(e.maxResidual()).isLessThanOrEqualTo(1e-2 * 20);
        }
    }

    /**
     * Rosenbrock's minimum in 1200-d: the Hessian (tridiagonal, closed form) has one isolated
     * small eigenvalue, 0.49875..., and 1 199 packed into [202, 1802], whose top the residual
     * test must not wait for.
     */
    @Test
    void rosenbrocksMinimumIn1200DimensionsIsAMinimum() {
        int n = 1200;
        Objective f = Builtins.find("rosenbrock").orElseThrow().create(n);
        double[] x = new double[n];
        Arrays.fill(x, 1.0);
        x[7] += 1e-9;
        Classifier.Verdict v = new Classifier(f, 1e-4).classifyMatrixFree(x);
        assertThat(v.kind()).isEqualTo(Kind.MINIMUM);
        // the extreme eigenvalues of the tridiagonal matrix with 802, 1002, ..., 1002, 200 on the
        // diagonal and -400 beside it, by bisection on Sturm counts
        double[] main = new double[n];
        for (int i = 0; i < n; i++) {
            main[i] = (i < n - 1 ? 802 : 0) + (i > 0 ? 200 : 0);
        }
        double lo = bisect(main, -400, 1, -1, 3000);
        double hi = bisect(main, -400, n, -1, 3000);
        assertThat(lo).isCloseTo(0.498753117, within(1e-8));
        assertThat(v.eigenvalues()[0]).isCloseTo(lo, within(1e-4 * lo));
        assertThat(v.eigenvalues()[1]).isCloseTo(hi, within(1e-2 * hi));
    }

    /** The k-th least eigenvalue (from 1) of a symmetric tridiagonal matrix with constant off-diagonal c. */
    static double bisect(double[] d, double c, int k, double a, double b) {
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (a + b);
            // eigenvalues below mid: negative pivots of T - mid I
            int below = 0;
            double p = 1;
            for (int i = 0; i < d.length; i++) {
                p = d[i] - mid - (i > 0 ? c * c / p : 0);
                if (p == 0) {
                    p = -1e-300;
                }
                below += p < 0 ? 1 : 0;
            }
            if (below >= k) {
                b = mid;
            } else {
                a = mid;
            }
        }
        return 0.5 * (a + b);
    }

    /** The work is a count that depends on the steps taken, not on the clock. */
    @Test
    void theWorkCountsTheStepsTaken() {
        int n = 2000;
        Classifier c = new Classifier(Builtins.find("sphere").orElseThrow().create(n), 1e-4);
        c.classifyMatrixFree(new double[n]);
        // one step (H = 2I: the Krylov space of any start is one vector): 20 n + 8 n; the
        // gradient is 0, so no solve
        assertThat(c.matrixFreeWork()).isEqualTo(28.0 * n);
        double[] x = new double[n];
        Arrays.fill(x, 1.0);
        Classifier r = new Classifier(Builtins.find("rosenbrock").orElseThrow().create(n), 1e-4);
        r.classifyMatrixFree(x);
        double once = r.matrixFreeWork();
        r.classifyMatrixFree(x);
        assertThat(r.matrixFreeWork()).isEqualTo(once).isGreaterThan(28.0 * n * 10)
                .isLessThanOrEqualTo(Classifier.lanczosWorstCase(n));
    }

    /**
     * f = sum of c_i x_i^2 / 2 in 1500-d with c_i = i + 1: eigenvalues 1, 2, ..., 1500, the least
     * 1 apart against a spread of 1500. A minimum, with the least Ritz value within the tenth
     * Lanczos.extremes promises and the greatest within a percent, in at most the worst case's
     * work. With c_i = i + 1e-3 the least, 0.001, is below the 1e-6 * 1500 that counts as zero:
     * found (in all 200 steps), and the point unresolved as singular.
     */
    @ParameterizedTest(name = "c_i = i + {0}")
    @ValueSource(doubles = {1, 1e-3})
    void aWideSpectrumWithinTheWorstCase(double shift) {
        int n = 1500;
        Objective f = diagonalQuadratic(n, i -> i + shift);
        Classifier c = new Classifier(f, 1e-4);
        Classifier.Verdict v = c.classifyMatrixFree(new double[n]);
        assertThat(c.matrixFreeWork()).isLessThanOrEqualTo(Classifier.lanczosWorstCase(n));
        if (shift == 1) {
            assertThat(v.kind()).isEqualTo(Kind.MINIMUM);
            assertThat(v.eigenvalues()[0]).isBetween(1.0, 1.1);
            assertThat(v.eigenvalues()[1]).isBetween(1500 * 0.99, 1500.0 + 1e-9);
        } else {
            // singular as the dense check would say: found, and below the zero line
            assertThat(v.kind()).isEqualTo(Kind.UNRESOLVED);
            assertThat(v.eigenvalues()[0]).isCloseTo(1e-3, within(1e-4));
            assertThat(v.eigenvalues()[0]).isLessThan(1e-6 * v.eigenvalues()[1]);
        }
    }
}
