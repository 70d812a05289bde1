package multistart.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import multistart.text.Names;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping being read into a config: typed accessors that record a {@link Problem}
 * (with the key's line:column) instead of throwing, so that one pass finds every problem.
 * Duplicate keys and keys nobody asked for are problems too.
 */
final class YamlSection {

    /**
     * Collects problems for one file, and warnings: what is valid but likely not meant (a
     * setting no method of the sweep reads), which the config runs with.
     */
    static final class Report {
        final String file;
        final List<Problem> problems = new ArrayList<>();
        final List<Problem> warnings = new ArrayList<>();

        Report(String file) {
            this.file = file;
        }

        void at(Node node, String key, String message) {
            problems.add(place(node, key, message));
        }

        void warnAt(Node node, String key, String message) {
            warnings.add(place(node, key, message));
        }

        private Problem place(Node node, String key, String message) {
            // a missing key has no node of its own: point at the top of the file
            int line = 1;
            int col = 1;
            if (node != null && node.getStartMark().isPresent()) {
                line = node.getStartMark().get().getLine() + 1;
                col = node.getStartMark().get().getColumn() + 1;
            }
            return new Problem(file, line, col, key, message);
        }
    }

    private final Report report;
    private final String path;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    YamlSection(Report report, String path, MappingNode node) {
        this.report = report;
        this.path = path;
        for (NodeTuple t : node.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks)) {
                report.at(k, path, "keys must be plain names");
                continue;
            }
            String name = ks.getValue();
            if (entries.containsKey(name)) {
                report.at(k, key(name), "duplicate key (first at line "
                        + (line(entries.get(name).getKeyNode())) + ")");
                continue;
            }
            entries.put(name, t);
        }
    }

    private static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    Report report() {
        return report;
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return entries.containsKey(name) && !isNull(entries.get(name).getValueNode());
    }

    /** Whether the key stands with no value ({@code key:} alone, {@code ~} or {@code null}): read as absent. */
    boolean empty(String name) {
        return entries.containsKey(name) && isNull(entries.get(name).getValueNode());
    }

    /**
     * Reports a required key that is not given: where it stands with no value, at the key ("has
     * no value: " and {@code message}); else at {@code absentAt} (null: the top of the file), as
     * "missing: " and {@code message}.
     */
    void missing(String name, Node absentAt, String message) {
        boolean empty = empty(name);
        report.at(empty ? keyNode(name) : absentAt, key(name), (empty ? "has no value: " : "missing: ") + message);
    }

    Node keyNode(String name) {
        NodeTuple t = entries.get(name);
        return t == null ? null : t.getKeyNode();
    }

    Node valueNode(String name) {
        NodeTuple t = entries.get(name);
        return t == null ? null : t.getValueNode();
    }

    /** Reports every key not in {@code allowed}, with a suggestion when one is close. */
    void rejectUnknown(Collection<String> allowed) {
        rejectUnknown(allowed, Map.of());
    }

    /**
     * As {@link #rejectUnknown(Collection)}, where a key of {@code meant} (a name the literature
     * uses for one of ours) is told which setting it is instead of the nearest spelling.
     */
    void rejectUnknown(Collection<String> allowed, Map<String, String> meant) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (allowed.contains(e.getKey())) {
                // `learning_rate:` with its value forgotten reads as absent: say so (a required
                // key is reported missing as well, and a config with problems shows no warnings)
                if (empty(e.getKey())) {
                    report.warnAt(e.getValue().getKeyNode(), key(e.getKey()),
                            "has no value, so it is read as absent (its default applies)");
                }
                continue;
            }
            if (meant.containsKey(e.getKey())) {
                report.at(e.getValue().getKeyNode(), key(e.getKey()), "unknown key; " + meant.get(e.getKey()));
            } else {
                report.at(e.getValue().getKeyNode(), key(e.getKey()),
                        "unknown key" + Names.suggestion(e.getKey(), allowed)
                                + (Names.closest(e.getKey(), allowed) == null
                                        ? " (known: " + String.join(", ", allowed) + ")" : ""));
            }
        }
    }

    /** Reports a problem at a key. */
    void problem(String name, String message) {
        report.at(keyNode(name), key(name), message);
    }

    /** Reports a warning at a key: the config is valid, but the key changes nothing or is likely not meant. */
    void warning(String name, String message) {
        report.warnAt(keyNode(name), key(name), message);
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** A nested mapping, or null (reported when present but not a mapping). */
    YamlSection section(String name) {
        Node v = valueNode(name);
        if (v == null || isNull(v)) {
            return null;
        }
        if (!(v instanceof MappingNode m)) {
            problem(name, "must be a mapping of keys, got " + describe(v));
            return null;
        }
        return new YamlSection(report, key(name), m);
    }

    String string(String name) {
        Node v = valueNode(name);
        if (v == null || isNull(v)) {
            return null;
        }
        if (!(v instanceof ScalarNode s)) {
            problem(name, "must be a text value, got " + describe(v));
            return null;
        }
        return s.getValue();
    }

    /**
     * true or false; {@code absent} when the key is missing or null; null when it holds anything
     * else (reported).
     */
    Boolean bool(String name, boolean absent) {
        Node v = valueNode(name);
        if (v == null || isNull(v)) {
            return absent;
        }
        if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue());
        }
        problem(name, "must be true or false, got " + describe(v));
        return null;
    }

    /** A finite number, or empty (reported when present but not a finite number). */
    OptionalDouble number(String name) {
        Node v = valueNode(name);
        if (v == null || isNull(v)) {
            return OptionalDouble.empty();
        }
        return number(v, key(name), keyNode(name));
    }

    OptionalDouble number(Node v, String key, Node at) {
        if (!(v instanceof ScalarNode s)) {
            report.at(at, key, "must be a number, got " + describe(v));
            return OptionalDouble.empty();
        }
        Double d = parseNumber(s);
        if (d == null) {
            report.at(at, key, "must be a number, got " + describe(v));
            return OptionalDouble.empty();
        }
        if (!Double.isFinite(d)) {
            report.at(at, key, "must be a finite number, got " + s.getValue());
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(d);
    }

    /**
     * A number above 0, or {@code absent} when the key is missing. A bad value is reported (so
     * the config is refused) and gives {@code absent}.
     */
    double positive(String name, double absent) {
        OptionalDouble v = number(name);
        if (v.isEmpty()) {
            return absent;
        }
        if (v.getAsDouble() <= 0) {
            problem(name, "must be > 0, got " + v.getAsDouble());
            return absent;
        }
        return v.getAsDouble();
    }

    /**
     * A whole number in [min, max], or {@code absent} when the key is missing. A bad value is
     * reported as {@code requirement + ", got " + value} (so the config is refused) and gives
     * {@code absent}.
     */
    long integer(String name, long min, long max, long absent, String requirement) {
        OptionalLong v = integer(name);
        if (v.isEmpty()) {
            return absent;
        }
        if (v.getAsLong() < min || v.getAsLong() > max) {
            problem(name, requirement + ", got " + v.getAsLong());
            return absent;
        }
        return v.getAsLong();
    }

    /** A whole number (1e6 is accepted when it is whole), or empty (reported when invalid). */
    OptionalLong integer(String name) {
        Node v = valueNode(name);
        if (v == null || isNull(v)) {
            return OptionalLong.empty();
        }
        return integer(v, key(name), keyNode(name));
    }

    OptionalLong integer(Node v, String key, Node at) {
        if (v instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                return OptionalLong.of(Long.parseLong(stripPlus(s.getValue())));
            } catch (NumberFormatException e) {
                report.at(at, key, "must be a whole number between " + Long.MIN_VALUE + " and "
                        + Long.MAX_VALUE + ", got " + s.getValue());
                return OptionalLong.empty();
            }
        }
        if (v instanceof ScalarNode s) {
            Double d = parseNumber(s);
            if (d != null && Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p62) {
                return OptionalLong.of((long) (double) d);
            }
        }
        report.at(at, key, "must be a whole number, got " + describe(v));
        return OptionalLong.empty();
    }

    private static String stripPlus(String s) {
        return s.startsWith("+") ? s.substring(1) : s;
    }

    /** The number a plain scalar denotes (YAML 1.2 core schema), or null when it is not one. */
    static Double parseNumber(ScalarNode s) {
        Tag tag = s.getTag();
        String t = s.getValue();
        if (tag.equals(Tag.INT)) {
            try {
                if (t.startsWith("0x")) {
                    return (double) Long.parseLong(t.substring(2), 16);
                }
                if (t.startsWith("0o")) {
                    return (double) Long.parseLong(t.substring(2), 8);
                }
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (tag.equals(Tag.FLOAT)) {
            String lower = t.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".inf")) {
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (lower.equals(".nan")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The message for a name that is none of {@code names}: {@code unknown sampler 'sobel', did
     * you mean 'sobol'? (one of uniform, sobol, ...)}.
     */
    static String unknown(String what, String got, List<String> names) {
        return "unknown " + what + " '" + ConfigLoader.abbreviate(got) + "'" + Names.suggestion(got, names)
                + " (one of " + String.join(", ", names) + ")";
    }

    /** A short description of a node for "got ..." messages. */
    static String describe(Node v) {
        if (v instanceof ScalarNode s) {
            String text = s.getValue();
            if (text.length() > 40) {
                text = text.substring(0, 40) + "...";
            }
            if (s.getTag().equals(Tag.STR)) {
                return "text '" + text + "'";
            }
            if (s.getTag().equals(Tag.BOOL)) {
                return "true/false value " + text;
            }
            if (s.getTag().equals(Tag.NULL)) {
                return "nothing";
            }
            return "'" + text + "'";
        }
        if (v instanceof SequenceNode q) {
            return "a list of " + q.getValue().size();
        }
        if (v instanceof MappingNode) {
            return "a mapping";
        }
        return "an unsupported value";
    }
}
