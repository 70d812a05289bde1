package multistart.optimizer;

import multistart.config.Combo;
import multistart.objective.Batched;
import multistart.objective.Objective;
import multistart.sampling.SplitMix;

/**
 * Runs one start under one combo to a stop. An instance is a worker's workspace: it owns the
 * gradient and optimizer-state buffers and reuses them for every run, so the per-step loop
 * allocates nothing. Not thread-safe: one instance per worker thread.
 *
 * <p>Update rules (g = gradient at x_t, eta decays by {@code decay} after every step):
 * <ul>
 * <li>gd: x -= eta g</li>
 * <li>momentum (heavy ball): v = beta v - eta g; x += v</li>
 * <li>nesterov (Sutskever's form, gradient at the iterate): v = beta v - eta g; x += beta v - eta g</li>
 * <li>adagrad: s += g^2; x -= eta g / (sqrt(s) + eps)</li>
 * <li>rmsprop: s = rho s + (1 - rho) g^2; x -= eta g / (sqrt(s) + eps), rho = beta2</li>
 * <li>adam: m = b1 m + (1 - b1) g; s = b2 s + (1 - b2) g^2;
 *     x -= eta (m / (1 - b1^t)) / (sqrt(s / (1 - b2^t)) + eps), b1 = momentum</li>
 * </ul>
 * Stop tests, in order, before each step: diverged (a coordinate NaN, infinite or beyond
 * {@code divergence} in absolute value, or an infinite gradient); converged (|g| &lt;
 * gradient_norm); stalled (the last step changed f by less than value_change); max_iterations.
 * The value f is tested every step too (NaN or |f| beyond {@code divergence}: diverged),
 * except for objectives defined everywhere whose gradient is cheaper alone (rastrigin, peaks, total
 * formulas): they skip the value while no stall test or recorder needs it, and f is computed
 * and tested once at the end.
 */
public final class Descent {

    private final Objective f;
    private final int n;
    private final double[] g;
    private final double[] v;
    private final double[] s;

    // result of the last run
    private double value;
    private double gradientNorm;
    private int iterations;
    private Status status;

    // adam's beta1^t and beta2^t, as products (the bits every path has always had)
    private double b1t;
    private double b2t;

    // mini-batches of a data-set objective: null for every other objective
    private final Batched batched;
    private final double[] full;
    private final int[] order;
    private long batchKey;

    public Descent(Objective f) {
        this.f = f;
        this.n = f.dimension();
        this.g = new double[n];
        this.v = new double[n];
        this.s = new double[n];
        this.batched = f instanceof Batched b ? b : null;
        this.full = batched == null ? null : new double[n];
        this.order = batched == null ? null : new int[batched.examples()];
    }

    /**
     * Sets what the next run's mini-batches derive from (a mix of the seed and the run's start):
     * which rows each step reads depends on it alone, so that a run's result does not depend on the
     * thread that runs it. Ignored by full-batch runs and by objectives without examples.
     */
    public void batchKey(long key) {
        this.batchKey = key;
    }

    /** Receives the path of a run: called at the start and after every step. */
    public interface Recorder {
        void record(int iteration, double[] x, double value);
    }

    /** Runs from {@code x} (overwritten with the end point) and returns the status. */
    public Status run(double[] x, Combo c) {
        return run(x, c, null);
    }

