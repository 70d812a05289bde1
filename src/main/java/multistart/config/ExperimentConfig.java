package multistart.config;

import java.nio.file.Path;
import multistart.objective.Box;

/** A validated, immutable experiment: everything a run needs, nothing left as raw YAML. */
public record ExperimentConfig(
        String name,
        long seed,
        ObjectiveConfig objective,
        Box domain,
        StartsConfig starts,
        OptimizerConfig optimizer,
        BasinsConfig basins,
        OutputConfig output,
        ExecutionConfig execution,
        Path source) {

    /** Tolerances of the basin analysis. */
    public record BasinsConfig(double tolerance, double successTolerance) {
    }

    /**
     * Where and what to write.
     *
     * @param charts          whether to draw the PNG charts and report.html
     * @param basinResolution cells per side of the basin map (0: no basin map)
     * @param basinCombo      the combo the basin map shows, -1 for the best-ranked one
     * @param resolutionGiven whether the config set basin_resolution (else the default, which a
     *                        costly map lowers: see multistart.engine.Plan#mapResolution)
     */
    public record OutputConfig(Path dir, boolean runs, int trajectories, boolean charts, int basinResolution,
            int basinCombo, boolean resolutionGiven) {
    }

    /** Threads (0 = all cores) and engine. */
    public record ExecutionConfig(int threads, String engine) {
    }

    /** Copy with other execution settings and output folder (command-line overrides). */
    public ExperimentConfig with(Path outDir, Integer threads, Long seedOverride) {
        OutputConfig o = outDir == null ? output : new OutputConfig(outDir, output.runs(), output.trajectories(),
                output.charts(), output.basinResolution(), output.basinCombo(), output.resolutionGiven());
        ExecutionConfig e = threads == null ? execution : new ExecutionConfig(threads, execution.engine());
        long s = seedOverride == null ? seed : seedOverride;
        return new ExperimentConfig(name, s, objective, domain, starts, optimizer, basins, o, e, source);
    }

    /** Number of runs: starts times combos, overflow-checked. */
    public long runCount() {
        return Math.multiplyExact(starts.total(), optimizer.comboCount());
    }
}
