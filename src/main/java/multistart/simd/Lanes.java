package multistart.simd;

import multistart.config.Combo;
import multistart.objective.Objective;
import multistart.optimizer.Status;

/**
 * Entry to the SIMD path: several runs stepped together in vector lanes. This class refers to
 * no incubator type, so it loads on any JVM; the vector classes load only when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} (README's command does so).
 * Without the module, or for objectives without a lane kernel,
 * {@link #create} returns null and runs go one at a time with identical results.
 */
public final class Lanes {

    private Lanes() {
    }

    /** Where the runs of one call come from and where their results go. */
    public interface Runs {
        /** Writes the start point of run {@code k} into {@code x}. */
        void start(int k, double[] x);

        /** Receives the result of run {@code k}; {@code x} is its end point. */
        void finish(int k, double[] x, Status status, double value, double gradientNorm, int iterations);

        /** Whether to stop starting new runs. */
        boolean cancelled();
    }

    /** Steps runs in lanes; one instance per worker thread. */
    public interface Runner {
        /** Runs {@code count} runs under {@code combo}, as {@code Descent.run} would, one after another. */
        void run(Combo combo, int count, Runs runs);

        /** The most runs stepped at once (the arrays' size). */
        int lanes();

        /** The runs stepped at once under {@code combo}: {@link #lanes()}, or fewer where its step needs them. */
        default int lanes(Combo combo) {
            return lanes();
        }
    }

    /** System property that, set to {@code off}, keeps every run on the scalar path ({@code --scalar}). */
    public static final String PROPERTY = "multistart.lanes";

    /**
     * Whether SIMD lanes are wanted: not switched off by {@link #PROPERTY}. Here rather than in
     * the engine, whose logger would start logging when {@code run} asks before logging is due
     * to start (and the lane warm-up that should overlap it would wait for it instead).
     */
    public static boolean wanted() {
        return !"off".equals(System.getProperty(PROPERTY));
    }

    /** Whether the JVM has the Vector API module. */
    public static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** A lane runner for {@code f} (a worker's own instance), or null when there is none. */
    public static Runner create(Objective f) {
        if (f.laneKernel() == null || !available()) {
            return null;
        }
        try {
            Class<?> c = Class.forName("multistart.simd.LaneDescent");
            return (Runner) c.getMethod("of", Objective.class).invoke(null, f);
        } catch (ReflectiveOperationException | LinkageError e) {
            // a JVM whose Vector API lacks what we use: stay on the scalar path
            return null;
        }
    }
}