    /** As {@link #run(double[], Combo)}, reporting every iterate to {@code recorder} when not null. */
    public Status run(double[] x, Combo c, Recorder recorder) {
        if (batched != null && c.miniBatch(batched.examples())) {
            return runBatches(x, c, recorder);
        }
        startRun();
        final double decay = c.decay();
        final int maxIterations = c.maxIterations();
        final double gtol = c.gradientNorm();
        final double vtol = c.valueChange();
        final double limit = c.divergence();
        double eta = c.learningRate();

        // the value costs extra work for some objectives (a cosine per coordinate in rastrigin):
        // compute it every step only when a test or a recorder needs it, else once at the end
        final boolean valueEachStep = vtol > 0 || recorder != null;
        final boolean normEachStep = gtol > 0;
        double fx;
        // gradient() returns the value when it computes it anyway, else 0: the |f| test below
        // then applies to every objective that does not skip its value
        fx = valueEachStep ? f.evaluate(x, g) : f.gradient(x, g);
        boolean outside = outside(x, limit);
        boolean stalled = false;
        int t = 0;
        if (recorder != null) {
            recorder.record(0, x, fx);
        }
        Status result = null;
        while (true) {
            // NaN compares false, so NaN or infinite coordinates or values fail these tests
            if (outside || !(Math.abs(fx) <= limit)) {
                result = Status.DIVERGED;
                break;
            }
            if (normEachStep) {
                double gn = norm(g);
                if (!(gn <= Double.MAX_VALUE)) {
                    result = Status.DIVERGED;
                    break;
                }
                if (gn < gtol) {
                    result = Status.CONVERGED;
                    break;
                }
            }
            if (stalled) {
                result = Status.STALLED;
                break;
            }
            if (t >= maxIterations) {
                result = Status.MAX_ITERATIONS;
                break;
            }
            t++;
            outside = step(c, x, eta, limit);
            eta *= decay;
            if (valueEachStep) {
                double previous = fx;
                fx = f.evaluate(x, g);
                if (recorder != null) {
                    recorder.record(t, x, fx);
                }
                stalled = vtol > 0 && Math.abs(fx - previous) < vtol;
            } else {
                fx = f.gradient(x, g);
            }
        }
        if (!valueEachStep) {
            fx = f.evaluate(x, g);
            if (result != Status.DIVERGED && !(Math.abs(fx) <= limit)) {
                result = Status.DIVERGED;
            }
        }
        gradientNorm = norm(g);
        if (result != Status.DIVERGED && !(gradientNorm <= Double.MAX_VALUE)) {
            result = Status.DIVERGED;
        }
        value = fx;
        iterations = t;
        status = result;
        return result;
    }

    /**
     * Stochastic or mini-batch descent: each step follows the gradient of the next
     * {@code batchSize} rows of a shuffle of the data (a new shuffle per pass, the last batch of a
     * pass holding what is left). The stop tests read the loss over all rows, which is computed at
     * the end of every pass and at the last step (a mini-batch's own gradient is noise, not a sign
     * of convergence): converged when its gradient norm is below gradient_norm, stalled when it
     * changed by less than value_change over the pass. The recorder sees the same points. A
     * coordinate beyond the divergence limit ends the run at the step it happens.
     */
    private Status runBatches(double[] x, Combo c, Recorder recorder) {
        startRun();
        final double decay = c.decay();
        final int maxIterations = c.maxIterations();
        final double gtol = c.gradientNorm();
        final double vtol = c.valueChange();
        final double limit = c.divergence();
        final int rows = order.length;
        final int batch = c.batchSize();
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        long state = batchKey;
        int at = rows; // the next row of the shuffle; a new one is due
        double eta = c.learningRate();
        double fx = batched.evaluate(x, full);
        boolean fresh = true; // fx and full are at x
        double checked = Double.NaN; // the loss at the last test
        boolean outside = outside(x, limit);
        int t = 0;
        if (recorder != null) {
            recorder.record(0, x, fx);
        }
        Status result;
        while (true) {
            if (outside) {
                result = Status.DIVERGED;
                break;
            }
            if (fresh) {
                if (!(Math.abs(fx) <= limit)) {
                    result = Status.DIVERGED;
                    break;
                }
                double gn = norm(full);
                if (!(gn <= Double.MAX_VALUE)) {
                    result = Status.DIVERGED;
                    break;
                }
                if (gtol > 0 && gn < gtol) {
                    result = Status.CONVERGED;
                    break;
                }
                if (vtol > 0 && t > 0 && Math.abs(fx - checked) < vtol) {
                    result = Status.STALLED;
                    break;
                }
                checked = fx;
            }
            if (t >= maxIterations) {
                result = Status.MAX_ITERATIONS;
                break;
            }
            t++;
            if (at >= rows) {
                // Fisher-Yates with the run's own counter-based stream
                for (int i = rows - 1; i > 0; i--) {
                    state += SplitMix.GOLDEN;
                    int j = (int) ((SplitMix.mix(state) >>> 33) * (i + 1) >>> 31);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
                at = 0;
            }
            int end = Math.min(rows, at + batch);
            batched.evaluate(x, g, order, at, end);
            at = end;
            outside = step(c, x, eta, limit);
            eta *= decay;
            fresh = at >= rows || t >= maxIterations;
            if (fresh) {
                fx = batched.evaluate(x, full);
                if (recorder != null) {
                    recorder.record(t, x, fx);
                }
            }
        }
        if (!fresh) {
            fx = batched.evaluate(x, full);
        }
        gradientNorm = norm(full);
        if (result != Status.DIVERGED && !(Math.abs(fx) <= limit && gradientNorm <= Double.MAX_VALUE)) {
            result = Status.DIVERGED;
        }
        value = fx;
        iterations = t;
        status = result;
        return result;
    }

    /** Clears the optimizer's state (velocity, squared-gradient averages, adam's products) for a new run. */
    private void startRun() {
        java.util.Arrays.fill(v, 0.0);
        java.util.Arrays.fill(s, 0.0);
        b1t = 1.0;
        b2t = 1.0;
    }

    /**
     * One update of {@code x} along the gradient in {@code g} by the combo's method; whether a
     * coordinate left the divergence limit. Adam's bias corrections advance with each call.
     */
    private boolean step(Combo c, double[] x, double eta, double limit) {
        double beta = c.momentum();
        double beta2 = c.beta2();
        double eps = c.epsilon();
        switch (c.method()) {
            case GD:
                return stepGd(x, eta, limit);
            case MOMENTUM:
                return stepMomentum(x, eta, beta, limit);
            case NESTEROV:
                return stepNesterov(x, eta, beta, limit);
            case ADAGRAD:
                return stepAdagrad(x, eta, eps, limit);
            case RMSPROP:
                return stepRmsprop(x, eta, beta2, eps, limit);
            case ADAM:
                b1t *= beta;
                b2t *= beta2;
                return stepAdam(x, eta, beta, beta2, eps, 1.0 - b1t, 1.0 - b2t, limit);
            default:
                throw new AssertionError(c.method());
        }
    }

    private boolean stepGd(double[] x, double eta, double limit) {
        // NaN fails the comparison too; |= keeps the loop free of branches
        boolean out = false;
        for (int i = 0; i < n; i++) {
            double xi = x[i] - eta * g[i];
            x[i] = xi;
            out |= !(Math.abs(xi) <= limit);
        }
        return out;
    }

    private boolean stepMomentum(double[] x, double eta, double beta, double limit) {
        // NaN fails the comparison too; |= keeps the loop free of branches
        boolean out = false;
        for (int i = 0; i < n; i++) {
            double vi = beta * v[i] - eta * g[i];
            v[i] = vi;
            double xi = x[i] + vi;
            x[i] = xi;
            out |= !(Math.abs(xi) <= limit);
        }
        return out;
    }

    private boolean stepNesterov(double[] x, double eta, double beta, double limit) {
        // NaN fails the comparison too; |= keeps the loop free of branches
        boolean out = false;
        for (int i = 0; i < n; i++) {
            double vi = beta * v[i] - eta * g[i];
            v[i] = vi;
            double xi = x[i] + beta * vi - eta * g[i];
            x[i] = xi;
            out |= !(Math.abs(xi) <= limit);
        }
        return out;
    }

    private boolean stepAdagrad(double[] x, double eta, double eps, double limit) {
        // NaN fails the comparison too; |= keeps the loop free of branches
        boolean out = false;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double si = s[i] + gi * gi;
            s[i] = si;
            double xi = x[i] - eta * gi / (Math.sqrt(si) + eps);
            x[i] = xi;
            out |= !(Math.abs(xi) <= limit);
        }
        return out;
    }

