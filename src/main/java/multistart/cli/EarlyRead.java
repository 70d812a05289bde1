package multistart.cli;

import com.google.common.util.concurrent.Uninterruptibles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import multistart.engine.Warmup;
import multistart.simd.Lanes;

/**
 * Reads the first config of a {@code run} command line, and starts the lane warm-up for it,
 * while the command line itself is still being parsed.
 *
 * <p>On a small machine the lane code reaches full speed only once C2 has compiled it, and that
 * is what a short sweep waits for (see Warmup). Building the command line's model costs the main
 * thread about a tenth of a second (picocli reads its annotations reflectively); reading the
 * config on another thread meanwhile lets the warm-up start that much sooner. {@code run} then
 * takes the config as read here ({@link #claim}) instead of reading it again. Only a plain
 * reading of the arguments: the first argument after {@code run} that is not an option, not an
 * option's value, and names a regular file. When that guess is wrong (or the command line turns
 * out bad) nothing changes but some discarded warm-up work.
 */
final class EarlyRead {

    /** run's options that take a value (EarlyReadTest holds this to RunCommand's). */
    static final Set<String> WITH_VALUE = Set.of("--out", "--threads", "--seed");

    /** A reading under way or done: its fields are written by its thread, read after joining it. */
    private static final class Early {
        final Path file;
        Thread thread;
        RunCommand.Loaded loaded;
        Warmup warmup;

        Early(Path file) {
            this.file = file;
        }
    }

    /** The reading not yet claimed (guarded by the class). */
    private static Early pending;

    private EarlyRead() {
    }

    /** Starts reading the first config named by a {@code run} command line, if there is one. */
    static synchronized void begin(String... args) {
        Path f = firstConfig(args);
        if (f == null) {
            return;
        }
        Early e = new Early(f);
        e.thread = new Thread(() -> {
            try {
                e.loaded = RunCommand.Loaded.of(f);
                e.warmup = e.loaded.config() == null ? Warmup.none() : Warmup.start(e.loaded.config(), Lanes.wanted());
            } catch (RuntimeException | LinkageError x) {
                // nothing read: run reads the file itself and reports whatever is wrong
            }
        }, "multistart-early-read");
        e.thread.setDaemon(true);
        pending = e;
        e.thread.start();
    }

    /** The config file a {@code run} command line names first, or null. */
    static Path firstConfig(String... args) {
        if (args.length == 0 || !args[0].equals("run")) {
            return null;
        }
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--scalar") || a.equals("--help") || a.equals("-h") || a.equals("--version")
                    || a.equals("-V")) {
                return null; // no lanes to warm up, or nothing to run
            }
        }
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return i + 1 < args.length ? regularFile(args[i + 1]) : null;
            }
            if (WITH_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return regularFile(a);
            }
        }
        return null;
    }

    private static Path regularFile(String name) {
        try {
            Path p = Path.of(name);
            return Files.isRegularFile(p) ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The config as read early, with its warm-up, when {@code f} is the file read; else null
     * (and any early warm-up is stopped). Waits for the reading to finish. Once only.
     */
    static RunCommand.Loaded claim(Path f, Warmup[] started) {
        Early e;
        synchronized (EarlyRead.class) {
            e = pending;
            pending = null;
        }
        if (e == null) {
            return null;
        }
        Uninterruptibles.joinUninterruptibly(e.thread);
        if (e.loaded == null || !e.file.equals(f)) {
            if (e.warmup != null) {
                e.warmup.close();
            }
            return null;
        }
        started[0] = e.warmup;
        return e.loaded;
    }
}
