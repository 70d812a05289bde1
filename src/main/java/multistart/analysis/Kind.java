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
}
