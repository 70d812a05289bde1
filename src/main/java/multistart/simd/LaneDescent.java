package multistart.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import multistart.config.Combo;
import multistart.config.Method;
import multistart.objective.Objective;
import multistart.optimizer.Status;

/**
 * {@code Descent} on {@code L} runs at once, in structure-of-arrays form: one vector
 * operation advances the same coordinate of every lane. Same update rules, stop tests and
 * order of operations as {@code multistart.optimizer.Descent}, lane by lane, so each run ends
 * exactly where the one-at-a-time path ends it (the tests compare whole sweeps byte for byte).
 *
 * <p>A lane whose run stops is refilled with the next run at once, so short runs do not hold
 * their lane-mates back; per-lane state (rate after decay, iteration, Adam's bias powers) lets
 * lanes be at different iterations. A new run's first evaluation and stop test happen in
 * scalar code (the kernels' scalar twins give the same bits; the gradient-free path needs no
 * first evaluation). When no runs are left, a lane idles at rate 0 until its mates finish.
 */
final class LaneDescent implements Lanes.Runner {

    private static final VectorSpecies<Double> S = VectorMath.S;
    /** Lanes of one vector: the stride of every step but a kernel's interleaved gradient-free one. */
    private static final int L = VectorMath.L;
    /** Runs stepped at once at most: the kernel's vectors of lanes. */
    private final int lanes;
    /** Lanes in use this call, and the arrays' stride: coordinate i of lane l at [i * stride + l]. */
    private int stride;

    private final Objective f;
    private final LaneKernel kernel;
    private final int n;
    // lanes, structure of arrays: coordinate i of lane l at [i * stride + l]
    private final double[] x;
    private final double[] g;
    private final double[] v;
    private final double[] s;
    private final double[] fx;
    private final double[] eta;
    private final double[] b1t;
    private final double[] b2t;
    private final double[] before;
    /** 1 where a lane holds a run, 0 where it idles. */
    private final double[] live;
    private final int[] run;
    /** The step of this call at which each lane's run began: its iteration is clock - born. */
    private final long[] born;
    private long clock;
    /** Steps until the first live lane reaches max_iterations. */
    private long untilMax;
    // one run, for its first evaluation and for handing results over
    private final double[] xs;
    private final double[] gs;

    private LaneDescent(Objective f, LaneKernel kernel) {
        this.f = f;
        this.kernel = kernel;
        this.n = f.dimension();
        this.lanes = L * kernel.vectors();
        this.before = new double[lanes];
        this.live = new double[lanes];
        this.run = new int[lanes];
        this.born = new long[lanes];
        this.x = new double[n * lanes];
        this.g = new double[n * lanes];
        this.v = new double[n * lanes];
        this.s = new double[n * lanes];
        this.fx = new double[lanes];
        this.eta = new double[lanes];
        this.b1t = new double[lanes];
        this.b2t = new double[lanes];
        this.xs = new double[n];
        this.gs = new double[n];
    }

    /** Called reflectively by {@link Lanes#create}. */
    public static Lanes.Runner of(Objective f) {
        LaneKernel k = LaneKernel.of(f.laneKernel(), f.dimension());
        return k == null ? null : new LaneDescent(f, k);
    }

    @Override
    public int lanes() {
        return lanes;
    }

    /** A kernel's further vectors step only on its gradient-free path; every other step takes one vector. */
    @Override
    public int lanes(Combo combo) {
        return gradientFree(combo) ? lanes : L;
    }

    /**
     * Whether {@code combo}'s steps take the kernel's gradient-free path: heavy ball where no
     * stop test reads the gradient and no value is computed each step (finish recomputes the end
     * point's gradient either way).
     */
    private boolean gradientFree(Combo combo) {
        return combo.method() == Method.MOMENTUM && !(combo.valueChange() > 0) && !kernel.gradientHasValue()
                && combo.gradientNorm() == 0 && kernel.hasMomentumStep();
    }

