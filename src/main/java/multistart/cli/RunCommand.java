package multistart.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.config.ConfigException;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;
import multistart.engine.Warmup;
import multistart.report.Numbers;
import multistart.simd.Lanes;
import org.apache.logging.log4j.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs one or more configs, each into its own folder; goes on past a failing one, prints one
 * line per config at the end and exits with the worst code.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run experiments: every start under every combo, then write the reports.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG.yaml", arity = "1..*", description = "configs to run")
    private List<Path> configs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder (with several configs: DIR/<name> for each)")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads, 0 = all cores")
    private Integer threads;

    @Option(names = "--seed", paramLabel = "S", description = "override the config's seed")
    private Long seed;

    @Option(names = "--resume", description = "complete an interrupted run in its folder")
    private boolean resume;

    @Option(names = "--force", description = "overwrite an existing results folder")
    private boolean force;

    @Option(names = "--scalar", description = "step one run at a time even where SIMD lanes are available "
            + "(same results; for comparison)")
    private boolean scalar;

    @Option(names = "--quiet", description = "no progress bar, warnings only")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "debug logging")
    private boolean verbose;

    private record Line(String config, int code, String text) {
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (threads != null && (threads < 0 || threads > ConfigLoader.MAX_THREADS)) {
            err.println("multistart: --threads must be between 0 (all cores) and " + ConfigLoader.MAX_THREADS
                    + ", got " + threads);
            err.flush();
            return Main.BAD_INPUT;
        }
        if (resume && force) {
            err.println("multistart: --resume and --force exclude each other (continue, or start over?)");
            err.flush();
            return Main.BAD_INPUT;
        }
        List<Line> lines = new ArrayList<>();
        Map<Path, String> folders = new HashMap<>();
        int worst = Main.OK;
        String lanes = System.getProperty(Lanes.PROPERTY);
        if (scalar) {
            System.setProperty(Lanes.PROPERTY, "off");
        }
        Warmup warmup = Warmup.none();
        try {
            List<Loaded> loaded = new ArrayList<>();
            warmup = readConfigs(configs, loaded);
            LogSetup.adopt();
            if (verbose) {
                LogSetup.setLevel(Level.DEBUG);
            } else if (quiet) {
                LogSetup.setLevel(Level.WARN);
            }
            // every bad config is reported now, before the first sweep starts: a night-long batch
            // does not keep a typo in its third config to itself until the morning
            for (Loaded l : loaded) {
                if (l.config() == null) {
                    l.error().problems().forEach(err::println);
                }
            }
            err.flush();
            // and every good one's warnings (a setting that changes nothing), for the same reason
            for (Loaded l : loaded) {
                if (l.config() != null) {
                    for (multistart.config.Problem w : l.config().warnings()) {
                        org.apache.logging.log4j.LogManager.getLogger(RunCommand.class).warn("{}", w);
                    }
                }
            }
            for (int i = 0; i < configs.size(); i++) {
                // the first experiment's time counts the command's start-up; each later one its own
                Line line = one(configs.get(i), loaded.get(i), folders, err, i == 0 ? start : System.nanoTime(),
                        warmup);
                lines.add(line);
                worst = Math.max(worst, line.code);
                err.flush();
            }
        } finally {
            warmup.close();
            multistart.engine.Engine.stopSpark();
            if (lanes == null) {
                System.clearProperty(Lanes.PROPERTY);
            } else {
                System.setProperty(Lanes.PROPERTY, lanes);
            }
        }
        for (Line l : lines) {
            stdout.println(l.text);
        }
        stdout.flush();
        return worst;
    }

    /**
     * Reads the configs into {@code loaded} and starts the lane code's JIT warm-up for the first
     * good one, so that it overlaps the start-up of logging (see Warmup). The first config may
     * have been read, and its warm-up started, while the command line was parsed (EarlyRead):
     * then that reading is taken instead of a second one. This runs before
     * logging starts, so it must not load a class that holds a logger: that would start logging
     * first and the warm-up after it (StartUpOrderTest).
     */
    static Warmup readConfigs(List<Path> files, List<Loaded> loaded) {
        Warmup warmup = Warmup.none();
        boolean warming = false;
        Warmup[] early = new Warmup[1];
        for (Path file : files) {
            Loaded l = loaded.isEmpty() ? EarlyRead.claim(file, early) : null;
            if (l != null) {
                warmup = early[0];
                warming = l.config() != null;
            } else {
                l = Loaded.of(file);
            }
            if (l.config() != null && !warming) {
                warmup = Warmup.start(l.config(), Lanes.wanted());
                warming = true;
            }
            loaded.add(l);
        }
        return warmup;
    }

    /** A config as read: the config, or what is wrong with it. */
    record Loaded(ExperimentConfig config, ConfigException error) {
        static Loaded of(Path file) {
            try {
                return new Loaded(ConfigLoader.load(file), null);
            } catch (ConfigException e) {
                return new Loaded(null, e);
            }
        }
    }

    private Line one(Path file, Loaded loaded, Map<Path, String> folders, PrintWriter err, long start,
            Warmup warmup) {
        ExperimentConfig config = loaded.config();
        if (config == null) {
            // its problems were printed before the first sweep began
            return new Line(file.toString(), Main.BAD_INPUT, file + ": bad config, nothing written");
        }
        Path dir = out == null ? null : configs.size() == 1 ? out : out.resolve(config.name());
        config = config.with(dir, threads, seed);
        Path folder = config.output().dir().toAbsolutePath().normalize();
        if (folders.containsKey(folder)) {
            err.println(file + ": writes to the same folder as " + folders.get(folder) + " (" + config.output().dir()
                    + "); give the configs different names");
            return new Line(file.toString(), Main.BAD_INPUT, file + ": folder clash, nothing written");
        }
        folders.put(folder, file.toString());
        if (Interrupts.requested()) {
            return new Line(file.toString(), Main.INTERRUPTED, file + ": not started (interrupted)");
        }
        reserve = new byte[RESERVE_BYTES];
        try {
            Experiment.Outcome o = Experiment.run(config, force, resume, start, Interrupts::requested, quiet,
                    warmup::close);
            if (!o.complete()) {
                return new Line(file.toString(), Main.INTERRUPTED, file + ": interrupted after " + o.findings().runs()
                        + " runs; they are kept in " + o.dir() + ", and `" + config.resumeCommand() + "` completes it");
            }
            if (o.mapSkipped()) {
                return new Line(file.toString(), Main.INTERRUPTED, summaryLine(file, o) + "; interrupted while "
                        + "mapping the basins, so without basins.png (every run is done; `" + config.resumeCommand()
                        + "` draws it)");
            }
            return new Line(file.toString(), Main.OK, summaryLine(file, o));
        } catch (Experiment.FolderInUse e) {
            err.println(file + ": " + e.getMessage());
            // the message went to stderr above; the closing line says only what became of the config
            return new Line(file.toString(), Main.BAD_INPUT, file + ": output folder not usable, nothing written");
        } catch (Exception | OutOfMemoryError e) {
            // the first thing done: a heap that ran out may still be full when the failure is said
            reserve = null;
            if (outOfMemory(e)) {
                // where it ran out, for -v
                org.apache.logging.log4j.LogManager.getLogger(RunCommand.class).debug("out of memory", e);
                err.println(file + ": " + OUT_OF_MEMORY.replace("RESUME", config.resumeCommand())
                        .replace("HEAP", Long.toString(Runtime.getRuntime().maxMemory() >> 20))
                        .replace("MORE", Long.toString(Math.max(1, (Runtime.getRuntime().maxMemory() >> 30) * 2 + 1))));
                return new Line(file.toString(), Main.FAILURE, file + ": failed (out of memory)");
            }
            if (e instanceof Experiment.AfterRuns a) {
                err.println(file + ": all " + a.runs + " runs finished, but writing their results failed: "
                        + a.getCause() + ". The runs are kept: once the cause is fixed, `" + config.resumeCommand()
                        + "` writes the results from them (if it fails the same way, please report it"
                        + " with this config)");
            } else {
                err.println(file + ": failed while running: " + e + "; finished runs are kept, and --resume continues");
            }
            org.apache.logging.log4j.LogManager.getLogger(RunCommand.class).debug("failure", e);
            return new Line(file.toString(), Main.FAILURE, file + ": failed (" + e.getMessage() + ")");
        }
    }

    /**
     * Heap set aside while a config runs and let go when it fails, so that saying why has room:
     * a sweep that ran out of memory could still fill the heap when the main thread built its
     * message, and the JVM then printed only "OutOfMemoryError thrown from the
     * UncaughtExceptionHandler in thread main" (OutOfMemoryTest, once in many runs).
     */
    private static final int RESERVE_BYTES = 4 << 20;
    @SuppressWarnings("unused") // held, never read
    private static volatile byte[] reserve;

    /** Said when the heap runs out; RESUME (the command), HEAP (MiB) and MORE (GiB) are filled in. */
    static final String OUT_OF_MEMORY = "ran out of memory (a Java heap of HEAP MiB). Memory grows with the number of"
            + " distinct end points, which the reports list (about 200 bytes each): runs that stop short of a"
            + " minimum each end at a point of their own. The runs finished so far are kept; with a larger heap,"
            + " for example JAVA_TOOL_OPTIONS=-XmxMOREg, `RESUME` goes on from there (or more iterations,"
            + " a stopping rule that lets runs converge, or a larger basins.tolerance make fewer end points)";

    /** Whether {@code e} is, or was caused by, the heap running out. */
    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static String summaryLine(Path file, Experiment.Outcome o) {
        Findings f = o.findings();
        Findings.Minimum best = f.best();
        long minima = f.minima().count(Kind.MINIMUM);
        String extremum = o.config().objective().goal().extremum();
        // a best end point that is no minimum says so, with the best that is
        Findings.Minimum confirmed = best == null || best.kind() == Kind.MINIMUM ? null : f.bestMinimum();
        String not = best == null || best.kind() == Kind.MINIMUM ? ""
                : " (" + (best.kind() == Kind.SADDLE ? "a saddle" : "unresolved") + (confirmed == null ? ")"
                        : "; best " + extremum + " " + Numbers.exact(confirmed.value()) + ")");
        return file + ": best " + (best == null ? "none (all runs diverged)" : Numbers.exact(best.value()) + not)
                + ", " + Numbers.count(minima, extremum, o.config().objective().goal().extrema())
                + " found (" + Numbers.count(f.minima().size(), "distinct end point", "distinct end points")
                + "), results in " + o.dir();
    }
}
