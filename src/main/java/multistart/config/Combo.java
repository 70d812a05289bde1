package multistart.config;

/**
 * One element of the sweep: every optimizer setting a run needs, resolved (method defaults
 * applied). Immutable; shared by all runs of the combo. {@code batchSize} is the rows of a
 * data-set objective each step reads, {@link #FULL_BATCH} for all of them (and for every other
 * objective).
 */
public record Combo(
        int index,
        Method method,
        double learningRate,
        double decay,
        double momentum,
        double beta2,
        double epsilon,
        int maxIterations,
        double gradientNorm,
        double valueChange,
        double divergence,
        int batchSize) {

    /** {@code batch_size: full}: every row at every step (the largest int, so that it sorts after the rest). */
    public static final int FULL_BATCH = Integer.MAX_VALUE;

    /** A combo of a function (no data set): every step sees the whole function. */
    public Combo(int index, Method method, double learningRate, double decay, double momentum, double beta2,
            double epsilon, int maxIterations, double gradientNorm, double valueChange, double divergence) {
        this(index, method, learningRate, decay, momentum, beta2, epsilon, maxIterations, gradientNorm, valueChange,
                divergence, FULL_BATCH);
    }

    /** Whether a step of this combo reads fewer than all of {@code rows} rows (a mini-batch). */
    public boolean miniBatch(int rows) {
        return batchSize < rows;
    }

    public double value(Setting s) {
        return switch (s) {
            case LEARNING_RATE -> learningRate;
            case DECAY -> decay;
            case MOMENTUM -> momentum;
            case BETA2 -> beta2;
            case EPSILON -> epsilon;
            case MAX_ITERATIONS -> maxIterations;
            case GRADIENT_NORM -> gradientNorm;
            case VALUE_CHANGE -> valueChange;
            case DIVERGENCE -> divergence;
            case BATCH_SIZE -> batchSize;
        };
    }
}