    // per-call settings: the combo's, read once
    private Lanes.Runs runs;
    private int count;
    private int next;
    private boolean valueEachStep;
    /** Heavy ball on gradient-only steps, by a kernel that does the step and its gradient in one pass. */
    private boolean fused;
    /**
     * Heavy ball where no stop test reads the gradient (no gradient_norm or value_change test,
     * no value each step): the kernel forms each step's gradient as it steps and keeps none.
     */
    private boolean gradientFree;
    private boolean testValue;
    private Method method;
    private double rate;
    private double decay;
    private double beta;
    private double beta2;
    private double eps;
    private double limit;
    private double gtol;
    private double vtol;
    private long maxIterations;

    @Override
    public void run(Combo combo, int count, Lanes.Runs runs) {
        this.runs = runs;
        this.count = count;
        this.next = 0;
        this.method = combo.method();
        this.rate = combo.learningRate();
        this.decay = combo.decay();
        this.beta = combo.momentum();
        this.beta2 = combo.beta2();
        this.eps = combo.epsilon();
        this.limit = combo.divergence();
        this.gtol = combo.gradientNorm();
        this.vtol = combo.valueChange();
        this.maxIterations = combo.maxIterations();
        this.valueEachStep = vtol > 0;
        this.fused = method == Method.MOMENTUM && !valueEachStep && kernel.fusesMomentum();
        // |f| is tested every step where f is computed every step, as Descent does
        this.testValue = valueEachStep || kernel.gradientHasValue();
        this.gradientFree = gradientFree(combo);
        // a kernel that interleaves vectors does so in its gradient-free step, whose lanes are
        // then its vectors' (the arrays' stride); every other step takes one vector of lanes
        this.stride = gradientFree ? lanes : L;
        this.clock = 0;
        int active = 0;
        for (int l = 0; l < stride; l++) {
            live[l] = 0.0;
            if (refill(l)) {
                active++;
            }
        }
        untilMax = untilMax();
        while (active > 0) {
            if (iterate()) {
                active -= stops();
                untilMax = untilMax();
            }
        }
        this.runs = null;
    }

    /**
     * One step of every lane; true when some live lane's run may stop (the exact test is
     * {@link #status}). A method of its own, called once per step, so that C2 compiles it after
     * a few thousand steps rather than waiting for an on-stack replacement of a long loop
     * (Vector API code is very slow until C2 has it). Only the tests the combo enables run:
     * with stopping off a step is the update, the gradient and one divergence test.
     */
    private boolean iterate() {
        boolean far;
        if (gradientFree) {
            // the gradient at x, then the step from it, in one pass (the kernel's; same bits)
            far = kernel.momentumStep(x, v, eta, beta, limit);
        } else if (fused) {
            // the step and the gradient below in one pass (the kernel's; same bits)
            far = kernel.momentumThenGradient(x, v, g, fx, eta, beta, limit);
        } else {
            far = switch (method) {
                case GD -> stepGd();
                case MOMENTUM -> stepMomentum(beta);
                case NESTEROV -> stepNesterov(beta);
                case ADAGRAD -> stepAdagrad(eps);
                case RMSPROP -> stepRmsprop(beta2, eps);
                case ADAM -> stepAdam(beta, beta2, eps);
            };
        }
        // the step's sum test is a filter; this settles it (a small limit in many dimensions
        // would otherwise send every step to the per-lane scalar test in stops())
        boolean stop = far && outside();
        if (decay != 1.0) {
            // eta * 1 is eta: skipping it changes no bit
            DoubleVector.fromArray(S, eta, 0).mul(decay).intoArray(eta, 0);
            for (int h = L; h < stride; h += L) {
                // the kernel's further vectors, in its interleaved step
                DoubleVector.fromArray(S, eta, h).mul(decay).intoArray(eta, h);
            }
        }
        clock++;
        if (--untilMax == 0) {
            stop = true;
        }
        if (valueEachStep) {
            DoubleVector.fromArray(S, fx, 0).intoArray(before, 0);
            kernel.evaluate(x, g, fx);
        } else if (!fused && !gradientFree) {
            kernel.gradient(x, g, fx);
        }
        // Descent's other stop tests on all lanes at once (NaN fails every <=); no vector or
        // mask lives across calls or branches, which C2 would box
        if (testValue) {
            stop |= DoubleVector.fromArray(S, fx, 0).abs().compare(VectorOperators.LE, limit).not()
                    .and(DoubleVector.fromArray(S, live, 0).compare(VectorOperators.NE, 0.0)).anyTrue();
        }
        if (gtol > 0) {
            stop |= normTest();
        }
        if (valueEachStep) {
            stop |= DoubleVector.fromArray(S, fx, 0).sub(DoubleVector.fromArray(S, before, 0)).abs()
                    .compare(VectorOperators.LT, vtol)
                    .and(DoubleVector.fromArray(S, live, 0).compare(VectorOperators.NE, 0.0)).anyTrue();
        }
        return stop;
    }

