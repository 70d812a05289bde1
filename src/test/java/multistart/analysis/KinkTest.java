package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import multistart.objective.Builtins;
import multistart.objective.Objective;
import multistart.objective.expression.Formula;
import org.junit.jupiter.api.Test;

/**
 * {@link Classifier#besideKink}: a kink is where the slope flips sign at once. The points
 * below are where gradient descent leaves its runs: a step's length from the minimum.
 */
class KinkTest {

    static Objective formula(String text, String... vars) throws Exception {
        return Formula.of(text, List.of(vars)).compile();
    }

    @Test
    void gradientDescentsEndPointsNextToAKinkAreBesideIt() throws Exception {
        // |x| + sqrt(x^2 + 1): slopes 1 + x/sqrt(x^2 + 1) and -1 + ... either side of 0, where gd
        // at rate 0.01 ends within a step (0.02) of it
        Classifier c = new Classifier(formula("abs(x) + sqrt(x^2 + 1)", "x"), 1e-4);
        for (double x : new double[] {0.004, -0.0055, 1e-9, 0.019}) {
            assertThat(c.besideKink(new double[] {x}, 0.06)).as("x = %s", x).isTrue();
        }
        // ackley's cone at its minimum: a constant-rate run's end point 0.0192 from it, on a slant
        Classifier a = new Classifier(Builtins.find("ackley").orElseThrow().create(2), 1e-4);
        assertThat(a.besideKink(new double[] {0.0192 * 0.6, -0.0192 * 0.8}, 0.04)).isTrue();
        // in 2-d: |y - 2| is a kink across the line y = 2, whichever x
        Classifier m = new Classifier(formula("max(x, 0)^2 - 0.5*x + abs(y - 2)", "x", "y"), 1e-4);
        assertThat(m.besideKink(new double[] {0.25, 2.003}, 0.06)).isTrue();
        // on that line, along x: max(x, 0)^2 bends at 0 in its curvature only (the slope is
        // continuous there), and the minimum along x, at 0.25, is smooth
        assertThat(m.besideKink(new double[] {0.6, 2.0}, 0.06)).isFalse();
    }

    @Test
    void smoothMinimaAndDistantKinksAreNot() throws Exception {
        // quadratic: nine tenths of the way to the minimum the slope is a tenth of |g|
        Classifier q = new Classifier(formula("(x - 1)^2", "x"), 1e-4);
        assertThat(q.besideKink(new double[] {1.3}, 1)).isFalse();
        // x^4, flatter still; a smoothed |x| at its own scale (0.1); rosenbrock's curved valley
        assertThat(new Classifier(formula("x^4", "x"), 1e-4).besideKink(new double[] {0.2}, 1)).isFalse();
        assertThat(new Classifier(formula("sqrt(x^2 + 0.01)", "x"), 1e-4).besideKink(new double[] {0.3}, 1))
                .isFalse();
        Classifier r = new Classifier(Builtins.find("rosenbrock").orElseThrow().create(2), 1e-4);
        assertThat(r.besideKink(new double[] {0.5, 0.3}, 0.04)).isFalse();
        // a kink farther than the reach: 0.5 from |x|'s, looked for within 0.04
        Classifier k = new Classifier(formula("abs(x) + sqrt(x^2 + 1)", "x"), 1e-4);
        assertThat(k.besideKink(new double[] {0.5}, 0.04)).isFalse();
        assertThat(k.besideKink(new double[] {0.5}, 1)).isTrue();
        // the edge of where the function is defined is no kink: log(x) + x falls towards 0, its
        // slope 1/x + 1 growing without a sign change until the function stops being finite
        Classifier l = new Classifier(formula("log(x) + x", "x"), 1e-4);
        assertThat(l.besideKink(new double[] {0.01}, 0.06)).isFalse();
        // a stationary point has no descent direction to look along
        assertThat(q.besideKink(new double[] {1.0}, 1)).isFalse();
    }

    /**
     * A minimum within the Hessian's difference step of a kink: the differences straddle the
     * gradient's jump J and read it as a curvature J / 2h (|x| + y^2 beside 0: 2 / 2e-5 =
     * 100 000; ackley's tip: 2 x 2.83 / 2e-5 = 282 843), and the quick test took the point as a
     * minimum with a rate limit of 2e-5. It stays a minimum (the runs are at the minimiser) with
     * no eigenvalues; smooth minima keep theirs, in the dense and in the matrix-free check.
     */
    @Test
    void aMinimumAtAKinkHasNoCurvature() throws Exception {
        Classifier c = new Classifier(formula("abs(x) + y^2", "x", "y"), 1e-4);
        for (double[] p : new double[][] {{2.5e-14, -1.4e-6}, {-3e-7, 1e-9}, {0, 0}}) {
            Classifier.Verdict v = c.classify(p);
            assertThat(v.kind()).isEqualTo(Kind.MINIMUM);
            assertThat(v.eigenvalues()).as("at %s", java.util.Arrays.toString(p)).isEmpty();
            Classifier.Verdict lanczos = c.classifyMatrixFree(p);
            // the matrix-free check's products are not linear across the jump: it may not tell
            assertThat(lanczos.kind()).as("matrix-free at %s", java.util.Arrays.toString(p))
                    .isIn(Kind.MINIMUM, Kind.UNRESOLVED);
            assertThat(lanczos.eigenvalues()).isEmpty();
        }
        Classifier a = new Classifier(Builtins.find("ackley").orElseThrow().create(2), 1e-4);
        Classifier.Verdict tip = a.classify(new double[] {-6.3e-16, -9.6e-16});
        assertThat(tip.kind()).isEqualTo(Kind.MINIMUM);
        assertThat(tip.eigenvalues()).isEmpty();
        // smooth minima: x^2 + 3 y^2 (eigenvalues 2 and 6), peaks' global minimum, rastrigin's
        // at (1, 0) in 3-d (second derivatives 2 + 40 pi^2 cos(2 pi x): 396.78 at each integer)
        Classifier q = new Classifier(formula("x^2 + 3*y^2", "x", "y"), 1e-4);
        assertThat(q.classify(new double[] {1e-9, -2e-9}).eigenvalues()).containsExactly(new double[] {2, 6},
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(q.classifyMatrixFree(new double[] {1e-9, -2e-9}).eigenvalues()).hasSize(2);
        Classifier peaks = new Classifier(Builtins.find("peaks").orElseThrow().create(2), 1e-4);
        Classifier.Verdict pv = peaks.classify(new double[] {0.22827892055636909, -1.6255349574999964});
        assertThat(pv.kind()).isEqualTo(Kind.MINIMUM);
        assertThat(pv.eigenvalues()).hasSize(2);
        Classifier r = new Classifier(Builtins.find("rastrigin").orElseThrow().create(3), 1e-4);
        // the minimum near (1, 0, 0) lies at 0.99496 (the slope 2x + 20 pi sin 2 pi x vanishes there)
        double x = 0.9949586;
        double[] lambda = r.classify(new double[] {x, 0, 0}).eigenvalues();
        assertThat(lambda).hasSize(3);
        assertThat(lambda[2]).isCloseTo(2 + 40 * Math.PI * Math.PI, org.assertj.core.api.Assertions.within(1e-3));
    }
}
