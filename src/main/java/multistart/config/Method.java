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

    /**
     * Whether the update rule reads {@code s}: momentum is read by momentum, nesterov and adam
     * (its beta1), beta2 by rmsprop (its rho) and adam, epsilon by adagrad, rmsprop and adam;
     * every method reads the rest. A combo's value of a setting its method does not read changes
     * none of its runs.
     */
    public boolean uses(Setting s) {
        return switch (s) {
            case MOMENTUM -> this == MOMENTUM || this == NESTEROV || this == ADAM;
            case BETA2 -> this == RMSPROP || this == ADAM;
            case EPSILON -> this == ADAGRAD || this == RMSPROP || this == ADAM;
            default -> true;
        };
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
