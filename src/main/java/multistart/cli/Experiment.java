package multistart.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import multistart.analysis.Aggregator;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.config.ConfigDump;
import multistart.config.ExperimentConfig;
import multistart.config.FileErrors;
import multistart.engine.Batch;
import multistart.engine.Engine;
import multistart.engine.Journal;
import multistart.engine.Plan;
import multistart.engine.Trajectory;
import multistart.report.CsvTables;
import multistart.report.Numbers;
import multistart.report.OutputFolder;
import multistart.report.Ranking;
import multistart.report.ResultJson;
import multistart.report.RunRecord;
import multistart.report.RunsFile;
import multistart.report.SummaryMarkdown;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One experiment from validated config to written folder: run -> analyse -> write.
 *
 * <p>The folder's state lives in {@code .multistart/}: a lock held while a process works in
 * the folder, the journal of finished runs, and the config lines it was started with. Every
 * finished batch goes to the journal before anything else, so an interruption of any kind
 * (Ctrl-C, SIGTERM, kill -9, a full disk) loses no finished run, and {@code --resume} replays
 * the journal and runs only what is missing. {@code result.json} is written last: its presence
 * marks a finished folder, after which the journal is removed; when the basin map was
 * interrupted it is kept with a marker ({@link #MAP_PENDING}), and {@code --resume} replays it
 * to write the results again with the map.
 */
final class Experiment {

    private static final Logger LOG = LogManager.getLogger(Experiment.class);

    static final String STATE = ".multistart";
    static final String JOURNAL = "journal.bin";
    /** The provisional basin of each finished run, for runs.csv (see RunsFile). */
    static final String BASIN_IDS = "basin-ids.bin";
    /** The starts' values in a sweep of more starts than the merge keeps in memory (Aggregator). */
    static final String START_VALUES = "start-values.bin";
    static final String CONFIG = "config.txt";
    static final String LOCK = "lock";
    /**
     * Marks a finished folder whose basin map was interrupted: every result but basins.png is
     * written, and the journal and config are kept beside this file so that --resume can replay
     * the runs and draw the map.
     */
    static final String MAP_PENDING = "basin-map-interrupted";

    /** Files a run writes; --force removes exactly these. */
    static final List<String> FILES = List.of("summary.md", "minima.csv", "sweep.csv", RunsFile.NAME, "result.json",
            "basins.png", "convergence.png", "sweep.png", "report.html");

    /** The folder cannot be used as asked (exit 2, nothing written). */
    static final class FolderInUse extends Exception {
        private static final long serialVersionUID = 1L;

        FolderInUse(String message) {
            super(message);
        }
    }

    /** A failure after every run had finished (in the analysis or while writing the results). */
    static final class AfterRuns extends Exception {
        private static final long serialVersionUID = 1L;
        final long runs;

        AfterRuns(long runs, Exception cause) {
            super(cause.toString(), cause);
            this.runs = runs;
        }
    }

    /**
     * What the batch summary line needs.
     *
     * @param complete  every run done and every result written (but basins.png when {@code mapSkipped})
     * @param mapSkipped interrupted while the basin map was drawn: the rest is written, basins.png is not
     */
    record Outcome(ExperimentConfig config, Findings findings, Path dir, boolean complete, boolean mapSkipped) {
        Outcome(ExperimentConfig config, Findings findings, Path dir, boolean complete) {
            this(config, findings, dir, complete, false);
        }
    }

    private Experiment() {
    }

    /** Runs one config; {@code runPhase} is called as the gradient descent begins. */
    // the folder's lock is held for the try block without being read in it
    @SuppressWarnings("try")
    static Outcome run(ExperimentConfig config, boolean force, boolean resume, long startNanos,
            BooleanSupplier cancelled, boolean quiet, Runnable runPhase) throws Exception {
        Interrupts.effect(Interrupts.RUNS);
        Path dir = config.output().dir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FolderInUse(dir + " exists and is not a folder");
        }
        boolean finished = Files.exists(dir.resolve("result.json"));
        boolean unfinished = Files.exists(dir.resolve(STATE).resolve(JOURNAL));
        boolean mapPending = finished && unfinished && Files.exists(dir.resolve(STATE).resolve(MAP_PENDING));
        if (finished && !force && !(resume && mapPending)) {
            throw new FolderInUse(mapPending
                    ? dir + " holds a finished run whose basin map was interrupted; --resume draws it, --force "
                            + "runs it all again"
                    : dir + " already holds a finished run; pass --force to overwrite it"
                            + (resume ? " (there is nothing to resume)" : ""));
        }
        if (unfinished && !force && !resume) {
            throw new FolderInUse(dir + " holds an unfinished run; --resume completes it, --force starts over");
        }
        if (resume && !unfinished && !finished) {
            // a mistyped --out would otherwise start a night's sweep afresh without a word
            LOG.warn("{}: nothing to resume in {} (no interrupted run there); running the whole sweep", config.name(),
                    dir);
        }
        try {
            Files.createDirectories(dir.resolve(STATE));
        } catch (IOException e) {
            throw new FolderInUse("cannot create the output folder " + dir + ": "
                    + FileErrors.reason(e, dir));
        }
        try (FileChannel lockFile = FileChannel.open(dir.resolve(STATE).resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockFile, dir)) {
            Outcome o = locked(config, resume && unfinished, startNanos, cancelled, quiet, runPhase);
            if (o.complete()) {
                Files.deleteIfExists(dir.resolve(STATE).resolve(BASIN_IDS));
                Files.deleteIfExists(dir.resolve(STATE).resolve(START_VALUES));
                if (o.mapSkipped()) {
                    // the runs stay, for --resume to draw the map from
                    Files.write(dir.resolve(STATE).resolve(MAP_PENDING), new byte[0]);
                } else {
                    Files.deleteIfExists(dir.resolve(STATE).resolve(JOURNAL));
                    Files.deleteIfExists(dir.resolve(STATE).resolve(CONFIG));
                    Files.deleteIfExists(dir.resolve(STATE).resolve(MAP_PENDING));
                }
            }
            return o;
        } finally {
            if (Files.exists(dir.resolve("result.json"))) {
                Files.deleteIfExists(dir.resolve(STATE).resolve(LOCK));
                try {
                    Files.deleteIfExists(dir.resolve(STATE));
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    // something else lives there; leave it
                }
            }
        }
    }

    /** The side task that draws convergence.png and sweep.png. */
    static final String CHARTS = "charts";
    /** The side task that draws basins.png, once the basin map is done. */
    static final String BASIN_CHART = "basin-chart";

    /**
     * How long the command waits for each of its charts (basins.png; convergence.png and sweep.png
     * together): XChart's tick placement never ended on some axes (values near +-1e300, narrower
     * than their rounding, equally spaced with long labels), which hung the command after its
     * runs; past this a chart is left out. System property
     * {@code multistart.chartSeconds}, default 120 (a 100 000-combo sweep's charts take seconds).
     */
    static double chartSeconds() {
        String s = System.getProperty("multistart.chartSeconds");
        try {
            return s == null ? 120 : Math.max(0.001, Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    /**
     * The charts of a sweep, for the report page: basins.png, drawn on a side task after the
     * basin map ({@code basins[0]}), and the two drawn on another meanwhile ({@code others}:
     * convergence.png, then sweep.png), each filled in by its task. Read {@link #images} once the
     * side tasks are joined.
     *
     * @param mapSeconds how long the basin map's runs took (NaN when there is no map)
     * @param mapSkipped an interrupt ended the map once begun, and basins.png was left out
     */
    private record Pictures(byte[][] basins, byte[][] others, double mapSeconds, boolean mapSkipped) {
        /** The PNGs by file name, in the report's order. */
        java.util.Map<String, byte[]> images() {
            java.util.Map<String, byte[]> images = new java.util.LinkedHashMap<>();
            // left out where the map was interrupted, or the chart library did not finish it
            if (basins[0] != null) {
                images.put("basins.png", basins[0]);
            }
            // left out where the chart library did not finish drawing them
            if (others[0] != null) {
                images.put("convergence.png", others[0]);
            }
            if (others[1] != null) {
                images.put("sweep.png", others[1]);
            }
            return images;
        }
    }

    /**
     * basins.png (2 or more dimensions), convergence.png and sweep.png, written; the last two on
     * a task of {@code side}, done once it is joined. An interrupt while the basin map is drawn
     * ends the map, which is then left out.
     */
    private static Pictures pictures(Plan plan, Aggregator aggregator, RunRecord record,
            int threads, OutputFolder out, BooleanSupplier cancelled, boolean quiet, SideTasks side,
            Engine.Remote remote) throws Exception {
        long t0 = System.nanoTime();
        double mapSeconds = Double.NaN;
        ExperimentConfig config = plan.config();
        Findings f = record.findings();
        // these two need nothing from the basin map: drawn meanwhile, each chart on one thread, where
        // one after the other they kept a core idle for 0.15-0.2 s of a 2-core machine (Java2D's
        // first chart in a process costs a few tenths of a second)
        byte[][] others = new byte[2][];
        side.start(CHARTS, () -> {
            long c0 = System.nanoTime();
            others[0] = multistart.report.ConvergenceChart.draw(record);
            out.writeBytes("convergence.png", others[0]);
            others[1] = multistart.report.SweepChart.draw(record, aggregator.waterfall(1000));
            out.writeBytes("sweep.png", others[1]);
            LOG.debug("convergence and sweep charts in {} s", String.format(Locale.ROOT, "%.2f",
                    (System.nanoTime() - c0) / 1e9));
        }, chartSeconds());
        byte[][] basins = new byte[1][];
        boolean mapInterrupted = false;
        int resolution = plan.mapResolution();
        boolean map = plan.mapPanels() > 0 && f.best() != null;
        if (multistart.report.BasinMap.greyOnly(plan, f)) {
            map = false;
            LOG.info("{}: no basin map: no run ended at a confirmed {} or diverged, so every start of its grid would"
                    + " be drawn grey", config.name(), config.objective().goal().extremum());
        }
        if (map) {
            List<multistart.config.Combo> combos = plan.combos();
            List<multistart.config.Combo> shown;
            if (config.output().basinCombo() >= 0) {
                shown = List.of(combos.get(config.output().basinCombo()));
            } else if (plan.mapPanels() > 1) {
                shown = combos;
            } else {
                shown = List.of(multistart.report.Ranking.rank(f.combos()).get(0).combo());
            }
            double[] through = f.best().point();
            // a run per cell and shown combo, as long as the sweep's: this can take longer than the sweep
            // (in high dimension the default grid is bounded: Plan.mapResolution)
            LOG.info("{}: mapping the basins: {}, {}", config.name(), Numbers.count(plan.mapRuns(), "run", "runs"),
                    mapGrid(plan, "combo " + shown.get(0).index(), false));
            List<multistart.engine.BasinRaster> rasters = new java.util.ArrayList<>();
            Interrupts.effect(Interrupts.MAP);
            long m0 = System.nanoTime();
            try (Progress progress = Progress.start(plan.mapRuns(), 0, config.name() + " basin map", quiet)) {
                long before = 0;
                for (multistart.config.Combo combo : shown) {
                    long offset = before;
                    multistart.engine.BasinRaster raster = multistart.engine.BasinRaster.compute(plan, combo,
                            resolution, through, threads, aggregator::basinAt, cancelled,
                            done -> progress.update(offset + done), remote);
                    if (raster == null) {
                        break;
                    }
                    rasters.add(raster);
                    before += (long) resolution * resolution;
                }
            }
            mapSeconds = (System.nanoTime() - m0) / 1e9;
            Interrupts.effect(Interrupts.RESULTS);
            if (rasters.size() == shown.size()) {
                // on a side task with a time limit too: XChart's tick placement never ended on a
                // domain narrow for its place, which hung the command here
                side.start(BASIN_CHART, () -> {
                    long c0 = System.nanoTime();
                    basins[0] = multistart.report.BasinMap.draw(record, rasters);
                    out.writeBytes("basins.png", basins[0]);
                    LOG.debug("basin chart in {} s", String.format(Locale.ROOT, "%.2f",
                            (System.nanoTime() - c0) / 1e9));
                }, chartSeconds());
            } else {
                mapInterrupted = true;
                LOG.warn("{}: basin map interrupted; the results are written without basins.png, which --resume "
                        + "draws", config.name());
            }
        }
        LOG.debug("basin map in {} s", String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9));
        return new Pictures(basins, others, mapSeconds, mapInterrupted);
    }

    /**
     * "a grid of 80 x 80 starts" (and why, when the default is lowered: {@link Plan#mapResolution}), and
     * under which combos when there are several: "for each of 6
     * combos", or "under " + {@code oneCombo} when the map shows one of them; with {@code sayOff},
     * how to leave the map out too.
     */
    static String mapGrid(Plan plan, String oneCombo, boolean sayOff) {
        int r = plan.mapResolution();
        int d = plan.config().output().basinResolution();
        String off = sayOff ? ", 0 leaves it out" : "";
        return "a grid of " + r + " x " + r + " starts" + (plan.combos().size() == 1 ? ""
                : plan.mapPanels() > 1 ? " for each of " + plan.mapPanels() + " combos" : " under " + oneCombo)
                + (r != d ? " (lowered from the default " + d + " x " + d + ", which would cost more than the sweep"
                        + " itself in " + plan.starts().dimension() + " dimensions; output.basin_resolution sets it"
                        + off + ")"
                        : sayOff ? " (output.basin_resolution: 0 leaves it out)" : "");
    }

    private static FileLock tryLock(FileChannel ch, Path dir) throws IOException, FolderInUse {
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw new FolderInUse(dir + " is in use by another multistart run; wait for it or choose "
                        + "another --out");
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            throw new FolderInUse(dir + " is in use by another multistart run in this process");
        }
    }

    // SideTasks.close waits for the files' threads, so it may be interrupted (see SideTasks)
    @SuppressWarnings("try")
    private static Outcome locked(ExperimentConfig config, boolean resume, long startNanos,
            BooleanSupplier cancelled, boolean quiet, Runnable runPhase) throws Exception {
        Plan plan = Plan.of(config);
        Path dir = config.output().dir();
        Path state = dir.resolve(STATE);
        Path journalPath = state.resolve(JOURNAL);
        if (resume) {
            List<String> saved = Files.readAllLines(state.resolve(CONFIG), StandardCharsets.UTF_8);
            List<String> changes = ConfigDump.changes(saved, config);
            if (!changes.isEmpty()) {
                // a seed given by --seed is not in the file: say how to give it again
                String was = ConfigDump.read(saved).get("seed");
                String seed = was == null || was.equals(Long.toString(config.seed())) ? ""
                        : ", or --seed " + was + " on the command line";
                throw new FolderInUse(dir + " was started with a different config, so it cannot be resumed with "
                        + "this one; changed: " + String.join("; ", changes)
                        + " (restore the config" + seed + ", or pass --force to start over)");
            }
        } else {
            for (String f : FILES) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.deleteIfExists(journalPath);
            Files.deleteIfExists(state.resolve(BASIN_IDS));
            Files.deleteIfExists(state.resolve(START_VALUES));
            Files.write(state.resolve(CONFIG), ConfigDump.lines(config), StandardCharsets.UTF_8);
        }
        Engine engine = new Engine(config.execution().threads());
        // the sweep's runs on Spark; the rest (analysis, sample paths, the basin map) here
        Engine.Remote remote = config.execution().spark() ? Engine.spark(config, engine.vectorLanes()) : null;
        Aggregator aggregator = new Aggregator(plan, state.resolve(START_VALUES));
        RunsFile runsFile = config.output().runs() ? new RunsFile(plan, dir, state.resolve(BASIN_IDS)) : null;
        Engine.Sink fold = batch -> {
            aggregator.accept(batch);
            if (runsFile != null) {
                runsFile.write(batch, aggregator);
            }
        };
        long done = 0;
        if (resume) {
            done = Journal.readValidPrefix(journalPath, plan, fold);
            LOG.info("{}: resuming after {} of {} runs", config.name(), done, plan.runCount());
        }
        LOG.info("{}: {} ({} x {}) of {} on {}", config.name(), Numbers.count(plan.runCount(), "run", "runs"),
                Numbers.count(plan.startCount(), "start", "starts"),
                Numbers.count(plan.combos().size(), "combo", "combos"), config.objective().describe(),
                Numbers.count(engine.threads(), "thread", "threads"));
        String rounding = config.starts().rounding(config.objective().dimension());
        if (!rounding.isEmpty()) {
            LOG.warn("{}: the {}", config.name(), rounding);
        }
        String far = config.beyondDivergence();
        if (!far.isEmpty()) {
            LOG.warn("{}: {}", config.name(), far);
        }
        String repeats = config.optimizer().repeats(plan.combos());
        if (!repeats.isEmpty()) {
            LOG.warn("{}: {}", config.name(), repeats);
        }
        String large = runsFile != null && done < plan.runCount() ? ValidateCommand.largeRunsCsv(plan) : null;
        if (large != null) {
            LOG.info("{}: runs.csv will be {}", config.name(), large);
        }
        if (done < plan.runCount()) {
            String scratch = ValidateCommand.largeScratch(plan);
            if (scratch != null) {
                LOG.info("{}: while it runs, {}", config.name(), scratch);
            }
            // (a resumed run's journal is on the disk already)
            String shortOfDisk = ValidateCommand.shortOfDisk(plan, resume ? Files.size(journalPath) : 0);
            if (shortOfDisk != null) {
                LOG.warn("{}: {}", config.name(), shortOfDisk);
            }
        }
        // runs stepped at once: result.json gives the most, the log the range when combos differ
        int[] range = engine.laneRange(plan);
        int lanes = range[1];
        if (done == plan.runCount()) {
            // nothing left to step (said below)
        } else if (lanes > 1 && range[0] == range[1]) {
            LOG.info("{}: stepping {} runs at once per thread in SIMD lanes", config.name(), range[1]);
        } else if (lanes > 1) {
            LOG.info("{}: stepping {} to {} runs at once per thread in SIMD lanes, by combo", config.name(), range[0],
                    range[1]);
        } else if (plan.objective().laneKernel() != null && multistart.simd.Lanes.wanted()
                && !multistart.simd.Lanes.available()) {
            // the plain `java -jar` a user may type: say what it costs them
            LOG.info("{}: one run at a time per thread; start java with --add-modules jdk.incubator.vector to step"
                    + " several runs at once in SIMD lanes (2-5x faster for this built-in; bin/multistart does)",
                    config.name());
        } else {
            LOG.debug("{}: one run at a time per thread", config.name());
        }
        if (remote != null && done < plan.runCount()) {
            remote.start();
        }
        runPhase.run();
        long t0 = System.nanoTime();
        long steps;
        try (Journal journal = resume ? Journal.append(journalPath, plan.starts().dimension())
                : Journal.create(journalPath, plan.starts().dimension());
                Progress progress = Progress.start(plan.runCount(), done, config.name(), quiet)) {
            Engine.Sink sink = new Engine.Sink() {
                @Override
                public void accept(Batch batch) throws Exception {
                    journal.append(batch);
                    fold.accept(batch);
                }

                @Override
                public boolean staged() {
                    return true;
                }

                @Override
                public void first(Batch batch) {
                    // the basin lookups; accept, possibly on another thread, does the rest
                    aggregator.first(batch);
                }

                @Override
                public void prepare(Batch batch) {
                    Journal.encode(batch);
                    aggregator.prepare(batch);
                }
            };
            steps = remote != null ? remote.execute(plan, done, sink, progress, cancelled)
                    : engine.execute(plan, done, sink, progress, cancelled);
        } catch (InterruptedException e) {
            if (runsFile != null) {
                runsFile.close();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            Findings partial = aggregator.finish(engine.threads());
            RunRecord record = new RunRecord(plan, partial, List.of(), engine.threads(), lanes, Main.version(), wall,
                    (System.nanoTime() - startNanos) / 1e9, false);
            new OutputFolder(dir).write("summary.md", w -> SummaryMarkdown.write(record, w));
            LOG.warn("{}: interrupted after {} of {} runs; they are kept, and `--resume` completes the folder",
                    config.name(), partial.runs(), plan.runCount());
            return new Outcome(config, partial, dir, false);
        } catch (Exception | Error e) {
            if (runsFile != null) {
                runsFile.close();
            }
            throw e;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (done == plan.runCount()) {
            LOG.info("{}: every run had finished before; writing the results from them", config.name());
        } else {
            String rate = String.format(Locale.ROOT, "%.3g", wall > 0 ? steps / wall : 0.0);
            LOG.info("{}: gradient descent done in {} s ({} steps, {} steps/s)", config.name(),
                    String.format(Locale.ROOT, "%.3f", wall), steps, multistart.text.Decimals.compact(rate));
        }
        // every run is done and in the journal: what fails from here on leaves them there, and
        // --resume writes the results from them
        Interrupts.effect(Interrupts.RESULTS);
        try {
            long a0 = System.nanoTime();
            Findings findings = aggregator.finish(engine.threads());
            LOG.debug("basins ranked and classified in {} s", String.format(Locale.ROOT, "%.3f",
                    (System.nanoTime() - a0) / 1e9));
            OutputFolder out = new OutputFolder(dir);
            // the files are independent once the findings are final: runs.csv (from the journal) and minima.csv
            // (the two that grow with the sweep) on threads of their own, the rest here; result.json,
            // which marks the folder complete, moves into place after all of them
            boolean mapSkipped = false;
            try (SideTasks side = new SideTasks()) {
                if (runsFile != null) {
                    if (plan.runCount() >= 1_000_000) {
                        // about a second per million rows here, with nothing else to show meanwhile
                        LOG.info("{}: writing runs.csv ({} rows)", config.name(), plan.runCount());
                    }
                    // on a thread named multistart-runs.csv, which finish counts in its CPU
                    side.start("runs.csv", () -> {
                        long r0 = System.nanoTime();
                        double cpu = runsFile.finish(aggregator, journalPath, engine.threads());
                        LOG.debug("runs.csv written in {} s{}", String.format(Locale.ROOT, "%.3f",
                                (System.nanoTime() - r0) / 1e9), Double.isNaN(cpu) ? ""
                                        : String.format(Locale.ROOT, " (%.2f s of CPU)", cpu));
                    });
                }
                // the best-ranked combo's run first: how fast the setting that did best converges
                int bestCombo = findings.combos().isEmpty() ? 0
                        : Ranking.rank(findings.combos()).get(0).combo().index();
                List<Trajectory> trajectories = Trajectory.sample(plan, config.output().trajectories(), bestCombo,
                        engine.threads());
                RunRecord early = new RunRecord(plan, findings, trajectories, engine.threads(), lanes, Main.version(),
                        wall, Double.NaN, true, steps);
                side.start("minima.csv", () -> out.writeStream("minima.csv", os -> CsvTables.minima(early, os)));
                out.write("sweep.csv", w -> CsvTables.sweep(early, w));
                Pictures pictures = config.output().charts()
                        ? pictures(plan, aggregator, early, engine.threads(), out, cancelled, quiet, side, remote)
                                : null;
                mapSkipped = pictures != null && pictures.mapSkipped();
                side.join();
                String limit = java.math.BigDecimal.valueOf(chartSeconds()).stripTrailingZeros().toPlainString();
                if (side.abandoned().contains(CHARTS)) {
                    LOG.warn("{}: the chart library did not finish drawing convergence.png and sweep.png within {} s;"
                            + " they are left out (every other file is written)", config.name(), limit);
                }
                if (side.abandoned().contains(BASIN_CHART)) {
                    LOG.warn("{}: the chart library did not finish drawing basins.png within {} s; it is left out"
                            + " (every other file is written)", config.name(), limit);
                }
                // the files that state the whole command's time go last, once everything else is written,
                // and together: result.json on a thread of its own (moved into place after the others,
                // as it marks the folder complete), summary.md and report.html here
                RunRecord record = early.withTimes((System.nanoTime() - startNanos) / 1e9,
                        pictures == null ? Double.NaN : pictures.mapSeconds(), mapSkipped);
                OutputFolder.Pending[] json = new OutputFolder.Pending[1];
                side.start("result.json", () -> json[0] = out.stage("result.json", w -> ResultJson.write(record, w)));
                try {
                    out.write("summary.md", w -> SummaryMarkdown.write(record, w));
                    if (pictures != null) {
                        out.write("report.html", w -> multistart.report.HtmlReport.write(record, pictures.images(),
                                w));
                    }
                } catch (Throwable e) {
                    // the folder is not complete: result.json stays out of place
                    try {
                        side.join();
                    } catch (Exception x) {
                        e.addSuppressed(x);
                    }
                    if (json[0] != null) {
                        json[0].discard();
                    }
                    throw e;
                }
                side.join();
                json[0].commit();
            }
            LOG.debug("reports written {} s after the run phase", String.format(Locale.ROOT, "%.3f",
                    (System.nanoTime() - a0) / 1e9));
            String beyond = multistart.report.SummaryMarkdown.beyondKnown(findings, config);
            if (!beyond.isEmpty()) {
                LOG.warn("{}: best value found {}.{}", config.name(), Numbers.exact(findings.best().value()), beyond);
            }
            if (!multistart.report.SummaryMarkdown.lowerStart(findings, config).isEmpty()) {
                Findings.LowestStart low = findings.lowestStart();
                boolean max = config.objective().goal() == multistart.config.Goal.MAXIMIZE;
                LOG.warn("{}: start {} ({}) is {} than every end point (best {}): the runs went {} from there;"
                        + " see summary.md", config.name(), low.start(), Numbers.exact(low.value()),
                        max ? "higher" : "lower", Numbers.exact(findings.best().value()), max ? "downhill" : "uphill");
            }
            long minima = findings.minima().count(Kind.MINIMUM);
            multistart.config.Goal goal = config.objective().goal();
            LOG.info("{}: {}, {} of them {}; results in {}", config.name(),
                    Numbers.count(findings.minima().size(), "distinct end point", "distinct end points"), minima,
                    minima == 1 ? "a " + goal.extremum() : goal.extrema(), dir);
            return new Outcome(config, findings, dir, true, mapSkipped);
        } catch (Exception e) {
            throw new AfterRuns(plan.runCount(), e);
        }
    }
}
