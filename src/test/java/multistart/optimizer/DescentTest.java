package multistart.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import multistart.config.Combo;
import multistart.config.Method;
import multistart.objective.Builtins;
import multistart.objective.Objective;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DescentTest {

    static Combo combo(Method m, double eta, double decay, double beta, int iterations, double gtol, double vtol) {
        return new Combo(0, m, eta, decay, beta, m.defaultBeta2(), 1e-8, iterations, gtol, vtol, 1e8);
    }

    static Objective builtin(String name, int n) {
        return Builtins.find(name).orElseThrow().create(n);
    }

    @Nested
    class SeedArticleWorkedExamples {

        @Test
        void quadraticFromThreeEndsAtTheArticlesNumber() {
            // seed 002: (x-1)^2 from 3, rate 0.01, 100 steps; x - 1 shrinks by 0.98 a step
            double[] x = {3.0};
            Descent d = new Descent(builtin("quadratic", 1));
            Status s = d.run(x, combo(Method.GD, 0.01, 1.0, 0, 100, 0, 0));
            assertThat(s).isEqualTo(Status.MAX_ITERATIONS);
            assertThat(d.iterations()).isEqualTo(100);
            assertThat(x[0]).isEqualTo(1.265239111789506);
        }

        @Test
        void cubicCosFollowsTheStatedFunctionNotTheArticlesSlip() {
            // seed 002 states 2x^2 cos x - 5x; its exact derivative gives 3.8747793435314155 after 20
            // steps (50-digit check); the article's 3.909884097340449 comes from x^2 cos x - 5x
            double[] x = {-1.0};
            Descent d = new Descent(builtin("cubic-cos", 1));
            d.run(x, combo(Method.GD, 0.05, 1.0, 0, 20, 0, 0));
            assertThat(x[0]).isEqualTo(3.8747793435314155);
        }

        @Test
        void sphereFromThreeFourShrinksByPointNineEightPerStep() {
            // seed 001: x0^2 + x1^2 from (3, 4), rate 0.01, 1000 steps: (3, 4) * 0.98^1000
            double[] x = {3.0, 4.0};
            new Descent(builtin("sphere", 2)).run(x, combo(Method.GD, 0.01, 1.0, 0, 1000, 0, 0));
            double k = Math.pow(0.98, 1000);
            assertThat(x[0]).isCloseTo(3 * k, within(1e-12 * 3 * k));
            assertThat(x[1]).isCloseTo(4 * k, within(1e-12 * 4 * k));
            assertThat(x[0]).isCloseTo(5.0489e-09, within(1e-13));
            assertThat(x[1]).isCloseTo(6.7319e-09, within(1e-13));
        }
    }

    @Nested
    class UpdateRulesByHand {
        // on f = (x-1)^2 from x0 = 3: g0 = 4

        @Test
        void momentumTwoSteps() {
            double eta = 0.1;
            double beta = 0.5;
            // v1 = -0.4, x1 = 2.6; g1 = 3.2; v2 = 0.5*-0.4 - 0.32 = -0.52, x2 = 2.08
            double[] x = {3.0};
            new Descent(builtin("quadratic", 1)).run(x, combo(Method.MOMENTUM, eta, 1.0, beta, 2, 0, 0));
            assertThat(x[0]).isCloseTo(2.08, within(1e-15));
        }

        @Test
        void nesterovTwoSteps() {
            // v1 = -0.4, x1 = 3 + 0.5*-0.4 - 0.4 = 2.4; g1 = 2.8; v2 = -0.2 - 0.28 = -0.48,
            // x2 = 2.4 + 0.5*-0.48 - 0.28 = 1.88
            double[] x = {3.0};
            new Descent(builtin("quadratic", 1)).run(x, combo(Method.NESTEROV, 0.1, 1.0, 0.5, 2, 0, 0));
            assertThat(x[0]).isCloseTo(1.88, within(1e-15));
        }

        @Test
        void decayMultipliesTheRateAfterEveryStep() {
            // x_k - 1 = 2 * prod_{i<k} (1 - 2 * 0.1 * 0.5^i)
            double[] x = {3.0};
            new Descent(builtin("quadratic", 1)).run(x, combo(Method.GD, 0.1, 0.5, 0, 3, 0, 0));
            double expected = 1 + 2 * (1 - 0.2) * (1 - 0.1) * (1 - 0.05);
            assertThat(x[0]).isCloseTo(expected, within(1e-15));
        }

        @Test
        void adagradFirstStepIsTheRateTimesTheSign() {
            // s = 16, x1 = 3 - 0.1 * 4 / (4 + 1e-8)
            double[] x = {3.0};
            new Descent(builtin("quadratic", 1)).run(x, combo(Method.ADAGRAD, 0.1, 1.0, 0, 1, 0, 0));
            assertThat(x[0]).isCloseTo(3 - 0.1 * 4 / (4 + 1e-8), within(1e-15));
        }

        @Test
        void rmspropFirstStep() {
            // s = (1 - 0.9) * 16 = 1.6, x1 = 3 - 0.1 * 4 / (sqrt(1.6) + 1e-8)
            double[] x = {3.0};
            new Descent(builtin("quadratic", 1)).run(x, combo(Method.RMSPROP, 0.1, 1.0, 0, 1, 0, 0));
            assertThat(x[0]).isCloseTo(3 - 0.4 / (Math.sqrt(1.6) + 1e-8), within(1e-15));
        }

        @Test
        void adamTwoStepsWithBiasCorrection() {
            double b1 = 0.9;
            double b2 = 0.999;
            double eta = 0.1;
            double x0 = 3.0;
            double g0 = 2 * (x0 - 1);
            double m = (1 - b1) * g0;
            double s = (1 - b2) * g0 * g0;
            double x1 = x0 - eta * (m / (1 - b1)) / (Math.sqrt(s / (1 - b2)) + 1e-8);
            double g1 = 2 * (x1 - 1);
            m = b1 * m + (1 - b1) * g1;
            s = b2 * s + (1 - b2) * g1 * g1;
            double x2 = x1 - eta * (m / (1 - b1 * b1)) / (Math.sqrt(s / (1 - b2 * b2)) + 1e-8);
            double[] x = {x0};
            new Descent(builtin("quadratic", 1)).run(x,
                    new Combo(0, Method.ADAM, eta, 1.0, b1, b2, 1e-8, 2, 0, 0, 1e8));
            assertThat(x[0]).isCloseTo(x2, within(1e-15));
        }
    }

    @Test
    void skippingTheValueChangesNothing() {
        // rastrigin's gradient-only path (no cosines) against the full path a recorder forces
        Objective f = builtin("rastrigin", 3);
        Combo c = new Combo(0, Method.MOMENTUM, 0.002, 0.999, 0.9, 0.999, 1e-8, 700, 1e-9, 0, 1e8);
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int k = 0; k < 50; k++) {
            double[] a = {r.nextDouble() * 10 - 5, r.nextDouble() * 10 - 5, r.nextDouble() * 10 - 5};
            double[] b = a.clone();
            Descent fast = new Descent(f);
            Descent full = new Descent(f);
            Status s1 = fast.run(a, c);
            Status s2 = full.run(b, c, (t, x, v) -> { });
            assertThat(a).isEqualTo(b);
            assertThat(s1).isEqualTo(s2);
            assertThat(fast.iterations()).isEqualTo(full.iterations());
            assertThat(fast.value()).isEqualTo(full.value());
            assertThat(fast.gradientNorm()).isEqualTo(full.gradientNorm());
        }
    }

    @Nested
    class StopsAndStatuses {

        @Test
        void convergedWhenTheGradientIsSmall() {
            double[] x = {3.0};
            Descent d = new Descent(builtin("quadratic", 1));
            assertThat(d.run(x, combo(Method.GD, 0.1, 1.0, 0, 10_000, 1e-6, 0))).isEqualTo(Status.CONVERGED);
            // |g_k| = 4 * 0.8^k < 1e-6  <=>  k > log(2.5e-7) / log(0.8) = 68.13, so k = 69
            assertThat(d.iterations()).isEqualTo(69);
            assertThat(d.gradientNorm()).isLessThan(1e-6);
        }

        @Test
        void stalledWhenTheValueStopsChanging() {
            double[] x = {3.0};
            Descent d = new Descent(builtin("quadratic", 1));
            assertThat(d.run(x, combo(Method.GD, 0.1, 1.0, 0, 10_000, 0, 1e-3))).isEqualTo(Status.STALLED);
            // f_k = 4 * 0.64^k; f_{k-1} - f_k = 1.44 * 0.64^(k-1) < 1e-3  <=>  k - 1 > 16.29, so k = 18
            assertThat(d.iterations()).isEqualTo(18);
        }

        @Test
        void divergedWhenTheRateIsTooLarge() {
            double[] x = {3.0};
            Descent d = new Descent(builtin("quadratic", 1));
            // factor |1 - 2 * 1.5| = 2 per step: |x - 1| passes 1e8 after about 26 steps
            assertThat(d.run(x, combo(Method.GD, 1.5, 1.0, 0, 1000, 1e-6, 0))).isEqualTo(Status.DIVERGED);
            assertThat(d.iterations()).isLessThan(40);
        }

        @Test
        void nanFromTheObjectiveMeansDiverged() {
            Objective sqrt = new Objective() {
                @Override
                public int dimension() {
                    return 1;
                }

                @Override
                public double evaluate(double[] x, double[] g) {
                    g[0] = 0.5 / Math.sqrt(x[0]);
                    return Math.sqrt(x[0]);
                }
            };
            double[] x = {1.0};
            // the step to x = 1 - 10 * 0.5 = -4 leaves the function's domain
            assertThat(new Descent(sqrt).run(x, combo(Method.GD, 10, 1.0, 0, 100, 0, 0))).isEqualTo(Status.DIVERGED);
        }

        @Test
        void zeroIterationsEvaluatesTheStartOnly() {
            double[] x = {3.0};
            Descent d = new Descent(builtin("quadratic", 1));
            assertThat(d.run(x, combo(Method.GD, 0.1, 1.0, 0, 0, 0, 0))).isEqualTo(Status.MAX_ITERATIONS);
            assertThat(x[0]).isEqualTo(3.0);
            assertThat(d.value()).isEqualTo(4.0);
        }
    }
}
