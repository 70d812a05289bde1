package multistart.analysis;

import java.util.Arrays;

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
 *
 * <p>The lookup is split for speed on many cores. The cells a point has to look in depend on
 * the point alone, so {@link #probes} (any thread) computes their hashes, and the engine's
 * workers do that for a whole batch while the merge thread, which alone assigns, is busy with
 * an earlier one. What is left to the merge thread is memory access: a table of cell hashes
 * whose slot holds where the cell's bucket is (two longs, one cache line), and a bucket that
 * holds its representatives' coordinates side by side, so that a cell costs about two cache
 * misses however many points it has. The buckets are regions of a few large pages, not an
 * array each: a sweep whose runs end at millions of distinct points (short runs) made millions
 * of small arrays, which every young collection copied and every marking walked.
 * {@link #touch} loads a batch's table slots ahead of the assignments, so that their misses
 * overlap instead of following one another.
 */
final class BasinIndex {

    static final int HASHED = 8;
    /** Cell side in tolerances. */
    static final int CELLS = 8;
    /** Grid offset in cells: (3 - sqrt 5) / 2. */
    static final double PHASE = 0.3819660112501051;
    /** Doubles in an arena page (256 KiB). */
    static final int PAGE_BITS = 15;
    static final int PAGE = 1 << PAGE_BITS;
    /** Arena pages at most: locations are non-negative ints. */
    static final int MAX_PAGES = 1 << 16;
    /** Beyond this many cells a lookup scans every representative instead. */
    static final int MAX_PROBES = 4096;
    /** What {@link #probes} returns for such a point (its home cell's hash is still written). */
    static final int SCAN = -1;

    private final int n;
    private final int k;
    /** Doubles per representative in a bucket: its id, then its coordinates. */
    private final int stride;
    private final double side;
    private final double tolerance2;
    /**
     * Open addressing, two longs per slot: a cell hash (never 0; 0 marks a free slot), then
     * where the cell's bucket is (see {@link #arena}) in the low 32 bits and its number of
     * representatives in the high.
     */
    private long[] table = new long[2 * 1024];
    private int usedSlots;
    /**
     * The buckets: per cell its representatives in id order, {@link #stride} doubles each, in a
     * region of room for a power of two of them, within one page; a region's location is its
     * page's number times {@link #PAGE} plus where it starts there. A full bucket moves to a
     * region twice its size (what it leaves is not reused: at most as much as the live regions
     * hold). A region larger than a page has a page of its own, dropped when it moves. Pages
     * are under half of G1's smallest region (1 MiB), ordinary objects that need no contiguous
     * free run of the heap (see {@link Paged}).
     */
    private double[][] arena = new double[16][];
    private int pages;
    /** The page small regions are placed in (-1: none yet), and how much of it they use. */
    private int fill = -1;
    private int fillUsed;
    private int size;
    /** The merge thread's scratch for {@link #assign(double[], int)}. */
    private final long[] hashes = new long[MAX_PROBES];
    private final long[] cell;
    private final long[] probe;
    private final int[] options;
    /** {@link #find}'s hashes, per thread (the basin map calls it once per pixel). */
    private static final ThreadLocal<long[]> FIND_SCRATCH = ThreadLocal.withInitial(() -> new long[MAX_PROBES]);
    /** Sum of what {@link #touch} read, kept so that the loads are not optimised away. */
    private long touched;

    BasinIndex(int dimension, double tolerance) {
        this.n = dimension;
        this.k = Math.min(HASHED, dimension);
        this.stride = dimension + 1;
        this.side = CELLS * tolerance;
        this.tolerance2 = tolerance * tolerance;
        this.cell = new long[k];
        this.probe = new long[k];
        this.options = new int[k];
    }

    int size() {
        return size;
    }

    /** The hashed coordinates, for callers sizing the scratch of {@link #probes}. */
    int hashed() {
        return k;
    }

    /**
     * The id of the basin {@code x} belongs to, or -1 when none is within tolerance (nothing
     * added). Safe to call from several threads once no more points are assigned.
     */
    int find(double[] x, int offset) {
        long[] h = FIND_SCRATCH.get();
        int count = probes(x, offset, h, 0, new long[k], new long[k], new int[k]);
        return nearest(x, offset, h, 0, count);
    }

    /** The id of the basin {@code x} belongs to, adding a new one when none is within tolerance. */
    int assign(double[] x, int offset) {
        int count = probes(x, offset, hashes, 0, cell, probe, options);
        return assign(x, offset, hashes, 0, count);
    }

    /**
     * As {@link #assign(double[], int)}, with the hashes {@link #probes} wrote for {@code x} at
     * {@code h[from]} and the count it returned.
     */
    int assign(double[] x, int offset, long[] h, int from, int count) {
        int found = nearest(x, offset, h, from, count);
        return found >= 0 ? found : add(x, offset, h[from]);
    }

    /**
     * Slack, in cells, on top of the rounding of x / side + PHASE (each quotient is off by at
     * most a few ulps), in deciding whether x is within one tolerance of a cell boundary.
     */
    private static final double AMBIGUOUS = 1e-9;

    /**
     * Writes the hashes of the cells a lookup of {@code x} reads into {@code out} from
     * {@code at}, its own cell first, and returns how many ({@link #SCAN}, with only its own
     * cell's written, beyond {@link #MAX_PROBES}); {@code out} needs room for that many. Any
     * thread: it reads nothing the index changes. {@code cell}, {@code probe}, {@code options}
     * are scratch of {@link #hashed} elements.
     */
    int probes(double[] x, int offset, long[] out, int at, long[] cell, long[] probe, int[] options) {
        int combos = 1;
        for (int i = 0; i < k; i++) {
            double q = x[offset + i] / side + PHASE;
            double c = Math.floor(q);
            cell[i] = (long) c;
            double f = q - c;
            double reach = 1.0 / CELLS + AMBIGUOUS + 4 * Math.ulp(q);
            // NaN fails both comparisons: every neighbour
            boolean low = !(f >= reach);
            boolean high = !(1.0 - f >= reach);
            // the axis's cell offsets in the order the lookup reads them: (-1, 0, +1) when both
            // neighbours may hold a point, (0, -1) or (0, +1) when one may, (0) when none
            options[i] = low && high ? BOTH : low ? BELOW : high ? ABOVE : NONE;
            combos *= count(options[i]);
            probe[i] = cell[i] + shift(options[i], 0);
        }
        out[at] = hash(cell, k);
        if (combos > MAX_PROBES) {
            return SCAN;
        }
        // every choice of offsets, axis 0 turning fastest (an odometer: no division per digit);
        // the choice with all offsets 0 (digit 1 of a BOTH axis, 0 of the others) is the home
        // cell, already written
        int home = 0;
        for (int i = 0, place = 1; i < k; place *= count(options[i]), i++) {
            home += options[i] == BOTH ? place : 0;
        }
        int written = 1;
        for (int c = 0; c < combos; c++) {
            if (c > 0) {
                int i = 0;
                int o = options[i];
                int digit = (o >>> DIGIT) + 1;
                while (digit == count(o)) {
                    // this axis turns over: back to its first offset, and the next one turns
                    options[i] = o & KIND;
                    probe[i] = cell[i] + shift(o, 0);
                    o = options[++i];
                    digit = (o >>> DIGIT) + 1;
                }
                options[i] = (o & KIND) | digit << DIGIT;
                probe[i] = cell[i] + shift(o, digit);
            }
            if (c != home) {
                out[at + written++] = hash(probe, k);
            }
        }
        return written;
    }

    /*
     * An axis's choices in probes(): the kind in the low bits, the odometer's digit above them.
     * Offsets by kind and digit: NONE (0), BELOW (0, -1), ABOVE (0, +1), BOTH (-1, 0, +1).
     */
    private static final int NONE = 0;
    private static final int BELOW = 1;
    private static final int ABOVE = 2;
    private static final int BOTH = 3;
    private static final int KIND = 3;
    private static final int DIGIT = 2;

    private static int count(int o) {
        int kind = o & KIND;
        return kind == NONE ? 1 : kind == BOTH ? 3 : 2;
    }

    private static long shift(int o, int digit) {
        int kind = o & KIND;
        return kind == BOTH ? digit - 1 : kind == BELOW ? -digit : kind == ABOVE ? digit : 0;
    }

    /**
     * Loads the table slots of the cells {@code h[from .. to)} name, so that the lookups that
     * follow find them in cache: independent loads overlap, a lookup's do not (each waits for
     * the last). Only a hint: the index may change before the lookups.
     */
    void touch(long[] h, int from, int to) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        long sum = 0;
        for (int p = from; p < to; p++) {
            long key = h[p];
            sum += t[2 * ((int) (key ^ (key >>> 32)) & mask)];
        }
        touched += sum;
    }

    private int nearest(double[] x, int offset, long[] h, int from, int count) {
        if (count == SCAN) {
            return scan(x, offset);
        }
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int p = from; p < from + count; p++) {
            long meta = slot(h[p]);
            if (meta < 0) {
                continue;
            }
            int where = (int) meta;
            double[] bucket = arena[where >>> PAGE_BITS];
            int start = where & (PAGE - 1);
            int end = start + (int) (meta >>> 32) * stride;
            for (int j = start; j < end; j += stride) {
                // points share a cell by their first k coordinates only, so the others tell them
                // apart best: their sum alone beyond the tolerance settles most candidates (the
                // full sum, in order, is at least as large: rounding is monotone)
                double r = 0.0;
                for (int i = k; i < n; i++) {
                    double d = bucket[j + 1 + i] - x[offset + i];
                    r += d * d;
                }
                if (r > tolerance2) {
                    continue;
                }
                double s = 0.0;
                for (int i = 0; i < n; i++) {
                    double d = bucket[j + 1 + i] - x[offset + i];
                    s += d * d;
                }
                int id = (int) bucket[j];
                if (s <= tolerance2 && (s < bestD || (s == bestD && id < best))) {
                    best = id;
                    bestD = s;
                }
            }
        }
        return best;
    }

    /**
     * The nearest representative within tolerance by looking at all of them (degenerate grids):
     * {@link #nearest} over every cell there is.
     */
    private int scan(double[] x, int offset) {
        long[] t = table;
        long[] cells = new long[usedSlots];
        int count = 0;
        for (int slot = 0; slot < t.length; slot += 2) {
            if (t[slot] != 0) {
                cells[count++] = t[slot];
            }
        }
        return nearest(x, offset, cells, 0, count);
    }

    /** The slot's second long for cell {@code key}, or -1 when the cell is empty. */
    private long slot(long key) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
            long kk = t[2 * i];
            if (kk == key) {
                return t[2 * i + 1];
            }
            if (kk == 0) {
                return -1;
            }
        }
    }

    private int add(double[] x, int offset, long home) {
        int id = size++;
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        int i = (int) (home ^ (home >>> 32)) & mask;
        while (t[2 * i] != 0 && t[2 * i] != home) {
            i = (i + 1) & mask;
        }
        int count;
        int where;
        if (t[2 * i] == 0) {
            count = 0;
            where = reserve(1);
            t[2 * i] = home;
            usedSlots++;
        } else {
            long meta = t[2 * i + 1];
            where = (int) meta;
            count = (int) (meta >>> 32);
            if (Integer.bitCount(count) == 1) {
                // full (a region holds a power of two): move to one twice the size
                int moved = reserve(2 * count);
                System.arraycopy(arena[where >>> PAGE_BITS], where & (PAGE - 1), arena[moved >>> PAGE_BITS],
                        moved & (PAGE - 1), count * stride);
                if (count * stride > PAGE) {
                    // a page of its own, which nothing else uses
                    arena[where >>> PAGE_BITS] = null;
                }
                where = moved;
            }
        }
        double[] page = arena[where >>> PAGE_BITS];
        int at = (where & (PAGE - 1)) + count * stride;
        page[at] = id;
        System.arraycopy(x, offset, page, at + 1, n);
        t[2 * i + 1] = ((long) (count + 1) << 32) | where;
        if (usedSlots * 2 > (t.length >> 1)) {
            grow();
        }
        return id;
    }

    /** The location of a new region of room for {@code representatives} (see {@link #arena}). */
    private int reserve(int representatives) {
        long length = (long) representatives * stride;
        if (length > PAGE) {
            return newPage((int) Math.min(Integer.MAX_VALUE - 8, length)) << PAGE_BITS;
        }
        if (fill < 0 || fillUsed + length > PAGE) {
            fill = newPage(PAGE);
            fillUsed = 0;
        }
        int where = (fill << PAGE_BITS) + fillUsed;
        fillUsed += (int) length;
        return where;
    }

    private int newPage(int length) {
        if (pages == MAX_PAGES) {
            throw new IllegalStateException("too many distinct end points for the basin index: " + size);
        }
        if (pages == arena.length) {
            arena = Arrays.copyOf(arena, 2 * pages);
        }
        arena[pages] = new double[length];
        return pages++;
    }

    private void grow() {
        long[] old = table;
        long[] t = new long[old.length * 2];
        int mask = (t.length >> 1) - 1;
        for (int j = 0; j < old.length; j += 2) {
            long key = old[j];
            if (key != 0) {
                int i = (int) (key ^ (key >>> 32)) & mask;
                while (t[2 * i] != 0) {
                    i = (i + 1) & mask;
                }
                t[2 * i] = key;
                t[2 * i + 1] = old[j + 1];
            }
        }
        table = t;
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
