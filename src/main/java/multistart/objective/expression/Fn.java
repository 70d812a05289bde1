package multistart.objective.expression;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The functions a formula may call, their arity and their Java spelling. */
public enum Fn {
    SIN(1, "Math.sin"), COS(1, "Math.cos"), TAN(1, "Math.tan"), ASIN(1, "Math.asin"), ACOS(1, "Math.acos"),
    ATAN(1, "Math.atan"), ATAN2(2, "Math.atan2"), SINH(1, "Math.sinh"), COSH(1, "Math.cosh"),
    TANH(1, "Math.tanh"), EXP(1, "Math.exp"), LOG(1, "Math.log"), LOG10(1, "Math.log10"),
    SQRT(1, "Math.sqrt"), ABS(1, "Math.abs"), MIN(2, "Math.min"), MAX(2, "Math.max"), POW(2, "Math.pow"),
    HYPOT(2, "Math.hypot"),
    /** Internal: the sign of the argument, the derivative of abs. */
    SIGN(1, "Math.signum");

    final int arity;
    final String java;

    Fn(int arity, String java) {
        this.arity = arity;
        this.java = java;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The functions users may call (SIGN is internal). */
    public static List<String> names() {
        return Arrays.stream(values()).filter(f -> f != SIGN).map(Fn::key).toList();
    }

    static Fn parse(String name) {
        for (Fn f : values()) {
            if (f != SIGN && f.key().equals(name)) {
                return f;
            }
        }
        return null;
    }

    double apply(double[] a) {
        return switch (this) {
            case SIN -> Math.sin(a[0]);
            case COS -> Math.cos(a[0]);
            case TAN -> Math.tan(a[0]);
            case ASIN -> Math.asin(a[0]);
            case ACOS -> Math.acos(a[0]);
            case ATAN -> Math.atan(a[0]);
            case ATAN2 -> Math.atan2(a[0], a[1]);
            case SINH -> Math.sinh(a[0]);
            case COSH -> Math.cosh(a[0]);
            case TANH -> Math.tanh(a[0]);
            case EXP -> Math.exp(a[0]);
            case LOG -> Math.log(a[0]);
            case LOG10 -> Math.log10(a[0]);
            case SQRT -> Math.sqrt(a[0]);
            case ABS -> Math.abs(a[0]);
            case MIN -> Math.min(a[0], a[1]);
            case MAX -> Math.max(a[0], a[1]);
            case POW -> Math.pow(a[0], a[1]);
            case HYPOT -> Math.hypot(a[0], a[1]);
            case SIGN -> Math.signum(a[0]);
        };
    }
}
