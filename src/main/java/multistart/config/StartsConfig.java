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

    /** All start points: explicit plus sampled. */
    public long total() {
        return points.size() + sampledCount;
    }
}