    /** Whether some lane has an |x_i| beyond the divergence limit or NaN (idle lanes never do). */
    private boolean outside() {
        for (int o = 0; o < n * stride; o += L) {
            if (DoubleVector.fromArray(S, x, o).abs().compare(VectorOperators.LE, limit).not().anyTrue()) {
                return true;
            }
        }
        return false;
    }

    /** Steps until the first live lane reaches max_iterations (at least 1). */
    private long untilMax() {
        long m = Long.MAX_VALUE;
        for (int l = 0; l < stride; l++) {
            if (live[l] != 0.0) {
                m = Math.min(m, maxIterations - (clock - born[l]));
            }
        }
        return m;
    }

    /** Finishes and refills the lanes whose runs stop now; returns how many lanes went idle. */
    private int stops() {
        int idled = 0;
        for (int l = 0; l < stride; l++) {
            if (live[l] == 0.0) {
                continue;
            }
            boolean stalled = valueEachStep && Math.abs(fx[l] - before[l]) < vtol;
            boolean outside = false;
            for (int i = 0; i < n; i++) {
                outside |= !(Math.abs(x[i * stride + l]) <= limit);
            }
            Status st = status(l, outside, stalled);
            if (st != null) {
                finish(l, st);
                if (!refill(l)) {
                    idled++;
                }
            }
        }
        return idled;
    }

    /** Whether a live lane's |g| is not finite or below {@code gtol}. */
    private boolean normTest() {
        DoubleVector sum = DoubleVector.zero(S);
        for (int i = 0; i < n; i++) {
            DoubleVector gi = DoubleVector.fromArray(S, g, i * L);
            sum = sum.add(gi.mul(gi));
        }
        DoubleVector gn = sum.lanewise(VectorOperators.SQRT);
        VectorMask<Double> m = gn.compare(VectorOperators.LE, Double.MAX_VALUE).not()
                .or(gn.compare(VectorOperators.LT, gtol));
        return m.and(DoubleVector.fromArray(S, live, 0).compare(VectorOperators.NE, 0.0)).anyTrue();
    }

