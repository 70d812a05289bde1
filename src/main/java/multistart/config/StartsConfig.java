package multistart.config;

import java.util.List;

/**
 * Start points: {@code points} explicit ones first (start indices 0 .. points-1), then
 * {@code count} drawn by the sampler. For {@code grid} the drawn count is rounded down to a
 * whole grid, {@link #sampledCount}. {@code scramble}: sobol and halton randomised by the seed
 * (a digital shift, a rotation), so that seeds give independent replications.
 */
public record StartsConfig(long count, Sampler sampler, List<double[]> points, long sampledCount, boolean scramble) {

    public StartsConfig {
        points = points.stream().map(double[]::clone).toList();
    }

    /** Not scrambled. */
    public StartsConfig(long count, Sampler sampler, List<double[]> points, long sampledCount) {
        this(count, sampler, points, sampledCount, false);
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

    /** Where the starts come from: "uniform", "sobol, 3 explicit", "scrambled sobol", "3 explicit" (count 0). */
    public String describe() {
        String explicit = points.isEmpty() ? "" : points.size() + " explicit";
        String drawn = (scramble ? "scrambled " : "") + sampler.key();
        return sampledCount == 0 ? explicit : drawn + (explicit.isEmpty() ? "" : ", " + explicit);
    }

    /** All start points: explicit plus sampled. */
    public long total() {
        return points.size() + sampledCount;
    }
}
