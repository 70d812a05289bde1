package multistart.objective.data;

import java.util.Locale;

/** The data-set models: their config names and losses. */
public enum Model {
    /** Mean squared error of w.x + b against the target. */
    LINEAR_REGRESSION,
    /** Mean log loss of sigmoid(w.x + b) against a 0/1 target. */
    LOGISTIC_REGRESSION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Model parse(String s) {
        for (Model m : values()) {
            if (m.key().equals(s)) {
                return m;
            }
        }
        return null;
    }
}
