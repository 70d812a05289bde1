package multistart.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import multistart.objective.Box;
import multistart.objective.Builtin;
import multistart.objective.Builtins;
import multistart.objective.Objective;
import multistart.objective.data.DataException;
import multistart.objective.data.DataLoss;
import multistart.objective.data.DataSet;
import multistart.objective.data.Model;
import multistart.objective.expression.Expr;
import multistart.objective.expression.ExpressionException;
import multistart.objective.expression.Exprs;
import multistart.objective.expression.Fn;
import multistart.objective.expression.Formula;
import multistart.objective.expression.Parser;
import multistart.text.Names;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import static multistart.config.ConfigLoader.MAX_DIMENSION;
import static multistart.config.ConfigLoader.MINIMA_COLUMNS;
import static multistart.config.ConfigLoader.abbreviate;

/**
 * Reads a config's {@code objective}: a built-in, an expression (its formula, variables and any
 * hand-written gradient) or a model's loss over a data set. Besides the objective it leaves the
 * variables ({@link #shape()}) for the domain and the start points to be checked against, known
 * even where the objective itself has a problem, and checks a hand-written gradient once the
 * domain is known ({@link #checkGradient(Box)}).
 */
final class ObjectiveReader {
    private static final List<String> KEYS = List.of("builtin", "dimension", "expression", "variables",
            "gradient", "derivatives", "difference_step", "goal", "known_minimum", "model", "data", "target");

    private final YamlSection.Report report;
    private final Path source;
    /** Where a data file's relative path is read from first; null: this process's working directory. */
    private final Path workingDirectory;
    /**
     * A model's data set as read elsewhere (see {@link ConfigLoader#parse(byte[], String, Path, Path, DataSet)}),
     * or null.
     */
    private final DataSet shipped;

    /**
     * The objective's variables once they are known, null while not: set as the objective is
     * read, and known even when it then has a problem (an expression's list when its formula
     * fails, a fixed-dimension built-in's own when the config gives it another dimension).
     */
    private Shape shape;

    /** A hand-written gradient to compare with the exact one once the domain is known. */
    private record GradientCheck(YamlSection section, Formula formula,
            List<Expr> given) {
    }

    private GradientCheck pendingGradientCheck;

    ObjectiveReader(YamlSection.Report report, Path source, Path workingDirectory, DataSet shipped) {
        this.report = report;
        this.source = source;
        this.workingDirectory = workingDirectory;
        this.shipped = shipped;
    }

    /** The objective's variables once they are known, else null (see {@link #shape}). */
    Shape shape() {
        return shape;
    }

