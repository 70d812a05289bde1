package multistart.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import multistart.analysis.Aggregator;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.config.ExperimentConfig;
import multistart.engine.Engine;
import multistart.engine.Plan;
import multistart.engine.Trajectory;
import multistart.report.CsvTables;
import multistart.report.OutputFolder;
import multistart.report.ResultJson;
import multistart.report.RunRecord;
import multistart.report.RunsFile;
import multistart.report.SummaryMarkdown;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One experiment from validated config to written folder: run -> analyse -> write.
 * {@code result.json} is written last, so its presence marks a finished folder.
 */
final class Experiment {

    private static final Logger LOG = LogManager.getLogger(Experiment.class);

    /** Files a run writes; --force removes exactly these. */
    static final List<String> FILES = List.of("summary.md", "minima.csv", "sweep.csv", RunsFile.NAME, "result.json",
            "." + RunsFile.NAME + ".partial");

    /** Why a folder cannot be used. */
    static final class FolderInUse extends Exception {
        private static final long serialVersionUID = 1L;

        FolderInUse(String message) {
            super(message);
        }
    }

    /** What the batch summary line needs. */
    record Outcome(ExperimentConfig config, Findings findings, Path dir) {
    }

    private Experiment() {
    }

    /** Checks that {@code dir} may be written, before anything is. */
    static void checkFolder(Path dir, boolean force) throws FolderInUse {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FolderInUse(dir + " exists and is not a folder");
        }
        if (!force && Files.exists(dir.resolve("result.json"))) {
            throw new FolderInUse(dir + " already holds a finished run; pass --force to overwrite it");
        }
        if (!force && Files.exists(dir.resolve("." + RunsFile.NAME + ".partial"))) {
            throw new FolderInUse(dir + " holds an unfinished run; pass --force to start it again");
        }
    }

    static Outcome run(ExperimentConfig config, boolean force, long startNanos) throws IOException, Exception {
        Plan plan = Plan.of(config);
        Path dir = config.output().dir();
        Files.createDirectories(dir);
        if (force) {
            for (String f : FILES) {
                Files.deleteIfExists(dir.resolve(f));
            }
        }
        Engine engine = new Engine(config.execution().threads());
        LOG.info("{}: {} runs ({} starts x {} combos) of {} on {} threads", config.name(), plan.runCount(),
                plan.startCount(), plan.combos().size(), config.objective().describe(), engine.threads());
        Aggregator aggregator = new Aggregator(plan);
        RunsFile runsFile = config.output().runs() ? new RunsFile(plan, dir) : null;
        long t0 = System.nanoTime();
        long steps;
        try {
            steps = engine.execute(plan, 0, batch -> {
                aggregator.accept(batch);
                if (runsFile != null) {
                    runsFile.write(batch, aggregator);
                }
            }, null);
        } catch (Exception e) {
            if (runsFile != null) {
                runsFile.close();
            }
            throw e;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        LOG.info("{}: gradient descent done in {} s ({} steps, {} steps/s)", config.name(),
                String.format(Locale.ROOT, "%.3f", wall), steps,
                String.format(Locale.ROOT, "%.3g", wall > 0 ? steps / wall : 0.0));
        Findings findings = aggregator.finish();
        if (runsFile != null) {
            runsFile.finish(aggregator);
        }
        List<Trajectory> trajectories = Trajectory.sample(plan, config.output().trajectories());
        OutputFolder out = new OutputFolder(dir);
        double total = (System.nanoTime() - startNanos) / 1e9;
        RunRecord record = new RunRecord(plan, findings, trajectories, engine.threads(), Main.version(), wall,
                total, true);
        out.write("minima.csv", w -> CsvTables.minima(record, w));
        out.write("sweep.csv", w -> CsvTables.sweep(record, w));
        out.write("summary.md", w -> SummaryMarkdown.write(record, w));
        out.write("result.json", w -> ResultJson.write(record, w));
        long minima = findings.minima().stream().filter(m -> m.kind() == Kind.MINIMUM).count();
        LOG.info("{}: {} distinct end points, {} of them minima; results in {}", config.name(),
                findings.minima().size(), minima, dir);
        return new Outcome(config, findings, dir);
    }
}
