package multistart.config;

import java.util.List;
import java.util.OptionalDouble;
import multistart.objective.Builtin;

/**
 * The function to minimise, resolved: a built-in at a dimension, its coordinate names, the
 * goal, and the known optimum in the user's sign (empty when unknown).
 */
public record ObjectiveConfig(
        Builtin builtin,
        int dimension,
        List<String> variables,
        Goal goal,
        OptionalDouble knownOptimum,
        Derivatives derivatives,
        double differenceStep) {

    /** Exact (analytic) derivatives, or central differences with {@code difference_step}. */
    public enum Derivatives { EXACT, NUMERIC }

    public ObjectiveConfig {
        variables = List.copyOf(variables);
    }

    /** Human-readable description for reports. */
    public String describe() {
        String d = builtin.anyDimension() ? " (dimension " + dimension + ")" : "";
        return "built-in " + builtin.name() + d;
    }
}
