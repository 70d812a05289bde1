package multistart.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved config as {@code key = value} lines: everything that decides the results, and
 * nothing that does not (threads, output folder). A resumed run compares these lines with the
 * ones saved when it started, and names each key that changed.
 */
public final class ConfigDump {

    private ConfigDump() {
    }

    public static Map<String, String> of(ExperimentConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("seed", Long.toString(c.seed()));
        ObjectiveConfig o = c.objective();
        m.put("objective", o.model() != null ? "model " + o.model().model().key() + " data " + o.model().file()
                + " sha256 " + o.model().data().sha256() + " target " + o.model().target()
                : o.builtin() != null ? "builtin " + o.builtin().name() : "expression " + o.expression());
        m.put("objective.dimension", Integer.toString(o.dimension()));
        m.put("objective.variables", String.join(", ", o.variables()));
        m.put("objective.goal", o.goal().key());
        m.put("objective.derivatives", o.derivatives().name().toLowerCase(java.util.Locale.ROOT)
                + (o.derivatives() == ObjectiveConfig.Derivatives.NUMERIC ? " step " + o.differenceStep() : ""));
        m.put("objective.gradient", o.givenGradient() ? "given" : "exact");
        m.put("objective.known_minimum", o.knownOptimum().isPresent()
                ? Double.toString(o.knownOptimum().getAsDouble()) : "none");
        m.put("domain", c.domain().toString());
        m.put("starts.count", Long.toString(c.starts().count()));
        // "sobol scrambled": folders written before scramble existed resume as they were
        m.put("starts.sampler", c.starts().sampler().key() + (c.starts().scramble() ? " scrambled" : ""));
        List<String> pts = new ArrayList<>();
        for (double[] p : c.starts().points()) {
            pts.add(Arrays.toString(p));
        }
        m.put("starts.points", String.join(", ", pts));
        OptimizerConfig opt = c.optimizer();
        List<String> methods = new ArrayList<>();
        opt.methods().forEach(x -> methods.add(x.key()));
        m.put("optimizer.method", String.join(", ", methods));
        for (Setting s : Setting.values()) {
            double[] v = opt.values(s);
            if (v == null && s == Setting.BATCH_SIZE) {
                continue; // not a data-set objective; folders from before it existed resume
            }
            m.put("optimizer." + s.key(), v == null ? "method default" : s.integer() ? whole(s, v)
                    : Arrays.toString(v));
        }
        m.put("basins.tolerance", Double.toString(c.basins().tolerance()));
        m.put("basins.success_tolerance", Double.toString(c.basins().successTolerance()));
        m.put("output.runs", c.output().runs() ? "all" : "none");
        m.put("output.trajectories", Integer.toString(c.output().trajectories()));
        m.put("output.charts", c.output().charts() + " resolution " + c.output().basinResolution() + " combo "
                + (c.output().basinCombo() < 0 ? "best" : Integer.toString(c.output().basinCombo())));
        return m;
    }

    /** Whole numbers as such: max_iterations [3000], not [3000.0]; batch_size [16, full]. */
    private static String whole(Setting s, double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i > 0 ? ", " : "").append(s.text(v[i]));
        }
        return b.append(']').toString();
    }

    public static List<String> lines(ExperimentConfig c) {
        List<String> out = new ArrayList<>();
        of(c).forEach((k, v) -> out.add(k + " = " + v.replace('\n', ' ')));
        return out;
    }

    /** Saved lines read back as key -> value. */
    public static Map<String, String> read(List<String> saved) {
        Map<String, String> before = new LinkedHashMap<>();
        for (String line : saved) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                before.put(line.substring(0, eq), line.substring(eq + 3));
            }
        }
        return before;
    }

    /** What differs between saved lines and a config, one "key: old -> new" per change. */
    public static List<String> changes(List<String> saved, ExperimentConfig now) {
        Map<String, String> before = read(saved);
        List<String> out = new ArrayList<>();
        Map<String, String> after = of(now);
        after.forEach((k, v) -> {
            String old = before.get(k);
            String cur = v.replace('\n', ' ');
            // a folder saved by an older build wrote max_iterations as [3000.0]
            if (!cur.equals(old) && !(old != null && cur.equals(old.replaceAll("(\\d)\\.0(?=[,\\]])", "$1")))) {
                out.add(k + ": " + (old == null ? "(absent)" : old) + " -> " + cur);
            }
        });
        return out;
    }
}
