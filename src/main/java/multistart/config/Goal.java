package multistart.config;

/** Minimise, or maximise by descending on the negated function. */
public enum Goal {
    MINIMIZE, MAXIMIZE;

    public String key() {
        return this == MINIMIZE ? "minimize" : "maximize";
    }

    /** +1 or -1: the factor between the user's values and the minimised ones. */
    public double sign() {
        return this == MINIMIZE ? 1.0 : -1.0;
    }
}
