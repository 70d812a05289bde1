package multistart.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The optimizer grid: every setting as its list of values (one value when not swept).
 * The sweep is the Cartesian product, {@code method} outermost, then the settings in
 * {@link Setting} order, the last varying fastest. A missing {@code momentum} or {@code beta2}
 * takes each method's default.
 */
public final class OptimizerConfig {

    private final List<Method> methods;
    private final boolean methodSwept;
    private final Map<Setting, double[]> values;
    private final List<Setting> swept;

    /**
     * @param values the values of each given setting; absent momentum/beta2 mean defaults
     * @param swept  the settings written as a list or range, in {@link Setting} order
     */
    public OptimizerConfig(List<Method> methods, boolean methodSwept, Map<Setting, double[]> values,
            List<Setting> swept) {
        this.methods = List.copyOf(methods);
        this.methodSwept = methodSwept;
        EnumMap<Setting, double[]> copy = new EnumMap<>(Setting.class);
        values.forEach((k, v) -> copy.put(k, v.clone()));
        this.values = copy;
        this.swept = List.copyOf(swept);
    }

    public List<Method> methods() {
        return methods;
    }

    public boolean methodSwept() {
        return methodSwept;
    }

    /** Values of a setting, or null where a method default applies. */
    public double[] values(Setting s) {
        double[] v = values.get(s);
        return v == null ? null : v.clone();
    }

    /** The swept numeric settings, in column order. */
    public List<Setting> swept() {
        return swept;
    }

    /** CSV column names of everything swept, method first. */
    public List<String> sweptColumns() {
        List<String> cols = new ArrayList<>();
        if (methodSwept) {
            cols.add("method");
        }
        for (Setting s : swept) {
            cols.add(s.column());
        }
        return cols;
    }

    /** Number of combos, with overflow checking. */
    public long comboCount() {
        long n = methods.size();
        for (Setting s : Setting.values()) {
            double[] v = values.get(s);
            if (v != null) {
                n = Math.multiplyExact(n, v.length);
            }
        }
        return n;
    }

