package multistart.objective.expression;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * Smart constructors that simplify as they build (constant folding, neutral and absorbing
 * elements, sign normalisation: {@code a + (-b)} becomes {@code a - b}), symbolic
 * differentiation, an interpreter, and printing. Derivatives come out in textbook order:
 * d(uv) = u'v + uv', so {@code x^2*cos(x)} differentiates to {@code 2*x*cos(x) - x^2*sin(x)},
 * evaluated in the same order as a hand-written derivative.
 */
public final class Exprs {

    private static final Expr ZERO = new Expr.Num(0.0);
    private static final Expr ONE = new Expr.Num(1.0);
    private static final Expr TWO = new Expr.Num(2.0);

    private Exprs() {
    }

    static boolean isNum(Expr e, double v) {
        return e instanceof Expr.Num n && n.value() == v;
    }

    public static Expr num(double v) {
        return new Expr.Num(v);
    }

    public static Expr neg(Expr a) {
        if (a instanceof Expr.Num n) {
            return new Expr.Num(-n.value());
        }
        if (a instanceof Expr.Neg n) {
            return n.a();
        }
        return new Expr.Neg(a);
    }

    public static Expr add(Expr a, Expr b) {
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) {
            return new Expr.Num(x.value() + y.value());
        }
        if (isNum(a, 0)) {
            return b;
        }
        if (isNum(b, 0)) {
            return a;
        }
        if (b instanceof Expr.Neg n) {
            return sub(a, n.a());
        }
        if (b instanceof Expr.Num y && y.value() < 0) {
            return sub(a, new Expr.Num(-y.value()));
        }
        return new Expr.Bin('+', a, b);
    }

    public static Expr sub(Expr a, Expr b) {
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) {
            return new Expr.Num(x.value() - y.value());
        }
        if (isNum(b, 0)) {
            return a;
        }
        if (isNum(a, 0)) {
            return neg(b);
        }
        if (b instanceof Expr.Neg n) {
            return add(a, n.a());
        }
        return new Expr.Bin('-', a, b);
    }

    public static Expr mul(Expr a, Expr b) {
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) {
            return new Expr.Num(x.value() * y.value());
        }
        if (isNum(a, 0) || isNum(b, 0)) {
            return ZERO;
        }
        if (isNum(a, 1)) {
            return b;
        }
        if (isNum(b, 1)) {
            return a;
        }
        if (isNum(a, -1)) {
            return neg(b);
        }
        if (isNum(b, -1)) {
            return neg(a);
        }
        if (a instanceof Expr.Neg n) {
            return neg(mul(n.a(), b));
        }
        if (b instanceof Expr.Neg n) {
            return neg(mul(a, n.a()));
        }
        return new Expr.Bin('*', a, b);
    }

    public static Expr div(Expr a, Expr b) {
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) {
            // 1/0 and 0/0 too (an infinity, NaN): the parser names such a part rather than
            // compile it, and 0/0 must not become 0 by the rule below
            return new Expr.Num(x.value() / y.value());
        }
        if (isNum(b, 1)) {
            return a;
        }
        if (isNum(a, 0)) {
            return ZERO;
        }
        if (a instanceof Expr.Neg n) {
            return neg(div(n.a(), b));
        }
        return new Expr.Bin('/', a, b);
    }

    public static Expr pow(Expr a, Expr b) {
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) {
            return new Expr.Num(Math.pow(x.value(), y.value()));
        }
        if (isNum(b, 1)) {
            return a;
        }
        if (isNum(b, 0)) {
            return ONE;
        }
        return new Expr.Bin('^', a, b);
    }

    public static Expr call(Fn fn, List<Expr> args) {
        boolean constant = true;
        for (Expr a : args) {
            constant &= a instanceof Expr.Num;
        }
        if (constant) {
            double[] v = new double[args.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Expr.Num) args.get(i)).value();
            }
            return new Expr.Num(fn.apply(v));
        }
        return new Expr.Call(fn, args);
    }

    private static Expr call(Fn fn, Expr a) {
        return call(fn, List.of(a));
    }

    /** d e / d x_i. */
    public static Expr derivative(Expr e, int i) {
        if (e instanceof Expr.Num) {
            return ZERO;
        }
        if (e instanceof Expr.Var v) {
            return v.index() == i ? ONE : ZERO;
        }
        if (e instanceof Expr.Neg n) {
            return neg(derivative(n.a(), i));
        }
        if (e instanceof Expr.Bin b) {
            Expr a = b.a();
            Expr c = b.b();
            Expr da = derivative(a, i);
            Expr dc = derivative(c, i);
            switch (b.op()) {
                case '+':
                    return add(da, dc);
                case '-':
                    return sub(da, dc);
                case '*':
                    return add(mul(da, c), mul(a, dc));
                case '/':
                    if (isNum(dc, 0)) {
                        return div(da, c);
                    }
                    return sub(div(da, c), div(mul(a, dc), mul(c, c)));
                case '^':
                    return powDerivative(a, c, da, dc);
                default:
                    throw new AssertionError(b.op());
            }
        }
        Expr.Call call = (Expr.Call) e;
        List<Expr> args = call.args();
        Expr u = args.get(0);
        Expr du = derivative(u, i);
        switch (call.fn()) {
            case SIN:
                return mul(call(Fn.COS, u), du);
            case COS:
                return mul(neg(call(Fn.SIN, u)), du);
            case TAN:
                return mul(add(ONE, pow(call, TWO)), du);
            case ASIN:
                return mul(div(ONE, call(Fn.SQRT, sub(ONE, pow(u, TWO)))), du);
            case ACOS:
                return mul(neg(div(ONE, call(Fn.SQRT, sub(ONE, pow(u, TWO))))), du);
            case ATAN:
                return mul(div(ONE, add(ONE, pow(u, TWO))), du);
            case SINH:
                return mul(call(Fn.COSH, u), du);
            case COSH:
                return mul(call(Fn.SINH, u), du);
            case TANH:
                return mul(sub(ONE, pow(call, TWO)), du);
            case EXP:
                return mul(call, du);
            case LOG:
                return div(du, u);
            case LOG10:
                return div(du, mul(u, new Expr.Num(Math.log(10))));
            case SQRT:
                return div(du, mul(TWO, call));
            case ABS:
                return mul(call(Fn.SIGN, u), du);
            case SIGN:
                return ZERO;
            default:
                break;
        }
        Expr w = args.get(1);
        Expr dw = derivative(w, i);
        switch (call.fn()) {
            case ATAN2: {
                // atan2(u, w): (w du - u dw) / (u^2 + w^2)
                Expr r2 = add(pow(u, TWO), pow(w, TWO));
                return div(sub(mul(w, du), mul(u, dw)), r2);
            }
            case MIN:
            case MAX: {
                if (isNum(du, 0) && isNum(dw, 0)) {
                    return ZERO;
                }
                // the derivative of the argument that is selected (u on ties)
                return select(call.fn(), u, w, du, dw);
            }
            case POW:
                return powDerivative(u, w, du, dw);
            case HYPOT:
                return div(add(mul(u, du), mul(w, dw)), call);
            default:
                throw new AssertionError(call.fn());
        }
    }

    /** min(u, w)' = (u <= w ? u' : w'), and max alike, as arithmetic on a 0/1 selector. */
    private static Expr select(Fn fn, Expr u, Expr w, Expr du, Expr dw) {
        // s = 1 when u is selected: min picks u when u <= w, max when u >= w; at a tie both agree
        Expr diff = fn == Fn.MIN ? sub(w, u) : sub(u, w);
        // sign(sign(d) + 0.5) is 1 for d >= 0 and -1 for d < 0, so s is 1 or 0
        Expr s = div(add(ONE, call(Fn.SIGN, add(call(Fn.SIGN, diff), new Expr.Num(0.5)))), TWO);
        return add(mul(s, du), mul(sub(ONE, s), dw));
    }

    private static Expr powDerivative(Expr a, Expr c, Expr da, Expr dc) {
        if (c instanceof Expr.Num n) {
            // c a^(c-1) a'
            return mul(mul(c, pow(a, new Expr.Num(n.value() - 1))), da);
        }
        Expr power = pow(a, c);
        if (a instanceof Expr.Num) {
            return mul(mul(power, call(Fn.LOG, a)), dc);
        }
        // a^c (c' ln a + c a' / a)
        return mul(power, add(mul(dc, call(Fn.LOG, a)), div(mul(c, da), a)));
    }

    /** Evaluates by interpretation (for checks; the run uses compiled code). */
    public static double eval(Expr e, double[] x) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Var v) {
            return x[v.index()];
        }
        if (e instanceof Expr.Neg n) {
            return -eval(n.a(), x);
        }
        if (e instanceof Expr.Bin b) {
            double a = eval(b.a(), x);
            double c = eval(b.b(), x);
            return switch (b.op()) {
                case '+' -> a + c;
                case '-' -> a - c;
                case '*' -> a * c;
                case '/' -> a / c;
                case '^' -> Powers.applies(b.b()) ? Powers.ipow(a, (int) c) : Math.pow(a, c);
                default -> throw new AssertionError(b.op());
            };
        }
        Expr.Call call = (Expr.Call) e;
        double[] v = new double[call.args().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = eval(call.args().get(i), x);
        }
        return call.fn().apply(v);
    }

    /** Nodes in the tree, counting shared subtrees each time, stopping past {@code limit}. */
    public static int size(Expr root, int limit) {
        int count = 0;
        ArrayDeque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty() && count <= limit) {
            Expr e = stack.pop();
            count++;
            children(e, stack);
        }
        return count;
    }

    /** Appends the operands of {@code e} (none for numbers and variables). */
    static void children(Expr e, java.util.Collection<Expr> out) {
        if (e instanceof Expr.Neg n) {
            out.add(n.a());
        } else if (e instanceof Expr.Bin b) {
            out.add(b.a());
            out.add(b.b());
        } else if (e instanceof Expr.Call c) {
            out.addAll(c.args());
        }
    }

    /** Infix text, parenthesised where precedence needs it. */
    public static String format(Expr e) {
        StringBuilder sb = new StringBuilder();
        format(e, sb, 0);
        return sb.toString();
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Bin b) {
            return switch (b.op()) {
                case '+', '-' -> 1;
                case '*', '/' -> 2;
                default -> 4;
            };
        }
        if (e instanceof Expr.Neg) {
            return 3;
        }
        if (e instanceof Expr.Num n && n.value() < 0) {
            return 3;
        }
        return 5;
    }

    private static void format(Expr e, StringBuilder sb, int outer) {
        boolean paren = precedence(e) < outer;
        if (paren) {
            sb.append('(');
        }
        if (e instanceof Expr.Num n) {
            double v = n.value();
            if (v == Math.PI) {
                sb.append("pi");
            } else if (v == Math.E) {
                sb.append('e');
            } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                sb.append((long) v);
            } else {
                sb.append(String.format(Locale.ROOT, "%s", v));
            }
        } else if (e instanceof Expr.Var v) {
            sb.append(v.name());
        } else if (e instanceof Expr.Neg n) {
            sb.append('-');
            format(n.a(), sb, 3);
        } else if (e instanceof Expr.Bin b) {
            int p = precedence(e);
            // left-associative: the right operand of - and / needs parentheses at equal precedence
            format(b.a(), sb, b.op() == '^' ? p + 1 : p);
            sb.append(b.op() == '+' || b.op() == '-' ? " " + b.op() + " " : String.valueOf(b.op()));
            format(b.b(), sb, b.op() == '-' || b.op() == '/' ? p + 1 : b.op() == '^' ? p : p);
        } else {
            Expr.Call c = (Expr.Call) e;
            sb.append(c.fn().key()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                format(c.args().get(i), sb, 0);
            }
            sb.append(')');
        }
        if (paren) {
            sb.append(')');
        }
    }
}
