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

    /**
     * A 95% interval for steps per success, S / k: the {@code steps} S of {@code n} runs over their
     * {@code k} successes, which is the mean steps a run, m = S / n, over the success rate, p = k / n.
     * Both are estimated from the same runs, and both spread: on the log scale, log (S / k) = log m -
     * log p, the success rate's part is its Wilson interval's (its ends swapped), and the mean's
     * is the delta method's variance of log m less twice its covariance with log p, from the runs'
     * sum of squared steps ({@code squares}) and the steps of the successful runs ({@code
     * ofSuccesses}); the two parts add as variances. The covariance is mostly negative, and counts:
     * runs that fail tend to run longest (to max_iterations), so a sample with fewer successes has
     * more steps as well. The mean's part is not small: on peaks (1000 starts, 28% success, runs of
     * 50 to 5000 steps) it is as wide as the Wilson part, and with it the interval agrees with a
     * bootstrap over the runs to about 1%, where the Wilson part alone was two thirds as wide.
     *
     * @return {low, high}; {@code [m / high, +infinity]} of the Wilson interval where no run
     *     succeeded, NaN where nothing ran
     */
    public static double[] stepsPerSuccessInterval(long n, long steps, double squares, long k, double ofSuccesses) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] w = wilson(k, n);
        double mean = (double) steps / n;
        if (k == 0 || steps == 0) {
            return new double[] {mean / w[1], k == 0 ? Double.POSITIVE_INFINITY : 0.0};
        }
        double p = (double) k / n;
        double spread = 0;
        if (n > 1) {
            double variance = Math.max(0, (squares - steps * mean) / (n - 1));
            double covariance = (ofSuccesses - mean * k) / (n - 1);
            // Var(log m) - 2 Cov(log m, log p), each of the means of n runs
            spread = Math.max(0, Z95 * Z95 * (variance / (mean * mean) - 2 * covariance / (mean * p)) / n);
        }
        double down = Math.log(w[1] / p);
        double up = Math.log(p / w[0]);
        double e = (double) steps / k;
        return new double[] {e * Math.exp(-Math.sqrt(down * down + spread)), e * Math.exp(Math.sqrt(up * up + spread))};
    }
}