    /** Expands the grid; call only after {@link #comboCount()} has been checked. */
    public List<Combo> combos() {
        List<Combo> out = new ArrayList<>();
        Setting[] all = Setting.values();
        int[] sizes = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            double[] v = values.get(all[i]);
            sizes[i] = v == null ? 1 : v.length;
        }
        int[] idx = new int[all.length];
        for (Method m : methods) {
            java.util.Arrays.fill(idx, 0);
            while (true) {
                double[] pick = new double[all.length];
                for (int i = 0; i < all.length; i++) {
                    double[] v = values.get(all[i]);
                    pick[i] = v == null ? Double.NaN : v[idx[i]];
                }
                double momentum = Double.isNaN(pick[Setting.MOMENTUM.ordinal()])
                        ? m.defaultMomentum() : pick[Setting.MOMENTUM.ordinal()];
                double beta2 = Double.isNaN(pick[Setting.BETA2.ordinal()])
                        ? m.defaultBeta2() : pick[Setting.BETA2.ordinal()];
                out.add(new Combo(out.size(), m, pick[Setting.LEARNING_RATE.ordinal()],
                        pick[Setting.DECAY.ordinal()], momentum, beta2, pick[Setting.EPSILON.ordinal()],
                        (int) pick[Setting.MAX_ITERATIONS.ordinal()], pick[Setting.GRADIENT_NORM.ordinal()],
                        pick[Setting.VALUE_CHANGE.ordinal()], pick[Setting.DIVERGENCE.ordinal()],
                        Double.isNaN(pick[Setting.BATCH_SIZE.ordinal()]) ? Combo.FULL_BATCH
                                : (int) pick[Setting.BATCH_SIZE.ordinal()]));
                int k = all.length - 1;
                while (k >= 0 && ++idx[k] == sizes[k]) {
                    idx[k] = 0;
                    k--;
                }
                if (k < 0) {
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether the combo's method reads the setting behind a swept column (the method column: yes). */
    public static boolean applies(Combo c, String column) {
        Setting s = Setting.ofColumn(column);
        return s == null || c.method().uses(s);
    }

    /**
     * The combo whose runs {@code c} repeats (see {@link #repeatsEarlier}), found among
     * {@code earlier} (combos in index order, from the first); null where none is there.
     */
    public Combo twin(Combo c, List<Combo> earlier) {
        if (!repeatsEarlier(c)) {
            return null;
        }
        Method steps = steps(c);
        for (Combo e : earlier) {
            if (e.index() >= c.index()) {
                break;
            }
            boolean same = steps(e) == steps && !repeatsEarlier(e);
            for (Setting s : swept) {
                same &= !steps.uses(s) || Double.doubleToLongBits(c.value(s)) == Double.doubleToLongBits(
                        e.value(s));
            }
            if (same) {
                return e;
            }
        }
        return null;
    }

    /**
     * The update rule a combo's steps follow: its method's, but gd's for momentum and nesterov at
     * momentum 0 (v = 0 v - eta g, x + v = x - eta g: the same steps in the same floating-point
     * operations, up to the sign of a zero coordinate where the gradient is exactly 0).
     */
    public static Method steps(Combo c) {
        return (c.method() == Method.MOMENTUM || c.method() == Method.NESTEROV) && c.momentum() == 0.0 ? Method.GD
                : c.method();
    }

    /**
     * Whether combo {@code c} repeats an earlier combo's runs: a swept setting its method does not
     * use (momentum under gd) is not at its first value, and the combo with it there is otherwise
     * the same (the loader keeps every swept list free of repeated values); or its steps are gd's
     * ({@link #steps}) and a method earlier in the sweep takes gd's steps under the same settings
     * (gd itself, or momentum or nesterov where 0 is among the momenta).
     */
    public boolean repeatsEarlier(Combo c) {
        if (repeatsWithinMethod(c)) {
            return true;
        }
        if (steps(c) != Method.GD) {
            return false;
        }
        for (Method m : methods) {
            if (m == c.method()) {
                return false;
            }
            if (stepsAsGd(m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether combo {@code c} repeats an earlier combo of its own method: a swept setting the method
     * does not use (momentum under gd) is not at its first value.
     */
    public boolean repeatsWithinMethod(Combo c) {
        for (Setting s : swept) {
            if (!c.method().uses(s)
                    && Double.doubleToLongBits(c.value(s)) != Double.doubleToLongBits(values.get(s)[0])) {
                return true;
            }
        }
        return false;
    }

    /** Whether some of the sweep's combos of method {@code m} take gd's steps. */
    private boolean stepsAsGd(Method m) {
        if (m == Method.GD) {
            return true;
        }
        if (m != Method.MOMENTUM && m != Method.NESTEROV) {
            return false;
        }
        double[] momenta = values.get(Setting.MOMENTUM);
        if (momenta == null) {
            return false;
        }
        for (double b : momenta) {
            if (b == 0.0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a swept setting is one that some of the sweep's methods do not read, the combos of
     * such a method differ only in it and repeat one another's runs: what the sweep repeats, in a
     * sentence ("gd does not use momentum, so 2 of the 6 combos (1, 3) repeat the runs of another"),
     * or "" where nothing repeats.
     */
    public String repeats(List<Combo> combos) {
        StringBuilder unused = new StringBuilder();
        for (Method m : methods) {
            List<String> names = new ArrayList<>();
            for (Setting s : swept) {
                if (!m.uses(s)) {
                    names.add(s.key());
                }
            }
            if (!names.isEmpty()) {
                unused.append(unused.length() == 0 ? "" : "; ").append(m.key()).append(" does not use ")
                        .append(String.join(" or ", names));
            }
        }
        // momentum and nesterov at momentum 0 take gd's steps: where two or more of the sweep's
        // methods do, all but the first repeat it
        List<String> asGd = new ArrayList<>();
        for (Method m : methods) {
            if (m != Method.GD && stepsAsGd(m)) {
                asGd.add(m.key());
            }
        }
        if (!asGd.isEmpty() && (methods.contains(Method.GD) || asGd.size() > 1)) {
            unused.append(unused.length() == 0 ? "" : "; ").append(String.join(" and ", asGd))
                    .append(" at momentum 0 take").append(asGd.size() == 1 ? "s" : "").append(" gd's steps");
        }
        if (unused.length() == 0) {
            return "";
        }
        // counted without a key per combo, which a sweep of a million combos would have paid for
        // at every report
        List<Integer> repeated = new ArrayList<>();
        long count = 0;
        for (Combo c : combos) {
            if (repeatsEarlier(c)) {
                count++;
                if (repeated.size() < 10) {
                    repeated.add(c.index());
                }
            }
        }
        if (repeated.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (int i : repeated) {
            shown.add(Integer.toString(i));
        }
        return unused + ", so " + count + " of the " + combos.size() + " combos ("
                + String.join(", ", shown) + (count > repeated.size() ? ", ..." : "") + ") repeat"
                + (count == 1 ? "s" : "") + " the runs of another";
    }

    /**
     * A swept column's field in a combo's CSV row: its value, or empty where the combo's method
     * does not use the setting (gd's momentum, say: it would read as if it had been applied).
     */
    public static String columnField(Combo c, String column) {
        return applies(c, column) ? columnValue(c, column) : "";
    }

    /** The value of a swept column for a combo, as written in CSV files. */
    public static String columnValue(Combo c, String column) {
        if (column.equals("method")) {
            return c.method().key();
        }
        Setting s = Setting.ofColumn(column);
        if (s == null) {
            throw new IllegalArgumentException("not a swept column: " + column);
        }
        return s.text(c.value(s));
    }
}
