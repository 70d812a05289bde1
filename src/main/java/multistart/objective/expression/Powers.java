package multistart.objective.expression;

/**
 * Integer powers by binary exponentiation: a few multiplications instead of {@code Math.pow}.
 * The compiled code spells out exactly these multiplications in this order, so compiled and
 * interpreted values agree bit for bit.
 */
public final class Powers {

    /** Exponents handled by multiplication: whole numbers from 2 to this. */
    public static final int MAX = 32;

    private Powers() {
    }

    static boolean applies(Expr exponent) {
        return exponent instanceof Expr.Num n && n.value() == Math.rint(n.value()) && n.value() >= 2
                && n.value() <= MAX;
    }

    public static double ipow(double a, int n) {
        double result = Double.NaN;
        double base = a;
        boolean first = true;
        while (n > 0) {
            if ((n & 1) == 1) {
                result = first ? base : result * base;
                first = false;
            }
            n >>= 1;
            if (n > 0) {
                base = base * base;
            }
        }
        return result;
    }
}
