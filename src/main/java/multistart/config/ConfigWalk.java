package multistart.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import multistart.objective.Box;
import multistart.objective.data.DataSet;
import multistart.text.Names;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import static multistart.config.ConfigLoader.MAX_RUNS;
import static multistart.config.ConfigLoader.MAX_THREADS;
import static multistart.config.ConfigLoader.abbreviate;

/**
 * One pass over a config's tree, top to bottom: every accessor records problems rather than
 * stopping, so that all of a file's problems are reported at once. The objective, the domain and
 * start points, and the optimizer are each read by a reader of their own; the rest is read here.
 */
final class ConfigWalk {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final List<String> TOP = List.of("name", "seed", "objective", "domain", "starts",
            "optimizer", "basins", "output", "execution");
    private static final List<String> BASINS = List.of("tolerance", "success_tolerance");
    private static final List<String> OUTPUT = List.of("dir", "runs", "trajectories", "charts", "basin_resolution",
            "basin_combo");
    private static final List<String> EXECUTION = List.of("threads", "engine");

    private final YamlSection.Report report;
    private final Path source;
    private final ObjectiveReader objectiveReader;
    private final StartsReader startsReader;
    private final OptimizerReader optimizerReader;

    /** See {@link ConfigLoader#parse(byte[], String, Path, Path, DataSet)} for the last three. */
    ConfigWalk(YamlSection.Report report, Path source, Path workingDirectory, DataSet shipped) {
        this.report = report;
        this.source = source;
        this.objectiveReader = new ObjectiveReader(report, source, workingDirectory, shipped);
        this.startsReader = new StartsReader(report);
        this.optimizerReader = new OptimizerReader(report);
    }

    ExperimentConfig top(YamlSection s) {
        s.rejectUnknown(TOP);
        String name = s.string("name");
        if (name == null) {
            if (!s.has("name")) {
                s.missing("name", null, "every config needs a name (it names the output folder)");
            }
        } else if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            s.problem("name", "must be 1-100 characters of letters, digits, '.', '_' or '-' (and not '.' or "
                    + "'..'), got '" + abbreviate(name) + "'");
            name = null;
        }
        long seed = s.integer("seed").orElse(0L);

        YamlSection obj = s.section("objective");
        ObjectiveConfig objective = null;
        if (obj == null) {
            if (!s.has("objective")) {
                s.missing("objective", null, "say which function to minimise (objective.builtin)");
            }
        } else {
            objective = objectiveReader.read(obj);
        }

