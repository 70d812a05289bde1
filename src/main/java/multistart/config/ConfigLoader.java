package multistart.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import multistart.objective.Box;
import multistart.objective.Builtin;
import multistart.objective.Builtins;
import multistart.objective.data.DataException;
import multistart.objective.data.DataLoss;
import multistart.objective.data.DataSet;
import multistart.objective.data.Model;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a YAML config into a validated {@link ExperimentConfig}, reporting every problem in
 * the file at once, each with its key and line:column. YAML 1.2 core schema ({@code 1e-3} is
 * a number), no Java types from tags, duplicate keys refused, aliases and size capped.
 */
public final class ConfigLoader {

    /** Largest config file accepted. */
    public static final int MAX_BYTES = 1 << 20;
    /** Sweeps beyond this many runs are refused before anything starts. */
    public static final long MAX_RUNS = 10_000_000_000L;
    public static final int MAX_THREADS = 1024;
    public static final int MAX_DIMENSION = 10_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final List<String> TOP = List.of("name", "seed", "objective", "domain", "starts",
            "optimizer", "basins", "output", "execution");
    private static final List<String> OBJECTIVE = List.of("builtin", "dimension", "expression", "variables",
            "gradient", "derivatives", "difference_step", "goal", "known_minimum", "model", "data", "target");
    private static final List<String> STARTS = List.of("count", "sampler", "points", "scramble");
    private static final List<String> OPTIMIZER = List.of("method", "learning_rate", "decay", "momentum",
            "beta2", "epsilon", "max_iterations", "stop", "divergence", "batch_size");
    /** The literature's names for optimizer settings that go by another name here. */
    private static final Map<String, String> OPTIMIZER_SYNONYMS = Map.of(
            "beta1", "adam's beta1 is the momentum setting (default 0.9)",
            "rho", "rmsprop's rho is the beta2 setting (default 0.9 for rmsprop)",
            "beta", "the heavy-ball and Nesterov coefficient (adam's beta1) is the momentum setting",
            "lr", "the step size is learning_rate",
            "eta", "the step size is learning_rate",
            "gamma", "the learning rate's factor per step is decay; the momentum coefficient is momentum",
            "iterations", "the step limit is max_iterations",
            "eps", "the denominator's guard is epsilon");
    private static final List<String> STOP = List.of("gradient_norm", "value_change");
    /**
     * minima.csv's columns besides the coordinates, which are named by the variables alone:
     * {@code basin} before them, the rest after (CsvTables writes the header from this), so a
     * variable may not take one of these names.
     */
    public static final List<String> MINIMA_COLUMNS = List.of("basin", "value", "kind", "hits", "share",
            "best_run");
    private static final List<String> BASINS = List.of("tolerance", "success_tolerance");
    private static final List<String> OUTPUT = List.of("dir", "runs", "trajectories", "charts", "basin_resolution",
            "basin_combo");
    private static final List<String> EXECUTION = List.of("threads", "engine");
    private static final List<String> RANGE = List.of("from", "to", "steps", "scale");

    private ConfigLoader() {
    }

    public static ExperimentConfig load(Path file) throws ConfigException {
        String label = file.toString();
        if (Files.isDirectory(file)) {
            throw single(label, "is a directory, not a config file");
        }
        if (!Files.isRegularFile(file)) {
            throw single(label, "no such file");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw single(label, "file is larger than " + MAX_BYTES + " bytes; a config is a few lines");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw single(label, "cannot read: " + FileErrors.reason(e, file));
        }
        return parse(bytes, label, file);
    }

    /** Parses config text; {@code source} is recorded in the result (may be null). */
    public static ExperimentConfig parse(byte[] bytes, String label, Path source) throws ConfigException {
        return parse(bytes, label, source, null);
    }

    /**
     * As {@link #parse(byte[], String, Path)}, a data file's relative path read from
     * {@code workingDirectory} (where the command was started) rather than from this process's:
     * how a Spark executor, in a directory of its own, reads the config the driver read. It
     * then also looks beside the config and in its own working directory (where spark-submit's
     * {@code --files} puts a file). Null: this process's working directory alone.
     */
    public static ExperimentConfig parse(byte[] bytes, String label, Path source, Path workingDirectory)
            throws ConfigException {
        return parse(bytes, label, source, workingDirectory, null);
    }

