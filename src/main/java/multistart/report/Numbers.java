package multistart.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import multistart.config.Combo;
import multistart.config.OptimizerConfig;
import multistart.config.Setting;
import multistart.text.Decimals;

/** How numbers are written: exactly for machines, briefly for people. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Shortest text that reads back to the same double, in {@code Double.toString}'s layout;
     * "NaN", "Infinity". Raffaello Giulietti's Schubfach algorithm ({@link ShortestDouble}):
     * the one {@code Double.toString} uses from JDK 19 on, several times faster than JDK 17's,
     * which also gives a digit too many for some doubles. Reports of sweeps whose runs stop
     * short write a row per end point, and this conversion was most of their cost.
     */
    public static String exact(double v) {
        byte[] b = SCRATCH.get();
        return new String(b, 0, ShortestDouble.write(v, b, 0), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static final ThreadLocal<byte[]> SCRATCH =
            ThreadLocal.withInitial(() -> new byte[ShortestDouble.MAX_BYTES]);

    /** About 7 significant digits, for tables a person reads. */
    public static String brief(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        // plain decimals in between; beyond, five significant digits as a person writes them: 1e-6
        // (not 1.0000e-06), 3.9968e-15, -1.2346e299
        return Decimals.compact(a >= 1e-4 && a < 1e7 ? String.format(Locale.ROOT, "%.7g", v)
                : String.format(Locale.ROOT, "%.4e", v));
    }

    /**
     * A swept setting's value in a combo, for people: the method's name, a whole number, or the
     * value (see {@link #settingValue}). sweep.csv and runs.csv keep every digit.
     */
    public static String setting(Combo c, String column) {
        Setting s = Setting.ofColumn(column);
        if (s == null) {
            return OptimizerConfig.columnValue(c, column);
        }
        return s.integer() ? s.text(c.value(s)) : settingValue(c.value(s));
    }

    /** A swept setting in a table cell: as {@link #setting}, or "-" where the combo's method does not use it. */
    public static String settingCell(Combo c, String column) {
        return OptimizerConfig.applies(c, column) ? setting(c, column) : "-";
    }

    /**
     * A setting as a person reads it: as written, in plain decimals, when that takes at most
     * eight significant digits (0.0001, not 1.0E-4; 0.9999999, which seven figures would round to
     * 1 and so to the same label as a decay of 1), else about seven ({@link #brief}: 0.001668101
     * for a log range's 0.0016681005372000588).
     */
    static String settingValue(double v) {
        double a = Math.abs(v);
        if (Double.isFinite(v) && (v == 0 || (a >= 1e-4 && a < 1e7))) {
            BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
            if (d.precision() <= 8) {
                return d.toPlainString();
            }
        }
        return brief(v);
    }

    /**
     * A size in decimal units, one decimal below 10 of a unit, none above: "999 bytes", "8.5 MB", "841 MB", "1.2 TB".
     */
    public static String bytes(long n) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        if (n < 1000) {
            return n + " bytes";
        }
        double v = n;
        int u = 0;
        while (v >= 999.5 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String digits = v >= 9.95 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
        return digits + " " + units[u];
    }

    /** Items as a person lists them: "a", "a and b", "a, b and c". */
    public static String joined(List<String> items) {
        int n = items.size();
        return n <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, n - 1)) + " and " + items.get(n - 1);
    }

    /** {@code n} and the noun for it: "1 combo", "4 combos". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * A share as a percentage, one decimal ("12.5%"), except where one decimal would round a
     * share that is not 0 or 1 to "0.0%" or "100.0%": 6 runs of 18 000 are "0.033%", not none,
     * and all but those "99.967%" (two significant digits of the share, or of what it lacks).
     */
    public static String percent(double p) {
        double q = 100 * p;
        if (q > 0 && q < 0.05) {
            return significant(q, 2) + "%";
        }
        if (q >= 99.95 && q < 100) {
            BigDecimal lacks = new BigDecimal(100 - q).round(new MathContext(2));
            return BigDecimal.valueOf(100).subtract(lacks).stripTrailingZeros().toPlainString() + "%";
        }
        return String.format(Locale.ROOT, "%.1f%%", q);
    }

    /** {@code v} (finite) to {@code digits} significant digits, in plain decimals: "0.033", "68.5", "1000". */
    public static String significant(double v, int digits) {
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /** Writes the decimal digits of {@code v} at {@code out[at]}; returns where they end. */
    static int digits(long v, byte[] out, int at) {
        if (v >= 0 && v <= Integer.MAX_VALUE) {
            return digits((int) v, out, at);
        }
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                byte[] min = Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(min, 0, out, at, min.length);
                return at + min.length;
            }
            out[at++] = '-';
            v = -v;
        }
        int len = 1;
        for (long r = v / 10; r > 0; r /= 10) {
            len++;
        }
        for (int i = at + len - 1; i >= at; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + len;
    }

    /**
     * As {@link #digits(long, byte[], int)} for 0 <= v: below 10^8, where the array has eight
     * bytes of room, all digits at once ({@link ShortestDouble#digits8}: one 8-byte store, the
     * bytes past the number's end left for what follows to overwrite); else two digits per
     * division.
     */
    static int digits(int v, byte[] out, int at) {
        if (v < 100_000_000 && out.length - at >= 8) {
            long d = ShortestDouble.digits8(v);
            // leading zero digits are the low zero bytes (0 itself keeps one)
            int lead = Math.min(7, Long.numberOfTrailingZeros(d) >>> 3);
            ShortestDouble.putDigits(out, at, d >>> 8 * lead);
            return at + 8 - lead;
        }
        int len = 1;
        while (len < 10 && v >= POW10[len]) {
            len++;
        }
        int i = at + len;
        while (v >= 100) {
            int q = v / 100;
            int r = v - 100 * q;
            out[--i] = (byte) ('0' + r % 10);
            out[--i] = (byte) ('0' + r / 10);
            v = q;
        }
        if (v >= 10) {
            out[--i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        out[--i] = (byte) ('0' + v);
        return at + len;
    }

    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000};
}
