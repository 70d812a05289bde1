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
        Path source,
        java.util.List<Problem> warnings,
        Path outGiven,
        Long seedGiven) {

    /**
     * The config's warnings ({@code file:line:column: key: message}): what is valid but likely
     * not meant, such as {@code momentum} beside {@code method: gd} (it changes nothing) or a
     * start point outside the domain. Run and validate say them; they stop nothing.
     */
    public ExperimentConfig {
        warnings = java.util.List.copyOf(warnings);
    }

    /** As the config file gives it, before any command-line override. */
    public ExperimentConfig(String name, long seed, ObjectiveConfig objective, Box domain, StartsConfig starts,
            OptimizerConfig optimizer, BasinsConfig basins, OutputConfig output, ExecutionConfig execution,
            Path source, java.util.List<Problem> warnings) {
        this(name, seed, objective, domain, starts, optimizer, basins, output, execution, source, warnings, null,
                null);
    }

    /**
     * The command that resumes this experiment's folder after an interruption: {@code run} of its
     * file with the {@code --out} and {@code --seed} it was given on the command line (without
     * them a resume would look in the config's own folder, or find the seed changed), then
     * {@code --resume}. "CONFIG" stands for a config read from no file.
     */
    public String resumeCommand() {
        return "run " + (source == null ? "CONFIG" : source) + (outGiven == null ? "" : " --out " + outGiven)
                + (seedGiven == null ? "" : " --seed " + seedGiven) + " --resume";
    }

    /** Tolerances of the basin analysis. */
    public record BasinsConfig(double tolerance, double successTolerance) {

        /**
         * How far apart rounding in evaluating f can put two values near {@code v}, or an end
         * value and the true optimum: 1e-12 of its size, at least 1e-12. Peaks' terms (up to 10
         * in size) cancel to -6.55 at its minimum, and its end points' double values land a few
         * ulps (1e-15) either side of the optimum's correctly rounded one; rastrigin's 20 - 20 cos
         * leaves 1e-15 at its minimum 0. Comparisons that would say something is wrong (a known
         * optimum beaten, a run that climbed, a start better than every end point) ask for more
         * than this as well as more than the success tolerance, which may be set finer.
         */
        public static double roundingAllowance(double v) {
            return 1e-12 * Math.max(1, Math.abs(v));
        }
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

    /** Threads (0 = all cores) and engine: local, or spark (in the build with Spark). */
    public record ExecutionConfig(int threads, String engine) {

        /** Whether this engine is spark. */
        public boolean spark() {
            return "spark".equals(engine);
        }

        /**
         * Whether this build has the spark engine (`mvn -Pspark package` puts it and Spark in the
         * jar; spark-submit provides Spark on a cluster).
         */
        public static boolean sparkAvailable() {
            ClassLoader loader = ExperimentConfig.class.getClassLoader();
            try {
                Class.forName("multistart.engine.SparkEngine", false, loader);
                Class.forName("org.apache.spark.SparkContext", false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }

    /** Copy with other execution settings and output folder (command-line overrides). */
    public ExperimentConfig with(Path outDir, Integer threads, Long seedOverride) {
        OutputConfig o = outDir == null ? output : new OutputConfig(outDir, output.runs(), output.trajectories(),
                output.charts(), output.basinResolution(), output.basinCombo(), output.resolutionGiven());
        ExecutionConfig e = threads == null ? execution : new ExecutionConfig(threads, execution.engine());
        long s = seedOverride == null ? seed : seedOverride;
        return new ExperimentConfig(name, s, objective, domain, starts, optimizer, basins, o, e, source, warnings,
                outDir == null ? outGiven : outDir, seedOverride == null ? seedGiven : seedOverride);
    }

    /**
     * Where the domain reaches beyond the divergence limit (the smallest, where it is swept), the
     * coordinates that do, in a sentence: a run that starts there is marked diverged before its
     * first step. "" where none does.
     */
    public String beyondDivergence() {
        double limit = Double.POSITIVE_INFINITY;
        for (double d : optimizer.values(Setting.DIVERGENCE)) {
            limit = Math.min(limit, d);
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<String> vars = objective.variables();
        double far = 0;
        for (int i = 0; i < domain.dimension(); i++) {
            double reach = Math.max(Math.abs(domain.low(i)), Math.abs(domain.high(i)));
            if (reach > limit) {
                names.add(i < vars.size() ? vars.get(i) : "x" + (i + 1));
                far = Math.max(far, reach);
            }
        }
        if (names.isEmpty()) {
            return "";
        }
        String which = names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
        return "the domain of " + which + " reaches " + far + ", beyond optimizer.divergence (" + limit
                + "): runs that start beyond it are marked diverged before their first step";
    }

    /** Number of runs: starts times combos, overflow-checked. */
    public long runCount() {
        return Math.multiplyExact(starts.total(), optimizer.comboCount());
    }
}
