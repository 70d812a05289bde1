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
