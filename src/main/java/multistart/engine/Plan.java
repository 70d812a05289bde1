package multistart.engine;

import java.util.List;
import multistart.config.Combo;
import multistart.config.ExperimentConfig;
import multistart.objective.NumericGradient;
import multistart.objective.Negated;
import multistart.objective.Objective;
import multistart.config.ObjectiveConfig;
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

    /** Up to this many combos the basin map shows them all, a panel each; beyond, the best-ranked one. */
    public static final int MAP_PANELS = 6;

    /**
     * How many combos the basin map shows: none without a map (one dimension, charts off, or
     * basin_resolution 0), the one basin_combo names, every combo up to {@link #MAP_PANELS},
     * else the best-ranked one.
     */
    public int mapPanels() {
        var out = config.output();
        if (starts.dimension() < 2 || !out.charts() || out.basinResolution() == 0) {
            return 0;
        }
        return out.basinCombo() >= 0 || combos.size() > MAP_PANELS ? 1 : combos.size();
    }

    /** The basin map's runs: a grid of basin_resolution^2 starts per panel, each run like a sweep's. */
    public long mapRuns() {
        long r = config.output().basinResolution();
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
