package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasinIndexTest {

    /**
     * The reference: the nearest of {@code reps} within {@code tol} (ties: the older), or a new
     * representative appended; its id either way.
     */
    static int scanAssign(java.util.List<double[]> reps, double[] x, double tol) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int id = 0; id < reps.size(); id++) {
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                double e = reps.get(id)[i] - x[i];
                d += e * e;
            }
            if (d <= tol * tol && d < bestD) {
                bestD = d;
                best = id;
            }
        }
        if (best < 0) {
            best = reps.size();
            reps.add(x.clone());
        }
        return best;
    }

    /** The spatial hash gives the same answer as a scan over all representatives. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6})
    void agreesWithALinearScan(int n) {
        double tol = 0.05;
        BasinIndex index = new BasinIndex(n, tol);
        java.util.List<double[]> reps = new java.util.ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(n);
        for (int k = 0; k < 4000; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // points cluster on a coarse lattice so many fall within tolerance of each other
                x[i] = Math.round(rnd.nextDouble() * 4) * 0.25 + rnd.nextGaussian() * 0.01;
            }
            assertThat(index.assign(x, 0)).isEqualTo(scanAssign(reps, x, tol));
        }
        assertThat(index.size()).isEqualTo(reps.size());
    }

    /**
     * The same at awkward scales: tiny tolerances far from the origin (x / side then rounds to
     * a few bits after the point), points on cell midpoints and boundaries, and neighbours at
     * just under the tolerance along every axis.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1e-6, 0, 3", "1e-9, 1e3, 3", "1e-3, 1e12, 2", "1e-12, 1e4, 4",
        "0.5, -7, 6", "1e-8, 3e7, 3", "0.1, 0, 1", "1e-3, 1e12, 1", "1e-7, 1e5, 1", "0.3, 1e3, 2",
        "1e-4, 1, 10", "1e-2, 0, 8", "1e-12, 1e4, 9"})
    void agreesWithALinearScanAtAwkwardScales(double tol, double center, int n) {
        BasinIndex index = new BasinIndex(n, tol);
        java.util.List<double[]> reps = new java.util.ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(Double.doubleToLongBits(tol) ^ n);
        double side = BasinIndex.CELLS * tol;
        double edge = 1.0 / BasinIndex.CELLS;
        for (int k = 0; k < 3000; k++) {
            double[] x = new double[n];
            if (k % 3 == 1 && !reps.isEmpty()) {
                // a neighbour of an earlier point, tol / sqrt(n) away on every axis (so right at
                // the tolerance, rounded either way) or a little closer
                double[] base = reps.get(rnd.nextInt(reps.size()));
                double shrink = rnd.nextBoolean() ? 1 : rnd.nextDouble(0.9, 1);
                for (int i = 0; i < n; i++) {
                    x[i] = base[i] + (rnd.nextBoolean() ? 1 : -1) * tol / Math.sqrt(n) * shrink;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    // on cell boundaries, one tolerance inside them (where the neighbour stops
                    // mattering), round values, or anywhere within a few cells
                    long c = rnd.nextLong(-3, 4);
                    double where = switch (rnd.nextInt(6)) {
                        case 0 -> 0.0;
                        case 1 -> edge;
                        case 2 -> Math.nextDown(edge);
                        case 3 -> 1 - edge;
                        case 4 -> BasinIndex.PHASE;
                        default -> rnd.nextDouble();
                    };
                    x[i] = center + (c + where - BasinIndex.PHASE) * side;
                }
            }
            int expected = scanAssign(reps, x, tol);
            assertThat(index.assign(x, 0)).as("point %d at %s", k, java.util.Arrays.toString(x)).isEqualTo(expected);
        }
        assertThat(index.size()).isEqualTo(reps.size());
    }
    /**
     * Cells crowded with representatives: uniform points in a box a few cells wide, so that each
     * cell's bucket fills, moves to a larger region and fills again (dozens of representatives a
     * cell, hundreds in 3-d), while other cells' buckets are placed between the moves. Every
     * assignment agrees with the scan, and afterwards every representative is found as itself.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void crowdedCellsKeepEveryRepresentative(int n) {
        double tol = 0.01;
        BasinIndex index = new BasinIndex(n, tol);
        java.util.List<double[]> reps = new java.util.ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(42 + n);
        double width = n == 1 ? 40 * tol : n == 2 ? 0.4 : 0.12;
        for (int k = 0; k < 6000; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextDouble() * width;
            }
            assertThat(index.assign(x, 0)).isEqualTo(scanAssign(reps, x, tol));
        }
        assertThat(reps.size()).isGreaterThan(n == 1 ? 20 : 300);
        for (int id = 0; id < reps.size(); id++) {
            assertThat(index.find(reps.get(id), 0)).isEqualTo(id);
        }
    }
    /**
     * One cell holding thousands of representatives (10-d points that differ only beyond the
     * hashed coordinates): its bucket outgrows an arena page, moves to a page of its own and
     * from it to a larger one, and still agrees with the scan, every representative found as
     * itself.
     */
    @org.junit.jupiter.api.Test
    void aBucketLargerThanAPageKeepsEveryRepresentative() {
        int n = 10;
        double tol = 0.01;
        BasinIndex index = new BasinIndex(n, tol);
        java.util.List<double[]> reps = new java.util.ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(3);
        int count = 9500;
        for (int k = 0; k < count; k++) {
            double[] x = new double[n];
            java.util.Arrays.fill(x, 0, BasinIndex.HASHED, 0.5 * tol);
            // a grid 3 tolerances apart in the last two coordinates, and now and then a point
            // within tolerance of one already there
            x[8] = 3 * tol * (k % 128) + (k % 7 == 0 ? rnd.nextDouble() * 0.5 * tol : 0);
            x[9] = 3 * tol * (k / 128);
            assertThat(index.assign(x, 0)).isEqualTo(scanAssign(reps, x, tol));
        }
        // past 4 096 representatives: a region of 2 048 fits a page, of 4 096 (and 8 192) not
        assertThat(2048 * (n + 1)).isLessThan(BasinIndex.PAGE);
        assertThat(4096 * (n + 1)).isGreaterThan(BasinIndex.PAGE);
        assertThat(reps.size()).isGreaterThan(4097);
        for (int id = 0; id < reps.size(); id++) {
            assertThat(index.find(reps.get(id), 0)).isEqualTo(id);
        }
    }
    /**
     * 60 000 points a cell apart, so that the hash table doubles many times (to 131 072 slots)
     * and the buckets fill several arena pages: each point is new where it is added, and
     * afterwards a point near each is found as that one.
     */
    @org.junit.jupiter.api.Test
    void sixtyThousandCellsFindEveryPoint() {
        double tol = 0.01;
        BasinIndex index = new BasinIndex(2, tol);
        int count = 60_000;
        double spacing = (BasinIndex.CELLS + 1) * tol;
        for (int k = 0; k < count; k++) {
            double[] x = {spacing * (k % 250), spacing * (k / 250)};
            assertThat(index.assign(x, 0)).isEqualTo(k);
        }
        SplittableRandom rnd = new SplittableRandom(9);
        for (int k = 0; k < count; k++) {
            double[] x = {spacing * (k % 250) + rnd.nextDouble(-0.3, 0.3) * tol,
                spacing * (k / 250) + rnd.nextDouble(-0.3, 0.3) * tol};
            assertThat(index.find(x, 0)).isEqualTo(k);
            assertThat(index.assign(x, 0)).isEqualTo(k);
        }
        assertThat(index.size()).isEqualTo(count);
    }
}
