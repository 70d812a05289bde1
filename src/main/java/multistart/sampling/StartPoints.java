package multistart.sampling;

import java.util.List;
import multistart.config.Sampler;
import multistart.config.StartsConfig;
import multistart.objective.Box;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The start points of an experiment. Start k is a pure function of (seed, k): explicit
 * {@code points} come first, then sampled points, sampled index j = k - points. The object is
 * immutable and shared; {@link #cursor()} gives a worker its own generator state (Sobol and
 * Halton generators are not thread-safe).
 *
 * <ul>
 * <li>uniform: coordinate i of point j is SplitMix64 of (seed, j, i), scaled to the box.</li>
 * <li>sobol, halton: point j + 1 of the sequence (point 0 is the box's corner); the seed does
 *     not enter, these are deterministic sequences.</li>
 * <li>latin_hypercube: per axis a pseudo-random permutation of the {@code count} strata, keyed
 *     by (seed, axis) and evaluated per index (a cycle-walking Feistel network), so no table of
 *     size count is held; a uniform offset inside the stratum.</li>
 * <li>grid: m^d cell centres, m the largest with m^d &lt;= count, first axis slowest.</li>
 * </ul>
 */
public final class StartPoints {

    private final Box box;
    private final long seed;
    private final Sampler sampler;
    private final List<double[]> explicit;
    private final long sampled;
    private final long count;
    private final int n;
    private final long gridPerAxis;

    public StartPoints(StartsConfig starts, Box box, long seed) {
        this.box = box;
        this.seed = seed;
        this.sampler = starts.sampler();
        this.explicit = starts.points();
        this.sampled = starts.sampledCount();
        this.count = starts.count();
        this.n = box.dimension();
        this.gridPerAxis = sampler == Sampler.GRID && count > 0
                ? multistart.config.ConfigLoader.gridPerAxis(count, n) : 1;
    }

    public long size() {
        return explicit.size() + sampled;
    }

    public int dimension() {
        return n;
    }

    /** A per-worker generator. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** Writes start points; not thread-safe. */
    public final class Cursor {
        private SobolSequenceGenerator sobol;
        private HaltonSequenceGenerator halton;
        private final double[] unit = new double[n];

        private Cursor() {
        }

        /** Writes start {@code k} into {@code out}. */
        public void point(long k, double[] out) {
            if (k < explicit.size()) {
                System.arraycopy(explicit.get((int) k), 0, out, 0, n);
                return;
            }
            long j = k - explicit.size();
            switch (sampler) {
                case UNIFORM -> {
                    for (int i = 0; i < n; i++) {
                        unit[i] = SplitMix.unit(SplitMix.key(seed, j, i));
                    }
                }
                case SOBOL -> {
                    if (sobol == null) {
                        sobol = new SobolSequenceGenerator(n);
                    }
                    System.arraycopy(sobol.skipTo((int) Math.min(Integer.MAX_VALUE, j + 1)), 0, unit, 0, n);
                }
                case HALTON -> {
                    if (halton == null) {
                        halton = new HaltonSequenceGenerator(n);
                    }
                    System.arraycopy(halton.skipTo((int) Math.min(Integer.MAX_VALUE, j + 1)), 0, unit, 0, n);
                }
                case LATIN_HYPERCUBE -> {
                    for (int i = 0; i < n; i++) {
                        long stratum = Feistel.permute(j, count, SplitMix.key(seed, i, -1));
                        double u = SplitMix.unit(SplitMix.key(seed, j, i));
                        unit[i] = (stratum + u) / count;
                    }
                }
                case GRID -> {
                    long rest = j;
                    for (int i = n - 1; i >= 0; i--) {
                        long digit = rest % gridPerAxis;
                        rest /= gridPerAxis;
                        unit[i] = (digit + 0.5) / gridPerAxis;
                    }
                }
                default -> throw new AssertionError(sampler);
            }
            for (int i = 0; i < n; i++) {
                double lo = box.low(i);
                out[i] = lo + unit[i] * (box.high(i) - lo);
            }
        }
    }
}
