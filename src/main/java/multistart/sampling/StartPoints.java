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
 *     not enter, these are deterministic sequences. Scrambled ({@code starts.scramble}): point j,
 *     randomised by the seed, per axis: sobol's 52-bit coordinates XORed with a mask (a digital
 *     shift, which keeps the sequence's nets: any 2^m points from a multiple of 2^m still put one
 *     point in each of 2^m equal slices of an axis), halton's shifted modulo 1 (a Cranley-Patterson
 *     rotation). Each axis's mask or shift is SplitMix64 of (seed, axis, -2).</li>
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
    /** Per axis, the digital shift's mask (sobol) or the rotation (halton, its bits); null: not scrambled. */
    private final long[] scramble;

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
        if (starts.scramble()) {
            scramble = new long[n];
            for (int i = 0; i < n; i++) {
                scramble[i] = SplitMix.key(seed, i, -2);
            }
        } else {
            scramble = null;
        }
    }

    /** Sobol's coordinates are multiples of 2^-52 (Commons Math's direction numbers have 52 bits). */
    private static final double SOBOL_UNIT = 0x1p-52;
    private static final long SOBOL_MASK = (1L << 52) - 1;

    public long size() {
        return explicit.size() + sampled;
    }

    /** The explicit start points (starts 0 .. explicitCount() - 1); the sampled ones follow. */
    public int explicitCount() {
        return explicit.size();
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
                    // within int: the config allows at most Integer.MAX_VALUE sampled starts
                    long index = scramble == null ? j + 1 : j;
                    System.arraycopy(sobol.skipTo(Math.toIntExact(index)), 0, unit, 0, n);
                    if (scramble != null) {
                        for (int i = 0; i < n; i++) {
                            long bits = (long) (unit[i] / SOBOL_UNIT);
                            unit[i] = ((bits ^ scramble[i]) & SOBOL_MASK) * SOBOL_UNIT;
                        }
                    }
                }
                case HALTON -> {
                    if (halton == null) {
                        halton = new HaltonSequenceGenerator(n);
                    }
                    long index = scramble == null ? j + 1 : j;
                    System.arraycopy(halton.skipTo(Math.toIntExact(index)), 0, unit, 0, n);
                    if (scramble != null) {
                        for (int i = 0; i < n; i++) {
                            double u = unit[i] + SplitMix.unit(scramble[i]);
                            unit[i] = u >= 1 ? u - 1 : u;
                        }
                    }
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
