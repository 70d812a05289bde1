package multistart.cli;

import org.apache.logging.log4j.LogManager;

/**
 * Ctrl-C (SIGINT) and SIGTERM ask the running sweep to stop: the engine finishes nothing new,
 * the journal keeps every finished run, a partial summary is written and the process exits
 * with 130. A second signal while that happens exits at once (the journal is still valid).
 * Installed by {@code main} only, so tests that run the CLI in-process are not affected.
 * {@code sun.misc.Signal} (module jdk.unsupported, kept for this use) is the only way to handle
 * a signal and go on: a shutdown hook runs once the JVM is already ending, too late to finish
 * the runs in progress and write the results. javac warns of it on every build; no annotation
 * silences that warning.
 */
final class Interrupts {

    /** What the first signal does now, in the words its warning uses. */
    static final String RUNS = "stopping after the runs in progress";
    static final String RESULTS = "every run is done; writing their results first";
    static final String MAP = "ending the basin map; every other result is written";

    private static volatile boolean requested;
    private static volatile String effect = RUNS;

    private Interrupts() {
    }

    static boolean requested() {
        return requested;
    }

    /** The experiment has moved on: a signal now has {@code what} as its effect (RUNS, RESULTS, MAP). */
    static void effect(String what) {
        effect = what;
    }

    @SuppressWarnings("removal")
    static void install() {
        sun.misc.SignalHandler handler = signal -> {
            if (requested) {
                Runtime.getRuntime().halt(Main.INTERRUPTED);
            }
            requested = true;
            LogManager.getLogger(Interrupts.class).warn("{} received: {} (again to quit at once{})",
                    "SIG" + signal.getName(), effect, effect.equals(RUNS) ? ""
                            : "; the finished runs are kept, and --resume writes their results");
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), handler);
            } catch (IllegalArgumentException e) {
                // the platform has no such signal, or the JVM reserves it: keep the default
            }
        }
    }
}
