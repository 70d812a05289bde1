package multistart.analysis;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The distinct end points of a sweep, best first (basin 1 at index 0), held by column: a
 * sweep of short runs ends at millions of points of its own, and a record, a point array and a
 * verdict each took 250-300 bytes a point (over a gigabyte of heap, and a second of collector
 * pauses, for 4.5e6 points) where the columns take {@code 8 (n + 5) + 1} bytes. As a list it
 * hands out {@link Findings.Minimum} records made on each {@link #get}; the reports read the
 * columns ({@link #kind}, {@link #coordinate}, ...) where they walk every point. Immutable.
 */
public final class Minima extends AbstractList<Findings.Minimum> implements RandomAccess {

    private static final double[] NONE = new double[0];
    private static final long[] NO_HITS = new long[0];
    private static final Kind[] KINDS = Kind.values();
    private static final byte ON_BOUNDARY = 1;
    private static final byte OUTSIDE_DOMAIN = 2;
    /** The eigenvalues held are the least and the greatest only (the matrix-free check's). */
    private static final byte EXTREMES_ONLY = 4;

    private final int n;
    private final int size;
    private final long runs;
    private final double[] points;
    private final double[] values;
    private final byte[] kinds;
    private final byte[] flags;
    private final long[] hits;
    private final long[] bestRuns;
    private final double[] gradientNorms;
    /**
     * Null entries: no Hessian check (most unresolved points), shown as no eigenvalues; the
     * least and the greatest only where the flags say {@code EXTREMES_ONLY}.
     */
    private final double[][] eigenvalues;
    /** Null entries: no per-combo hits gathered (see {@link Aggregator#DETAILED_UNRESOLVED}). */
    private final long[][] comboHits;
    private final long[] countOf = new long[KINDS.length];
    private final long[] hitsOf = new long[KINDS.length];

    /**
     * Takes the arrays, which the caller no longer changes: {@code points} holds {@code n}
     * coordinates per end point in rank order; {@code runs} is what shares are taken over.
     * {@code extremesOnly[r]}: {@code eigenvalues[r]} holds the least and the greatest only.
     */
    Minima(int n, long runs, double[] points, double[] values, byte[] kinds, long[] hits, long[] bestRuns,
            double[] gradientNorms, double[][] eigenvalues, boolean[] extremesOnly, long[][] comboHits,
            boolean[] onBoundary, boolean[] outsideDomain) {
        this(n, Math.max(1, runs), values.length, points, values, kinds,
                flags(onBoundary, outsideDomain, extremesOnly), hits, bestRuns, gradientNorms, eigenvalues, comboHits);
    }

    private static byte[] flags(boolean[] onBoundary, boolean[] outsideDomain, boolean[] extremesOnly) {
        byte[] flags = new byte[onBoundary.length];
        for (int r = 0; r < flags.length; r++) {
            flags[r] = (byte) ((onBoundary[r] ? ON_BOUNDARY : 0) | (outsideDomain[r] ? OUTSIDE_DOMAIN : 0)
                    | (extremesOnly[r] ? EXTREMES_ONLY : 0));
        }
        return flags;
    }

    private Minima(int n, long runs, int size, double[] points, double[] values, byte[] kinds, byte[] flags,
            long[] hits, long[] bestRuns, double[] gradientNorms, double[][] eigenvalues, long[][] comboHits) {
        this.n = n;
        this.size = size;
        this.runs = runs;
        this.points = points;
        this.values = values;
        this.kinds = kinds;
        this.flags = flags;
        this.hits = hits;
        this.bestRuns = bestRuns;
        this.gradientNorms = gradientNorms;
        this.eigenvalues = eigenvalues;
        this.comboHits = comboHits;
        for (int r = 0; r < size; r++) {
            countOf[kinds[r]]++;
            hitsOf[kinds[r]] += hits[r];
        }
    }

    @Override
    public int size() {
        return size;
    }

    /** The end point at rank {@code r} (basin r + 1), as a record of its own. */
    @Override
    public Findings.Minimum get(int r) {
        java.util.Objects.checkIndex(r, size);
        double[] lambda = eigenvalues[r];
        long[] pairs = comboHits[r];
        boolean extremesOnly = (flags[r] & EXTREMES_ONLY) != 0;
        double[] all = lambda == null || extremesOnly ? NONE : lambda.clone();
        double[] extremes = lambda == null || lambda.length == 0 ? NONE
                : extremesOnly ? lambda.clone() : new double[] {lambda[0], lambda[lambda.length - 1]};
        return new Findings.Minimum(r + 1, point(r), values[r], kind(r), hits[r], share(r), bestRuns[r],
                gradientNorms[r], all, extremes, onBoundary(r), outsideDomain(r),
                pairs == null ? NO_HITS : pairs.clone());
    }

    /** Coordinates per point. */
    public int dimension() {
        return n;
    }

    public double coordinate(int r, int i) {
        return points[r * n + i];
    }

    /** A copy of the point at rank {@code r}. */
    public double[] point(int r) {
        return java.util.Arrays.copyOfRange(points, r * n, (r + 1) * n);
    }

    public double value(int r) {
        return values[r];
    }

    public Kind kind(int r) {
        return KINDS[kinds[r]];
    }

    public long hits(int r) {
        return hits[r];
    }

    /** The point's hits over the runs folded in. */
    public double share(int r) {
        return (double) hits[r] / runs;
    }

    public long bestRun(int r) {
        return bestRuns[r];
    }

    public boolean onBoundary(int r) {
        return (flags[r] & ON_BOUNDARY) != 0;
    }

    public boolean outsideDomain(int r) {
        return (flags[r] & OUTSIDE_DOMAIN) != 0;
    }

    /**
     * Whether the point at rank {@code r} is unresolved on a flat-bottomed valley
     * ({@link Classifier#flatBottomed}), read from the columns without making its record.
     */
    public boolean flatBottomed(int r, double tolerance) {
        return Classifier.flatBottomed(kind(r), eigenvalues[r], gradientNorms[r], tolerance);
    }

    /** The per-combo hits of rank {@code r} as held: null when none were gathered. */
    long[] comboHitsOf(int r) {
        return comboHits[r];
    }

    /**
     * These end points less some, in place: row {@code r} moves to {@code row[r]} (never
     * later), a negative {@code row[r]} drops it, and {@code kept} remain; then the rows
     * {@code rows[j]} (as numbered before) get {@code hits[j]} and {@code pairs[j]}. This list is
     * not to be used after.
     */
    Minima compact(int[] row, int kept, int[] rows, long[] hits, long[][] pairs) {
        for (int j = 0; j < rows.length; j++) {
            this.hits[rows[j]] = hits[j];
            comboHits[rows[j]] = pairs[j];
        }
        for (int r = 0; r < size; r++) {
            int to = row[r];
            if (to < 0 || to == r) {
                continue;
            }
            System.arraycopy(points, r * n, points, to * n, n);
            values[to] = values[r];
            kinds[to] = kinds[r];
            this.hits[to] = this.hits[r];
            bestRuns[to] = bestRuns[r];
            gradientNorms[to] = gradientNorms[r];
            eigenvalues[to] = eigenvalues[r];
            comboHits[to] = comboHits[r];
            flags[to] = flags[r];
        }
        return new Minima(n, runs, kept, points, values, kinds, flags, this.hits, bestRuns, gradientNorms,
                eigenvalues, comboHits);
    }

    /** How many end points are of this kind. */
    public long count(Kind k) {
        return countOf[k.ordinal()];
    }

    /** How many runs ended at points of this kind. */
    public long hitsAt(Kind k) {
        return hitsOf[k.ordinal()];
    }

    /** How many runs ended at points of this kind outside the domain. */
    public long hitsOutside(Kind k) {
        long sum = 0;
        for (int r = 0; r < size; r++) {
            if (kinds[r] == k.ordinal() && (flags[r] & OUTSIDE_DOMAIN) != 0) {
                sum += hits[r];
            }
        }
        return sum;
    }

    /** The squared distance between the points at ranks {@code q} and {@code r}. */
    private double distance2(int q, int r) {
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double d = points[q * n + i] - points[r * n + i];
            d2 += d * d;
        }
        return d2;
    }

    /** Minima outside the domain up to which {@link #besideOutsideMinima} looks (a scan of them per point). */
    static final int OUTSIDE_MINIMA_SCANNED = 100;

    /**
     * Of the unresolved points outside the domain, those within {@code reach} of a minimum that
     * lies outside the domain itself: runs that went where a minimum is and stopped short of it
     * or hover about it (a least-squares fit outside the box the weights start in), not runs that
     * walked out over falling ground. Returns {runs at such points, then the basin numbers of the
     * minima they lie beside, best first, at most three}; {0} where no minimum lies outside, or more
     * than {@link #OUTSIDE_MINIMA_SCANNED} do.
     */
    public long[] besideOutsideMinima(double reach) {
        List<Integer> outside = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            if (kinds[r] == Kind.MINIMUM.ordinal() && (flags[r] & OUTSIDE_DOMAIN) != 0) {
                outside.add(r);
            }
        }
        if (outside.isEmpty() || outside.size() > OUTSIDE_MINIMA_SCANNED) {
            return new long[] {0};
        }
        long runs = 0;
        boolean[] beside = new boolean[outside.size()];
        for (int r = 0; r < size; r++) {
            if (kinds[r] != Kind.UNRESOLVED.ordinal() || (flags[r] & OUTSIDE_DOMAIN) == 0) {
                continue;
            }
            for (int m = 0; m < outside.size(); m++) {
                if (distance2(outside.get(m), r) <= reach * reach) {
                    runs += hits[r];
                    beside[m] = true;
                    break;
                }
            }
        }
        List<Long> basins = new ArrayList<>();
        for (int m = 0; m < outside.size() && basins.size() < 3; m++) {
            if (beside[m]) {
                basins.add(outside.get(m) + 1L);
            }
        }
        long[] out = new long[1 + basins.size()];
        out[0] = runs;
        for (int b = 0; b < basins.size(); b++) {
            out[1 + b] = basins.get(b);
        }
        return out;
    }

    /**
     * Where the point at rank {@code r} lies against the minima: "nearest minimum: basin 1, 0.0088
     * away" (Euclidean distance; the better ranked among equals; {@code word} names a minimum,
     * "maximum" when maximising), or "" when there is none. Said of an unresolved point, it tells
     * an optimizer circling a minimum, or runs stopped on their way to it, from a flat region far
     * from any.
     */
    public String nearestMinimum(int r, String word) {
        if (count(Kind.MINIMUM) == 0) {
            return "";
        }
        // a scan of all points: called for the few rows the reports show
        int nearest = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int q = 0; q < size; q++) {
            if (q == r || kind(q) != Kind.MINIMUM) {
                continue;
            }
            double d2 = distance2(q, r);
            if (d2 < best) {
                best = d2;
                nearest = q;
            }
        }
        return nearest < 0 ? "" : "nearest " + word + ": basin " + (nearest + 1) + ", "
                + String.format(java.util.Locale.ROOT, "%.2g", Math.sqrt(best)) + " away";
    }

    /**
     * The ranks of the (at most) {@code k} points of kind {@code kind} that hold the most runs,
     * most first, the better ranked first among equals: where runs gathered.
     */
    public int[] mostHit(Kind kind, int k) {
        int[] top = new int[(int) Math.min(k, count(kind))];
        int kept = 0;
        for (int r = 0; r < size() && top.length > 0; r++) {
            if (kind(r) != kind) {
                continue;
            }
            long h = hits(r);
            if (kept == top.length && h <= hits(top[kept - 1])) {
                continue;
            }
            int i = kept == top.length ? kept - 1 : kept++;
            while (i > 0 && hits(top[i - 1]) < h) {
                top[i] = top[i - 1];
                i--;
            }
            top[i] = r;
        }
        return top;
    }
}
