package multistart.analysis;

import java.util.Locale;

/** What an end point is, judged from the gradient and Hessian there. */
public enum Kind {
    /** Stationary (the Newton step is below the basin tolerance) with a positive definite Hessian. */
    MINIMUM,
    /** Stationary with a negative Hessian eigenvalue. */
    SADDLE,
    /** Not shown to be stationary (a flat region, or runs that stopped short) or a singular Hessian. */
    UNRESOLVED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * As the user's files name it: a minimum of the function descended on is a maximum of the
     * user's when maximising ("maximum" in minima.csv and result.json, as in the summary).
     */
    public String key(multistart.config.Goal goal) {
        return this == MINIMUM ? goal.extremum() : key();
    }
}
