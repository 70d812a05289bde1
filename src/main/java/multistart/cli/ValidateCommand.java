package multistart.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import multistart.config.Combo;
import multistart.config.ConfigException;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;
import multistart.config.Method;
import multistart.config.Setting;
import multistart.engine.Plan;
import multistart.report.Numbers;
import multistart.report.RunsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Parses and checks a config and prints the plan; runs nothing, writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Parse and check a config and print the plan (runs, combos, steps); runs nothing.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG.yaml", description = "the config to check")
    private Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig c;
        try {
            c = ConfigLoader.load(config);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println(p));
            err.flush();
            return Main.BAD_INPUT;
        }
        Plan plan = Plan.of(c);
        out.println(config + ": OK");
        for (multistart.config.Problem w : c.warnings()) {
            out.println("warning: " + w);
        }
        out.println("name: " + c.name());
        out.println("objective: " + c.objective().describe() + ", goal " + c.objective().goal().key()
                + (c.objective().knownOptimum().isPresent()
                        ? ", known optimum " + c.objective().knownOptimum().getAsDouble()
                                + (c.objective().model() != null && c.objective().model().exact() != null
                                        ? " (" + c.objective().model().solvedBy() + ")" : "") : ""));
        if (c.objective().model() != null && !c.objective().model().curvature().isEmpty()) {
            out.println("curvature: " + c.objective().model().curvature());
        }
        multistart.objective.Builtin.Minimum known = multistart.analysis.Aggregator.knownMinimum(c);
        if (known != null) {
            // what a constant rate must stay under to settle at the known minimum (as `functions` says)
            out.println("curvature: " + FunctionsCommand.curvature(c.objective().builtin(), c.objective().dimension(),
                    known));
        }
        if (c.objective().model() != null && c.objective().model().unsolved() != null
                && c.objective().knownOptimum().isEmpty()) {
            out.println("known optimum: " + c.objective().model().unsolved() + "; success is against the best value"
                    + " found, or objective.known_minimum");
        }
        out.println("variables: " + variables(c.objective().variables()));
        String beyond = c.beyondDivergence();
        out.println("domain: " + c.domain().describe() + (beyond.isEmpty() ? "" : "; " + beyond));
        multistart.objective.LocalMinima.Count count = multistart.objective.LocalMinima.in(c.objective().builtin(),
                c.objective().dimension(), c.domain());
        if (count != null) {
            // what a sweep's minima table can be set against (the summary does so)
            out.println("local minima in the domain: " + Math.round(count.minima()) + " (" + count.why() + ")");
        }
        String rounding = c.starts().rounding(c.objective().dimension());
        out.println("starts: " + plan.startCount() + " (" + c.starts().describe() + ")"
                + (rounding.isEmpty() ? "" : "; " + rounding));
        String repeats = c.optimizer().repeats(plan.combos());
        out.println("combos: " + plan.combos().size()
                + (c.optimizer().sweptColumns().isEmpty() ? "" : " (sweeping "
                        + String.join(", ", c.optimizer().sweptColumns()) + ")")
                + (repeats.isEmpty() ? "" : "; " + repeats));
        int shown = 0;
        for (Combo k : plan.combos()) {
            if (shown++ == 50) {
                out.println("  ... " + (plan.combos().size() - 50) + " more");
                break;
            }
            Combo twin = c.optimizer().twin(k, plan.combos());
            out.println("  " + describe(k, c.optimizer().sweptColumns())
                    + (twin == null ? "" : " (repeats combo " + twin.index() + "'s runs)"));
        }
        out.println("runs: " + plan.runCount());
        out.println("gradient steps: at most " + plan.maxSteps());
        if (plan.mapPanels() > 0) {
            out.println("basin map: " + plan.mapRuns() + " more runs, " + Experiment.mapGrid(plan,
                    c.output().basinCombo() >= 0 ? "combo " + c.output().basinCombo() : "the best-ranked combo", true));
        } else if (plan.defaultMapOff() && c.output().charts()) {
            out.println("basin map: none (" + MAP_OFF + ")");
        }
        if (c.execution().spark()) {
            String master = System.getProperty("spark.master");
            out.println("engine: spark (" + (master != null ? "master " + master
                    : "master local[" + (c.execution().threads() > 0 ? c.execution().threads() : "*")
                            + "] unless spark-submit or -Dspark.master names one")
                    + "; the sweep's runs there, and on a cluster the basin map's, the analysis here)");
        }
        String large = c.output().runs() ? largeRunsCsv(plan) : null;
        out.println("output: " + c.output().dir() + (!c.output().runs() ? " (runs.csv not written)"
                : large != null ? " (runs.csv " + large + ")" : ""));
        String scratch = largeScratch(plan);
        if (scratch != null) {
            out.println("while it runs: " + scratch);
        }
        String shortOfDisk = shortOfDisk(plan, 0);
        if (shortOfDisk != null) {
            out.println("warning: " + shortOfDisk);
        }
        out.flush();
        return Main.OK;
    }

    /**
     * What validate and run say of a large runs.csv before the sweep ("about 800 MB: 10000 rows
     * of 4000 coordinates ..."), or null below {@link RunsFile#LARGE}.
     */
    static String largeRunsCsv(Plan plan) {
        long bytes = RunsFile.estimateBytes(plan);
        if (bytes < RunsFile.LARGE) {
            return null;
        }
        return "about " + Numbers.bytes(bytes) + ": " + Numbers.count(plan.runCount(), "row", "rows") + " of "
                + 2 * plan.starts().dimension() + " coordinates and more; output.runs: none leaves it out";
    }

    /** The journal, the starts' values beyond what is kept in memory, and runs.csv's basin numbers: their bytes. */
    private static long[] scratchBytes(Plan plan) {
        long journal = multistart.engine.Journal.bytes(plan.runCount(), plan.starts().dimension());
        long values = plan.startCount() > multistart.analysis.Aggregator.START_VALUES_IN_MEMORY
                ? (long) Double.BYTES * plan.startCount() : 0;
        long ids = plan.config().output().runs() ? (long) Integer.BYTES * plan.runCount() : 0;
        return new long[] {journal, values, ids};
    }

    /**
     * What a sweep keeps in its output folder's {@code .multistart} while it runs, where that comes
     * to {@link RunsFile#LARGE} or more ("about 570 MB in results/x/.multistart (the journal of
     * finished runs, 490 MB, ...)"); null where less.
     */
    static String largeScratch(Plan plan) {
        long[] b = scratchBytes(plan);
        long all = b[0] + b[1] + b[2];
        if (all < RunsFile.LARGE) {
            return null;
        }
        StringBuilder s = new StringBuilder("about ").append(Numbers.bytes(all)).append(" in ")
                .append(plan.config().output().dir().resolve(Experiment.STATE))
                .append(" (the journal of finished runs, ").append(Numbers.bytes(b[0]))
                .append(", which --resume replays");
        if (b[1] > 0) {
            s.append("; the start points' values, ").append(Numbers.bytes(b[1]));
        }
        if (b[2] > 0) {
            s.append("; runs.csv's basin numbers, ").append(Numbers.bytes(b[2]));
        }
        return s.append("), removed once the results are written").toString();
    }

    /**
     * A warning where the sweep's files, runs.csv and those of {@link #largeScratch} together, need
     * more than the free space of the disk the output folder is on (or would be: its nearest
     * existing parent's), {@code written} bytes of them being there already (a resumed run's
     * journal); null where they fit, or where the disk cannot be asked.
     */
    static String shortOfDisk(Plan plan, long written) {
        long need = diskNeed(plan, written);
        Path at = plan.config().output().dir().toAbsolutePath();
        while (at != null && !java.nio.file.Files.exists(at)) {
            at = at.getParent();
        }
        try {
            return at == null ? null : shortOfDisk(need, java.nio.file.Files.getFileStore(at).getUsableSpace());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * The bytes the sweep's files (runs.csv and those of {@link #largeScratch}) need beyond the
     * {@code written} there already.
     */
    static long diskNeed(Plan plan, long written) {
        long[] b = scratchBytes(plan);
        long csv = plan.config().output().runs() ? RunsFile.estimateBytes(plan) : 0;
        return b[0] + b[1] + b[2] + csv - written;
    }

    /** The warning of {@link #shortOfDisk(Plan, long)}: {@code need} bytes, {@code free} free; null if they fit. */
    static String shortOfDisk(long need, long free) {
        if (need <= free) {
            return null;
        }
        return "the sweep's files need about " + Numbers.bytes(need) + " on the output folder's disk, which has "
                + Numbers.bytes(free) + " free: the run will fail when the disk is full (the finished runs are kept,"
                + " and --resume goes on once there is room)";
    }

    /** Variable names shown before the rest are counted: a 2000-d built-in's list was one 14 KB line. */
    static final int VARIABLES_SHOWN = 20;

    /** The names, the first {@link #VARIABLES_SHOWN} and the last when there are more. */
    static String variables(List<String> names) {
        if (names.size() <= VARIABLES_SHOWN + 1) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, VARIABLES_SHOWN)) + ", ... (" + (names.size() - VARIABLES_SHOWN - 1)
                + " more), " + names.get(names.size() - 1) + " (" + names.size() + " in all)";
    }

    /**
     * A combo's line in the plan: its method's settings, then the stop tests and the divergence
     * limit where they are swept (else combos that differ only there read alike).
     */
    /** Why a model's sweep draws no basin map by default. */
    static final String MAP_OFF = "a linear or logistic regression loss is convex, so every start drains into one"
            + " minimum; output.basin_resolution draws the map all the same";

    static String describe(Combo k, List<String> swept) {
        StringBuilder s = new StringBuilder();
        s.append(k.index()).append(": ").append(k.method().key())
                .append(" learning_rate=").append(k.learningRate())
                .append(" decay=").append(k.decay());
        // the settings the method reads (Method.uses), by the names its paper gives them
        Method m = k.method();
        if (m.uses(Setting.MOMENTUM)) {
            s.append(m == Method.ADAM ? " beta1=" : " momentum=").append(k.momentum());
        }
        if (m.uses(Setting.BETA2)) {
            s.append(m == Method.RMSPROP ? " rho=" : " beta2=").append(k.beta2());
        }
        if (m.uses(Setting.EPSILON)) {
            s.append(" epsilon=").append(k.epsilon());
        }
        s.append(" max_iterations=").append(k.maxIterations());
        if (swept.contains(Setting.BATCH_SIZE.column()) || k.batchSize() != multistart.config.Combo.FULL_BATCH) {
            s.append(" batch_size=").append(Setting.BATCH_SIZE.text(k.batchSize()));
        }
        for (Setting t : new Setting[] {Setting.GRADIENT_NORM, Setting.VALUE_CHANGE, Setting.DIVERGENCE}) {
            if (swept.contains(t.column())) {
                s.append(' ').append(t.key()).append('=').append(k.value(t));
            }
        }
        return s.toString();
    }
}
