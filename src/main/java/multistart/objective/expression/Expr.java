package multistart.objective.expression;

import java.util.List;

/**
 * A formula as an immutable tree. Records give structural equality, which the code generator
 * uses to compute each repeated subexpression once. Build trees through {@link Exprs}, whose
 * smart constructors simplify as they go.
 */
public sealed interface Expr {

    /** A constant. */
    record Num(double value) implements Expr {
    }

    /** Coordinate {@code index}, named {@code name}. */
    record Var(int index, String name) implements Expr {
    }

    /** -a. */
    record Neg(Expr a) implements Expr {
    }

    /** a op b for + - * / ^. */
    record Bin(char op, Expr a, Expr b) implements Expr {
    }

    /** A function call. */
    record Call(Fn fn, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }
}