    /**
     * As {@link #parse(byte[], String, Path, Path)}, a model's data set given as already read
     * ({@code data}, the table the driver read from the file the config names) instead of read
     * from the file: how a Spark executor on a machine without the file builds the same
     * objective. Null: read from the file.
     */
    public static ExperimentConfig parse(byte[] bytes, String label, Path source, Path workingDirectory,
            DataSet data) throws ConfigException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw single(label, "is not valid UTF-8 text (" + invalidUtf8Position(bytes) + ")");
        }
        Problem nesting = nesting(text, label);
        if (nesting != null) {
            throw new ConfigException(List.of(nesting));
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(20)
                .setCodePointLimit(MAX_BYTES)
                .build();
        Node root;
        try {
            Optional<Node> node = new Compose(settings).composeString(text);
            if (node.isEmpty()) {
                throw single(label, "the file is empty; a config needs at least name and objective");
            }
            root = node.get();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String msg = "malformed YAML: " + (e.getProblem() == null ? e.getMessage() : e.getProblem())
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
            throw new ConfigException(List.of(new Problem(label, m == null ? 0 : m.getLine() + 1,
                    m == null ? 0 : m.getColumn() + 1, "", msg.replace('\n', ' '))));
        } catch (YamlEngineException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("aliases")) {
                int[] at = nthAlias(text, 21);
                throw new ConfigException(List.of(new Problem(label, at[0], at[1], "", "more than 20 aliases (*name) "
                        + "to lists or mappings; a config needs none, and many can multiply into a huge document")));
            }
            throw single(label, "malformed YAML: " + msg.replace('\n', ' '));
        } catch (StackOverflowError e) {
            // the pre-scan should have caught it; never let a config crash the process
            throw single(label, "the YAML nests too deeply");
        }
        YamlSection.Report report = new YamlSection.Report(label);
        if (!(root instanceof MappingNode m)) {
            report.at(root, "", "the top level must be a mapping of keys (name, objective, ...), got "
                    + YamlSection.describe(root));
            throw new ConfigException(report.problems);
        }
        ExperimentConfig config = new ConfigLoader.Walk(report, source, workingDirectory, data)
                .top(new YamlSection(report, "", m));
        if (!report.problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(report.problems);
            sorted.sort(Problem.FILE_ORDER);
            throw new ConfigException(sorted);
        }
        return config;
    }

    /** Line and column of the n-th alias token (approximate: a '*' starting a word), or 1:1. */
    private static int[] nthAlias(String text, int n) {
        java.util.regex.Matcher m = Pattern.compile("(?<=^|[\\s\\[,{])\\*[A-Za-z0-9_-]+", Pattern.MULTILINE)
                .matcher(text);
        int count = 0;
        while (m.find()) {
            if (++count == n) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < m.start(); i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                return new int[] {line, m.start() - lineStart + 1};
            }
        }
        return new int[] {1, 1};
    }

    /** Deepest flow nesting ([ and {) accepted; a config needs three or four. */
    public static final int MAX_FLOW_DEPTH = 32;
    /** Deepest indentation accepted, in columns. */
    public static final int MAX_INDENT = 200;

    /**
     * A lexical pass that refuses nesting deep enough to exhaust the parser's stack, before the
     * parser sees it. It skips comments and quoted text; it need not be a full YAML scanner,
     * only never miss deep nesting.
     */
    static Problem nesting(String text, String label) {
        int depth = 0;
        int line = 1;
        int col = 0;
        boolean single = false;
        boolean dbl = false;
        boolean comment = false;
        boolean lineStart = true;
        int indent = 0;
        char prev = '\n';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 0;
                comment = false;
                lineStart = true;
                indent = 0;
                prev = c;
                continue;
            }
            col++;
            if (lineStart) {
                if (c == ' ') {
                    if (++indent > MAX_INDENT) {
                        return new Problem(label, line, col, "", "indented more than " + MAX_INDENT
                                + " columns; a config nests a few levels");
                    }
                    prev = c;
                    continue;
                }
                lineStart = false;
            }
            if (comment) {
                continue;
            }
            if (dbl) {
                if (c == '\\') {
                    i++;
                    col++;
                } else if (c == '"') {
                    dbl = false;
                }
            } else if (single) {
                if (c == '\'') {
                    single = false;
                }
            } else if (c == '#' && (prev == ' ' || prev == '\t' || prev == '\n')) {
                comment = true;
            } else if (c == '"') {
                dbl = true;
            } else if (c == '\'' && " \t\n[{,:".indexOf(prev) >= 0) {
                single = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_FLOW_DEPTH) {
                    return new Problem(label, line, col, "", "brackets nest more than " + MAX_FLOW_DEPTH
                            + " levels deep; a config nests a few levels");
                }
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
            prev = c;
        }
        return null;
    }

    private static String invalidUtf8Position(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return result.isError() ? "bad byte 0x" + String.format("%02x", bytes[in.position()] & 0xff)
                + " at byte offset " + in.position() + ", line " + line : "undecodable";
    }

    private static ConfigException single(String label, String message) {
        return new ConfigException(List.of(new Problem(label, 0, 0, "", message)));
    }

    /** One pass over the tree; every accessor records problems rather than stopping. */
    private static final class Walk {
        private final YamlSection.Report report;
        private final Path source;
        /** Where a data file's relative path is read from first; null: this process's working directory. */
        private final Path workingDirectory;
        /**
         * A model's data set as read elsewhere (see {@link ConfigLoader#parse(byte[], String, Path, Path, DataSet)}),
         * or null.
         */
        private final DataSet shipped;

        Walk(YamlSection.Report report, Path source, Path workingDirectory, DataSet shipped) {
            this.report = report;
            this.source = source;
            this.workingDirectory = workingDirectory;
            this.shipped = shipped;
        }

        ExperimentConfig top(YamlSection s) {
            s.rejectUnknown(TOP);
            String name = s.string("name");
            if (name == null) {
                if (!s.has("name")) {
                    report.at(null, "name", "missing: every config needs a name (it names the output folder)");
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
                    report.at(null, "objective", "missing: say which function to minimise (objective.builtin)");
                }
            } else {
                objective = objective(obj);
            }

            // the domain and the start points need only the variables, which an expression whose
            // formula has a problem still lists: their problems are reported with it, not after
            Box domain = shape == null ? null : domain(s, shape);
            StartsConfig starts = starts(s.section("starts"), s, shape);
            OptimizerConfig optimizer = optimizer(s.section("optimizer"));
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
                            + c.starts().total() + " starts x " + c.optimizer().comboCount()
                            + " combos), more than the limit of " + MAX_RUNS);
                }
                double[] iters = c.optimizer().values(Setting.MAX_ITERATIONS);
                long maxIter = 0;
                for (double v : iters) {
                    maxIter = Math.max(maxIter, (long) v);
                }
                Math.multiplyExact(runs, Math.max(1, maxIter));
            } catch (ArithmeticException e) {
                report.at(s.keyNode("starts"), "starts", "the sweep's run or step count overflows 64 bits ("
                        + c.starts().total() + " starts x " + c.optimizer().comboCount() + " combos)");
            }
        }

        private ObjectiveConfig objective(YamlSection o) {
            o.rejectUnknown(OBJECTIVE);
            if (!o.has("model")) {
                for (String k : List.of("data", "target")) {
                    if (o.has(k)) {
                        o.problem(k, "only applies to objective.model (a model's loss over a data set)");
                    }
                }
            }
            String goalText = o.string("goal");
            Goal goal = Goal.MINIMIZE;
            if (goalText != null) {
                if (goalText.equals("maximize")) {
                    goal = Goal.MAXIMIZE;
                } else if (!goalText.equals("minimize")) {
                    o.problem("goal", "must be minimize or maximize, got '" + abbreviate(goalText) + "'"
                            + Names.suggestion(goalText, List.of("minimize", "maximize")));
                }
            }
            ObjectiveConfig.Derivatives derivatives = ObjectiveConfig.Derivatives.EXACT;
            String dText = o.string("derivatives");
            if (dText != null) {
                if (dText.equals("numeric")) {
                    derivatives = ObjectiveConfig.Derivatives.NUMERIC;
                } else if (!dText.equals("exact")) {
                    o.problem("derivatives", "must be exact or numeric, got '" + abbreviate(dText) + "'"
                            + Names.suggestion(dText, List.of("exact", "numeric")));
                }
            }
            double step = o.positive("difference_step", 1e-4);
            // the default step written out, as SPEC's example config does beside derivatives: exact,
            // documents the key; another value was meant to change something
            if (derivatives == ObjectiveConfig.Derivatives.EXACT && o.has("difference_step") && step != 1e-4) {
                o.warning("difference_step", o.has("model") ? "changes nothing: a model's gradient is exact"
                        : "changes nothing with exact derivatives (the default); it is the step of derivatives: "
                                + "numeric");
            }
            OptionalDouble known = o.number("known_minimum");
            boolean hasBuiltin = o.has("builtin");
            boolean hasExpression = o.has("expression");
            if (hasBuiltin && hasExpression) {
                o.problem("expression", "give either builtin or expression, not both");
                return null;
            }
            if (o.has("model")) {
                if (hasBuiltin || hasExpression) {
                    o.problem("model", "give one of builtin, expression or model, not " + (hasBuiltin ? "builtin"
                            : "expression") + " and model");
                    return null;
                }
                return model(o, goal, known, derivatives);
            }
            if (hasExpression) {
                return expression(o, goal, known, derivatives, step);
            }
            for (String k : List.of("variables", "gradient")) {
                if (o.has(k)) {
                    o.problem(k, "only applies to objective.expression");
                }
            }
            String name = o.string("builtin");
            if (name == null) {
                if (!hasBuiltin && !o.has("model")) {
                    report.at(null, "objective.builtin", "missing: name a built-in function (see `multistart"
                            + " functions`) or give an expression");
                }
                return null;
            }
            Optional<Builtin> b = Builtins.find(name);
            if (b.isEmpty()) {
                o.problem("builtin", "unknown built-in '" + abbreviate(name) + "'"
                        + Names.suggestion(name, Builtins.names()) + " (see `multistart functions`)");
                return null;
            }
            Builtin builtin = b.get();
            int dim = builtin.defaultDimension();
            OptionalLong d = o.integer("dimension");
            if (d.isPresent()) {
                if (!builtin.anyDimension()) {
                    if (d.getAsLong() != builtin.fixedDimension()) {
                        o.problem("dimension", builtin.name() + " is " + builtin.fixedDimension()
                                + "-dimensional, got " + d.getAsLong());
                        // its variables are still known: the domain and the points are checked against them
                        shape = Shape.of(builtin, dim);
                        return null;
                    }
                } else if (d.getAsLong() < builtin.minDimension() || d.getAsLong() > MAX_DIMENSION) {
                    o.problem("dimension", "must be between " + builtin.minDimension() + " and " + MAX_DIMENSION
                            + " for " + builtin.name() + ", got " + d.getAsLong());
                    return null;
                } else {
                    dim = (int) d.getAsLong();
                }
            } else if (o.has("dimension")) {
                return null;
            }
            // a built-in's known value is a minimum: maximising it has no known optimum
            OptionalDouble knownOptimum = known.isPresent() ? known
                    : goal == Goal.MINIMIZE ? builtin.knownValue(dim) : OptionalDouble.empty();
            shape = Shape.of(builtin, dim);
            return new ObjectiveConfig(builtin, null, builtin.create(dim), dim, builtin.variables(dim), goal,
                    knownOptimum, derivatives, step, false, null);
        }

        /**
         * A model's loss over a data set. The file is found relative to the working directory, as
         * SPEC's example ({@code configs/data/iris.csv}) names it, or else beside the config.
         */
        private ObjectiveConfig model(YamlSection o, Goal goal, OptionalDouble known,
                ObjectiveConfig.Derivatives derivatives) {
            boolean ok = true;
            for (String k : List.of("dimension", "variables", "gradient")) {
                if (o.has(k)) {
                    o.problem(k, "does not apply to objective.model: the variables are the model's weights, one"
                            + " per feature column of the data, and its bias");
                    ok = false;
                }
            }
            if (goal == Goal.MAXIMIZE) {
                o.problem("goal", "a model's loss is minimized; maximize does not apply to objective.model");
                ok = false;
            }
            if (derivatives == ObjectiveConfig.Derivatives.NUMERIC) {
                o.problem("derivatives", "a model's gradient is exact; numeric does not apply to objective.model");
                ok = false;
            }
            String name = o.string("model");
            Model model = null;
            if (name != null) {
                model = Model.parse(name);
                if (model == null) {
                    List<String> names = new ArrayList<>();
                    for (var m : Model.values()) {
                        names.add(m.key());
                    }
                    o.problem("model", "unknown model '" + abbreviate(name) + "'" + Names.suggestion(name, names)
                            + " (one of " + String.join(", ", names) + ")");
                    ok = false;
                }
            } else {
                ok = false;
            }
            String file = o.string("data");
            String target = o.string("target");
            for (String k : List.of("data", "target")) {
                if (!o.has(k)) {
                    report.at(o.keyNode("model"), o.key(k), "missing: a model needs " + (k.equals("data")
                            ? "a CSV file of examples with a header line (objective.data)"
                            : "the column to predict (objective.target)"));
                    ok = false;
                }
            }
            if (file == null || target == null) {
                return null;
            }
            Path path = shipped != null ? (workingDirectory == null ? Path.of(file) : workingDirectory.resolve(file))
                    : dataPath(file);
            if (path == null) {
                o.problem("data", "no such file: " + file + (source == null || source.getParent() == null ? ""
                        : " (looked in the working directory and beside the config, in " + source.getParent() + ")"));
                return null;
            }
            DataSet data;
            try {
                data = shipped != null ? shipped : DataSet.read(path, target);
            } catch (DataException e) {
                if (e.target()) {
                    o.problem("target", file + " " + e.getMessage());
                    return null;
                }
                o.problem("data", file + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
                return null;
            } catch (IOException e) {
                o.problem("data", "cannot read " + file + ": " + FileErrors.reason(e, path));
                return null;
            }
            List<String> vars = new ArrayList<>();
            java.util.Set<String> taken = new java.util.HashSet<>(List.of("bias"));
            for (String f : data.features()) {
                String v = "w_" + f.replaceAll("[^A-Za-z0-9_]", "_");
                while (!taken.add(v)) {
                    v += "_";
                }
                vars.add(v);
            }
            vars.add("bias");
            if (vars.size() > MAX_DIMENSION) {
                o.problem("data", file + " has " + data.features().size() + " feature columns; a model takes at most "
                        + (MAX_DIMENSION - 1) + " (one weight each, and the bias)");
                return null;
            }
            shape = new Shape(vars, Box.cube(vars.size(), -1, 1));
            if (!ok) {
                return null;
            }
            if (model == Model.LOGISTIC_REGRESSION) {
                double[] y = data.y();
                for (int i = 0; i < y.length; i++) {
                    if (y[i] != 0 && y[i] != 1) {
                        o.problem("target", "logistic_regression predicts two classes, 0 and 1, but column '"
                                + target + "' holds " + y[i] + " (example " + (i + 1) + " of " + file + ")");
                        return null;
                    }
                }
            }
            var loss = new DataLoss(model, data);
            OptionalDouble knownOptimum = known;
            // the exact solution's work grows with the rows times the square of the weights: beyond a
            // bound it is not attempted; Newton's method gives null where the classes are separable
            String unsolved = DataLoss.tooLargeToSolve(data, model);
            DataLoss.Fit fit = unsolved != null ? null
                    : model == Model.LINEAR_REGRESSION ? DataLoss.fit(data) : DataLoss.newton(data);
            if (fit != null && known.isEmpty()) {
                knownOptimum = OptionalDouble.of(loss.value(fit.weights()));
            }
            return new ObjectiveConfig(null, null, loss, vars.size(), vars, goal, knownOptimum, derivatives, 1e-4,
                    false, new ObjectiveConfig.DataModel(model, file, path, target, data, fit,
                    fit != null && known.isEmpty()));
        }

        /** The data file: as named from the working directory, else beside the config; null if neither. */
        private Path dataPath(String file) {
            Path p;
            try {
                p = Path.of(file);
            } catch (java.nio.file.InvalidPathException e) {
                return null;
            }
            if (p.isAbsolute()) {
                return Files.isRegularFile(p) ? p : null;
            }
            Path first = workingDirectory == null ? p : workingDirectory.resolve(p);
            if (Files.isRegularFile(first)) {
                return first;
            }
            if (source != null && source.getParent() != null) {
                Path q = source.getParent().resolve(p);
                if (Files.isRegularFile(q)) {
                    return q;
                }
            }
            return workingDirectory != null && Files.isRegularFile(p) ? p : null;
        }

        private static final java.util.Set<String> RESERVED = java.util.Set.of("pi", "e");

        private ObjectiveConfig expression(YamlSection o, Goal goal, OptionalDouble known,
                ObjectiveConfig.Derivatives derivatives, double step) {
            if (o.has("dimension")) {
                o.problem("dimension", "only applies to built-ins; an expression's dimension is its variables");
            }
            String text = o.string("expression");
            List<String> vars = new ArrayList<>();
            Node vn = o.valueNode("variables");
            if (vn == null || YamlSection.isNull(vn)) {
                report.at(o.keyNode("expression"), "objective.variables", "missing: list the formula's variables in "
                        + "order, e.g. variables: [x, y]");
                return null;
            }
            if (!(vn instanceof SequenceNode q) || q.getValue().isEmpty()) {
                o.problem("variables", "must be a non-empty list of names, got " + YamlSection.describe(vn));
                return null;
            }
            boolean ok = true;
            for (Node it : q.getValue()) {
                String v = it instanceof ScalarNode sc ? sc.getValue() : null;
                if (v == null || !v.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
                    report.at(it, "objective.variables", "a variable is a name of letters, digits and _, got "
                            + YamlSection.describe(it));
                    ok = false;
                } else if (RESERVED.contains(v) || multistart.objective.expression.Fn.names().contains(v)) {
                    report.at(it, "objective.variables", "'" + v + "' is a constant or function name, not a "
                            + "variable");
                    ok = false;
                } else if (MINIMA_COLUMNS.contains(v)) {
                    // minima.csv's header is basin,<var>...,value,kind,hits,share,best_run
                    report.at(it, "objective.variables", "'" + v + "' names a column of minima.csv ("
                            + String.join(", ", MINIMA_COLUMNS) + "), which would then hold two; name it otherwise");
                    ok = false;
                } else if (vars.contains(v)) {
                    report.at(it, "objective.variables", "'" + v + "' is listed twice");
                    ok = false;
                } else {
                    vars.add(v);
                }
            }
            if (vars.size() > MAX_DIMENSION) {
                o.problem("variables", "more than " + MAX_DIMENSION + " variables");
                ok = false;
            }
            if (!ok) {
                return null;
            }
            shape = new Shape(List.copyOf(vars), null);
            if (text == null) {
                return null;
            }
            multistart.objective.expression.Formula formula;
            try {
                formula = multistart.objective.expression.Formula.of(text, vars);
            } catch (multistart.objective.expression.ExpressionException e) {
                formulaProblem(o, "expression", o.valueNode("expression"), text, e);
                return null;
            }
            for (int i = 0; i < vars.size(); i++) {
                if (!multistart.objective.expression.Formula.uses(formula.value(), i)) {
                    // a name the text holds but whose terms fold away (0*x, x^0) is not "unused"
                    boolean written = Pattern.compile("(?<![A-Za-z0-9_])"
                            + Pattern.quote(vars.get(i)) + "(?![A-Za-z0-9_])").matcher(text).find();
                    report.at(q.getValue().get(i), "objective.variables", "'" + vars.get(i) + "' is listed but the "
                            + (written ? "expression does not depend on it (every term holding it simplifies to a "
                                    + "constant, as 0*x does)" : "expression does not use it"));
                    ok = false;
                }
            }
            List<multistart.objective.expression.Expr> given = null;
            Node gn = o.valueNode("gradient");
            if (gn != null && !YamlSection.isNull(gn)) {
                if (!(gn instanceof SequenceNode gq) || gq.getValue().size() != vars.size()) {
                    o.problem("gradient", "must be a list of " + vars.size() + " formulas, one per variable ("
                            + String.join(", ", vars) + "), got " + YamlSection.describe(gn));
                    return null;
                }
                given = new ArrayList<>();
                for (int i = 0; i < vars.size(); i++) {
                    Node it = gq.getValue().get(i);
                    String gt = it instanceof ScalarNode sc ? sc.getValue() : null;
                    if (gt == null) {
                        report.at(it, "objective.gradient[" + i + "]", "must be a formula, got "
                                + YamlSection.describe(it));
                        return null;
                    }
                    try {
                        given.add(multistart.objective.expression.Parser.parse(gt, vars));
                    } catch (multistart.objective.expression.ExpressionException e) {
                        formulaProblem(o, "gradient[" + i + "]", it, gt, e);
                        ok = false;
                    }
                }
                if (derivatives == ObjectiveConfig.Derivatives.NUMERIC) {
                    o.problem("gradient", "a hand-written gradient and derivatives: numeric exclude each other");
                    ok = false;
                }
            }
            if (!ok) {
                return null;
            }
            multistart.objective.Objective function;
            try {
                function = derivatives == ObjectiveConfig.Derivatives.NUMERIC ? formula.compileValueOnly()
                        : given != null ? formula.compileWith(given) : formula.compile();
            } catch (multistart.objective.expression.ExpressionException e) {
                formulaProblem(o, "expression", o.valueNode("expression"), text, e);
                return null;
            }
            pendingGradientCheck = given == null ? null : new GradientCheck(o, formula, given);
            return new ObjectiveConfig(null, text, function, vars.size(), vars, goal, known, derivatives, step,
                    given != null, null);
        }

        /**
         * What the domain and the start points are checked against: the objective's variables, and
         * a built-in's default domain (null for an expression, which has none).
         */
        private record Shape(List<String> variables, Box defaultDomain) {
            static Shape of(Builtin b, int dimension) {
                return new Shape(b.variables(dimension), b.domain(dimension));
            }

            int dimension() {
                return variables.size();
            }
        }

        /**
         * The objective's variables once they are known, null while not: set as the objective is
         * read, and known even when it then has a problem (an expression's list when its formula
         * fails, a fixed-dimension built-in's own when the config gives it another dimension).
         */
        private Shape shape;

        /** A hand-written gradient to compare with the exact one once the domain is known. */
        private record GradientCheck(YamlSection section, multistart.objective.expression.Formula formula,
                List<multistart.objective.expression.Expr> given) {
        }

        private GradientCheck pendingGradientCheck;

        /** Compares the given gradient with the exact derivative at a few points of the domain. */
        private void checkGradient(GradientCheck check, Box box) {
            List<String> vars = check.formula().variables();
            int n = vars.size();
            double[] x = new double[n];
            for (int k = 0; k < 8; k++) {
                for (int i = 0; i < n; i++) {
                    double u = multistart.sampling.SplitMix.unit(multistart.sampling.SplitMix.key(0x5EED, k, i));
                    x[i] = box.low(i) + u * (box.high(i) - box.low(i));
                }
                for (int i = 0; i < n; i++) {
                    var exactExpr = check.formula().gradient().get(i);
                    double exact = multistart.objective.expression.Exprs.eval(exactExpr, x);
                    double given = multistart.objective.expression.Exprs.eval(check.given().get(i), x);
                    if (!Double.isFinite(exact) && !Double.isFinite(given)) {
                        continue;
                    }
                    // agreement to ~1e-9 relative: the two are the same function written differently
                    if (!(Math.abs(given - exact) <= 1e-9 * (1 + Math.abs(exact)))) {
                        StringBuilder at = new StringBuilder();
                        for (int j = 0; j < n; j++) {
                            at.append(j > 0 ? ", " : "").append(vars.get(j)).append(" = ").append(x[j]);
                        }
                        Node gq = check.section().valueNode("gradient");
                        Node item = gq instanceof SequenceNode s ? s.getValue().get(i) : check.section()
                                .keyNode("gradient");
                        report.at(item, "objective.gradient[" + i + "]", "d/d" + vars.get(i)
                                + " disagrees with the exact derivative of the expression at (" + at + "): given "
                                + given + ", exact " + exact + " (the exact derivative is "
                                + multistart.objective.expression.Exprs.format(exactExpr) + ")");
                        return;
                    }
                }
            }
        }

        /** Reports a formula error at its line:column, with the formula and a caret under the place. */
        private void formulaProblem(YamlSection o, String key, Node node, String text,
                multistart.objective.expression.ExpressionException e) {
            String message = e.getMessage();
            int pos = e.position();
            int line = 0;
            int col = 0;
            if (node != null && node.getStartMark().isPresent()) {
                line = node.getStartMark().get().getLine() + 1;
                col = node.getStartMark().get().getColumn() + 1;
                if (pos >= 0 && node instanceof ScalarNode sc && text.indexOf('\n') < 0
                        && sc.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.LITERAL
                        && sc.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.FOLDED) {
                    boolean quoted = sc.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.DOUBLE_QUOTED
                            || sc.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.SINGLE_QUOTED;
                    col += pos + (quoted ? 1 : 0);
                }
            }
            if (pos >= 0 && text.length() <= 200) {
                message += "\n    " + text.replace('\n', ' ') + "\n    " + " ".repeat(pos) + "^";
            }
            report.problems.add(new Problem(report.file, line == 0 ? 1 : line, line == 0 ? 1 : col,
                    o.key(key), message));
        }

        private Box domain(YamlSection top, Shape obj) {
            int n = obj.dimension();
            Box def = obj.defaultDomain() != null ? obj.defaultDomain() : Box.cube(n, Double.NaN, Double.NaN);
            double[] lo = def.low();
            double[] hi = def.high();
            YamlSection d = top.section("domain");
            if (d == null) {
                if (obj.defaultDomain() == null) {
                    report.at(null, "domain", "missing: an expression needs a domain for every variable, e.g. "
                            + obj.variables().get(0) + ": [-1, 1] (or \"*\": [-1, 1] for all)");
                    return null;
                }
                return checked(def);
            }
            List<String> vars = obj.variables();
            List<String> allowed = new ArrayList<>(vars);
            allowed.add("*");
            d.rejectUnknown(allowed);
            boolean ok = true;
            double[] star = interval(d, "*");
            if (d.has("*") && star == null) {
                ok = false;
            }
            if (star != null) {
                java.util.Arrays.fill(lo, star[0]);
                java.util.Arrays.fill(hi, star[1]);
            }
            for (int i = 0; i < n; i++) {
                String v = vars.get(i);
                if (d.has(v)) {
                    double[] iv = interval(d, v);
                    if (iv == null) {
                        ok = false;
                    } else {
                        lo[i] = iv[0];
                        hi[i] = iv[1];
                    }
                } else if (!d.has("*") && Double.isNaN(lo[i])) {
                    // reported beside any bad interval of another variable: all problems at once
                    report.at(top.keyNode("domain"), "domain", "variable '" + v + "' has no domain; add " + v
                            + ": [low, high]");
                    ok = false;
                }
            }
            return ok ? checked(new Box(lo, hi)) : null;
        }

        private Box checked(Box box) {
            if (pendingGradientCheck != null) {
                checkGradient(pendingGradientCheck, box);
                pendingGradientCheck = null;
            }
            return box;
        }

        private double[] interval(YamlSection d, String key) {
            Node v = d.valueNode(key);
            if (v == null || YamlSection.isNull(v)) {
                return null;
            }
            if (!(v instanceof SequenceNode q) || q.getValue().size() != 2) {
                d.problem(key, "must be [low, high], got " + YamlSection.describe(v));
                return null;
            }
            OptionalDouble lo = d.number(q.getValue().get(0), d.key(key), q.getValue().get(0));
            OptionalDouble hi = d.number(q.getValue().get(1), d.key(key), q.getValue().get(1));
            if (lo.isEmpty() || hi.isEmpty()) {
                return null;
            }
            if (!(lo.getAsDouble() < hi.getAsDouble())) {
                d.problem(key, "low must be below high, got [" + lo.getAsDouble() + ", " + hi.getAsDouble() + "]");
                return null;
            }
            return new double[] {lo.getAsDouble(), hi.getAsDouble()};
        }

        private StartsConfig starts(YamlSection s, YamlSection top, Shape obj) {
            if (s == null) {
                if (!top.has("starts")) {
                    report.at(null, "starts", "missing: say how many start points (starts.count)");
                }
                return null;
            }
            s.rejectUnknown(STARTS);
            long count = 0;
            boolean ok = true;
            OptionalLong c = s.integer("count");
            if (c.isPresent()) {
                if (c.getAsLong() < 0) {
                    s.problem("count", "must be >= 0, got " + c.getAsLong());
                    ok = false;
                } else {
                    count = c.getAsLong();
                }
            } else if (s.has("count")) {
                ok = false;
            }
            Sampler sampler = Sampler.UNIFORM;
            String st = s.string("sampler");
            if (st != null) {
                sampler = Sampler.parse(st);
                if (sampler == null) {
                    List<String> names = new ArrayList<>();
                    for (Sampler v : Sampler.values()) {
                        names.add(v.key());
                    }
                    s.problem("sampler", "unknown sampler '" + abbreviate(st) + "'" + Names.suggestion(st, names)
                            + " (one of " + String.join(", ", names) + ")");
                    ok = false;
                }
            }
            Boolean scrambled = s.bool("scramble", false);
            ok &= scrambled != null;
            boolean scramble = scrambled != null && scrambled;
            if (scramble && sampler != null && sampler != Sampler.SOBOL && sampler != Sampler.HALTON) {
                s.problem("scramble", "applies to sobol and halton only: " + sampler.key() + (sampler == Sampler.GRID
                        ? " is a fixed grid" : " already draws its points from the seed"));
                ok = false;
            }
            List<double[]> points = new ArrayList<>();
            Node pn = s.valueNode("points");
            if (pn != null && !YamlSection.isNull(pn)) {
                if (!(pn instanceof SequenceNode q)) {
                    s.problem("points", "must be a list of points like [[1.0, 2.0]], got " + YamlSection.describe(pn));
                    ok = false;
                } else {
                    int k = 0;
                    for (Node p : q.getValue()) {
                        double[] point = point(s, p, k++, obj);
                        if (point == null) {
                            ok = false;
                        } else {
                            points.add(point);
                        }
                    }
                }
            }
            // checked beside a bad sampler (all problems at once), not beside a bad count or bad points
            boolean countRead = c.isPresent() ? c.getAsLong() >= 0 : !s.has("count");
            boolean pointsRead = points.size() == (pn instanceof SequenceNode q ? q.getValue().size() : 0);
            if (countRead && pointsRead && count == 0 && points.isEmpty()) {
                report.at(s.has("count") ? s.keyNode("count") : null, "starts.count",
                        "there are no start points: give count > 0 or a list of points");
                ok = false;
            }
            if (!ok || obj == null || sampler == null) {
                return null;
            }
            long sampled = count;
            if (sampler == Sampler.GRID && count > 1 && obj.dimension() > 1
                    && gridPerAxis(count, obj.dimension()) == 1) {
                // its centre alone: one start where many were asked for is no rounding to warn of
                int d = obj.dimension();
                s.problem("count", "a grid of " + count + " in " + d + " dimensions has 1 point per axis, its "
                        + "centre alone; 2 per axis take " + (d < 63 ? "2^" + d + " = " + (1L << d) : "2^" + d)
                        + " starts (sobol, halton and latin_hypercube take any count)");
                return null;
            }
            if (sampler == Sampler.GRID && count > 0) {
                long perAxis = gridPerAxis(count, obj.dimension());
                sampled = 1;
                for (int i = 0; i < obj.dimension(); i++) {
                    sampled *= perAxis;
                }
            }
            if ((sampler == Sampler.SOBOL || sampler == Sampler.HALTON) && count > Integer.MAX_VALUE) {
                // Commons Math's sequences are indexed by int: past that, every start would be the same point
                s.problem("count", sampler.key() + " takes at most " + Integer.MAX_VALUE + " starts, got " + count
                        + " (uniform and latin_hypercube take any count)");
                return null;
            }
            if (sampler == Sampler.HALTON && obj.dimension() > 40) {
                s.problem("sampler", "halton supports at most 40 dimensions, got " + obj.dimension());
                return null;
            }
            if (sampler == Sampler.SOBOL && obj.dimension() > 1000) {
                s.problem("sampler", "sobol supports at most 1000 dimensions, got " + obj.dimension());
                return null;
            }
            return new StartsConfig(count, sampler, points, sampled, scramble);
        }

        private double[] point(YamlSection s, Node p, int k, Shape obj) {
            String key = s.key("points") + "[" + k + "]";
            List<Node> items;
            if (p instanceof SequenceNode q) {
                items = q.getValue();
            } else if (p instanceof ScalarNode && obj != null && obj.dimension() == 1) {
                items = List.of(p);
            } else {
                report.at(p, key, "must be a list of coordinates, got " + YamlSection.describe(p));
                return null;
            }
            if (obj != null && items.size() != obj.dimension()) {
                report.at(p, key, "has " + items.size() + " coordinates, the objective has " + obj.dimension()
                        + " (" + String.join(", ", obj.variables()) + ")");
                return null;
            }
            double[] x = new double[items.size()];
            for (int i = 0; i < x.length; i++) {
                OptionalDouble v = s.number(items.get(i), key, items.get(i));
                if (v.isEmpty()) {
                    return null;
                }
                x[i] = v.getAsDouble();
            }
            return x;
        }

        private OptimizerConfig optimizer(YamlSection o) {
            if (o == null) {
                report.at(null, "optimizer",
                        "missing: say how to descend, e.g. {method: gd, learning_rate: 0.01} (the defaults)");
                return null;
            }
            o.rejectUnknown(OPTIMIZER, OPTIMIZER_SYNONYMS);
            boolean ok = true;
            List<Method> methods = new ArrayList<>();
            boolean methodSwept = false;
            Node mn = o.valueNode("method");
            List<String> methodNames = new ArrayList<>();
            for (Method m : Method.values()) {
                methodNames.add(m.key());
            }
            if (mn == null || YamlSection.isNull(mn)) {
                methods.add(Method.GD);
            } else {
                List<Node> items;
                if (mn instanceof SequenceNode q) {
                    items = q.getValue();
                    methodSwept = true;
                    if (items.isEmpty()) {
                        o.problem("method", "the list is empty");
                        ok = false;
                    }
                } else {
                    items = List.of(mn);
                }
                for (Node it : items) {
                    Method m = it instanceof ScalarNode sc ? Method.parse(sc.getValue()) : null;
                    if (m == null) {
                        String got = it instanceof ScalarNode sc ? sc.getValue() : YamlSection.describe(it);
                        report.at(it == mn ? o.keyNode("method") : it, "optimizer.method", "unknown method '"
                                + abbreviate(got) + "'" + (got.equalsIgnoreCase("sgd")
                                        ? ": stochastic gradient descent is gd with optimizer.batch_size (rows per"
                                                + " step) on a data-set objective (objective.model)"
                                        : Names.suggestion(got, methodNames)) + " (one of "
                                + String.join(", ", methodNames) + ")");
                        ok = false;
                    } else if (methods.contains(m)) {
                        report.at(it, "optimizer.method", "'" + m.key() + "' is listed twice");
                        ok = false;
                    } else {
                        methods.add(m);
                    }
                }
            }
            Map<Setting, double[]> values = new EnumMap<>(Setting.class);
            List<Setting> swept = new ArrayList<>();
            YamlSection stop = o.section("stop");
            if (stop != null) {
                stop.rejectUnknown(STOP);
            }
            for (Setting s : Setting.values()) {
                YamlSection where = s.key().startsWith("stop.") ? stop : o;
                String key = s.key().startsWith("stop.") ? s.key().substring(5) : s.key();
                double[] v;
                if (where == null || !where.has(key)) {
                    v = defaults(s);
                    if (v == null) {
                        continue;
                    }
                } else {
                    Sweep sw = sweep(where, key, s);
                    if (sw == null) {
                        ok = false;
                        continue;
                    }
                    v = sw.values;
                    if (sw.swept) {
                        swept.add(s);
                    }
                }
                values.put(s, v);
            }
            if (ok) {
                unread(o, methods, swept, values);
            }
            return ok ? new OptimizerConfig(methods, methodSwept, values, swept) : null;
        }

        /**
         * Warns of a setting the config gives that no method of the sweep reads: {@code momentum:
         * 0.9} without a method runs plain gd, and nothing else would say the momentum was not
         * applied. A swept one is said by {@link OptimizerConfig#repeats} (its combos repeat one
         * another's runs), as is one read by some of the swept methods only. {@code momentum: 0}
         * is what a method without momentum does, and is not remarked on.
         */
        private void unread(YamlSection o, List<Method> methods, List<Setting> swept, Map<Setting, double[]> values) {
            for (Setting s : List.of(Setting.MOMENTUM, Setting.BETA2, Setting.EPSILON)) {
                if (!o.has(s.key()) || swept.contains(s) || s == Setting.MOMENTUM && values.get(s)[0] == 0) {
                    continue;
                }
                List<String> given = new ArrayList<>();
                boolean read = false;
                for (Method m : methods) {
                    read |= m.uses(s);
                    given.add(m.key());
                }
                if (read) {
                    continue;
                }
                List<String> readers = new ArrayList<>();
                for (Method m : Method.values()) {
                    if (m.uses(s)) {
                        readers.add(m.key());
                    }
                }
                String who = methods.size() == 1 ? given.get(0) + " does not read it"
                        : "none of " + String.join(", ", given) + " reads it";
                String method = o.has("method") ? "" : " (optimizer.method is gd when not given)";
                o.warning(s.key(), "changes nothing: " + who + method + "; "
                        + String.join(", ", readers.subList(0, readers.size() - 1)) + " and "
                        + readers.get(readers.size() - 1) + " do");
            }
        }

        private static double[] defaults(Setting s) {
            return switch (s) {
                case LEARNING_RATE -> new double[] {0.01};
                case DECAY -> new double[] {1.0};
                case EPSILON -> new double[] {1e-8};
                case MAX_ITERATIONS -> new double[] {1000};
                case GRADIENT_NORM -> new double[] {1e-6};
                case VALUE_CHANGE -> new double[] {0.0};
                case DIVERGENCE -> new double[] {1e8};
                case MOMENTUM, BETA2, BATCH_SIZE -> null;
            };
        }

        /** Returns null if the value is acceptable, else what is wrong with it. */
        private static String check(Setting s, double v) {
            switch (s) {
                case LEARNING_RATE, EPSILON, DIVERGENCE:
                    return v > 0 ? null : "must be > 0, got " + v;
                case DECAY:
                    return v > 0 && v <= 1 ? null : "must be in (0, 1], got " + v;
                case MOMENTUM, BETA2:
                    return v >= 0 && v < 1 ? null : "must be in [0, 1), got " + v;
                case GRADIENT_NORM, VALUE_CHANGE:
                    return v >= 0 ? null : "must be >= 0 (0 disables the test), got " + v;
                case BATCH_SIZE:
                    if (v != Math.rint(v)) {
                        return "must be a whole number of rows or full, got " + v;
                    }
                    return v >= 1 && v <= Combo.FULL_BATCH ? null
                            : "must be between 1 and " + Integer.MAX_VALUE + " rows, or full, got " + (long) v;
                case MAX_ITERATIONS:
                    if (v != Math.rint(v)) {
                        return "must be a whole number, got " + v;
                    }
                    return v >= 0 && v <= Integer.MAX_VALUE ? null
                            : "must be between 0 and " + Integer.MAX_VALUE + ", got " + (long) v;
                default:
                    return null;
            }
        }

        private record Sweep(double[] values, boolean swept) {
        }

        /** Whether {@code n} is batch_size's "full" (a value of no other setting). */
        private static boolean full(Setting s, Node n) {
            return s == Setting.BATCH_SIZE && n instanceof ScalarNode sc && sc.getValue().equals("full");
        }

        /** A scalar, a list, or {from, to, steps, scale}. */
        private Sweep sweep(YamlSection o, String key, Setting s) {
            Node v = o.valueNode(key);
            String path = o.key(key);
            if (full(s, v)) {
                return new Sweep(new double[] {Combo.FULL_BATCH}, false);
            }
            if (v instanceof ScalarNode) {
                OptionalDouble d = o.number(v, path, o.keyNode(key));
                if (d.isEmpty()) {
                    return null;
                }
                String err = check(s, d.getAsDouble());
                if (err != null) {
                    o.problem(key, err);
                    return null;
                }
                return new Sweep(new double[] {d.getAsDouble()}, false);
            }
            if (v instanceof SequenceNode q) {
                if (q.getValue().isEmpty()) {
                    o.problem(key, "the list is empty");
                    return null;
                }
                double[] out = new double[q.getValue().size()];
                boolean ok = true;
                for (int i = 0; i < out.length; i++) {
                    Node it = q.getValue().get(i);
                    if (full(s, it)) {
                        out[i] = Combo.FULL_BATCH;
                        continue;
                    }
                    OptionalDouble d = o.number(it, path, it);
                    if (d.isEmpty()) {
                        ok = false;
                        continue;
                    }
                    String err = check(s, d.getAsDouble());
                    if (err != null) {
                        report.at(it, path, err);
                        ok = false;
                    }
                    out[i] = d.getAsDouble();
                }
                for (int i = 0; ok && i < out.length; i++) {
                    for (int j = 0; j < i; j++) {
                        if (out[i] == out[j]) {
                            report.at(q.getValue().get(i), path, "value " + s.text(out[i]) + " is listed twice");
                            ok = false;
                        }
                    }
                }
                return ok ? new Sweep(out, true) : null;
            }
            if (v instanceof MappingNode m) {
                YamlSection r = new YamlSection(report, path, m);
                r.rejectUnknown(RANGE);
                OptionalDouble from = r.number("from");
                OptionalDouble to = r.number("to");
                OptionalLong steps = r.integer("steps");
                for (String need : List.of("from", "to", "steps")) {
                    if (!r.has(need)) {
                        o.problem(key, "a range needs from, to and steps; '" + need + "' is missing");
                        return null;
                    }
                }
                String scale = r.string("scale");
                boolean log = false;
                if (scale != null) {
                    if (scale.equals("log")) {
                        log = true;
                    } else if (!scale.equals("linear")) {
                        r.problem("scale", "must be linear or log, got '" + abbreviate(scale) + "'"
                                + Names.suggestion(scale, List.of("linear", "log")));
                        return null;
                    }
                }
                if (from.isEmpty() || to.isEmpty() || steps.isEmpty()) {
                    return null;
                }
                long n = steps.getAsLong();
                if (n < 1 || n > 10_000) {
                    r.problem("steps", "must be between 1 and 10000, got " + n);
                    return null;
                }
                double a = from.getAsDouble();
                double b = to.getAsDouble();
                // from may lie above to: the points then run downwards (0.1, 0.01, 0.001), in that order
                if (n > 1 && a == b) {
                    r.problem("steps", "from equals to, so " + n + " steps would repeat one value");
                    return null;
                }
                if (n == 1 && a != b) {
                    // one step is from alone: the to a user wrote would be dropped without a word
                    r.problem("steps", "1 step takes from (" + s.text(a) + ") alone and leaves out to (" + s.text(b)
                            + "); take 2 steps or more, or make to equal from");
                    return null;
                }
                if (log && !(a > 0)) {
                    r.problem("from", "a log scale needs from > 0, got " + a);
                    return null;
                }
                if (log && !(b > 0)) {
                    r.problem("to", "a log scale needs to > 0, got " + b);
                    return null;
                }
                double[] out = new double[(int) n];
                for (int i = 0; i < n; i++) {
                    double t = n == 1 ? 0.0 : (double) i / (n - 1);
                    // a (b/a)^t: within a few ulps; exp(log a + t (log b - log a)) was off by more
                    // where log a is large (10^-2.5 by 3 ulps)
                    out[i] = tidy(log ? a * Math.pow(b / a, t) : a + t * (b - a));
                }
                out[0] = a;
                if (n > 1) {
                    out[(int) n - 1] = b;
                }
                if (s.integer()) {
                    for (int i = 0; i < n; i++) {
                        out[i] = Math.rint(out[i]);
                    }
                }
                for (int i = 1; i < n; i++) {
                    if (out[i] == out[i - 1]) {
                        // whole numbers (max_iterations 1 to 3 in 5 steps) or doubles a few ulps apart:
                        // two combos would run the same runs
                        r.problem("steps", n + " steps from " + s.text(a) + " to " + s.text(b)
                                + " repeat a value (" + s.text(out[i]) + " twice); take fewer steps");
                        return null;
                    }
                }
                boolean ok = true;
                for (double x : new double[] {a, b}) {
                    String err = check(s, x);
                    if (err != null) {
                        o.problem(key, err);
                        ok = false;
                        break;
                    }
                }
                return ok ? new Sweep(out, true) : null;
            }
            o.problem(key, "must be a number, a list of numbers or {from, to, steps}, got " + YamlSection.describe(v));
            return null;
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

    /**
     * A range's point as the short decimal it stands for, where there is one: {@code 0.9} for the
     * 0.8999999999999999 that {@code {from: 0.1, to: 1.0, steps: 10}} comes to in doubles, and
     * {@code 0.1} for the 0.10000000000000005 of {@code {from: 1e-5, to: 1, steps: 6, scale: log}}.
     * The nearest decimal of at most {@value #TIDY_DIGITS} significant digits replaces {@code x}
     * when it is within {@value #TIDY_ULPS} ulps of it (the rounding error of computing the point
     * is a few); a point with no such decimal near it (10^-2.5) stays as computed. Reports print
     * settings as the shortest decimal that reads back, so without this a user's round grid came
     * back with a tail of noise digits. Two decimals of 12 digits are at least 1e-12 apart
     * relative, so the decimal found is the only candidate, and a point is moved by
     * {@value #TIDY_ULPS} ulps (1e-15 relative) at most.
     */
    static double tidy(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(x);
        for (int digits = 1; digits <= TIDY_DIGITS; digits++) {
            double d = exact.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN)).doubleValue();
            if (Math.abs(d - x) <= TIDY_ULPS * Math.ulp(x)) {
                return d;
            }
        }
        return x;
    }

    /** See {@link #tidy}. */
    static final int TIDY_DIGITS = 12;
    static final int TIDY_ULPS = 8;

    static String abbreviate(String s) {
        String t = s.replace('\n', ' ');
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }

    /** Largest m with m^dimension <= count (at least 1): the points per axis of a grid. */
    public static long gridPerAxis(long count, int dimension) {
        long m = Math.max(1, (long) Math.floor(Math.pow(count, 1.0 / dimension)));
        while (pow(m + 1, dimension) <= count) {
            m++;
        }
        while (m > 1 && pow(m, dimension) > count) {
            m--;
        }
        return m;
    }

    private static long pow(long b, int e) {
        long r = 1;
        for (int i = 0; i < e; i++) {
            if (r > Long.MAX_VALUE / b) {
                return Long.MAX_VALUE;
            }
            r *= b;
        }
        return r;
    }
}
