package multistart.objective.expression;

import java.util.ArrayList;
import java.util.List;
import multistart.text.Names;

/**
 * Recursive descent over the usual notation: numbers ({@code 1e-3}, {@code .5}), the named
 * variables, {@code + - * / ^} ({@code ^} right-associative and binding tighter than unary
 * minus, so {@code -x^2} is {@code -(x^2)} and {@code 2^-1} is 0.5), parentheses, {@code pi},
 * {@code e} and the functions of {@link Fn}. Length and nesting are capped so that no input
 * can overflow the stack.
 */
public final class Parser {

    public static final int MAX_LENGTH = 10_000;
    public static final int MAX_DEPTH = 100;

    private final String text;
    private final List<String> variables;
    private int pos;
    private int depth;

    private Parser(String text, List<String> variables) {
        this.text = text;
        this.variables = variables;
    }

    public static Expr parse(String text, List<String> variables) throws ExpressionException {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException("the formula is " + text.length() + " characters long, more than the "
                    + MAX_LENGTH + " allowed", -1);
        }
        Parser p = new Parser(text, variables);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw new ExpressionException("the formula is empty", 0);
        }
        Expr e = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.unexpected();
        }
        return e;
    }

    /** The error for the character at pos, with the likely slip where there is one. */
    private ExpressionException unexpected() {
        char c = text.charAt(pos);
        String hint = "";
        int before = pos - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        char b = before >= 0 ? text.charAt(before) : ' ';
        if (c == '*' && b == '*') {
            hint = ": powers are written with ^ (x^2), not **";
        } else if ((Character.isLetterOrDigit(c) || c == '_' || c == '(' || c == '.')
                && (Character.isLetterOrDigit(b) || b == '_' || b == ')' || b == '.')) {
            hint = ": an operator is missing before it (a product needs '*': 2*x, not 2x)";
        }
        return new ExpressionException("unexpected '" + c + "'" + hint, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void enter() throws ExpressionException {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("the formula nests more than " + MAX_DEPTH + " levels deep", pos);
        }
    }

    private Expr sum() throws ExpressionException {
        enter();
        Expr e = product();
        while (true) {
            int at = operator();
            if (eat('+')) {
                e = finite(Exprs.add(e, product()), at);
            } else if (eat('-')) {
                e = finite(Exprs.sub(e, product()), at);
            } else {
                depth--;
                return e;
            }
        }
    }

    private Expr product() throws ExpressionException {
        Expr e = unary();
        while (true) {
            int at = operator();
            if (eat('*')) {
                e = finite(Exprs.mul(e, unary()), at);
            } else if (eat('/')) {
                e = finite(Exprs.div(e, unary()), at);
            } else {
                return e;
            }
        }
    }

    private Expr unary() throws ExpressionException {
        enter();
        Expr e;
        if (eat('-')) {
            e = Exprs.neg(unary());
        } else if (eat('+')) {
            e = unary();
        } else {
            e = power();
        }
        depth--;
        return e;
    }

    private Expr power() throws ExpressionException {
        Expr base = primary();
        int at = operator();
        if (eat('^')) {
            // right-associative, and the exponent may carry its own sign: 2^-x^2 = 2^(-(x^2))
            return finite(Exprs.pow(base, unary()), at);
        }
        return base;
    }

    private Expr primary() throws ExpressionException {
        skipSpace();
        if (pos >= text.length()) {
            throw new ExpressionException("the formula ends where a number, variable or '(' was expected", pos);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr e = sum();
            if (!eat(')')) {
                throw new ExpressionException("missing ')'", pos);
            }
            return e;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                return call(name, start);
            }
            int v = variables.indexOf(name);
            if (v >= 0) {
                return new Expr.Var(v, name);
            }
            if (name.equals("pi")) {
                return new Expr.Num(Math.PI);
            }
            if (name.equals("e")) {
                return new Expr.Num(Math.E);
            }
            if (Fn.parse(name) != null) {
                throw new ExpressionException("function '" + name + "' needs its arguments in parentheses", start);
            }
            List<String> known = new ArrayList<>(variables);
            known.add("pi");
            known.add("e");
            String hint = Names.closest(name, known);
            throw new ExpressionException("unknown name '" + name + "'"
                    + (hint != null ? ", did you mean '" + hint + "'?"
                            : " (not among the variables: " + String.join(", ", variables)
                                    + "; list it in objective.variables)"), start);
        }
        throw unexpected();
    }

    private Expr call(String name, int start) throws ExpressionException {
        Fn fn = Fn.parse(name);
        if (fn == null) {
            String hint = Names.closest(name, Fn.names());
            throw new ExpressionException("unknown function '" + name + "'"
                    + (hint != null ? ", did you mean '" + hint + "'?" : " (known: " + String.join(", ", Fn.names())
                            + ")"), start);
        }
        pos++; // '('
        List<Expr> args = new ArrayList<>();
        if (!eat(')')) {
            do {
                args.add(sum());
            } while (eat(','));
            if (!eat(')')) {
                throw new ExpressionException("missing ')' after the arguments of " + name, pos);
            }
        }
        if (args.size() != fn.arity) {
            throw new ExpressionException(name + " takes " + fn.arity + " argument" + (fn.arity == 1 ? "" : "s")
                    + ", got " + args.size(), start);
        }
        return finite(Exprs.call(fn, args), start);
    }

    /** Where the next operator, if any, is: after the spaces. */
    private int operator() {
        skipSpace();
        return pos;
    }

    /**
     * {@code e}, unless constant folding made it NaN or infinite: then the formula is that at
     * every point, which is a mistake to name (at the operator or function {@code at}) rather
     * than a sweep whose every run diverges.
     */
    private static Expr finite(Expr e, int at) throws ExpressionException {
        if (e instanceof Expr.Num n && !Double.isFinite(n.value())) {
            throw new ExpressionException(Double.isNaN(n.value())
                    ? "this part is not a number whatever the variables (a negative number to a fractional power, "
                            + "0/0, or a function outside its domain, such as log or sqrt of a negative number)"
                    : "this part is infinite whatever the variables (a division by 0, or beyond the largest "
                            + "double, about 1.8e308)", at);
        }
        return e;
    }

    private Expr number() throws ExpressionException {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                // "2e" alone: the e is the constant e multiplied implicitly? No: not a number.
                pos = save;
            }
        }
        String s = text.substring(start, pos);
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new ExpressionException("number '" + s + "' is too large", start);
            }
            return new Expr.Num(v);
        } catch (NumberFormatException e) {
            throw new ExpressionException("malformed number '" + s + "'", start);
        }
    }
}
