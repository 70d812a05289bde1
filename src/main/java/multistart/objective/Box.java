package multistart.objective;

import java.util.Arrays;

/**
 * An axis-aligned box {@code [low_i, high_i]}: a domain that start points are drawn from.
 * Arrays are copied on the way in and out.
 */
public record Box(double[] low, double[] high) {

    public Box {
        if (low.length != high.length) {
            throw new IllegalArgumentException("low and high differ in length");
        }
        low = low.clone();
        high = high.clone();
    }

    /** The same interval {@code [lo, hi]} in every one of {@code n} coordinates. */
    public static Box cube(int n, double lo, double hi) {
        double[] l = new double[n];
        double[] h = new double[n];
        Arrays.fill(l, lo);
        Arrays.fill(h, hi);
        return new Box(l, h);
    }

    public int dimension() {
        return low.length;
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    /** The widest side, high - low. */
    public double widest() {
        double w = 0;
        for (int i = 0; i < low.length; i++) {
            w = Math.max(w, high[i] - low[i]);
        }
        return w;
    }

    /** Distance from {@code x} to the nearest face, negative when {@code x} is outside. */
    public double distanceToBoundary(double[] x) {
        double d = Double.POSITIVE_INFINITY;
        for (int i = 0; i < low.length; i++) {
            d = Math.min(d, Math.min(x[i] - low[i], high[i] - x[i]));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    /**
     * For people: as {@link #toString} with three or more equal intervals in a row written once,
     * with their count as a power ("[-32.768, 32.768]^30" for ackley in 30-d rather than thirty of
     * them). toString stays one interval per coordinate: the resolved config records it.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < low.length; ) {
            int j = i + 1;
            while (j < low.length && Double.compare(low[j], low[i]) == 0 && Double.compare(high[j], high[i]) == 0) {
                j++;
            }
            int same = j - i;
            int shown = same >= 3 ? 1 : same;
            for (int k = 0; k < shown; k++) {
                if (sb.length() > 0) {
                    sb.append(" x ");
                }
                sb.append('[').append(low[i]).append(", ").append(high[i]).append(']');
            }
            if (same >= 3) {
                sb.append('^').append(same);
            }
            i = j;
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < low.length; i++) {
            if (i > 0) {
                sb.append(" x ");
            }
            sb.append('[').append(low[i]).append(", ").append(high[i]).append(']');
        }
        return sb.toString();
    }
}
