package multistart.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Distinct end points, found by a spatial hash instead of a scan over all of them. Points
 * are bucketed by a cell of side twice the tolerance on their first (up to three) coordinates;
 * a point within tolerance of x lies in x's cell or, along each axis, in the one neighbour on
 * the side of the cell's midpoint where x sits, so a lookup checks 2^3 = 8 cells (all three
 * along an axis where x is within rounding of the midpoint) and confirms with the full
 * Euclidean distance. An empty cell costs one read of the key table.
 * A point belongs to the nearest representative within tolerance (ties: the older one).
 * Not thread-safe; it is fed in run order by one thread, which makes ids deterministic.
 */
final class BasinIndex {

    private static final int HASHED = 3;

    private final int n;
    private final int k;
    private final double side;
    private final double tolerance2;
    /** Open addressing, cell hash (never 0; 0 marks a free slot) -> ids: no boxing per lookup. */
    private long[] keys = new long[1024];
    private int[][] slots = new int[1024][];
    private int used;
    private final List<double[]> representatives = new ArrayList<>();
    private final long[] cell;
    private final long[] probe;

    BasinIndex(int dimension, double tolerance) {
        this.n = dimension;
        this.k = Math.min(HASHED, dimension);
        this.side = 2 * tolerance;
        this.tolerance2 = tolerance * tolerance;
        this.cell = new long[k];
        this.probe = new long[k];
    }

    int size() {
        return representatives.size();
    }

    /**
     * The id of the basin {@code x} belongs to, or -1 when none is within tolerance (nothing
     * added). Safe to call from several threads once no more points are assigned.
     */
    int find(double[] x, int offset) {
        return nearest(x, offset, new long[k], new long[k]);
    }

    /** The id of the basin {@code x} belongs to, adding a new one when none is within tolerance. */
    int assign(double[] x, int offset) {
        int found = nearest(x, offset, cell, probe);
        if (found >= 0) {
            return found;
        }
        return add(x, offset);
    }

    /**
     * How close to its cell's midpoint (in cells) x must be for both neighbours to be probed,
     * on top of the rounding of x / side (each quotient is off by at most half an ulp, and the
     * reasoning above needs the true offset of a point within tolerance to stay below half a
     * cell on the far side).
     */
    private static final double AMBIGUOUS = 1e-9;

    private int nearest(double[] x, int offset, long[] cell, long[] probe) {
        // per axis: probe offsets {0, dir}, or {-1, 0, +1} where x is within rounding of the midpoint
        int combos = 1;
        int both = 0;
        int dirs = 0;
        for (int i = 0; i < k; i++) {
            double q = x[offset + i] / side;
            double c = Math.floor(q);
            cell[i] = (long) c;
            double frac = q - c;
            if (!(Math.abs(frac - 0.5) > AMBIGUOUS + 2 * Math.ulp(q)) || !(frac >= 0.0 && frac < 1.0)) {
                both |= 1 << i;
                combos *= 3;
            } else {
                if (frac >= 0.5) {
                    dirs |= 1 << i;
                }
                combos *= 2;
            }
        }
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < combos; c++) {
            int rest = c;
            for (int i = 0; i < k; i++) {
                if ((both & (1 << i)) != 0) {
                    probe[i] = cell[i] + (rest % 3) - 1;
                    rest /= 3;
                } else {
                    probe[i] = cell[i] + ((rest & 1) == 0 ? 0 : (dirs & (1 << i)) != 0 ? 1 : -1);
                    rest >>= 1;
                }
            }
            int[] ids = get(hash(probe, k));
            if (ids == null) {
                continue;
            }
            for (int j = 1; j <= ids[0]; j++) {
                int id = ids[j];
                double d = distance2(representatives.get(id), x, offset);
                if (d <= tolerance2 && (d < bestD || (d == bestD && id < best))) {
                    best = id;
                    bestD = d;
                }
            }
        }
        return best;
    }

    private int add(double[] x, int offset) {
        // cell still holds x's cell from the lookup that preceded this call
        int id = representatives.size();
        double[] rep = new double[n];
        System.arraycopy(x, offset, rep, 0, n);
        representatives.add(rep);
        long h = hash(cell, k);
        int[] ids = get(h);
        if (ids == null) {
            ids = new int[4];
        } else if (ids[0] + 1 == ids.length) {
            ids = java.util.Arrays.copyOf(ids, ids.length * 2);
        }
        ids[++ids[0]] = id;
        put(h, ids);
        return id;
    }

    private int[] get(long key) {
        int mask = keys.length - 1;
        for (int i = (int) (key ^ (key >>> 32)) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return slots[i];
            }
        }
        return null;
    }

    private void put(long key, int[] ids) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            used++;
        }
        keys[i] = key;
        slots[i] = ids;
        if (used * 2 > keys.length) {
            long[] oldKeys = keys;
            int[][] oldSlots = slots;
            keys = new long[oldKeys.length * 2];
            slots = new int[oldKeys.length * 2][];
            used = 0;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    put(oldKeys[j], oldSlots[j]);
                }
            }
        }
    }

    private double distance2(double[] a, double[] x, int offset) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - x[offset + i];
            s += d * d;
        }
        return s;
    }

    private static long hash(long[] c, int k) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < k; i++) {
            h = (h ^ c[i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return h == 0 ? 1 : h;
    }
}
