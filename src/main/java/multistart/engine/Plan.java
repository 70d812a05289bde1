package multistart.engine;

import java.util.List;
import multistart.config.Combo;
import multistart.config.ExperimentConfig;
import multistart.objective.NumericGradient;
import multistart.objective.Negated;
import multistart.objective.Objective;
import multistart.config.ObjectiveConfig;
import multistart.sampling.SplitMix;
import multistart.sampling.StartPoints;

/**
 * What an experiment will run: the objective as minimised (sign flipped when maximising,
 * numeric derivatives when asked), the start points and the combos. Run r is start
 * {@code r % starts} under combo {@code r / starts}, so every combo sees the same starts.
 * Immutable; fixed before any thread starts.
 */
public record Plan(ExperimentConfig config, Objective objective, StartPoints starts, List<Combo> combos) {

    public static Plan of(ExperimentConfig config) {
        ObjectiveConfig oc = config.objective();
        Objective f = oc.function();
        if (oc.derivatives() == ObjectiveConfig.Derivatives.NUMERIC) {
            f = new NumericGradient(f, oc.differenceStep());
        }
        if (oc.goal() == multistart.config.Goal.MAXIMIZE) {
            f = new Negated(f);
        }
        StartPoints starts = new StartPoints(config.starts(), config.domain(), config.seed());
        return new Plan(config, f, starts, config.optimizer().combos());
    }

    public long startCount() {
        return starts.size();
    }

    public long runCount() {
        return Math.multiplyExact(starts.size(), (long) combos.size());
    }

    public int comboOf(long run) {
        return (int) (run / starts.size());
    }

    public long startOf(long run) {
        return run % starts.size();
    }

    /** The stream of {@link SplitMix#key} that mini-batch shuffles draw from (start points use 0 .. n-1 and -1). */
    private static final long BATCH_STREAM = 0xBA7C4L;

    /**
     * What a run's mini-batches derive from: the seed and the start alone, so that every combo
     * from a start, on any thread, sees the same shuffles. The basin map's cells pass -1 - cell.
     */
    public long batchKey(long start) {
        return SplitMix.key(config.seed(), start, BATCH_STREAM);
    }

    /**
     * Whether the basin map is left out because none was asked for and it would show nothing: a
     * linear or logistic regression's loss is convex, so every start drains into one minimum (or,
     * on separable classes, none), and a map of a large data set costs many sweeps.
     * {@code output.basin_resolution} draws one all the same.
     */
    public boolean defaultMapOff() {
        return config.objective().model() != null && !config.output().resolutionGiven();
    }

    /** Up to this many combos the basin map shows them all, a panel each; beyond, the best-ranked one. */
    public static final int MAP_PANELS = 6;

    /**
     * How many combos the basin map shows: none without a map (one dimension, charts off,
     * basin_resolution 0, or a model's convex loss: {@link #defaultMapOff}), the one basin_combo
     * names, every combo up to {@link #MAP_PANELS}, else the best-ranked one.
     */
    public int mapPanels() {
        var out = config.output();
        if (starts.dimension() < 2 || !out.charts() || out.basinResolution() == 0 || defaultMapOff()) {
            return 0;
        }
        return out.basinCombo() >= 0 || combos.size() > MAP_PANELS ? 1 : combos.size();
    }

    /**
     * What a basin map at the default resolution may cost, in coordinate-steps (runs x
     * max_iterations x dimension), when the sweep's own cost is less: about 2 s on 2 cores for
     * rosenbrock with adam. A map is a grid of runs as long as the sweep's, so in high dimension
     * the default 80 x 80 could cost hundreds of sweeps: 16 runs of 3000 steps in 2000-d took 0.1
     * s, their map 40 s.
     */
    public static final double MAP_WORK = 2e9;
    /** The default map's resolution is never lowered below this. */
    public static final int MIN_MAP_RESOLUTION = 10;

    /**
     * Cells per side of the basin map: basin_resolution where the config sets it, else the
     * default lowered (not below {@link #MIN_MAP_RESOLUTION}) until the map's most work (a
     * data-set objective's step counting once per row) is within
     * the larger of {@link #MAP_WORK} and the sweep's own most work. From the config alone (the
     * longest combo's max_iterations), so a resumed folder draws the same map.
     */
    public int mapResolution() {
        var out = config.output();
        int r = out.basinResolution();
        int panels = mapPanels();
        if (out.resolutionGiven() || panels == 0) {
            return r;
        }
        int longest = 0;
        for (Combo c : combos) {
            longest = Math.max(longest, c.maxIterations());
        }
        // a data-set objective's step reads every row of the data (a full batch; a run of
        // mini-batches reads them all once per pass, to test for its stop)
        double n = (double) starts.dimension()
                * (config.objective().model() == null ? 1 : config.objective().model().data().rows());
        double perRun = Math.max(1, longest) * n;
        double allowed = Math.max(MAP_WORK, (double) maxSteps() * n);
        double fit = Math.floor(Math.sqrt(allowed / (panels * perRun)));
        return (int) Math.min(r, Math.max(MIN_MAP_RESOLUTION, fit));
    }

    /** The basin map's runs: a grid of {@link #mapResolution}^2 starts per panel, each run like a sweep's. */
    public long mapRuns() {
        long r = mapResolution();
        return r * r * mapPanels();
    }

    /** The most steps the sweep can take (each run up to its combo's max_iterations). */
    public long maxSteps() {
        long s = 0;
        for (Combo c : combos) {
            s = Math.addExact(s, Math.multiplyExact(starts.size(), (long) c.maxIterations()));
        }
        return s;
    }
}
