package multistart.config;

import java.util.List;

/**
 * Start points: {@code points} explicit ones first (start indices 0 .. points-1), then
 * {@code count} drawn by the sampler. For {@code grid} the drawn count is rounded down to a
 * whole grid, {@link #sampledCount}.
 */
public record StartsConfig(long count, Sampler sampler, List<double[]> points, long sampledCount) {

    public StartsConfig {
        points = points.stream().map(double[]::clone).toList();
    }

    @Override
    public List<double[]> points() {
        return points.stream().map(double[]::clone).toList();
    }

    /**
     * Empty, or where a grid drew fewer points than {@code count} asked for, what it drew and
     * why: "grid rounds starts.count 1000 down to 1 (1 point per axis in 10 dimensions)".
     */
    public String rounding(int dimension) {
        if (sampledCount == count) {
            return "";
        }
        long perAxis = ConfigLoader.gridPerAxis(count, dimension);
        return "grid rounds starts.count " + count + " down to " + sampledCount + " (" + perAxis
                + (perAxis == 1 ? " point" : " points") + " per axis in " + dimension
                + (dimension == 1 ? " dimension)" : " dimensions)");
    }

    /** Where the starts come from: "uniform", "sobol, 3 explicit", "3 explicit" (count 0). */
    public String describe() {
        String explicit = points.isEmpty() ? "" : points.size() + " explicit";
        return sampledCount == 0 ? explicit : sampler.key() + (explicit.isEmpty() ? "" : ", " + explicit);
    }

    /** All start points: explicit plus sampled. */
    public long total() {
        return points.size() + sampledCount;
    }
}
