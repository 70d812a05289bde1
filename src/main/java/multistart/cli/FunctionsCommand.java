package multistart.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import multistart.objective.Builtin;
import multistart.objective.Builtins;
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
}
