package multistart.optimizer;

import java.util.Locale;

/** How a run ended. */
public enum Status {
    /** The gradient norm fell below {@code stop.gradient_norm}. */
    CONVERGED,
    /** The value changed by less than {@code stop.value_change} in one step. */
    STALLED,
    /** {@code max_iterations} steps were taken without a stop rule holding. */
    MAX_ITERATIONS,
    /** A coordinate or the value went beyond {@code divergence}, or became NaN or infinite. */
    DIVERGED,
    /** The objective threw; the run is kept with this status and the sweep goes on. */
    FAILED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final Status[] VALUES = values();

    public static Status of(int ordinal) {
        return VALUES[ordinal];
    }
}