    /** The objective, or null where it has a problem (reported). */
    ObjectiveConfig read(YamlSection o) {
        o.rejectUnknown(KEYS);
        if (!o.has("model")) {
            for (String k : List.of("data", "target")) {
                if (o.has(k)) {
                    o.problem(k, "only applies to objective.model (a model's loss over a data set)");
                }
            }
        }
        String goalText = o.string("goal");
        Goal goal = Goal.MINIMIZE;
        if (goalText != null) {
            if (goalText.equals("maximize")) {
                goal = Goal.MAXIMIZE;
            } else if (!goalText.equals("minimize")) {
                o.problem("goal", "must be minimize or maximize, got '" + abbreviate(goalText) + "'"
                        + Names.suggestion(goalText, List.of("minimize", "maximize")));
            }
        }
        ObjectiveConfig.Derivatives derivatives = ObjectiveConfig.Derivatives.EXACT;
        String dText = o.string("derivatives");
        if (dText != null) {
            if (dText.equals("numeric")) {
                derivatives = ObjectiveConfig.Derivatives.NUMERIC;
            } else if (!dText.equals("exact")) {
                o.problem("derivatives", "must be exact or numeric, got '" + abbreviate(dText) + "'"
                        + Names.suggestion(dText, List.of("exact", "numeric")));
            }
        }
        double step = o.positive("difference_step", 1e-4);
        // the default step written out, as SPEC's example config does beside derivatives: exact,
        // documents the key; another value was meant to change something
        if (derivatives == ObjectiveConfig.Derivatives.EXACT && o.has("difference_step") && step != 1e-4) {
            o.warning("difference_step", o.has("model") ? "changes nothing: a model's gradient is exact"
                    : "changes nothing with exact derivatives (the default); it is the step of derivatives: "
                            + "numeric");
        }
        OptionalDouble known = o.number("known_minimum");
        boolean hasBuiltin = o.has("builtin");
        boolean hasExpression = o.has("expression");
        if (hasBuiltin && hasExpression) {
            o.problem("expression", "give either builtin or expression, not both");
            return null;
        }
        if (o.has("model")) {
            if (hasBuiltin || hasExpression) {
                o.problem("model", "give one of builtin, expression or model, not " + (hasBuiltin ? "builtin"
                        : "expression") + " and model");
                return null;
            }
            return model(o, goal, known, derivatives);
        }
        if (hasExpression) {
            return expression(o, goal, known, derivatives, step);
        }
        for (String k : List.of("variables", "gradient")) {
            if (o.has(k)) {
                o.problem(k, "only applies to objective.expression");
            }
        }
        String name = o.string("builtin");
        if (name == null) {
            if (!hasBuiltin && !o.has("model")) {
                o.missing("builtin", null, "name a built-in function (see `multistart functions`) or give an"
                        + " expression");
            }
            return null;
        }
        Optional<Builtin> b = Builtins.find(name);
        if (b.isEmpty()) {
            o.problem("builtin", "unknown built-in '" + abbreviate(name) + "'"
                    + Names.suggestion(name, Builtins.names()) + " (see `multistart functions`)");
            return null;
        }
        Builtin builtin = b.get();
        int dim = builtin.defaultDimension();
        OptionalLong d = o.integer("dimension");
        if (d.isPresent()) {
            if (!builtin.anyDimension()) {
                if (d.getAsLong() != builtin.fixedDimension()) {
                    o.problem("dimension", builtin.name() + " is " + builtin.fixedDimension()
                            + "-dimensional, got " + d.getAsLong());
                    // its variables are still known: the domain and the points are checked against them
                    shape = Shape.of(builtin, dim);
                    return null;
                }
            } else if (d.getAsLong() < builtin.minDimension() || d.getAsLong() > MAX_DIMENSION) {
                o.problem("dimension", "must be between " + builtin.minDimension() + " and " + MAX_DIMENSION
                        + " for " + builtin.name() + ", got " + d.getAsLong());
                return null;
            } else {
                dim = (int) d.getAsLong();
            }
        } else if (o.has("dimension")) {
            return null;
        }
        // a built-in's known value is a minimum: maximising it has no known optimum
        OptionalDouble knownOptimum = known.isPresent() ? known
                : goal == Goal.MINIMIZE ? builtin.knownValue(dim) : OptionalDouble.empty();
        shape = Shape.of(builtin, dim);
        return new ObjectiveConfig(builtin, null, builtin.create(dim), dim, builtin.variables(dim), goal,
                knownOptimum, derivatives, step, false, null);
    }

