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

        /**
         * Why no exact minimum is known: not attempted (too many weights for the data's size), or
         * for logistic regression none found; null where one was solved (or for linear regression,
         * whose least-squares fit always is).
         */
        public String unsolved() {
            String large = DataLoss.tooLargeToSolve(data, model);
            if (large != null || fit != null || model != Model.LOGISTIC_REGRESSION) {
                return large;
            }
            // Newton's method ran and found no minimum (DataLoss.newton): separating weights, or weights
            // past 1e6, or no convergence
            return "none: Newton's method from zero weights found no minimum (its weights came to put every row on"
                    + " its class's side, or grew without end): where the classes are linearly separable the log"
                    + " loss falls towards 0 as the weights grow, and runs end at max_iterations wherever they"
                    + " stand";
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
         * mu^2 - (1 + b)(1 - eta L) mu + b (1 - eta L), keep their roots inside the unit circle.
         * For logistic regression the same of the Hessian at the minimum Newton's method solved,
         * the quadratic the loss is near it: the limits for settling there. Then the condition
         * number and what it costs, and from {@link #NAMED_CONDITION} the columns' near relation
         * along the flattest direction; "" where no Hessian is known.
         */
        public String curvature() {
            if (fit == null || fit.curvatures() == null) {
                return "";
            }
            double[] k = fit.curvatures();
            double lo = k[0];
            double hi = k[k.length - 1];
            boolean local = fit.newton();
            String limits = String.format(java.util.Locale.ROOT, (local
                    ? "at the minimum the loss's Hessian has eigenvalues from %s to %s, so gd at a constant rate"
                            + " settles there only for learning_rate below 2 / %s = %s"
                    : "the loss is a quadratic whose Hessian has eigenvalues from %s to %s, so gd at a constant"
                            + " rate converges from every start for learning_rate below 2 / %s = %s, and from"
                            + " almost none above it")
                    + " (momentum with coefficient b: below 2 (1 + b) / %s; nesterov: below 2 (1 + b) / ((1 + 2 b)"
                    + " %s))", g6(lo), g6(hi), g6(hi), g6(fit.gdLimit()), g6(hi), g6(hi));
            // how fast: at its best constant rate 2 / (lo + hi) gd shrinks the distance to the minimum
            // by (kappa - 1) / (kappa + 1) per step, kappa = hi / lo
            double rounding = local ? EIGEN_ROUNDING : ROUNDING;
            if (!(lo > hi * rounding)) {
                int zero = 0;
                while (zero < k.length && !(k[zero] > hi * rounding)) {
                    zero++;
                }
                String relation = relation(true);
                return limits + "; the smallest is 0 to rounding: columns of the data depend on one another"
                        + (relation == null ? "" : " (" + relation + (zero == 1 ? "" : "; " + zero + " eigenvalues"
                                + " are 0, so as many such relations hold, of which this is one") + ")")
                        + ", so the weights that reach the minimum form a line or plane, and runs end at different"
                        + " points of it";
            }
            double kappa = hi / lo;
            double factor = (kappa - 1) / (kappa + 1);
            String cost = String.format(java.util.Locale.ROOT, "; condition number %s: %sat its best constant rate,"
                    + " 2 / (%s + %s) = %s, gd shrinks the distance to the minimum by a factor %s per step%s",
                    trimmed(kappa, 4), local ? "near the minimum, " : "", g6(lo), g6(hi), g6(2 / (lo + hi)), g6(factor),
                    factor > 0 ? ", " + trimmed(Math.log(10) / -Math.log(factor), 3) + " steps per factor of 10" : "");
            if (kappa < NAMED_CONDITION) {
                return limits + cost;
            }
            String relation = relation(false);
            return limits + cost + (relation != null ? "; along the flattest direction the columns nearly satisfy "
                    + relation + ": the data hardly tell those weights apart, and runs that stop short end at"
                    + " different points along it (centring and scaling the columns, or dropping one that the"
                    + " others give, mends it)"
                    : "; the flattest direction, along which the loss hardly changes near the minimum, is "
                            + direction());
        }

        /**
         * The ratio of eigenvalues under which the smallest is 0 to rounding: the Hessian's
         * eigenvalues are R's singular values squared, each singular value good to about 1e-16 of
         * the largest, so exactly dependent columns leave a ratio near 1e-32; a column such as
         * 1000 + noise of sd 0.5 leaves 1e-13, and is not dependent.
         */
        static final double ROUNDING = 1e-24;
        /** The same for eigenvalues computed from the Hessian itself (logistic regression's): 1e-16 of the largest. */
        static final double EIGEN_ROUNDING = 1e-12;

        /** The condition number from which {@link #curvature} names the columns' near relation. */
        static final double NAMED_CONDITION = 1e4;

        /**
         * The linear relation among the columns that the flattest direction v of the Hessian
         * makes: for linear regression sum v_j x_j + v_bias is as near 0 over the rows as any unit
         * combination, its root mean square sqrt(smallest curvature / 2). Solved for the feature that contributes
         * most (|v_j| times the column's root mean square; of those within 1% of it, the last, so
         * that of two columns in proportion the later is given by the earlier), terms contributing
         * under 1e-3 of the most left out: "b = 2 a" where {@code exact}, else "b = 2.003 a + 0.1
         * (r.m.s. residual r over the rows, where b's own r.m.s. is s)"; null where the residual is
         * not under {@link #RELATION_RESIDUAL} of that (a logistic loss can be flat along a direction
         * where the columns hold no relation: rows far from the boundary weigh nothing in it).
         */
        String relation(boolean exact) {
            double[] v = fit.flattest();
            List<String> names = data.features();
            int p = names.size();
            int n = data.rows();
            double[] x = data.x();
            double[] size = new double[p + 1];
            size[p] = Math.abs(v[p]);
            for (int j = 0; j < p; j++) {
                double sq = 0;
                for (int i = 0; i < n; i++) {
                    sq += x[i * p + j] * x[i * p + j];
                }
                size[j] = Math.abs(v[j]) * Math.sqrt(sq / n);
            }
            double most = 0;
            double mostFeature = 0;
            for (int j = 0; j <= p; j++) {
                most = Math.max(most, size[j]);
                mostFeature = j < p ? Math.max(mostFeature, size[j]) : mostFeature;
            }
            // two columns in proportion contribute alike: the later one is given by the earlier
            int top = 0;
            for (int j = 0; j < p; j++) {
                if (size[j] >= mostFeature * 0.99) {
                    top = j;
                }
            }
            StringBuilder r = new StringBuilder(column(names.get(top))).append(" =");
            boolean first = true;
            for (int j = 0; j <= p; j++) {
                if (j == top || !(size[j] >= most * 1e-3)) {
                    continue;
                }
                double c = -v[j] / v[top];
                String number = trimmed(Math.abs(c), exact ? 6 : 4);
                String term = j == p ? number : (number.equals("1") ? "" : number + " ") + column(names.get(j));
                r.append(first ? (c < 0 ? " -" : "") : c < 0 ? " -" : " +").append(' ').append(term);
                first = false;
            }
            if (first) {
                r.append(" 0");
            }
            // the relation's residual over the rows, sum v_j x_ij + v_bias, in the solved column's units
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double e = v[p];
                for (int j = 0; j < p; j++) {
                    e += v[j] * x[i * p + j];
                }
                sq += e * e;
            }
            double residual = Math.sqrt(sq / n) / Math.abs(v[top]);
            double own = size[top] / Math.abs(v[top]);
            if (!(residual < RELATION_RESIDUAL * own)) {
                return null;
            }
            if (exact) {
                return r.append(" on every row").toString();
            }
            return r.append(" (r.m.s. residual ").append(trimmed(residual, 3)).append(" over the rows, where ")
                    .append(column(names.get(top))).append("'s own r.m.s. is ").append(trimmed(own, 3)).append(')')
                    .toString();
        }

        /** A relation's r.m.s. residual, as a share of its solved column's own, up to which it is said. */
        static final double RELATION_RESIDUAL = 0.1;

        /** The flattest direction's components, weights then bias: "(w_a 0.71, w_b -0.7, bias 0.01)". */
        String direction() {
            double[] v = fit.flattest();
            List<String> names = data.features();
            StringBuilder d = new StringBuilder("(");
            for (int j = 0; j < v.length; j++) {
                d.append(j == 0 ? "" : ", ").append(j < names.size() ? "w_" + names.get(j) : "bias").append(' ')
                        .append(trimmed(v[j], 2));
            }
            return d.append(')').toString();
        }

        /** A column's name as it reads in a formula: quoted where it is not a plain identifier. */
        private static String column(String name) {
            return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : '"' + name + '"';
        }

        /** Six significant digits, trailing zeros dropped (2, not 2.00000). */
        private static String g6(double x) {
            return trimmed(x, 6);
        }

        /** {@code x} to {@code digits} significant digits, trailing zeros dropped: 2, 0.5, 1.234e-5. */
        private static String trimmed(double x, int digits) {
            return multistart.text.Decimals.compact(String.format(java.util.Locale.ROOT, "%." + digits + "g", x));
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
