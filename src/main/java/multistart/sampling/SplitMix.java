package multistart.sampling;

/** SplitMix64's finaliser: a counter-based mix, so a draw depends only on its inputs. */
public final class SplitMix {

    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SplitMix() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A well-mixed key for (seed, index, stream). */
    public static long key(long seed, long index, long stream) {
        return mix(mix(seed ^ mix(stream * GOLDEN + 0x632BE59BD9B4E019L)) + index * GOLDEN);
    }

    /** The top 53 bits as a double in [0, 1). */
    public static double unit(long z) {
        return (z >>> 11) * 0x1.0p-53;
    }
}
