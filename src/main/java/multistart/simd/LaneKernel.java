package multistart.simd;

import static multistart.objective.LaneMath.TWO_PI;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A built-in evaluated on {@code L} runs at once, {@code L} being the preferred vector length
 * (8 doubles with AVX-512, 4 with AVX2). Arrays are in structure-of-arrays form: coordinate
 * i of lane l is at {@code [i * L + l]}; values go to {@code f[l]}. Each kernel performs the
 * scalar built-in's operations in the same order (see {@code Functions} and
 * {@link multistart.objective.LaneMath}), so every lane is bit for bit what
 * {@code Objective.evaluate} gives for that run; the tests check this on random points.
 */
abstract class LaneKernel {

    static final VectorSpecies<Double> S = VectorMath.S;
    static final int L = VectorMath.L;

    final int n;

    LaneKernel(int n) {
        this.n = n;
    }

    /** Values and gradients of all lanes. */
    abstract void evaluate(double[] x, double[] g, double[] f);

    /** As the scalar {@code Objective.gradient}: the gradient, values or zeros where it skips them. */
    void gradient(double[] x, double[] g, double[] f) {
        evaluate(x, g, f);
    }

    /**
     * Vectors of lanes that {@link #momentumStep} steps at once, interleaving their independent
     * chains of operations (its arrays' stride is {@code vectors() * L}); every other method
     * takes one vector of lanes.
     */
    int vectors() {
        return 1;
    }

    /** Whether {@link #momentumThenGradient} is implemented. */
    boolean fusesMomentum() {
        return false;
    }

    /**
     * The heavy-ball step of every lane (v = beta v - eta g; x += v, as {@code LaneDescent}'s
     * stepMomentum) and then {@link #gradient} at the new x, in one pass over the coordinates:
     * the same operations on the same values, so the same bits, without reading every x_i
     * twice. True when some lane may have an |x_i| beyond {@code limit} or NaN (the step
     * methods' test: the sum of a lane's |x_i| is beyond it; the caller then tests exactly).
     */
    boolean momentumThenGradient(double[] x, double[] v, double[] g, double[] f, double[] eta, double beta,
            double limit) {
        throw new UnsupportedOperationException();
    }

    /** Whether {@link #momentumStep} is implemented. */
    boolean hasMomentumStep() {
        return false;
    }

    /**
     * The heavy-ball step of every lane with the gradient at x formed on the way and not kept
     * (v = beta v - eta g(x); x += v, the same operations on the same values as
     * {@link #gradient} followed by LaneDescent's stepMomentum, so the same bits), for steps
     * that test nothing of the gradient: one pass over the coordinates that reads and writes
     * x and v only, in {@link #vectors} vectors of lanes (coordinate i of lane l at
     * {@code [i * vectors() * L + l]}). True when some lane may have an |x_i| beyond
     * {@code limit} or NaN, as {@link #momentumThenGradient}.
     */
    boolean momentumStep(double[] x, double[] v, double[] eta, double beta, double limit) {
        throw new UnsupportedOperationException();
    }

    /** Whether {@link #gradient} gives the values too (else zeros, as the scalar twin returns). */
    boolean gradientHasValue() {
        return true;
    }

