package multistart.config;

import java.util.List;
import java.util.OptionalDouble;
import multistart.objective.Builtin;
import multistart.objective.Objective;
import multistart.objective.data.DataLoss;
import multistart.objective.data.DataSet;
import multistart.objective.data.Model;

/**
 * The function to minimise, resolved: a built-in at a dimension or a compiled formula, its
 * coordinate names, the goal, and the known optimum in the user's sign (empty when unknown).
 *
 * @param builtin    the built-in, or null for a formula or a model
 * @param expression the formula's text, or null for a built-in or a model
 * @param function   the function as the user wrote it, in the user's sign; with numeric
 *                   derivatives its gradient is not used
 */
public record ObjectiveConfig(
        Builtin builtin,
        String expression,
        Objective function,
        int dimension,
        List<String> variables,
        Goal goal,
        OptionalDouble knownOptimum,
        Derivatives derivatives,
        double differenceStep,
        boolean givenGradient,
        DataModel model) {

    /**
     * A model's loss over a data set: the model, the file as the config names it and as it
     * was found, the target column and the table read; for linear regression its exact fit, and
     * whether the known optimum is that fit's (not a known_minimum the config gives).
     */
    public record DataModel(Model model, String file, java.nio.file.Path path, String target, DataSet data,
            DataLoss.Fit fit, boolean solved) {

        /** Why no exact minimum was attempted (too many weights for the data's size), or null. */
        public String unsolved() {
            return DataLoss.tooLargeToSolve(data, model);
        }

        /**
         * The weights (then bias) that the known optimum was solved at, by least squares or by
         * Newton's method, or null (none solved, or a known_minimum the config gives).
         */
        public double[] exact() {
            return fit == null || !solved ? null : fit.weights().clone();
        }

        /** How the known optimum was solved, for reports: "the least-squares fit, solved exactly", ... */
        public String solvedBy() {
            return fit.newton() ? "the minimum solved by Newton's method" : "the least-squares fit, solved exactly";
        }

        /**
         * For linear regression: "the loss is a quadratic whose Hessian has eigenvalues from a to
         * L, so gd at a constant rate converges from every start for learning_rate below 2 / L = c,
         * and from almost none above it" (the error along the eigenvector of L is multiplied by
         * 1 - eta L at every step), with the limits of heavy-ball momentum, 2 (1 + b) / L, and of
         * Nesterov's form, 2 (1 + b) / ((1 + 2 b) L), where the characteristic polynomials of their
         * two-step recurrences on that eigenvector, mu^2 - (1 + b - eta L) mu + b and
         * mu^2 - (1 + b)(1 - eta L) mu + b (1 - eta L), keep their roots inside the unit circle;
         * else "".
         */
        public String curvature() {
            if (fit == null || fit.curvatures() == null) {
                return "";
            }
            double[] k = fit.curvatures();
            double lo = k[0];
            double hi = k[k.length - 1];
            String limits = String.format(java.util.Locale.ROOT, "the loss is a quadratic whose Hessian has eigenvalues"
                    + " from %.6g to %.6g, so gd at a constant rate converges from every start for learning_rate below"
                    + " 2 / %.6g = %.6g, and from almost none above it (momentum with coefficient b: below"
                    + " 2 (1 + b) / %.6g; nesterov: below 2 (1 + b) / ((1 + 2 b) %.6g))", lo, hi, hi, fit.gdLimit(), hi,
                    hi);
            // how fast: at its best constant rate 2 / (lo + hi) gd shrinks the distance to the minimum
            // by (kappa - 1) / (kappa + 1) per step, kappa = hi / lo
            if (!(lo > hi * 1e-12)) {
                return limits + "; the smallest is 0 to rounding: columns of the data depend on one another, so the"
                        + " weights that reach the minimum form a line or plane, and runs end at different points"
                        + " of it";
            }
            double kappa = hi / lo;
            double factor = (kappa - 1) / (kappa + 1);
            return limits + String.format(java.util.Locale.ROOT, "; condition number %.4g: at its best constant rate,"
                    + " 2 / (%.6g + %.6g) = %.6g, gd shrinks the distance to the minimum by a factor %.6g per step%s",
                    kappa, lo, hi, 2 / (lo + hi), factor, factor > 0 ? String.format(java.util.Locale.ROOT,
                            ", %.3g steps per factor of 10", Math.log(10) / -Math.log(factor)) : "");
        }

        public String describe() {
            List<String> ignored = data.ignored();
            return model.key() + " on " + file + " (" + data.rows() + " rows, " + data.features().size()
                    + " feature" + (data.features().size() == 1 ? "" : "s") + ", predicting " + target
                    + (ignored.isEmpty() ? "" : "; left out, holding no numbers: " + String.join(", ", ignored)) + ")";
        }
    }

    /** Exact (analytic) derivatives, or central differences with {@code difference_step}. */
    public enum Derivatives { EXACT, NUMERIC }

    public ObjectiveConfig {
        variables = List.copyOf(variables);
    }

    /** Human-readable description for reports. */
    public String describe() {
        String how = derivatives == Derivatives.NUMERIC ? " (numeric derivatives, step " + differenceStep + ")"
                : givenGradient ? " (hand-written gradient)" : "";
        if (model != null) {
            return "model " + model.describe();
        }
        if (builtin == null) {
            // on one line: a formula written as a YAML block keeps its line breaks
            return "expression " + expression.strip().replaceAll("\\s+", " ") + how;
        }
        String d = builtin.anyDimension() ? " (dimension " + dimension + ")" : "";
        return "built-in " + builtin.name() + d + how;
    }
}
