package multistart.config;

/** Minimise, or maximise by descending on the negated function. */
public enum Goal {
    MINIMIZE, MAXIMIZE;

    public String key() {
        return this == MINIMIZE ? "minimize" : "maximize";
    }

    /** What the reports call a point the descent settles at: "minimum" or "maximum". */
    public String extremum() {
        return this == MINIMIZE ? "minimum" : "maximum";
    }

    /** The plural of {@link #extremum}: "minima" or "maxima". */
    public String extrema() {
        return this == MINIMIZE ? "minima" : "maxima";
    }

    /** +1 or -1: the factor between the user's values and the minimised ones. */
    public double sign() {
        return this == MINIMIZE ? 1.0 : -1.0;
    }
}
