package multistart.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import multistart.objective.data.DataSet;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
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

    /**
     * minima.csv's columns besides the coordinates, which are named by the variables alone:
     * {@code basin} before them, the rest after (CsvTables writes the header from this), so a
     * variable may not take one of these names.
     */
    public static final List<String> MINIMA_COLUMNS = List.of("basin", "value", "kind", "hits", "share",
            "best_run");

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
        ExperimentConfig config = new ConfigWalk(report, source, workingDirectory, data)
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