    /** Descent's stop test for lane l as it stands, or null to go on. */
    private Status status(int l, boolean outside, boolean stalled) {
        if (outside || !(Math.abs(fx[l]) <= limit)) {
            return Status.DIVERGED;
        }
        if (gtol > 0) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += g[i * stride + l] * g[i * stride + l];
            }
            double gn = Math.sqrt(sum);
            if (!(gn <= Double.MAX_VALUE)) {
                return Status.DIVERGED;
            }
            if (gn < gtol) {
                return Status.CONVERGED;
            }
        }
        if (stalled) {
            return Status.STALLED;
        }
        if (clock - born[l] >= maxIterations) {
            return Status.MAX_ITERATIONS;
        }
        return null;
    }

    /** Puts the next run into lane l (finishing at once those that stop before a step); false when none is left. */
    private boolean refill(int l) {
        while (next < count && !runs.cancelled()) {
            int k = next++;
            runs.start(k, xs);
            // a gradient-free step forms its own gradient and no stop test reads g, and such a
            // kernel's gradient carries no value (0: gradientHasValue is false, and the scalar
            // twin returns the same bits), so the scalar path's first gradient would only give
            // f = 0 and a g that nobody reads: skipped (4% of the workers' CPU in one-step runs)
            double value = gradientFree ? 0.0 : valueEachStep ? f.evaluate(xs, gs) : f.gradient(xs, gs);
            boolean outside = false;
            for (int i = 0; i < n; i++) {
                x[i * stride + l] = xs[i];
                g[i * stride + l] = gradientFree ? 0.0 : gs[i];
                v[i * stride + l] = 0.0;
                s[i * stride + l] = 0.0;
                outside |= !(Math.abs(xs[i]) <= limit);
            }
            fx[l] = value;
            eta[l] = rate;
            born[l] = clock;
            b1t[l] = 1.0;
            b2t[l] = 1.0;
            run[l] = k;
            live[l] = 1.0;
            Status st = status(l, outside, false);
            if (st == null) {
                return true;
            }
            finish(l, st);
        }
        // idle: a fixed point (rate 0 at the origin) until the lane-mates finish
        live[l] = 0.0;
        for (int i = 0; i < n; i++) {
            x[i * stride + l] = 0.0;
            g[i * stride + l] = 0.0;
            v[i * stride + l] = 0.0;
            s[i * stride + l] = 0.0;
        }
        fx[l] = 0.0;
        eta[l] = 0.0;
        b1t[l] = 0.0;
        b2t[l] = 0.0;
        return false;
    }

    /** Descent's end of a run for lane l: final value, gradient norm and status. */
    private void finish(int l, Status result) {
        for (int i = 0; i < n; i++) {
            xs[i] = x[i * stride + l];
            gs[i] = g[i * stride + l];
        }
        double value = fx[l];
        if (!valueEachStep) {
            value = f.evaluate(xs, gs);
            if (result != Status.DIVERGED && !(Math.abs(value) <= limit)) {
                result = Status.DIVERGED;
            }
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += gs[i] * gs[i];
        }
        double gn = Math.sqrt(sum);
        if (result != Status.DIVERGED && !(gn <= Double.MAX_VALUE)) {
            result = Status.DIVERGED;
        }
        runs.finish(run[l], xs, result, value, gn, (int) (clock - born[l]));
    }

    /*
     * The step methods take and return arrays only (a vector or mask passed across a call C2
     * did not inline is boxed) and say whether some lane may have an |x_i| beyond the
     * divergence limit or NaN: they sum the |x_i| of each lane, which is beyond the limit (or
     * NaN) whenever one of them is, and {@link #outside} then tests exactly (a sum beyond the
     * limit of coordinates all within it costs only that test); idle lanes sit at the origin.
     * A running max of |x_i| (Math.max's NaN and -0 rules cost several
     * instructions per vector) was a third of W3's step, and ANDed masks of |x_i| <= limit,
     * as fast, made C2 box vectors in a loop with other vector phis (rosenbrock's one-pass step).
     */
    private boolean stepGd() {
        DoubleVector etaV = DoubleVector.fromArray(S, eta, 0);
        DoubleVector far = DoubleVector.zero(S);
        for (int i = 0; i < n; i++) {
            int o = i * L;
            DoubleVector xi = DoubleVector.fromArray(S, x, o)
                    .sub(etaV.mul(DoubleVector.fromArray(S, g, o)));
            xi.intoArray(x, o);
            far = far.add(xi.abs());
        }
        return far.compare(VectorOperators.LE, limit).not().anyTrue();
    }

    private boolean stepMomentum(double beta) {
        DoubleVector etaV = DoubleVector.fromArray(S, eta, 0);
        DoubleVector far = DoubleVector.zero(S);
        for (int i = 0; i < n; i++) {
            int o = i * L;
            DoubleVector vi = DoubleVector.fromArray(S, v, o).mul(beta)
                    .sub(etaV.mul(DoubleVector.fromArray(S, g, o)));
            vi.intoArray(v, o);
            DoubleVector xi = DoubleVector.fromArray(S, x, o).add(vi);
            xi.intoArray(x, o);
            far = far.add(xi.abs());
        }
        return far.compare(VectorOperators.LE, limit).not().anyTrue();
    }

    private boolean stepNesterov(double beta) {
        DoubleVector etaV = DoubleVector.fromArray(S, eta, 0);
        DoubleVector far = DoubleVector.zero(S);
        for (int i = 0; i < n; i++) {
            int o = i * L;
            DoubleVector eg = etaV.mul(DoubleVector.fromArray(S, g, o));
            DoubleVector vi = DoubleVector.fromArray(S, v, o).mul(beta).sub(eg);
            vi.intoArray(v, o);
            DoubleVector xi = DoubleVector.fromArray(S, x, o).add(vi.mul(beta)).sub(eg);
            xi.intoArray(x, o);
            far = far.add(xi.abs());
        }
        return far.compare(VectorOperators.LE, limit).not().anyTrue();
    }

    private boolean stepAdagrad(double eps) {
        DoubleVector etaV = DoubleVector.fromArray(S, eta, 0);
        DoubleVector far = DoubleVector.zero(S);
        for (int i = 0; i < n; i++) {
            int o = i * L;
            DoubleVector gi = DoubleVector.fromArray(S, g, o);
            DoubleVector si = DoubleVector.fromArray(S, s, o).add(gi.mul(gi));
            si.intoArray(s, o);
            DoubleVector xi = DoubleVector.fromArray(S, x, o)
                    .sub(etaV.mul(gi).div(si.lanewise(VectorOperators.SQRT).add(eps)));
            xi.intoArray(x, o);
            far = far.add(xi.abs());
        }
        return far.compare(VectorOperators.LE, limit).not().anyTrue();
    }

    private boolean stepRmsprop(double rho, double eps) {
        DoubleVector etaV = DoubleVector.fromArray(S, eta, 0);
        DoubleVector far = DoubleVector.zero(S);
        double w = 1.0 - rho;
        for (int i = 0; i < n; i++) {
            int o = i * L;
            DoubleVector gi = DoubleVector.fromArray(S, g, o);
            DoubleVector si = DoubleVector.fromArray(S, s, o).mul(rho).add(gi.mul(w).mul(gi));
            si.intoArray(s, o);
            DoubleVector xi = DoubleVector.fromArray(S, x, o)
                    .sub(etaV.mul(gi).div(si.lanewise(VectorOperators.SQRT).add(eps)));
            xi.intoArray(x, o);
            far = far.add(xi.abs());
        }
        return far.compare(VectorOperators.LE, limit).not().anyTrue();
    }

    private boolean stepAdam(double b1, double b2, double eps) {
        DoubleVector etaV = DoubleVector.fromArray(S, eta, 0);
        DoubleVector p1 = DoubleVector.fromArray(S, b1t, 0).mul(b1);
        DoubleVector p2 = DoubleVector.fromArray(S, b2t, 0).mul(b2);
        p1.intoArray(b1t, 0);
        p2.intoArray(b2t, 0);
        DoubleVector c1 = p1.neg().add(1.0);
        DoubleVector c2 = p2.neg().add(1.0);
        double w1 = 1.0 - b1;
        double w2 = 1.0 - b2;
        DoubleVector far = DoubleVector.zero(S);
        for (int i = 0; i < n; i++) {
            int o = i * L;
            DoubleVector gi = DoubleVector.fromArray(S, g, o);
            DoubleVector mi = DoubleVector.fromArray(S, v, o).mul(b1).add(gi.mul(w1));
            DoubleVector si = DoubleVector.fromArray(S, s, o).mul(b2).add(gi.mul(w2).mul(gi));
            mi.intoArray(v, o);
            si.intoArray(s, o);
            DoubleVector xi = DoubleVector.fromArray(S, x, o)
                    .sub(etaV.mul(mi.div(c1)).div(si.div(c2).lanewise(VectorOperators.SQRT).add(eps)));
            xi.intoArray(x, o);
            far = far.add(xi.abs());
        }
        return far.compare(VectorOperators.LE, limit).not().anyTrue();
    }
}
