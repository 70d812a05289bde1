package multistart.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Distinct end points, found by a spatial hash instead of a scan over all of them. Points
 * are bucketed by a grid cell of side {@value #CELLS} tolerances on their first (up to
 * {@value #HASHED}) coordinates, the grid shifted by an irrational phase so that round values
 * such as 0 or integers do not sit on its boundaries. A point within tolerance of x lies in
 * x's cell or, along an axis where x is within one tolerance of a boundary, in the neighbour
 * across it; a lookup reads those cells only (about 1.25^8 = 6 on average, one read of the
 * key table for an empty one) and confirms with the full Euclidean distance. Hashing many
 * coordinates keeps cells small where runs end along a valley that is thin in a few
 * coordinates and long in the others (rosenbrock in 10-d).
 */
final class BasinIndex {

    static final int HASHED = 8;
    /** Cell side in tolerances. */
    static final int CELLS = 8;
    /** Grid offset in cells: (3 - sqrt 5) / 2. */
    static final double PHASE = 0.3819660112501051;
    /** Beyond this many cells a lookup scans every representative instead. */
    private static final int MAX_PROBES = 4096;

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
    /** Per hashed axis of the current lookup: 1 (x's cell), 2 (and the neighbour in dirs), 3 (both). */
    private final int[] options;

    BasinIndex(int dimension, double tolerance) {
        this.n = dimension;
        this.k = Math.min(HASHED, dimension);
        this.side = CELLS * tolerance;
        this.tolerance2 = tolerance * tolerance;
        this.cell = new long[k];
        this.probe = new long[k];
        this.options = new int[k];
    }

    int size() {
        return representatives.size();
    }

    /**
     * The id of the basin {@code x} belongs to, or -1 when none is within tolerance (nothing
     * added). Safe to call from several threads once no more points are assigned.
     */
    int find(double[] x, int offset) {
        return nearest(x, offset, new long[k], new long[k], new int[k]);
    }

    /** The id of the basin {@code x} belongs to, adding a new one when none is within tolerance. */
    int assign(double[] x, int offset) {
        int found = nearest(x, offset, cell, probe, options);
        if (found >= 0) {
            return found;
        }
        return add(x, offset);
    }

    /**
     * Slack, in cells, on top of the rounding of x / side + PHASE (each quotient is off by at
     * most a few ulps), in deciding whether x is within one tolerance of a cell boundary.
     */
    private static final double AMBIGUOUS = 1e-9;

    private int nearest(double[] x, int offset, long[] cell, long[] probe, int[] options) {
        int combos = 1;
        int dirs = 0;
        for (int i = 0; i < k; i++) {
            double q = x[offset + i] / side + PHASE;
            double c = Math.floor(q);
            cell[i] = (long) c;
            double f = q - c;
            double reach = 1.0 / CELLS + AMBIGUOUS + 4 * Math.ulp(q);
            // NaN fails both comparisons: every neighbour
            boolean low = !(f >= reach);
            boolean high = !(1.0 - f >= reach);
            options[i] = low && high ? 3 : low || high ? 2 : 1;
            if (high && !low) {
                dirs |= 1 << i;
            }
            combos *= options[i];
        }
        if (combos > MAX_PROBES) {
            return scan(x, offset);
        }
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < combos; c++) {
            int rest = c;
            for (int i = 0; i < k; i++) {
                int o = options[i];
                int digit = rest % o;
                rest /= o;
                probe[i] = cell[i] + (o == 3 ? digit - 1 : digit == 0 ? 0 : (dirs & (1 << i)) != 0 ? 1 : -1);
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

    /** The nearest representative within tolerance by looking at all of them (degenerate grids). */
    private int scan(double[] x, int offset) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int id = 0; id < representatives.size(); id++) {
            double d = distance2(representatives.get(id), x, offset);
            if (d <= tolerance2 && d < bestD) {
                best = id;
                bestD = d;
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
