package multistart.config;

/**
 * The numeric optimizer settings that can be swept, in the order the sweep nests them
 * (after {@code method}, which is outermost). {@link #column} is the name in CSV headers.
 */
public enum Setting {
    LEARNING_RATE("learning_rate", "learning_rate"),
    DECAY("decay", "decay"),
    MOMENTUM("momentum", "momentum"),
    BETA2("beta2", "beta2"),
    EPSILON("epsilon", "epsilon"),
    MAX_ITERATIONS("max_iterations", "max_iterations"),
    GRADIENT_NORM("stop.gradient_norm", "stop_gradient_norm"),
    VALUE_CHANGE("stop.value_change", "stop_value_change"),
    DIVERGENCE("divergence", "divergence"),
    /**
     * Rows per step of a data-set objective; {@link Combo#FULL_BATCH} is "full". Last: older
     * sweeps keep their combo order.
     */
    BATCH_SIZE("batch_size", "batch_size");

    private final String key;
    private final String column;

    Setting(String key, String column) {
        this.key = key;
        this.column = column;
    }

    /** Path below {@code optimizer.} in the config. */
    public String key() {
        return key;
    }

    public String column() {
        return column;
    }

    /** The setting whose CSV column is {@code column}, or null ({@code method}, or no setting). */
    public static Setting ofColumn(String column) {
        for (Setting s : values()) {
            if (s.column.equals(column)) {
                return s;
            }
        }
        return null;
    }

    public boolean integer() {
        return this == MAX_ITERATIONS || this == BATCH_SIZE;
    }

    /**
     * A value as CSV files and messages write it: a whole number without ".0" for max_iterations
     * and batch_size, whose full batch reads "full".
     */
    public String text(double v) {
        if (this == BATCH_SIZE && v >= Combo.FULL_BATCH) {
            return "full";
        }
        return integer() ? Long.toString((long) v) : Double.toString(v);
    }
}
