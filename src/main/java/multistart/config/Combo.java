package multistart.config;

/**
 * One element of the sweep: every optimizer setting a run needs, resolved (method defaults
 * applied). Immutable; shared by all runs of the combo.
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
        double divergence) {

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
        };
    }
}
