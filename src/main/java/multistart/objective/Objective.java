package multistart.objective;

/**
 * A function to minimise with its exact gradient.
 *
 * <p>{@link #evaluate} is the per-step call of every optimizer: it fills a caller-owned
 * gradient buffer and returns the value, allocating nothing. Implementations are stateless
 * and therefore safe to share between worker threads; callers own every buffer they pass.
 */
public interface Objective {

    /** Number of coordinates. */
    int dimension();

    /**
     * Value at {@code x}; writes the gradient into {@code grad[0 .. dimension())}.
     * Neither array is retained. A point where the function is undefined yields NaN.
     */
    double evaluate(double[] x, double[] grad);

    /**
     * The gradient, for steps where no one needs the value. Writes exactly what
     * {@link #evaluate} writes into {@code grad} and returns the value, or 0 when the
     * implementation skipped computing it. Only functions defined and finite wherever their
     * gradient is may skip it (rastrigin saves a cosine per coordinate); the caller still
     * applies its divergence test to what is returned.
     */
    default double gradient(double[] x, double[] grad) {
        return evaluate(x, grad);
    }

    /**
     * The instance one worker thread uses. Stateless objectives return themselves; those
     * that need scratch space (numeric differences) return a private copy.
     */
    default Objective forWorker() {
        return this;
    }

    /**
     * The name of the kernel that evaluates this function on several runs at once in SIMD
     * lanes, bit for bit as {@link #evaluate} does (see {@code multistart.simd}); null when
     * there is none and runs go one at a time.
     */
    default String laneKernel() {
        return null;
    }

    /** Value only; allocates a scratch gradient, so not for the per-step loop. */
    default double value(double[] x) {
        return evaluate(x, new double[dimension()]);
    }
}
