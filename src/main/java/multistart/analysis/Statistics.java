package multistart.analysis;

/** Small statistics helpers for the sweep table. */
public final class Statistics {

    /** The 0.975 quantile of the standard normal distribution. */
    private static final double Z95 = 1.959963984540054;

    private Statistics() {
    }

    /** Median of sorted values; NaN when empty. */
    public static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    public static double median(int[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * ((double) sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** 95% Wilson score interval for {@code k} successes in {@code n} trials: {low, high}. */
    public static double[] wilson(long k, long n) {
        if (n == 0) {
            return new double[] {0.0, 1.0};
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // at k = 0 (k = n) the low (high) end is 0 (1) exactly; centre - half leaves a rounding
        // residue of about 1e-19 there, which reports printed as a percentage of its own
        double low = k == 0 ? 0.0 : Math.max(0.0, centre - half);
        double high = k == n ? 1.0 : Math.min(1.0, centre + half);
        return new double[] {low, high};
    }
}
