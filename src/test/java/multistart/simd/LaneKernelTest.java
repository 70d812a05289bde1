package multistart.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import multistart.objective.Builtins;
import multistart.objective.Objective;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each lane kernel gives, lane by lane, exactly what the scalar built-in gives. */
class LaneKernelTest {

    static final int L = VectorMath.S.length();

    @ParameterizedTest(name = "{0} in {1}-d")
    @CsvSource({"rastrigin, 1", "rastrigin, 2", "rastrigin, 7", "peaks, 2", "rosenbrock, 2", "rosenbrock, 10",
        "himmelblau, 2", "ackley, 1", "ackley, 2", "ackley, 5"})
    void lanesEqualTheScalarBuiltinBitForBit(String name, int n) {
        Objective f = Builtins.find(name).orElseThrow().create(n);
        LaneKernel k = LaneKernel.of(f.laneKernel(), n);
        assertThat(k).isNotNull();
        SplittableRandom r = new SplittableRandom(name.hashCode() * 31L + n);
        double[] x = new double[n * L];
        double[] g = new double[n * L];
        double[] v = new double[L];
        double[] xs = new double[n];
        double[] gs = new double[n];
        for (int trial = 0; trial < 3000; trial++) {
            // mostly the usual domain, sometimes far out, exact zeros and lattice points
            double scale = trial % 10 == 0 ? 1e3 : trial % 10 == 1 ? 40 : 5;
            for (int j = 0; j < n * L; j++) {
                x[j] = trial % 7 == 0 ? Math.rint(r.nextDouble() * 8 - 4) / 4 : (r.nextDouble() * 2 - 1) * scale;
            }
            for (boolean valueToo : new boolean[] {true, false}) {
                if (valueToo) {
                    k.evaluate(x, g, v);
                } else {
                    k.gradient(x, g, v);
                }
                for (int l = 0; l < L; l++) {
                    for (int i = 0; i < n; i++) {
                        xs[i] = x[i * L + l];
                    }
                    double want = valueToo ? f.evaluate(xs, gs) : f.gradient(xs, gs);
                    assertThat(LaneMathTest.bits(v[l])).as("%s value at %s", name, java.util.Arrays.toString(xs))
                            .isEqualTo(LaneMathTest.bits(want));
                    for (int i = 0; i < n; i++) {
                        assertThat(LaneMathTest.bits(g[i * L + l]))
                                .as("%s d/dx%d at %s", name, i, java.util.Arrays.toString(xs))
                                .isEqualTo(LaneMathTest.bits(gs[i]));
                    }
                }
            }
        }
    }

    /**
     * A kernel with a gradient-free step computes no value with its gradient, and its scalar
     * twin's gradient returns exactly +0.0: the lane runner relies on both when it skips a new
     * run's first gradient on that path (the value it would test is that 0).
     */
    @ParameterizedTest(name = "{0} in {1}-d")
    @CsvSource({"rastrigin, 2", "rastrigin, 5", "peaks, 2", "rosenbrock, 2", "rosenbrock, 10"})
    void aGradientFreeKernelsGradientCarriesNoValue(String name, int n) {
        Objective f = Builtins.find(name).orElseThrow().create(n);
        LaneKernel k = LaneKernel.of(f.laneKernel(), n);
        assertThat(k.hasMomentumStep()).isTrue();
        assertThat(k.gradientHasValue()).isFalse();
        SplittableRandom r = new SplittableRandom(n);
        double[] xs = new double[n];
        double[] gs = new double[n];
        for (int trial = 0; trial < 1000; trial++) {
            for (int i = 0; i < n; i++) {
                xs[i] = (r.nextDouble() * 2 - 1) * (trial % 2 == 0 ? 5 : 1e3);
            }
            assertThat(LaneMathTest.bits(f.gradient(xs, gs))).isEqualTo(LaneMathTest.bits(0.0));
        }
    }

