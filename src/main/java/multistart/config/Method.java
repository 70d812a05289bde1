package multistart.config;

import java.util.Locale;

/** The update rules. Names are the config's spelling. */
public enum Method {
    GD, MOMENTUM, NESTEROV, ADAGRAD, RMSPROP, ADAM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Default for the {@code momentum} setting (adam's beta1) when the config gives none. */
    public double defaultMomentum() {
        return switch (this) {
            case MOMENTUM, NESTEROV, ADAM -> 0.9;
            default -> 0.0;
        };
    }

    /** Default decay of the squared-gradient average: adam's beta2, rmsprop's rho. */
    public double defaultBeta2() {
        return this == RMSPROP ? 0.9 : 0.999;
    }

    public static Method parse(String s) {
        for (Method m : values()) {
            if (m.key().equals(s)) {
                return m;
            }
        }
        return null;
    }
}
