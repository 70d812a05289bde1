package multistart.cli;

import org.apache.logging.log4j.LogManager;

/**
 * Ctrl-C (SIGINT) and SIGTERM ask the running sweep to stop: the engine finishes nothing new,
 * the journal keeps every finished run, a partial summary is written and the process exits
 * with 130. A second signal while that happens exits at once (the journal is still valid).
 * Installed by {@code main} only, so tests that run the CLI in-process are not affected.
 */
final class Interrupts {

    private static volatile boolean requested;

    private Interrupts() {
    }

    static boolean requested() {
        return requested;
    }

    @SuppressWarnings("removal")
    static void install() {
        sun.misc.SignalHandler handler = signal -> {
            if (requested) {
                Runtime.getRuntime().halt(Main.INTERRUPTED);
            }
            requested = true;
            LogManager.getLogger(Interrupts.class).warn("{} received: stopping after the runs in progress "
                    + "(again to quit at once)", "SIG" + signal.getName());
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