    /**
     * A kernel's one-pass heavy-ball step equals, lane by lane and bit for bit, the step done
     * as the scalar path does it (v = beta v - eta g; x += v) followed by the scalar gradient;
     * and it raises the alarm whenever some |x_i| ends beyond the limit or NaN.
     */
    @ParameterizedTest(name = "rosenbrock in {0}-d")
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3, 10, 33})
    void oneFusedMomentumStepEqualsTheStepThenTheGradient(int n) {
        Objective f = Builtins.find("rosenbrock").orElseThrow().create(n);
        LaneKernel k = LaneKernel.of(f.laneKernel(), n);
        assertThat(k.fusesMomentum()).isTrue();
        SplittableRandom r = new SplittableRandom(n);
        Step s = new Step(n, L);
        for (int trial = 0; trial < 2000; trial++) {
            s.draw(r, trial, true);
            boolean alarm = k.momentumThenGradient(s.x, s.v, s.g, s.fx, s.eta, s.beta, s.limit);
            for (int l = 0; l < L; l++) {
                for (int i = 0; i < n; i++) {
                    s.xs[i] = s.stepped(i, l, s.g0[i * L + l]);
                }
                f.gradient(s.xs, s.gs);
                for (int i = 0; i < n; i++) {
                    assertThat(LaneMathTest.bits(s.g[i * L + l])).as("g_%d lane %d", i, l)
                            .isEqualTo(LaneMathTest.bits(s.gs[i]));
                }
                assertThat(s.fx[l]).isZero();
            }
            s.alarmed(alarm);
        }
    }

    /**
     * momentumStep gives, lane by lane, the bits of the scalar path's step from x: the gradient
     * at x (the scalar built-in's), then v = beta v - eta g; x += v; and it raises the alarm
     * whenever some |x_i| ends beyond the limit or NaN.
     */
    @ParameterizedTest(name = "{0} in {1}-d")
    @CsvSource({"rosenbrock, 2", "rosenbrock, 3", "rosenbrock, 10", "rosenbrock, 33", "rastrigin, 1", "rastrigin, 2",
        "rastrigin, 7", "peaks, 2"})
    void oneGradientFreeMomentumStepEqualsTheGradientThenTheStep(String name, int n) {
        Objective f = Builtins.find(name).orElseThrow().create(n);
        LaneKernel k = LaneKernel.of(f.laneKernel(), n);
        assertThat(k.hasMomentumStep()).isTrue();
        // this step's lanes are the kernel's vectors' (two for peaks)
        int lanes = LaneKernelTest.L * k.vectors();
        SplittableRandom r = new SplittableRandom(n * 7L + name.length());
        Step s = new Step(n, lanes);
        for (int trial = 0; trial < 2000; trial++) {
            s.draw(r, trial, false);
            boolean alarm = k.momentumStep(s.x, s.v, s.eta, s.beta, s.limit);
            for (int l = 0; l < lanes; l++) {
                for (int i = 0; i < n; i++) {
                    s.xs[i] = s.x0[i * lanes + l];
                }
                f.gradient(s.xs, s.gs);
                for (int i = 0; i < n; i++) {
                    s.stepped(i, l, s.gs[i]);
                }
            }
            s.alarmed(alarm);
        }
    }

    /** One heavy-ball step's lanes: a random state, its copy before the step, and the checks. */
    static final class Step {
        final int lanes;
        final double[] x;
        final double[] v;
        final double[] g;
        final double[] fx;
        final double[] eta;
        final double[] xs;
        final double[] gs;
        double[] x0;
        double[] v0;
        double[] g0;
        double beta;
        double limit;
        boolean outside;

        Step(int n, int lanes) {
            this.lanes = lanes;
            fx = new double[lanes];
            eta = new double[lanes];
            x = new double[n * lanes];
            v = new double[n * lanes];
            g = new double[n * lanes];
            xs = new double[n];
            gs = new double[n];
        }

        /** Draws trial's state (g too when withGradient) and keeps a copy of it. */
        void draw(SplittableRandom r, int trial, boolean withGradient) {
            beta = trial % 5 == 0 ? 0.0 : r.nextDouble();
            limit = trial % 3 == 0 ? 2.5 : 1e8;
            randomState(r, trial, x, v, withGradient ? g : null, eta);
            x0 = x.clone();
            v0 = v.clone();
            g0 = g.clone();
            outside = false;
        }

        /**
         * Checks lane l's coordinate i against the scalar step with gradient gi (v = beta v -
         * eta g; x += v), bit for bit; returns that x.
         */
        double stepped(int i, int l, double gi) {
            int j = i * lanes + l;
            double vi = beta * v0[j] - eta[l] * gi;
            double xi = x0[j] + vi;
            assertThat(LaneMathTest.bits(v[j])).as("v_%d lane %d", i, l).isEqualTo(LaneMathTest.bits(vi));
            assertThat(LaneMathTest.bits(x[j])).as("x_%d lane %d", i, l).isEqualTo(LaneMathTest.bits(xi));
            outside |= !(Math.abs(xi) <= limit);
            return xi;
        }

        /** The kernel's alarm is up whenever some |x_i| ended beyond the limit or NaN. */
        void alarmed(boolean alarm) {
            if (outside) {
                assertThat(alarm).as("alarm with an |x_i| beyond %s", limit).isTrue();
            }
        }
    }

    /**
     * A step's random starting state: x in (-3, 3) (some trials with a NaN), v, g when given,
     * and per-lane rates (0 in some trials).
     */
    static void randomState(SplittableRandom r, int trial, double[] x, double[] v, double[] g, double[] eta) {
        for (int j = 0; j < x.length; j++) {
            x[j] = (r.nextDouble() * 2 - 1) * 3;
            v[j] = (r.nextDouble() * 2 - 1) * 0.1;
            if (g != null) {
                g[j] = (r.nextDouble() * 2 - 1) * 100;
            }
        }
        if (trial % 11 == 0) {
            x[r.nextInt(x.length)] = Double.NaN;
        }
        for (int l = 0; l < eta.length; l++) {
            eta[l] = trial % 7 == 0 ? 0.0 : r.nextDouble() * 1e-2;
        }
    }
}
