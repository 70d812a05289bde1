package multistart.objective.expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import multistart.objective.Objective;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles a value formula and its gradient formulas into one JVM class implementing
 * {@link Objective}, through Janino. The code is straight-line: every operation is one local
 * variable, and a subexpression that occurs more than once (structurally equal, anywhere in
 * the value or any gradient component) is computed once. So the per-step cost is that of
 * hand-written code, and no formula can nest deeply enough to trouble the compiler.
 */
public final class Compiler {

    /** Distinct operations allowed in one compiled objective. */
    public static final int MAX_OPERATIONS = 20_000;

    private final Map<Expr, String> names = new HashMap<>();
    private final Map<Expr, Integer> uses = new HashMap<>();
    private final StringBuilder body = new StringBuilder();
    private int temps;

    private Compiler() {
    }

    /**
     * @param value    f
     * @param gradient the components of grad f, or null for a value-only objective (the
     *                 gradient buffer is then left untouched)
     */
    public static Objective compile(Expr value, List<Expr> gradient, int dimension) throws ExpressionException {
        Compiler c = new Compiler();
        String evaluate = c.body(value, gradient, dimension);
        String gradientOnly = "";
        // a formula with partial functions (log of a negative) must keep computing its value, or
        // a step through the undefined region would go unnoticed (log's derivative 1/x is defined
        // there); total formulas get a gradient-only method that skips the value's work
        if (gradient != null && total(value)) {
            Compiler gc = new Compiler();
            gradientOnly = "    public double gradient(double[] x, double[] g) {\n"
                    + gc.body(null, gradient, dimension) + "        return 0.0;\n    }\n";
        }
        String name = "Formula";
        String source = "public final class " + name + " implements multistart.objective.Objective {\n"
                + "    public int dimension() { return " + dimension + "; }\n"
                + "    public double evaluate(double[] x, double[] g) {\n" + evaluate + "    }\n"
                + gradientOnly + "}\n";
        try {
            SimpleCompiler sc = new SimpleCompiler();
            sc.setParentClassLoader(Compiler.class.getClassLoader());
            sc.cook(source);
            return (Objective) sc.getClassLoader().loadClass(name).getDeclaredConstructor().newInstance();
        } catch (CompileException | ReflectiveOperationException | RuntimeException e) {
            throw new ExpressionException("internal error compiling the formula: " + e.getMessage(), -1);
        }
    }

    /** Statements computing the roots; returns the value when {@code value} is given. */
    private String body(Expr value, List<Expr> gradient, int dimension) throws ExpressionException {
        List<Expr> roots = new ArrayList<>();
        if (value != null) {
            roots.add(value);
        }
        if (gradient != null) {
            roots.addAll(gradient);
        }
        for (Expr r : roots) {
            count(r);
        }
        if (uses.size() > MAX_OPERATIONS) {
            throw new ExpressionException("the formula and its derivatives need " + uses.size()
                    + " operations, more than the " + MAX_OPERATIONS + " allowed", -1);
        }
        for (int i = 0; i < dimension; i++) {
            body.append("        final double x").append(i).append(" = x[").append(i).append("];\n");
        }
        String v = value == null ? null : emit(value);
        if (gradient != null) {
            for (int i = 0; i < dimension; i++) {
                String gi = emit(gradient.get(i));
                body.append("        g[").append(i).append("] = ").append(gi).append(";\n");
            }
        }
        if (v != null) {
            body.append("        return ").append(v).append(";\n");
        }
        return body.toString();
    }

    /** True when the formula is defined everywhere its operations are finite. */
    static boolean total(Expr e) {
        ArrayList<Expr> stack = new ArrayList<>();
        stack.add(e);
        while (!stack.isEmpty()) {
            Expr x = stack.remove(stack.size() - 1);
            if (x instanceof Expr.Call c) {
                switch (c.fn()) {
                    case LOG, LOG10, SQRT, ASIN, ACOS, POW:
                        return false;
                    default:
                        break;
                }
            }
            if (x instanceof Expr.Bin b && b.op() == '^' && !Powers.applies(b.b())) {
                return false;
            }
            children(x, stack);
        }
        return true;
    }

