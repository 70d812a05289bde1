package multistart.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import multistart.text.Names;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import static multistart.config.ConfigLoader.abbreviate;
import static multistart.config.ConfigLoader.tidy;

/**
 * Reads a config's {@code optimizer}: the method or methods, and every setting as a scalar, a
 * list or a range {@code {from, to, steps, scale}}, each value checked against its setting's
 * bounds; the list-valued ones are the sweep's axes.
 */
final class OptimizerReader {
    private static final List<String> KEYS = List.of("method", "learning_rate", "decay", "momentum",
            "beta2", "epsilon", "max_iterations", "stop", "divergence", "batch_size");
    /** The literature's names for optimizer settings that go by another name here. */
    private static final Map<String, String> SYNONYMS = Map.of(
            "beta1", "adam's beta1 is the momentum setting (default 0.9)",
            "rho", "rmsprop's rho is the beta2 setting (default 0.9 for rmsprop)",
            "beta", "the heavy-ball and Nesterov coefficient (adam's beta1) is the momentum setting",
            "lr", "the step size is learning_rate",
            "eta", "the step size is learning_rate",
            "gamma", "the learning rate's factor per step is decay; the momentum coefficient is momentum",
            "iterations", "the step limit is max_iterations",
            "eps", "the denominator's guard is epsilon");
    private static final List<String> STOP = List.of("gradient_norm", "value_change");
    private static final List<String> RANGE = List.of("from", "to", "steps", "scale");

    private final YamlSection.Report report;

    OptimizerReader(YamlSection.Report report) {
        this.report = report;
    }

    /**
     * The optimizer's settings and the sweep over them, from the config's {@code top} section; null
     * on a problem (reported).
     */
    OptimizerConfig read(YamlSection top) {
        YamlSection o = top.section("optimizer");
        if (o == null) {
            if (!top.has("optimizer")) {
                top.missing("optimizer", null, "say how to descend, e.g. {method: gd, learning_rate: 0.01} (the"
                        + " defaults)");
            }
            return null;
        }
        o.rejectUnknown(KEYS, SYNONYMS);
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
}
