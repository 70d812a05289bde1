package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import multistart.objective.Builtins;
import multistart.objective.Objective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {

    /**
     * The quick test skips the eigendecomposition only where the full test says unresolved too:
     * random points (most plainly not stationary) and points next to the known minima, on
     * functions with minima, saddles and flat regions.
     */
    @ParameterizedTest(name = "{0} {1}-d")
    @CsvSource({"rosenbrock, 10, 2", "rastrigin, 3, 5.12", "himmelblau, 2, 5", "peaks, 2, 3", "ackley, 4, 5",
        "six-hump-camel, 2, 2"})
    void quickVerdictsAgreeWithTheFullTest(String name, int n, double half) {
        Objective f = Builtins.find(name).orElseThrow().create(n);
        Classifier c = new Classifier(f, 1e-6);
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        int skipped = 0;
        for (int k = 0; k < 400; k++) {
            double[] x = new double[n];
            // every fourth point close to a stationary point of the coordinate grid (rastrigin's
            // minima and saddles sit near integers), the rest anywhere in the box
            for (int i = 0; i < n; i++) {
                x[i] = k % 4 == 0 ? Math.rint(rnd.nextDouble(-half, half)) * 0.995 + rnd.nextDouble(-1e-9, 1e-9)
                        : rnd.nextDouble(-half, half);
            }
            Classifier.Verdict quick = c.classify(x, true);
            Classifier.Verdict full = c.classify(x, false);
            assertThat(quick.kind()).as("%s at %s", name, java.util.Arrays.toString(x)).isEqualTo(full.kind());
            assertThat(full.eigenvalues()).isNotNull();
            // the step to a minimum, where the full test sees one (positive definite, clear of
            // singular), is the quick test's too: a Cholesky solve against an LU solve
            if (!Double.isNaN(full.stepToMinimum())) {
                assertThat(quick.stepToMinimum()).as("%s at %s", name, java.util.Arrays.toString(x))
                        .isCloseTo(full.stepToMinimum(), org.assertj.core.api.Assertions.withinPercentage(1e-4));
            }
            if (quick.eigenvalues() == null) {
                skipped++;
                assertThat(quick.kind()).isEqualTo(Kind.UNRESOLVED);
            } else {
                assertThat(quick.eigenvalues()).containsExactly(full.eigenvalues());
            }
        }
        // the point of the quick test: most random points need no eigendecomposition
        assertThat(skipped).isGreaterThan(200);
    }

    /**
     * Sphere: H = 2I and g = 2x, so the Newton step from x is x itself, |x| to the minimum at 0.
     * Unresolved at a tolerance finer than that, its step to the minimum is |x|; a minimum, or a
     * point near a saddle, has none.
     */
    @Test
    void anUnresolvedPointNearAMinimumKnowsHowFarItIs() {
        Objective sphere = Builtins.find("sphere").orElseThrow().create(3);
        double[] x = {1e-6, -2e-6, 2e-6};
        for (boolean quick : new boolean[] {true, false}) {
            Classifier.Verdict fine = new Classifier(sphere, 1e-9).classify(x, quick);
            assertThat(fine.kind()).isEqualTo(Kind.UNRESOLVED);
            assertThat(fine.stepToMinimum()).isCloseTo(3e-6, org.assertj.core.api.Assertions.within(1e-15));
            Classifier.Verdict coarse = new Classifier(sphere, 1e-4).classify(x, quick);
            assertThat(coarse.kind()).isEqualTo(Kind.MINIMUM);
            assertThat(coarse.stepToMinimum()).isNaN();
            // himmelblau's saddle at (-0.270845, -0.923039): indefinite, no minimum to step to
            Objective h = Builtins.find("himmelblau").orElseThrow().create(2);
            assertThat(new Classifier(h, 1e-9).classify(new double[] {-0.2708, -0.923}, quick).stepToMinimum())
                    .isNaN();
            // the matrix-free check: |g| / min lambda, exact here (every eigenvalue is 2)
            assertThat(new Classifier(sphere, 1e-9).classifyMatrixFree(x).stepToMinimum())
                    .isCloseTo(3e-6, org.assertj.core.api.Assertions.within(1e-12));
            // far from anything (rosenbrock's valley floor): a step, but a long one
            Objective r = Builtins.find("rosenbrock").orElseThrow().create(2);
            assertThat(new Classifier(r, 1e-6).classify(new double[] {-0.5, 0.25}, quick).stepToMinimum())
                    .isGreaterThan(1.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"himmelblau, 3.0, 2.0", "rosenbrock, 1.0, 1.0"})
    void aMinimumIsNeverSkipped(String name, double x, double y) {
        Objective f = Builtins.find(name).orElseThrow().create(2);
        Classifier.Verdict v = new Classifier(f, 1e-6).classify(new double[] {x, y}, true);
        assertThat(v.kind()).isEqualTo(Kind.MINIMUM);
        assertThat(v.eigenvalues()).hasSize(2);
        assertThat(v.eigenvalues()[0]).isPositive();
    }

    /**
     * Rosenbrock's valley floor short of the minimum (where W3's runs end: small gradient, long
     * Newton step): the quick test settles most of it by the Cholesky step, with the full
     * test's verdicts.
     */
    @org.junit.jupiter.api.Test
    void theValleyFloorIsSettledWithoutTheEigendecomposition() {
        int n = 10;
        Objective f = Builtins.find("rosenbrock").orElseThrow().create(n);
        SplittableRandom rnd = new SplittableRandom(10);
        for (double tol : new double[] {1e-6, 1e-3}) {
            Classifier c = new Classifier(f, tol);
            int skipped = 0;
            for (int k = 0; k < 300; k++) {
                // x_{i+1} = x_i^2 from x_1 = 1 + d: on the floor; a little noise off it
                double d = Math.pow(10, rnd.nextDouble(-7, -2)) * (rnd.nextBoolean() ? 1 : -1);
                double[] x = new double[n];
                x[0] = 1 + d;
                for (int i = 1; i < n; i++) {
                    x[i] = x[i - 1] * x[i - 1] + rnd.nextDouble(-1e-8, 1e-8);
                }
                Classifier.Verdict quick = c.classify(x, true);
                Classifier.Verdict full = c.classify(x, false);
                assertThat(quick.kind()).as("tol %s at %s", tol, java.util.Arrays.toString(x)).isEqualTo(full.kind());
                if (quick.eigenvalues() == null) {
                    skipped++;
                    assertThat(full.newtonStep()).isGreaterThan(tol);
                }
            }
            assertThat(skipped).as("tol %s", tol).isGreaterThan(150);
        }
    }

    /**
     * The Cholesky Newton step against Commons Math's LU solve of the same system on random
     * symmetric positive definite matrices (A A^T + c I), and 0 where the matrix is indefinite
     * or singular.
     */
    @org.junit.jupiter.api.Test
    void theCholeskyStepIsTheSolutionOfHsEqualsG() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(12);
            double[][] a = new double[n][n];
            for (double[] row : a) {
                for (int j = 0; j < n; j++) {
                    row[j] = rnd.nextDouble(-2, 2);
                }
            }
            double[][] h = new double[n][n];
            double c = Math.pow(10, rnd.nextDouble(-3, 1));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = i == j ? c : 0;
                    for (int k = 0; k < n; k++) {
                        sum += a[i][k] * a[j][k];
                    }
                    h[i][j] = sum;
                }
            }
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = rnd.nextDouble(-1, 1);
            }
            double[] s = new org.apache.commons.math3.linear.LUDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(h)).getSolver()
                    .solve(new org.apache.commons.math3.linear.ArrayRealVector(g)).toArray();
            double norm = 0;
            for (double v : s) {
                norm += v * v;
            }
            assertThat(Classifier.newtonStepIfPositiveDefinite(h, g))
                    .isCloseTo(Math.sqrt(norm), org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
        // indefinite (a saddle), singular, not a number
        assertThat(Classifier.newtonStepIfPositiveDefinite(new double[][] {{2, 0}, {0, -1}}, new double[] {1, 1}))
                .isZero();
        assertThat(Classifier.newtonStepIfPositiveDefinite(new double[][] {{1, 1}, {1, 1}}, new double[] {1, 1}))
                .isZero();
        assertThat(Classifier.newtonStepIfPositiveDefinite(new double[][] {{Double.NaN}}, new double[] {1})).isZero();
        // diagonal: g_i / h_ii
        assertThat(Classifier.newtonStepIfPositiveDefinite(new double[][] {{4, 0}, {0, 0.5}}, new double[] {2, 1}))
                .isCloseTo(Math.hypot(0.5, 2), org.assertj.core.data.Offset.offset(1e-15));
    }

    /**
     * Far from peaks' bumps its Hessian is about 1e-155, whose squares underflow: Commons Math's
     * eigendecomposition never converged there, and a sweep whose runs ended out there failed
     * in its analysis. Decomposed at unit scale, the eigenvalues come out, scaled back: those of
     * the same matrix times 2^500, divided by 2^500, and the point is unresolved (not a minimum:
     * its gradient is tiny, but so is the curvature, and the Newton step is long).
     */
    @Test
    void aTinyHessianIsDecomposedAtItsOwnScale() {
        Objective f = Builtins.find("peaks").orElseThrow().create(2);
        double[] far = {19.07409429559805, 3.1033577276865967};
        Classifier.Verdict v = new Classifier(f, 1e-4).classify(far, false);
        assertThat(v.kind()).isEqualTo(Kind.UNRESOLVED);
        assertThat(v.eigenvalues()).hasSize(2);
        double[][] h = {{6.753950527408129E-155, 1.093299191229624E-155}, {1.093299191229624E-155,
                1.677467002171033E-156}};
        // the closed form of a symmetric 2x2's eigenvalues, at a safe scale
        double a = Math.scalb(h[0][0], 500);
        double b = Math.scalb(h[0][1], 500);
        double d = Math.scalb(h[1][1], 500);
        double mid = (a + d) / 2;
        double r = Math.hypot((a - d) / 2, b);
        assertThat(Math.scalb(mid - r, -500) / v.eigenvalues()[0]).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Math.scalb(mid + r, -500) / v.eigenvalues()[1]).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-3));
        // and the scaling itself: a power of two, exact, the largest entry in [1, 2)
        double[][] m = {{3e-300, -1e-301}, {-1e-301, 0.0}};
        int e = Classifier.scaleExponent(m);
        assertThat(Math.abs(m[0][0])).isBetween(1.0, 2.0);
        assertThat(Math.scalb(m[0][0], e)).isEqualTo(3e-300);
        assertThat(Math.scalb(m[0][1], e)).isEqualTo(-1e-301);
        assertThat(Classifier.scaleExponent(new double[][] {{0.0}})).isZero();
    }
    /** An objective of two variables from its value and gradient, for the cases below. */
    interface Plane {
        double value(double x, double y, double[] g);
    }

    static Objective plane(Plane p) {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double evaluate(double[] x, double[] grad) {
                return p.value(x[0], x[1], grad);
            }
        };
    }

    /**
     * A ring of minima, (x^2 + y^2 - 1)^2: on it the Hessian is 8 (x, y)(x, y)^T, eigenvalues 0
     * (along the ring) and 8, and the gradient 4 (r^2 - 1)(x, y) vanishes; a flat-bottomed
     * valley, unresolved. So is the hyperbola of minima of (xy - 1)^2 (an over-parametrised
     * product), eigenvalues 0 and 2 (x^2 + y^2). Not flat-bottomed: a minimum (x^2 + y^2), a
     * saddle with a flat direction (x^2 y^2 - y^2: eigenvalues -2 and 0 at
     * the origin), a slope with a flat direction (x + y^2: |g| / max lambda = 1/2), and the
     * ring just off its floor, past a tolerance's step (r = 1.001: the step is r - 1).
     */
    @Test
    void aValleyOfMinimaThatAreNotIsolatedIsFlatBottomed() {
        double tol = 1e-4;
        Objective ring = plane((x, y, g) -> {
            double d = x * x + y * y - 1;
            g[0] = 4 * d * x;
            g[1] = 4 * d * y;
            return d * d;
        });
        for (double t : new double[] {0.0, 0.7, 2.1, 4.0}) {
            Classifier.Verdict v = new Classifier(ring, tol).classify(new double[] {Math.cos(t), Math.sin(t)}, false);
            assertThat(v.kind()).isEqualTo(Kind.UNRESOLVED);
            assertThat(v.eigenvalues()[0]).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-8));
            assertThat(v.eigenvalues()[1]).isCloseTo(8.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(v.flatBottomed(tol)).as("ring at t = %s", t).isTrue();
            // and the quick test, which leaves the point to the eigendecomposition, agrees
            assertThat(new Classifier(ring, tol).classify(new double[] {Math.cos(t), Math.sin(t)}, true)
                    .flatBottomed(tol)).isTrue();
        }
        double r = 1.001;
        assertThat(new Classifier(ring, tol).classify(new double[] {r * 0.6, r * 0.8},
                false).flatBottomed(tol)).isFalse();
        Objective product = plane((x, y, g) -> {
            double d = x * y - 1;
            g[0] = 2 * d * y;
            g[1] = 2 * d * x;
            return d * d;
        });
        Classifier.Verdict onHyperbola = new Classifier(product, tol).classify(new double[] {2, 0.5}, false);
        assertThat(onHyperbola.eigenvalues()[1]).isCloseTo(2 * (4 + 0.25), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(onHyperbola.flatBottomed(tol)).isTrue();
        Objective bowl = plane((x, y, g) -> {
            g[0] = 2 * x;
            g[1] = 2 * y;
            return x * x + y * y;
        });
        Classifier.Verdict minimum = new Classifier(bowl, tol).classify(new double[] {0, 0}, false);
        assertThat(minimum.kind()).isEqualTo(Kind.MINIMUM);
        assertThat(minimum.flatBottomed(tol)).isFalse();
        Objective trough = plane((x, y, g) -> {
            g[0] = 2 * x * y * y;
            g[1] = 2 * x * x * y - 2 * y;
            return x * x * y * y - y * y;
        });
        Classifier.Verdict flatSaddle = new Classifier(trough, tol).classify(new double[] {0, 0}, false);
        assertThat(flatSaddle.eigenvalues()[0]).isCloseTo(-2.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(flatSaddle.flatBottomed(tol)).isFalse();
        Objective slope = plane((x, y, g) -> {
            g[0] = 1;
            g[1] = 2 * y;
            return x + y * y;
        });
        Classifier.Verdict onSlope = new Classifier(slope, tol).classify(new double[] {0.3, 0}, false);
        assertThat(onSlope.kind()).isEqualTo(Kind.UNRESOLVED);
        assertThat(onSlope.flatBottomed(tol)).isFalse();
    }
}