        // the domain and the start points need only the variables, which an expression whose
        // formula has a problem still lists: their problems are reported with it, not after
        Shape shape = objectiveReader.shape();
        Box domain = shape == null ? null : startsReader.domain(s, shape);
        if (domain != null) {
            objectiveReader.checkGradient(domain);
        }
        StartsConfig starts = startsReader.starts(s.section("starts"), s, shape);
        OptimizerConfig optimizer = optimizerReader.read(s);
        ExperimentConfig.BasinsConfig basins = basins(s.section("basins"));
        ExperimentConfig.OutputConfig output = output(s.section("output"), name);
        ExperimentConfig.ExecutionConfig execution = execution(s.section("execution"));
        if (optimizer != null && objective != null) {
            batches(s.section("optimizer"), objective, optimizer);
        }
        if (name == null || objective == null || domain == null || starts == null || optimizer == null
                || basins == null || output == null || execution == null || !report.problems.isEmpty()) {
            return null;
        }
        outsideDomain(s.section("starts"), domain, starts, objective.variables());
        fineSuccess(s.section("basins"), basins, objective);
        List<Problem> warnings = new ArrayList<>(report.warnings);
        warnings.sort(Problem.FILE_ORDER);
        ExperimentConfig c = new ExperimentConfig(name, seed, objective, domain, starts, optimizer, basins,
                output, execution, source, warnings);
        checkSize(s, c);
        if (output.basinCombo() >= 0 && output.basinCombo() >= optimizer.comboCount()) {
            YamlSection out = s.section("output");
            long n = optimizer.comboCount();
            report.at(out == null ? null : out.keyNode("basin_combo"), "output.basin_combo",
                    (n == 1 ? "there is 1 combo (0)" : "there are " + n + " combos (0 to " + (n - 1) + ")")
                            + ", got " + output.basinCombo());
        }
        return c;
    }

    /**
     * {@code batch_size} applies to a data-set objective only; a batch of more rows than the data
     * has is the full batch, which the config is told.
     */
    private void batches(YamlSection o, ObjectiveConfig objective, OptimizerConfig optimizer) {
        double[] sizes = optimizer.values(Setting.BATCH_SIZE);
        if (sizes == null) {
            return;
        }
        if (objective.model() == null) {
            o.problem("batch_size", "only applies to objective.model (a model's loss over a data set, where a"
                    + " step may read some of the rows); every step of a function reads all of it");
            return;
        }
        int rows = objective.model().data().rows();
        List<String> whole = new ArrayList<>();
        boolean full = false;
        for (double b : sizes) {
            if (b >= rows && b != Combo.FULL_BATCH) {
                whole.add(Long.toString((long) b));
            }
            full |= b == Combo.FULL_BATCH;
        }
        if (whole.isEmpty()) {
            return;
        }
        String file = objective.model().file();
        String what = whole.size() == 1
                ? whole.get(0) + " rows per step is " + (Long.parseLong(whole.get(0)) == rows ? "every one of"
                        : "more than") + " the " + rows + " rows of " + file + ": those runs take full batches"
                : String.join(", ", whole.subList(0, whole.size() - 1)) + " and " + whole.get(whole.size() - 1)
                        + " rows per step are at least the " + rows + " rows of " + file
                        + ": those runs take full batches";
        boolean repeats = whole.size() + (full ? 1 : 0) > 1;
        o.warning("batch_size", what + (repeats ? " and repeat one another's" : ""));
    }

    /**
     * Warns at the first explicit start point that lies outside the domain (a typo, often:
     * [10, 1] for [1.0, 1]), saying how many more do. Such a point is valid and runs from
     * where it is, but no sampled start and no cell of the basin map is near it.
     */
    private void outsideDomain(YamlSection s, Box domain, StartsConfig starts, List<String> vars) {
        Node pn = s == null ? null : s.valueNode("points");
        if (!(pn instanceof SequenceNode q)) {
            return;
        }
        List<double[]> points = starts.points();
        int first = -1;
        int coordinate = -1;
        int more = 0;
        for (int k = 0; k < points.size(); k++) {
            double[] x = points.get(k);
            for (int i = 0; i < x.length; i++) {
                if (x[i] < domain.low(i) || x[i] > domain.high(i)) {
                    if (first < 0) {
                        first = k;
                        coordinate = i;
                    } else {
                        more++;
                    }
                    break;
                }
            }
        }
        if (first < 0) {
            return;
        }
        report.warnAt(q.getValue().get(first), s.key("points") + "[" + first + "]", "lies outside the domain ("
                + vars.get(coordinate) + " = " + points.get(first)[coordinate] + ", its domain ["
                + domain.low(coordinate) + ", " + domain.high(coordinate) + "])"
                + (more == 0 ? "" : ", as " + (more == 1 ? "1 more point does" : more + " more points do"))
                + "; it runs from there");
    }

    private void checkSize(YamlSection s, ExperimentConfig c) {
        try {
            long runs = c.runCount();
            if (runs > MAX_RUNS) {
                report.at(s.keyNode("starts"), "starts", "the sweep has " + runs + " runs ("
                        + startsTimesCombos(c) + "), more than the limit of " + MAX_RUNS);
            }
            double[] iters = c.optimizer().values(Setting.MAX_ITERATIONS);
            long maxIter = 0;
            for (double v : iters) {
                maxIter = Math.max(maxIter, (long) v);
            }
            Math.multiplyExact(runs, Math.max(1, maxIter));
        } catch (ArithmeticException e) {
            report.at(s.keyNode("starts"), "starts", "the sweep's run or step count overflows 64 bits ("
                    + startsTimesCombos(c) + ")");
        }
    }

    /** "1000 starts x 1 combo": the sweep's size as the limits' messages give it. */
    private static String startsTimesCombos(ExperimentConfig c) {
        long combos = c.optimizer().comboCount();
        return c.starts().total() + (c.starts().total() == 1 ? " start" : " starts") + " x " + combos
                + (combos == 1 ? " combo" : " combos");
    }

    /**
     * A success tolerance finer than rounding in f's values near the optimum ({@link
     * ExperimentConfig.BasinsConfig#roundingAllowance}; at 1 where the optimum is not known)
     * judges the runs that reached it by rounding alone: peaks' gd runs end an ulp or more either
     * side of its optimum's double, and at 1e-16 half of those that reached it failed. Said, not
     * refused: the config asked for it.
     */
    private static void fineSuccess(YamlSection b, ExperimentConfig.BasinsConfig basins, ObjectiveConfig objective) {
        if (b == null || !b.has("success_tolerance")) {
            return;
        }
        java.util.OptionalDouble known = objective.knownOptimum();
        double allowance = ExperimentConfig.BasinsConfig.roundingAllowance(known.orElse(1));
        if (basins.successTolerance() < allowance) {
            b.warning("success_tolerance", basins.successTolerance() + " is finer than rounding in evaluating f can"
                    + " resolve (about 1e-12 of the value: " + String.format(java.util.Locale.ROOT, "%.2g", allowance)
                    + (known.isPresent() ? " at the known optimum " + known.getAsDouble() : "")
                    + "): a run that reached the optimum may fail the test by rounding alone");
        }
    }

    private ExperimentConfig.BasinsConfig basins(YamlSection b) {
        if (b == null) {
            return new ExperimentConfig.BasinsConfig(1e-4, 1e-6);
        }
        b.rejectUnknown(BASINS);
        // a bad value is reported, which refuses the config; the defaults only fill the record
        return new ExperimentConfig.BasinsConfig(b.positive("tolerance", 1e-4),
                b.positive("success_tolerance", 1e-6));
    }

    private ExperimentConfig.OutputConfig output(YamlSection o, String name) {
        Path dir = name == null ? null : Path.of("results", name);
        boolean runs = true;
        int trajectories = 20;
        boolean charts = true;
        int resolution = 80;
        int basinCombo = -1;
        if (o == null) {
            return name == null ? null
                    : new ExperimentConfig.OutputConfig(dir, runs, trajectories, charts, resolution, basinCombo,
                            false);
        }
        o.rejectUnknown(OUTPUT);
        boolean ok = true;
        String d = o.string("dir");
        if (d != null) {
            if (d.isBlank() || d.indexOf('\0') >= 0) {
                o.problem("dir", "must be a folder path, got '" + abbreviate(d) + "'");
                ok = false;
            } else {
                try {
                    dir = Path.of(d);
                } catch (java.nio.file.InvalidPathException e) {
                    o.problem("dir", "is not a valid path: " + e.getMessage());
                    ok = false;
                }
            }
        }
        String r = o.string("runs");
        if (r != null) {
            if (r.equals("none")) {
                runs = false;
            } else if (!r.equals("all")) {
                o.problem("runs", "must be all or none, got '" + abbreviate(r) + "'"
                        + Names.suggestion(r, List.of("all", "none")));
                ok = false;
            }
        }
        trajectories = (int) o.integer("trajectories", 0, 1000, trajectories, "must be between 0 and 1000");
        Boolean drawn = o.bool("charts", charts);
        ok &= drawn != null;
        charts = drawn != null ? drawn : charts;
        boolean resolutionGiven = o.has("basin_resolution");
        resolution = (int) o.integer("basin_resolution", 0, 1000, resolution,
                "must be between 0 (no basin map) and 1000");
        Node bc = o.valueNode("basin_combo");
        if (bc != null && !YamlSection.isNull(bc)) {
            if (bc instanceof ScalarNode sc && sc.getValue().equals("best")) {
                basinCombo = -1;
            } else {
                OptionalLong v = o.integer("basin_combo");
                if (v.isPresent() && v.getAsLong() >= 0 && v.getAsLong() < Integer.MAX_VALUE) {
                    basinCombo = (int) v.getAsLong();
                } else {
                    if (v.isPresent()) {
                        o.problem("basin_combo", "must be best or a combo number >= 0, got " + v.getAsLong());
                    }
                    ok = false;
                }
            }
        }
        return ok && dir != null
                ? new ExperimentConfig.OutputConfig(dir, runs, trajectories, charts, resolution, basinCombo,
                        resolutionGiven) : null;
    }

    private ExperimentConfig.ExecutionConfig execution(YamlSection e) {
        if (e == null) {
            return new ExperimentConfig.ExecutionConfig(0, "local");
        }
        e.rejectUnknown(EXECUTION);
        boolean ok = true;
        int threads = (int) e.integer("threads", 0, MAX_THREADS, 0,
                "must be between 0 (all cores) and " + MAX_THREADS);
        String engine = e.string("engine");
        if (engine != null && !engine.equals("local")) {
            if (!engine.equals("spark")) {
                e.problem("engine", "must be local or spark, got '" + abbreviate(engine) + "'"
                        + Names.suggestion(engine, List.of("local", "spark")));
                ok = false;
            } else if (!ExperimentConfig.ExecutionConfig.sparkAvailable()) {
                e.problem("engine", "this build has no Spark: build it with `mvn -Pspark package` (Spark inside"
                        + " the jar) or use local");
                ok = false;
            }
        }
        return ok ? new ExperimentConfig.ExecutionConfig(threads, engine == null ? "local" : engine) : null;
    }
}