    /** Counts uses of each distinct subtree, descending into a subtree only the first time. */
    private void count(Expr root) {
        // iterative, so that long sums cannot overflow the stack
        ArrayList<Expr> stack = new ArrayList<>();
        stack.add(root);
        IdentityHashMap<Expr, Boolean> seen = new IdentityHashMap<>();
        while (!stack.isEmpty()) {
            Expr e = stack.remove(stack.size() - 1);
            if (e instanceof Expr.Num || e instanceof Expr.Var) {
                continue;
            }
            int n = uses.merge(e, 1, Integer::sum);
            if (n > 1 || seen.put(e, Boolean.TRUE) != null) {
                continue;
            }
            children(e, stack);
            if (uses.size() > MAX_OPERATIONS) {
                return;
            }
        }
    }

    private static void children(Expr e, List<Expr> out) {
        Exprs.children(e, out);
    }

    /** Emits the statements computing {@code root}, children first, and returns its operand text. */
    private String emit(Expr root) {
        // explicit post-order stack: (node, childrenDone)
        ArrayList<Expr> stack = new ArrayList<>();
        ArrayList<Boolean> expanded = new ArrayList<>();
        stack.add(root);
        expanded.add(false);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            Expr e = stack.get(top);
            if (leaf(e) != null || names.containsKey(e)) {
                stack.remove(top);
                expanded.remove(top);
                continue;
            }
            if (!expanded.get(top)) {
                expanded.set(top, true);
                List<Expr> kids = new ArrayList<>();
                children(e, kids);
                for (int i = kids.size() - 1; i >= 0; i--) {
                    stack.add(kids.get(i));
                    expanded.add(false);
                }
                continue;
            }
            stack.remove(top);
            expanded.remove(top);
            // operation() may emit helper statements (integer powers) first
            String op = operation(e);
            String t = "t" + temps++;
            body.append("        final double ").append(t).append(" = ").append(op).append(";\n");
            names.put(e, t);
        }
        String l = leaf(root);
        return l != null ? l : names.get(root);
    }

    private String operand(Expr e) {
        String l = leaf(e);
        return l != null ? l : names.get(e);
    }

    private static String leaf(Expr e) {
        if (e instanceof Expr.Num n) {
            // the parser refuses a formula that folds to NaN or an infinity; a derivative could
            // still hold one, and Java source has no literal for them
            double v = n.value();
            return Double.isNaN(v) ? "(Double.NaN)" : v == Double.POSITIVE_INFINITY ? "(Double.POSITIVE_INFINITY)"
                    : v == Double.NEGATIVE_INFINITY ? "(Double.NEGATIVE_INFINITY)" : "(" + Double.toString(v) + ")";
        }
        if (e instanceof Expr.Var v) {
            return "x" + v.index();
        }
        return null;
    }

    /** The multiplications of {@link Powers#ipow}, as statements; returns the last product. */
    private String power(String a, int n) {
        String result = null;
        String base = a;
        while (n > 0) {
            if ((n & 1) == 1) {
                if (result == null) {
                    result = base;
                } else {
                    String t = "t" + temps++;
                    body.append("        final double ").append(t).append(" = ").append(result).append(" * ")
                            .append(base).append(";\n");
                    result = t;
                }
            }
            n >>= 1;
            if (n > 0) {
                String t = "t" + temps++;
                body.append("        final double ").append(t).append(" = ").append(base).append(" * ").append(base)
                        .append(";\n");
                base = t;
            }
        }
        return result;
    }

    private String operation(Expr e) {
        if (e instanceof Expr.Neg n) {
            return "-" + operand(n.a());
        }
        if (e instanceof Expr.Bin b) {
            String a = operand(b.a());
            String c = operand(b.b());
            if (b.op() == '^') {
                return Powers.applies(b.b()) ? power(a, (int) ((Expr.Num) b.b()).value())
                        : "Math.pow(" + a + ", " + c + ")";
            }
            return a + " " + b.op() + " " + c;
        }
        Expr.Call call = (Expr.Call) e;
        StringBuilder s = new StringBuilder(call.fn().java).append('(');
        for (int i = 0; i < call.args().size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(operand(call.args().get(i)));
        }
        return s.append(')').toString();
    }
}
