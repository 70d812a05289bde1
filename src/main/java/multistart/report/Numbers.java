package multistart.report;

import java.util.Locale;

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

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[ShortestDouble.MAX_BYTES]);

    /** About 7 significant digits, for tables a person reads. */
    public static String brief(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            String s = String.format(Locale.ROOT, "%.7g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        return String.format(Locale.ROOT, "%.4e", v);
    }

    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }
}