    /** The kernel named by {@code Objective.laneKernel()}, or null when there is none. */
    static LaneKernel of(String name, int n) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "rastrigin" -> new Rastrigin(n);
            case "peaks" -> new Peaks();
            case "rosenbrock" -> new Rosenbrock(n);
            case "himmelblau" -> new Himmelblau();
            case "ackley" -> new Ackley(n);
            default -> null;
        };
    }

    /*
     * No helper here takes or returns a vector: once C2's node budget for a compilation unit
     * runs out it stops inlining, and a vector crossing a call that was not inlined is boxed.
     */

    static final class Rastrigin extends LaneKernel {
        private final double[] trig = new double[L];

        Rastrigin(int n) {
            super(n);
        }

        @Override void evaluate(double[] x, double[] g, double[] f) {
            DoubleVector sum = DoubleVector.broadcast(S, 10.0 * n);
            for (int i = 0; i < n; i++) {
                VectorMath.cos2pi(x, i * L, trig, 0);
                DoubleVector xi = DoubleVector.fromArray(S, x, i * L);
                sum = sum.add(xi.mul(xi).sub(DoubleVector.fromArray(S, trig, 0).mul(10.0)));
                VectorMath.sin2pi(x, i * L, trig, 0);
                xi.mul(2.0).add(DoubleVector.fromArray(S, trig, 0).mul(10.0 * TWO_PI)).intoArray(g, i * L);
            }
            sum.intoArray(f, 0);
        }

        @Override void gradient(double[] x, double[] g, double[] f) {
            for (int i = 0; i < n; i++) {
                VectorMath.sin2pi(x, i * L, trig, 0);
                DoubleVector.fromArray(S, x, i * L).mul(2.0)
                        .add(DoubleVector.fromArray(S, trig, 0).mul(10.0 * TWO_PI)).intoArray(g, i * L);
            }
            DoubleVector.zero(S).intoArray(f, 0);
        }

        @Override boolean gradientHasValue() {
            return false;
        }

        @Override boolean hasMomentumStep() {
            return true;
        }

        @Override boolean momentumStep(double[] x, double[] v, double[] eta, double beta, double limit) {
            DoubleVector etaV = DoubleVector.fromArray(S, eta, 0);
            DoubleVector far = DoubleVector.zero(S);
            for (int o = 0; o < n * L; o += L) {
                VectorMath.sin2pi(x, o, trig, 0);
                DoubleVector xi = DoubleVector.fromArray(S, x, o);
                DoubleVector gi = xi.mul(2.0).add(DoubleVector.fromArray(S, trig, 0).mul(10.0 * TWO_PI));
                DoubleVector vi = DoubleVector.fromArray(S, v, o).mul(beta).sub(etaV.mul(gi));
                vi.intoArray(v, o);
                xi = xi.add(vi);
                xi.intoArray(x, o);
                far = far.add(xi.abs());
            }
            return far.compare(VectorOperators.LE, limit).not().anyTrue();
        }
    }

    static final class Peaks extends LaneKernel {
        /** The stride of momentumStep's two vectors of lanes. */
        static final int W = 2 * L;
        // exponents, then exponentials a, b, c; then p = x / 5 - x^3 - y^5
        private final double[] e = new double[4 * L];
        // the same for momentumStep's two vectors: both vectors' exponents (3L each), then at
        // 6L + h the p of the vector at h
        private final double[] e2 = new double[8 * L];

        Peaks() {
            super(2);
        }

        @Override void evaluate(double[] v, double[] g, double[] f) {
            gradient(v, g, f);
            DoubleVector omx = DoubleVector.broadcast(S, 1.0).sub(DoubleVector.fromArray(S, v, 0));
            DoubleVector p = DoubleVector.fromArray(S, e, 3 * L);
            omx.mul(3.0).mul(omx).mul(DoubleVector.fromArray(S, e, 0))
                    .sub(p.mul(10.0).mul(DoubleVector.fromArray(S, e, L)))
                    .sub(DoubleVector.fromArray(S, e, 2 * L).div(3.0)).intoArray(f, 0);
        }

        /*
         * The gradient alone (peaks is finite everywhere, so the value may be skipped, as the
         * scalar twin does). One method of more than 325 bytecodes on purpose: C2 inlines a
         * hot callee only up to that size, so it compiles this on its own (with its exp
         * inlined) and the step loop calls it. When it was two methods under the limit, C2
         * inlined both into the step loop in about half of the processes (whichever it
         * compiled first decided), and those ran a sweep with stopping at 3.0-3.2e7 steps/s
         * instead of 7.0-7.9e7 (InliningBudgetTest keeps it above the limit).
         */
        @Override void gradient(double[] v, double[] g, double[] f) {
            DoubleVector x = DoubleVector.fromArray(S, v, 0);
            DoubleVector y = DoubleVector.fromArray(S, v, L);
            DoubleVector x2 = x.mul(x);
            DoubleVector y2 = y.mul(y);
            // e = exp of -x^2 - (y + 1)^2, -x^2 - y^2 and -(x + 1)^2 - y^2, then p; f = 0
            DoubleVector y1 = y.add(1.0);
            DoubleVector x1 = x.add(1.0);
            x2.mul(-1.0).sub(y1.mul(y1)).intoArray(e, 0);
            x2.mul(-1.0).sub(y2).intoArray(e, L);
            x1.mul(-1.0).mul(x1).sub(y2).intoArray(e, 2 * L);
            x.div(5.0).sub(x2.mul(x)).sub(y2.mul(y2).mul(y)).intoArray(e, 3 * L);
            VectorMath.exp(e, 0, 3 * L);
            DoubleVector.zero(S).intoArray(f, 0);
            DoubleVector a = DoubleVector.fromArray(S, e, 0);
            DoubleVector b10 = DoubleVector.fromArray(S, e, L).mul(10.0);
            DoubleVector c = DoubleVector.fromArray(S, e, 2 * L);
            DoubleVector omx = DoubleVector.broadcast(S, 1.0).sub(x);
            DoubleVector p = DoubleVector.fromArray(S, e, 3 * L);
            a.mul(omx.mul(-6.0).sub(x.mul(6.0).mul(omx).mul(omx)))
                    .sub(b10.mul(DoubleVector.broadcast(S, 0.2).sub(x2.mul(3.0)).sub(x.mul(2.0).mul(p))))
                    .add(x.add(1.0).mul(2.0 / 3.0).mul(c)).intoArray(g, 0);
            omx.mul(-6.0).mul(omx).mul(y.add(1.0)).mul(a)
                    .sub(b10.mul(y2.mul(-5.0).mul(y2).sub(y.mul(2.0).mul(p))))
                    .add(y.mul(2.0 / 3.0).mul(c)).intoArray(g, L);
        }

        @Override int vectors() {
            return 2;
        }

        @Override boolean hasMomentumStep() {
            return true;
        }

        /*
         * Two vectors of lanes here (stride W = 2L: x of lane l at [l], y at [W + l]). A step of
         * one vector is a chain of dependent operations (the exponentials' above all) that
         * leaves the core waiting; two vectors' chains are independent, and interleaved (both
         * exponents, all six exponentials in one call, both steps) they fill the waits: 5.1 ns a
         * lane-step against 7.2-7.7 with one vector, where each step waits for the last. The
         * gradient's operations as gradient() does them, then LaneDescent's stepMomentum (same
         * bits).
         */
        @Override boolean momentumStep(double[] v, double[] vel, double[] eta, double beta, double limit) {
            for (int h = 0; h < W; h += L) {
                int o = 3 * h;
                DoubleVector x = DoubleVector.fromArray(S, v, h);
                DoubleVector y = DoubleVector.fromArray(S, v, W + h);
                DoubleVector x2 = x.mul(x);
                DoubleVector y2 = y.mul(y);
                DoubleVector y1 = y.add(1.0);
                DoubleVector x1 = x.add(1.0);
                x2.mul(-1.0).sub(y1.mul(y1)).intoArray(e2, o);
                x2.mul(-1.0).sub(y2).intoArray(e2, o + L);
                x1.mul(-1.0).mul(x1).sub(y2).intoArray(e2, o + 2 * L);
                x.div(5.0).sub(x2.mul(x)).sub(y2.mul(y2).mul(y)).intoArray(e2, 6 * L + h);
            }
            VectorMath.exp(e2, 0, 6 * L);
            DoubleVector far = DoubleVector.zero(S);
            // x, y and their squares again, as the first loop had them: a vector kept across
            // the exponentials' loop would be a phi C2 may box; reloading from L1 is cheap
            for (int h = 0; h < W; h += L) {
                int o = 3 * h;
                DoubleVector x = DoubleVector.fromArray(S, v, h);
                DoubleVector y = DoubleVector.fromArray(S, v, W + h);
                DoubleVector x2 = x.mul(x);
                DoubleVector y2 = y.mul(y);
                DoubleVector a = DoubleVector.fromArray(S, e2, o);
                DoubleVector b10 = DoubleVector.fromArray(S, e2, o + L).mul(10.0);
                DoubleVector c = DoubleVector.fromArray(S, e2, o + 2 * L);
                DoubleVector omx = DoubleVector.broadcast(S, 1.0).sub(x);
                DoubleVector p = DoubleVector.fromArray(S, e2, 6 * L + h);
                DoubleVector gx = a.mul(omx.mul(-6.0).sub(x.mul(6.0).mul(omx).mul(omx)))
                        .sub(b10.mul(DoubleVector.broadcast(S, 0.2).sub(x2.mul(3.0)).sub(x.mul(2.0).mul(p))))
                        .add(x.add(1.0).mul(2.0 / 3.0).mul(c));
                DoubleVector gy = omx.mul(-6.0).mul(omx).mul(y.add(1.0)).mul(a)
                        .sub(b10.mul(y2.mul(-5.0).mul(y2).sub(y.mul(2.0).mul(p))))
                        .add(y.mul(2.0 / 3.0).mul(c));
                DoubleVector etaV = DoubleVector.fromArray(S, eta, h);
                DoubleVector vx = DoubleVector.fromArray(S, vel, h).mul(beta).sub(etaV.mul(gx));
                vx.intoArray(vel, h);
                x = x.add(vx);
                x.intoArray(v, h);
                DoubleVector vy = DoubleVector.fromArray(S, vel, W + h).mul(beta).sub(etaV.mul(gy));
                vy.intoArray(vel, W + h);
                y = y.add(vy);
                y.intoArray(v, W + h);
                far = far.add(x.abs()).add(y.abs());
            }
            return far.compare(VectorOperators.LE, limit).not().anyTrue();
        }

        @Override boolean gradientHasValue() {
            return false;
        }
    }

    static final class Rosenbrock extends LaneKernel {
        Rosenbrock(int n) {
            super(n);
        }

        @Override void evaluate(double[] x, double[] g, double[] f) {
            DoubleVector sum = DoubleVector.zero(S);
            DoubleVector gi = DoubleVector.zero(S);
            DoubleVector one = DoubleVector.broadcast(S, 1.0);
            DoubleVector xi = DoubleVector.fromArray(S, x, 0);
            for (int i = 0; i < n - 1; i++) {
                DoubleVector xn = DoubleVector.fromArray(S, x, (i + 1) * L);
                DoubleVector t = xn.sub(xi.mul(xi));
                DoubleVector u = one.sub(xi);
                sum = sum.add(t.mul(100.0).mul(t).add(u.mul(u)));
                gi.add(xi.mul(-400.0).mul(t).sub(u.mul(2.0))).intoArray(g, i * L);
                gi = t.mul(200.0);
                xi = xn;
            }
            gi.intoArray(g, (n - 1) * L);
            sum.intoArray(f, 0);
        }

        @Override void gradient(double[] x, double[] g, double[] f) {
            DoubleVector gi = DoubleVector.zero(S);
            DoubleVector one = DoubleVector.broadcast(S, 1.0);
            DoubleVector xi = DoubleVector.fromArray(S, x, 0);
            for (int i = 0; i < n - 1; i++) {
                DoubleVector xn = DoubleVector.fromArray(S, x, (i + 1) * L);
                DoubleVector t = xn.sub(xi.mul(xi));
                gi.add(xi.mul(-400.0).mul(t).sub(one.sub(xi).mul(2.0))).intoArray(g, i * L);
                gi = t.mul(200.0);
                xi = xn;
            }
            gi.intoArray(g, (n - 1) * L);
            DoubleVector.zero(S).intoArray(f, 0);
        }

        @Override boolean gradientHasValue() {
            return false;
        }

        @Override boolean fusesMomentum() {
            return true;
        }

        /*
         * Coordinate i + 1 is updated before g_i, which needs it, is formed; g_{i+1} was read
         * first. The lines of gradient() and of LaneDescent's stepMomentum are written out again
         * here on purpose: a helper passing vectors would box them wherever C2 did not inline it.
         */
        @Override boolean momentumThenGradient(double[] x, double[] v, double[] g, double[] f, double[] eta,
                double beta, double limit) {
            DoubleVector etaV = DoubleVector.fromArray(S, eta, 0);
            DoubleVector one = DoubleVector.broadcast(S, 1.0);
            DoubleVector vi = DoubleVector.fromArray(S, v, 0).mul(beta).sub(etaV.mul(DoubleVector.fromArray(S, g, 0)));
            vi.intoArray(v, 0);
            DoubleVector xi = DoubleVector.fromArray(S, x, 0).add(vi);
            xi.intoArray(x, 0);
            DoubleVector far = xi.abs();
            DoubleVector gi = DoubleVector.zero(S);
            for (int i = 0; i < n - 1; i++) {
                int o = (i + 1) * L;
                DoubleVector vn = DoubleVector.fromArray(S, v, o).mul(beta)
                        .sub(etaV.mul(DoubleVector.fromArray(S, g, o)));
                vn.intoArray(v, o);
                DoubleVector xn = DoubleVector.fromArray(S, x, o).add(vn);
                xn.intoArray(x, o);
                far = far.add(xn.abs());
                DoubleVector t = xn.sub(xi.mul(xi));
                gi.add(xi.mul(-400.0).mul(t).sub(one.sub(xi).mul(2.0))).intoArray(g, i * L);
                gi = t.mul(200.0);
                xi = xn;
            }
            gi.intoArray(g, (n - 1) * L);
            DoubleVector.zero(S).intoArray(f, 0);
            return far.compare(VectorOperators.LE, limit).not().anyTrue();
        }

        @Override boolean hasMomentumStep() {
            return true;
        }

        /*
         * g_i is complete once d_i = x_{i+1} - x_i^2 is known (its x_i part carried from d_{i-1}),
         * and x_i is not read again, so x_i is stepped there and then.
         */
        @Override boolean momentumStep(double[] x, double[] v, double[] eta, double beta, double limit) {
            DoubleVector etaV = DoubleVector.fromArray(S, eta, 0);
            DoubleVector one = DoubleVector.broadcast(S, 1.0);
            DoubleVector far = DoubleVector.zero(S);
            DoubleVector gi = DoubleVector.zero(S);
            DoubleVector xi = DoubleVector.fromArray(S, x, 0);
            for (int i = 0; i < n - 1; i++) {
                int o = i * L;
                DoubleVector xn = DoubleVector.fromArray(S, x, o + L);
                DoubleVector t = xn.sub(xi.mul(xi));
                gi = gi.add(xi.mul(-400.0).mul(t).sub(one.sub(xi).mul(2.0)));
                DoubleVector vi = DoubleVector.fromArray(S, v, o).mul(beta).sub(etaV.mul(gi));
                vi.intoArray(v, o);
                DoubleVector xs = xi.add(vi);
                xs.intoArray(x, o);
                far = far.add(xs.abs());
                gi = t.mul(200.0);
                xi = xn;
            }
            int o = (n - 1) * L;
            DoubleVector vi = DoubleVector.fromArray(S, v, o).mul(beta).sub(etaV.mul(gi));
            vi.intoArray(v, o);
            DoubleVector xs = xi.add(vi);
            xs.intoArray(x, o);
            far = far.add(xs.abs());
            return far.compare(VectorOperators.LE, limit).not().anyTrue();
        }
    }

    static final class Himmelblau extends LaneKernel {
        Himmelblau() {
            super(2);
        }

        @Override void evaluate(double[] v, double[] g, double[] f) {
            DoubleVector x = DoubleVector.fromArray(S, v, 0);
            DoubleVector y = DoubleVector.fromArray(S, v, L);
            DoubleVector a = x.mul(x).add(y).sub(11.0);
            DoubleVector b = x.add(y.mul(y)).sub(7.0);
            x.mul(4.0).mul(a).add(b.mul(2.0)).intoArray(g, 0);
            a.mul(2.0).add(y.mul(4.0).mul(b)).intoArray(g, L);
            a.mul(a).add(b.mul(b)).intoArray(f, 0);
        }
    }

    static final class Ackley extends LaneKernel {
        private final double[] trig = new double[L];
        // -0.2 r and cs / n, then their exponentials
        private final double[] e = new double[2 * L];

        Ackley(int n) {
            super(n);
        }

        @Override void evaluate(double[] x, double[] g, double[] f) {
            DoubleVector sq = DoubleVector.zero(S);
            DoubleVector cs = DoubleVector.zero(S);
            for (int i = 0; i < n; i++) {
                VectorMath.cos2pi(x, i * L, trig, 0);
                DoubleVector xi = DoubleVector.fromArray(S, x, i * L);
                sq = sq.add(xi.mul(xi));
                cs = cs.add(DoubleVector.fromArray(S, trig, 0));
            }
            DoubleVector r = sq.div((double) n).lanewise(VectorOperators.SQRT);
            r.mul(-0.2).intoArray(e, 0);
            cs.div((double) n).intoArray(e, L);
            VectorMath.exp(e, 0, 2 * L);
            DoubleVector e1 = DoubleVector.fromArray(S, e, 0);
            DoubleVector e2 = DoubleVector.fromArray(S, e, L);
            DoubleVector k1 = e1.mul(20.0 * 0.2).div(r.mul((double) n))
                    .blend(0.0, r.compare(VectorOperators.GT, 0.0).not());
            DoubleVector k2 = e2.mul(TWO_PI).div((double) n);
            for (int i = 0; i < n; i++) {
                VectorMath.sin2pi(x, i * L, trig, 0);
                k1.mul(DoubleVector.fromArray(S, x, i * L)).add(k2.mul(DoubleVector.fromArray(S, trig, 0)))
                        .intoArray(g, i * L);
            }
            e1.mul(-20.0).sub(e2).add(20.0).add(Math.E).intoArray(f, 0);
        }
    }
}
