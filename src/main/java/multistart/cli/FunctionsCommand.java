package multistart.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import multistart.objective.Builtin;
import multistart.objective.Builtins;
import multistart.objective.LocalMinima;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the built-in objectives with dimension, default domain and known minimum. */
@Command(name = "functions", mixinStandardHelpOptions = true,
        description = "List the built-in objectives: dimension, default domain, known minimum (full precision).")
public final class FunctionsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Builtin b : Builtins.all()) {
            int n = b.defaultDimension();
            out.println(b.name() + ": " + b.formula());
            out.println("  dimension: " + (b.anyDimension()
                    ? "any >= " + b.minDimension() + " (default " + n + "; coordinates x1 ... xn)"
                    : n + (n == 1 ? " (coordinate x)" : " (coordinates x, y)")));
            out.println("  default domain: " + (b.anyDimension()
                    ? "[" + b.domain(n).low(0) + ", " + b.domain(n).high(0) + "] in every coordinate"
                    : b.domain(n).toString()));
            LocalMinima.Count count = LocalMinima.inDefaultDomain(b.name(), n);
            if (count != null) {
                out.println("  local minima in the default domain: " + Math.round(count.minima()) + " (" + count.why()
                        + (b.anyDimension() ? "; for dimension " + n : "") + ")");
            }
            Builtin.Minimum m = b.minimum(n);
            if (m == null) {
                out.println("  known minimum: none (unbounded below; local minima only)");
            } else {
                StringBuilder at = new StringBuilder();
                for (double[] p : m.points()) {
                    if (at.length() > 0) {
                        at.append(", ");
                    }
                    at.append('(');
                    for (int i = 0; i < p.length; i++) {
                        at.append(i > 0 ? ", " : "").append(p[i]);
                    }
                    at.append(')');
                }
                out.println("  known minimum: " + m.value() + " at " + at
                        + (b.anyDimension() ? " (for dimension " + n + ")" : ""));
                out.println("  " + curvature(b, n, m));
            }
        }
        out.println();
        out.println("Data-set objectives (objective.model, with data: a CSV file and target: its column to predict;"
                + " variables w_<column>... and bias; batch_size: rows per step, or full):");
        out.println("linear_regression: mean squared error of w.x + b; known minimum: the least-squares fit,"
                + " solved exactly");
        out.println("logistic_regression: mean log loss of sigmoid(w.x + b) against a 0/1 target; known minimum:"
                + " solved by Newton's method (none where the classes are separable)");
        out.flush();
        return Main.OK;
    }

    /**
     * What a constant learning rate must stay under to settle at the known minimisers: the
     * Hessian's largest eigenvalue L at each (by the analysis's own check, central differences
     * of the exact gradient), and gd's limit 2 / L (a gd step multiplies the error along that
     * eigenvector by 1 - rate L). Where the check does not confirm a minimiser (ackley's is the
     * tip of a cone, where the slope does not vanish on either side), that instead.
     */
    static String curvature(Builtin b, int n, Builtin.Minimum m) {
        multistart.objective.Objective f = b.create(n);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] p : m.points()) {
            double l = new multistart.analysis.Classifier(f, 1e-4).curvatureAtMinimum(p);
            if (Double.isNaN(l)) {
                return "at the minimum: no finite curvature the Hessian check confirms (a kink, as at a cone's tip, or"
                        + " a flat bottom): gd at a constant rate does not settle there; a decaying rate (decay < 1)"
                        + " does";
            }
            lo = Math.min(lo, l);
            hi = Math.max(hi, l);
        }
        java.util.function.DoubleFunction<String> brief = multistart.report.Numbers::brief;
        String b4 = brief.apply(hi);
        if (m.points().size() == 1 || hi - lo <= 1e-6 * hi) {
            return "at the minimum: the Hessian's largest eigenvalue is " + b4 + ", so gd at a constant rate settles"
                    + " there only below learning_rate 2 / " + b4 + " = " + brief.apply(2 / hi);
        }
        return "at the minimisers: the Hessian's largest eigenvalue is " + brief.apply(lo) + " to " + b4
                + ", so gd at a constant rate settles at every one below learning_rate " + brief.apply(2 / hi)
                + " and at none above " + brief.apply(2 / lo);
    }
}