    private boolean stepRmsprop(double[] x, double eta, double rho, double eps, double limit) {
        // NaN fails the comparison too; |= keeps the loop free of branches
        boolean out = false;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double si = rho * s[i] + (1.0 - rho) * gi * gi;
            s[i] = si;
            double xi = x[i] - eta * gi / (Math.sqrt(si) + eps);
            x[i] = xi;
            out |= !(Math.abs(xi) <= limit);
        }
        return out;
    }

    private boolean stepAdam(double[] x, double eta, double b1, double b2, double eps, double c1, double c2,
            double limit) {
        // NaN fails the comparison too; |= keeps the loop free of branches
        boolean out = false;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double mi = b1 * v[i] + (1.0 - b1) * gi;
            double si = b2 * s[i] + (1.0 - b2) * gi * gi;
            v[i] = mi;
            s[i] = si;
            double xi = x[i] - eta * (mi / c1) / (Math.sqrt(si / c2) + eps);
            x[i] = xi;
            out |= !(Math.abs(xi) <= limit);
        }
        return out;
    }

    private double norm(double[] a) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += a[i] * a[i];
        }
        return Math.sqrt(sum);
    }

    /** Whether a coordinate is NaN, infinite or beyond {@code limit} in absolute value. */
    private boolean outside(double[] a, double limit) {
        boolean out = false;
        for (int i = 0; i < n; i++) {
            out |= !(Math.abs(a[i]) <= limit);
        }
        return out;
    }

    public double value() {
        return value;
    }

    public double gradientNorm() {
        return gradientNorm;
    }

    public int iterations() {
        return iterations;
    }

    public Status status() {
        return status;
    }
}
