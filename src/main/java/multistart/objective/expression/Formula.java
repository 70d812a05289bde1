package multistart.objective.expression;

import java.util.ArrayList;
import java.util.List;
import multistart.objective.Objective;

/**
 * A user's formula, parsed and differentiated: the value, its exact gradient, and the compiled
 * objective. Immutable; the compiled objective is stateless and shared by all workers.
 */
public final class Formula {

    public static final int MAX_NODES = 5_000;

    private final String text;
    private final List<String> variables;
    private final Expr value;
    private final List<Expr> gradient;

    private Formula(String text, List<String> variables, Expr value, List<Expr> gradient) {
        this.text = text;
        this.variables = List.copyOf(variables);
        this.value = value;
        this.gradient = List.copyOf(gradient);
    }

    /** Parses {@code text} over {@code variables} and differentiates it exactly. */
    public static Formula of(String text, List<String> variables) throws ExpressionException {
        Expr value = Parser.parse(text, variables);
        if (Exprs.size(value, MAX_NODES) > MAX_NODES) {
            throw new ExpressionException("the formula has more than " + MAX_NODES + " operations", -1);
        }
        List<Expr> gradient = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            gradient.add(Exprs.derivative(value, i));
        }
        return new Formula(text, variables, value, gradient);
    }

    public String text() {
        return text;
    }

    public List<String> variables() {
        return variables;
    }

    public Expr value() {
        return value;
    }

    public List<Expr> gradient() {
        return gradient;
    }

    /** The variables the formula actually uses. */
    public static boolean uses(Expr e, int index) {
        if (e instanceof Expr.Var v) {
            return v.index() == index;
        }
        if (e instanceof Expr.Neg n) {
            return uses(n.a(), index);
        }
        if (e instanceof Expr.Bin b) {
            return uses(b.a(), index) || uses(b.b(), index);
        }
        if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                if (uses(a, index)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Value with the exact gradient, compiled. */
    public Objective compile() throws ExpressionException {
        return Compiler.compile(value, gradient, variables.size());
    }

    /** Value with the given gradient formulas, compiled. */
    public Objective compileWith(List<Expr> givenGradient) throws ExpressionException {
        return Compiler.compile(value, givenGradient, variables.size());
    }

    /** Value only (the gradient buffer is left alone), for numeric differences. */
    public Objective compileValueOnly() throws ExpressionException {
        return Compiler.compile(value, null, variables.size());
    }
}
