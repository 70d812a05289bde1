package multistart.config;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import multistart.objective.Box;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import static multistart.config.ConfigLoader.gridPerAxis;

/**
 * Reads a config's {@code domain} (the box the start points are drawn from) and {@code starts}
 * (how many, which sampler, explicit points), both checked against the objective's variables.
 */
final class StartsReader {
    private static final List<String> KEYS = List.of("count", "sampler", "points", "scramble");

    private final YamlSection.Report report;

    StartsReader(YamlSection.Report report) {
        this.report = report;
    }

    /** The domain: the config's, over the built-in's default where it has one; null on a problem. */
    Box domain(YamlSection top, Shape obj) {
        int n = obj.dimension();
        Box def = obj.defaultDomain() != null ? obj.defaultDomain() : Box.cube(n, Double.NaN, Double.NaN);
        double[] lo = def.low();
        double[] hi = def.high();
        YamlSection d = top.section("domain");
        if (d == null) {
            if (obj.defaultDomain() == null) {
                top.missing("domain", null, "an expression needs a domain for every variable, e.g. "
                        + obj.variables().get(0) + ": [-1, 1] (or \"*\": [-1, 1] for all)");
                return null;
            }
            return def;
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
                if (d.empty(v)) {
                    d.problem(v, "has no value: give " + v + ": [low, high]");
                } else {
                    report.at(top.keyNode("domain"), "domain", "variable '" + v + "' has no domain; add " + v
                            + ": [low, high]");
                }
                ok = false;
            }
        }
        return ok ? new Box(lo, hi) : null;
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

    /** The start points ({@code s}: the starts section, null when absent); null on a problem. */
    StartsConfig starts(YamlSection s, YamlSection top, Shape obj) {
        if (s == null) {
            if (!top.has("starts")) {
                top.missing("starts", null, "say how many start points (starts.count)");
            }
            return null;
        }
        s.rejectUnknown(KEYS);
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
                s.problem("sampler", YamlSection.unknown("sampler", st, names));
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
            report.at(s.keyNode("count"), "starts.count",
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
}