    /**
     * A model's loss over a data set. The file is found relative to the working directory, as
     * SPEC's example ({@code configs/data/iris.csv}) names it, or else beside the config.
     */
    private ObjectiveConfig model(YamlSection o, Goal goal, OptionalDouble known,
            ObjectiveConfig.Derivatives derivatives) {
        boolean ok = true;
        for (String k : List.of("dimension", "variables", "gradient")) {
            if (o.has(k)) {
                o.problem(k, "does not apply to objective.model: the variables are the model's weights, one"
                        + " per feature column of the data, and its bias");
                ok = false;
            }
        }
        if (goal == Goal.MAXIMIZE) {
            o.problem("goal", "a model's loss is minimized; maximize does not apply to objective.model");
            ok = false;
        }
        if (derivatives == ObjectiveConfig.Derivatives.NUMERIC) {
            o.problem("derivatives", "a model's gradient is exact; numeric does not apply to objective.model");
            ok = false;
        }
        String name = o.string("model");
        Model model = null;
        if (name != null) {
            model = Model.parse(name);
            if (model == null) {
                List<String> names = new ArrayList<>();
                for (var m : Model.values()) {
                    names.add(m.key());
                }
                o.problem("model", YamlSection.unknown("model", name, names));
                ok = false;
            }
        } else {
            ok = false;
        }
        String file = o.string("data");
        String target = o.string("target");
        for (String k : List.of("data", "target")) {
            if (!o.has(k)) {
                o.missing(k, o.keyNode("model"), "a model needs " + (k.equals("data")
                        ? "a CSV file of examples with a header line (objective.data)"
                        : "the column to predict (objective.target)"));
                ok = false;
            }
        }
        if (file == null || target == null) {
            return null;
        }
        Path path = shipped != null ? (workingDirectory == null ? Path.of(file) : workingDirectory.resolve(file))
                : dataPath(file);
        if (path == null) {
            o.problem("data", "no such file: " + file + (source == null || source.getParent() == null ? ""
                    : " (looked in the working directory and beside the config, in " + source.getParent() + ")"));
            return null;
        }
        DataSet data;
        try {
            data = shipped != null ? shipped : DataSet.read(path, target);
        } catch (DataException e) {
            if (e.target()) {
                o.problem("target", file + " " + e.getMessage());
                return null;
            }
            o.problem("data", file + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
            return null;
        } catch (IOException e) {
            o.problem("data", "cannot read " + file + ": " + FileErrors.reason(e, path));
            return null;
        }
        List<String> vars = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>(List.of("bias"));
        for (String f : data.features()) {
            String v = "w_" + f.replaceAll("[^A-Za-z0-9_]", "_");
            while (!taken.add(v)) {
                v += "_";
            }
            vars.add(v);
        }
        vars.add("bias");
        if (vars.size() > MAX_DIMENSION) {
            o.problem("data", file + " has " + data.features().size() + " feature columns; a model takes at most "
                    + (MAX_DIMENSION - 1) + " (one weight each, and the bias)");
            return null;
        }
        shape = new Shape(vars, Box.cube(vars.size(), -1, 1));
        if (!ok) {
            return null;
        }
        if (model == Model.LOGISTIC_REGRESSION) {
            double[] y = data.y();
            for (int i = 0; i < y.length; i++) {
                if (y[i] != 0 && y[i] != 1) {
                    o.problem("target", "logistic_regression predicts two classes, 0 and 1, but column '"
                            + target + "' holds " + y[i] + " (example " + (i + 1) + " of " + file + ")");
                    return null;
                }
            }
        }
        var loss = new DataLoss(model, data);
        OptionalDouble knownOptimum = known;
        // the exact solution's work grows with the rows times the square of the weights: beyond a
        // bound it is not attempted; Newton's method gives null where the classes are separable
        String unsolved = DataLoss.tooLargeToSolve(data, model);
        DataLoss.Fit fit = unsolved != null ? null
                : model == Model.LINEAR_REGRESSION ? DataLoss.fit(data) : DataLoss.newton(data);
        if (fit != null && known.isEmpty()) {
            knownOptimum = OptionalDouble.of(loss.value(fit.weights()));
        }
        return new ObjectiveConfig(null, null, loss, vars.size(), vars, goal, knownOptimum, derivatives, 1e-4,
                false, new ObjectiveConfig.DataModel(model, file, path, target, data, fit,
                fit != null && known.isEmpty()));
    }

    /** The data file: as named from the working directory, else beside the config; null if neither. */
    private Path dataPath(String file) {
        Path p;
        try {
            p = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (p.isAbsolute()) {
            return Files.isRegularFile(p) ? p : null;
        }
        Path first = workingDirectory == null ? p : workingDirectory.resolve(p);
        if (Files.isRegularFile(first)) {
            return first;
        }
        if (source != null && source.getParent() != null) {
            Path q = source.getParent().resolve(p);
            if (Files.isRegularFile(q)) {
                return q;
            }
        }
        return workingDirectory != null && Files.isRegularFile(p) ? p : null;
    }

    private static final java.util.Set<String> RESERVED = java.util.Set.of("pi", "e");

    private ObjectiveConfig expression(YamlSection o, Goal goal, OptionalDouble known,
            ObjectiveConfig.Derivatives derivatives, double step) {
        if (o.has("dimension")) {
            o.problem("dimension", "only applies to built-ins; an expression's dimension is its variables");
        }
        String text = o.string("expression");
        List<String> vars = new ArrayList<>();
        Node vn = o.valueNode("variables");
        if (vn == null || YamlSection.isNull(vn)) {
            o.missing("variables", o.keyNode("expression"), "list the formula's variables in order, e.g."
                    + " variables: [x, y]");
            return null;
        }
        if (!(vn instanceof SequenceNode q) || q.getValue().isEmpty()) {
            o.problem("variables", "must be a non-empty list of names, got " + YamlSection.describe(vn));
            return null;
        }
        boolean ok = true;
        for (Node it : q.getValue()) {
            String v = it instanceof ScalarNode sc ? sc.getValue() : null;
            if (v == null || !v.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
                report.at(it, "objective.variables", "a variable is a name of letters, digits and _, got "
                        + YamlSection.describe(it));
                ok = false;
            } else if (RESERVED.contains(v) || Fn.names().contains(v)) {
                report.at(it, "objective.variables", "'" + v + "' is a constant or function name, not a "
                        + "variable");
                ok = false;
            } else if (MINIMA_COLUMNS.contains(v)) {
                // minima.csv's header is basin,<var>...,value,kind,hits,share,best_run
                report.at(it, "objective.variables", "'" + v + "' names a column of minima.csv ("
                        + String.join(", ", MINIMA_COLUMNS) + "), which would then hold two; name it otherwise");
                ok = false;
            } else if (vars.contains(v)) {
                report.at(it, "objective.variables", "'" + v + "' is listed twice");
                ok = false;
            } else {
                vars.add(v);
            }
        }
        if (vars.size() > MAX_DIMENSION) {
            o.problem("variables", "more than " + MAX_DIMENSION + " variables");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        shape = new Shape(List.copyOf(vars), null);
        if (text == null) {
            return null;
        }
        Formula formula;
        try {
            formula = Formula.of(text, vars);
        } catch (ExpressionException e) {
            formulaProblem(o, "expression", o.valueNode("expression"), text, e);
            return null;
        }
        for (int i = 0; i < vars.size(); i++) {
            if (!Formula.uses(formula.value(), i)) {
                // a name the text holds but whose terms fold away (0*x, x^0) is not "unused"
                boolean written = Pattern.compile("(?<![A-Za-z0-9_])"
                        + Pattern.quote(vars.get(i)) + "(?![A-Za-z0-9_])").matcher(text).find();
                report.at(q.getValue().get(i), "objective.variables", "'" + vars.get(i) + "' is listed but the "
                        + (written ? "expression does not depend on it (every term holding it simplifies to a "
                                + "constant, as 0*x does)" : "expression does not use it"));
                ok = false;
            }
        }
        List<Expr> given = null;
        Node gn = o.valueNode("gradient");
        if (gn != null && !YamlSection.isNull(gn)) {
            if (!(gn instanceof SequenceNode gq) || gq.getValue().size() != vars.size()) {
                o.problem("gradient", "must be a list of " + vars.size() + " formulas, one per variable ("
                        + String.join(", ", vars) + "), got " + YamlSection.describe(gn));
                return null;
            }
            given = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                Node it = gq.getValue().get(i);
                String gt = it instanceof ScalarNode sc ? sc.getValue() : null;
                if (gt == null) {
                    report.at(it, "objective.gradient[" + i + "]", "must be a formula, got "
                            + YamlSection.describe(it));
                    return null;
                }
                try {
                    given.add(Parser.parse(gt, vars));
                } catch (ExpressionException e) {
                    formulaProblem(o, "gradient[" + i + "]", it, gt, e);
                    ok = false;
                }
            }
            if (derivatives == ObjectiveConfig.Derivatives.NUMERIC) {
                o.problem("gradient", "a hand-written gradient and derivatives: numeric exclude each other");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        Objective function;
        try {
            function = derivatives == ObjectiveConfig.Derivatives.NUMERIC ? formula.compileValueOnly()
                    : given != null ? formula.compileWith(given) : formula.compile();
        } catch (ExpressionException e) {
            formulaProblem(o, "expression", o.valueNode("expression"), text, e);
            return null;
        }
        pendingGradientCheck = given == null ? null : new GradientCheck(o, formula, given);
        return new ObjectiveConfig(null, text, function, vars.size(), vars, goal, known, derivatives, step,
                given != null, null);
    }

    /**
     * Compares a hand-written gradient, where the expression has one, with the exact derivative
     * at a few points of the domain; once.
     */
    void checkGradient(Box box) {
        GradientCheck check = pendingGradientCheck;
        pendingGradientCheck = null;
        if (check == null) {
            return;
        }
        List<String> vars = check.formula().variables();
        int n = vars.size();
        double[] x = new double[n];
        // the same eight points every time: a config is refused or not whatever else it says
        java.util.SplittableRandom points = new java.util.SplittableRandom(0x5EED);
        for (int k = 0; k < 8; k++) {
            for (int i = 0; i < n; i++) {
                x[i] = box.low(i) + points.nextDouble() * (box.high(i) - box.low(i));
            }
            for (int i = 0; i < n; i++) {
                var exactExpr = check.formula().gradient().get(i);
                double exact = Exprs.eval(exactExpr, x);
                double given = Exprs.eval(check.given().get(i), x);
                if (!Double.isFinite(exact) && !Double.isFinite(given)) {
                    continue;
                }
                // agreement to ~1e-9 relative: the two are the same function written differently
                if (!(Math.abs(given - exact) <= 1e-9 * (1 + Math.abs(exact)))) {
                    StringBuilder at = new StringBuilder();
                    for (int j = 0; j < n; j++) {
                        at.append(j > 0 ? ", " : "").append(vars.get(j)).append(" = ").append(x[j]);
                    }
                    Node gq = check.section().valueNode("gradient");
                    Node item = gq instanceof SequenceNode s ? s.getValue().get(i) : check.section()
                            .keyNode("gradient");
                    report.at(item, "objective.gradient[" + i + "]", "d/d" + vars.get(i)
                            + " disagrees with the exact derivative of the expression at (" + at + "): given "
                            + given + ", exact " + exact + " (the exact derivative is "
                            + Exprs.format(exactExpr) + ")");
                    return;
                }
            }
        }
    }

    /** Reports a formula error at its line:column, with the formula and a caret under the place. */
    private void formulaProblem(YamlSection o, String key, Node node, String text,
            ExpressionException e) {
        String message = e.getMessage();
        int pos = e.position();
        int line = 0;
        int col = 0;
        if (node != null && node.getStartMark().isPresent()) {
            line = node.getStartMark().get().getLine() + 1;
            col = node.getStartMark().get().getColumn() + 1;
            if (pos >= 0 && node instanceof ScalarNode sc && text.indexOf('\n') < 0
                    && sc.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.LITERAL
                    && sc.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.FOLDED) {
                boolean quoted = sc.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.DOUBLE_QUOTED
                        || sc.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.SINGLE_QUOTED;
                col += pos + (quoted ? 1 : 0);
            }
        }
        if (pos >= 0 && text.length() <= 200) {
            message += "\n    " + text.replace('\n', ' ') + "\n    " + " ".repeat(pos) + "^";
        }
        report.problems.add(new Problem(report.file, line == 0 ? 1 : line, line == 0 ? 1 : col,
                o.key(key), message));
    }
}
