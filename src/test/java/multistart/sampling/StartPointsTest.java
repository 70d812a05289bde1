package multistart.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import multistart.config.Sampler;
import multistart.config.StartsConfig;
import multistart.objective.Box;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StartPointsTest {

    static final Box BOX = new Box(new double[] {-1, 10, 0}, new double[] {1, 20, 1e-3});

    static StartPoints points(Sampler s, long count, long seed) {
        long sampled = s == Sampler.GRID ? (long) Math.pow(multistart.config.ConfigLoader.gridPerAxis(count, 3), 3)
                : count;
        return new StartPoints(new StartsConfig(count, s, List.of(new double[] {0.5, 15, 0}), sampled), BOX, seed);
    }

    @ParameterizedTest
    @EnumSource(Sampler.class)
    void pointsLieInTheBoxAndDependOnlyOnSeedAndIndex(Sampler s) {
        StartPoints a = points(s, 500, 42);
        StartPoints.Cursor first = a.cursor();
        StartPoints.Cursor second = a.cursor();
        double[] p = new double[3];
        double[] q = new double[3];
        first.point(0, p);
        assertThat(p).containsExactly(0.5, 15, 0);
        // visit in opposite orders with two cursors: same points
        for (long k = a.size() - 1; k >= 1; k--) {
            first.point(k, p);
            second.point(a.size() - k, q);
            second.point(k, q);
            assertThat(q).isEqualTo(p);
            for (int i = 0; i < 3; i++) {
                assertThat(p[i]).isBetween(BOX.low(i), BOX.high(i));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -7, Long.MAX_VALUE})
    void uniformPointsChangeWithTheSeed(long seed) {
        double[] p = new double[3];
        double[] q = new double[3];
        points(Sampler.UNIFORM, 10, seed).cursor().point(3, p);
        points(Sampler.UNIFORM, 10, seed + 1).cursor().point(3, q);
        assertThat(p).isNotEqualTo(q);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 7, 100, 1000, 4097})
    void latinHypercubeHitsEveryStratumOnceOnEveryAxis(long n) {
        StartPoints a = points(Sampler.LATIN_HYPERCUBE, n, 9);
        StartPoints.Cursor c = a.cursor();
        double[] p = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            Set<Long> strata = new HashSet<>();
            for (long k = 1; k <= n; k++) {
                c.point(k, p);
                double u = (p[axis] - BOX.low(axis)) / (BOX.high(axis) - BOX.low(axis));
                strata.add((long) Math.floor(u * n));
            }
            assertThat(strata).hasSize((int) n);
        }
    }

    @Test
    void gridIsCellCentresFirstAxisSlowest() {
        StartPoints a = points(Sampler.GRID, 30, 0);
        // 3 per axis: 27 points
        assertThat(a.size()).isEqualTo(1 + 27);
        double[] p = new double[3];
        a.cursor().point(1, p);
        assertThat(p[0]).isCloseTo(-1 + 2.0 / 6, org.assertj.core.api.Assertions.within(1e-15));
        a.cursor().point(2, p);
        assertThat(p[2]).isCloseTo(0.5e-3, org.assertj.core.api.Assertions.within(1e-18));
        a.cursor().point(27, p);
        assertThat(p[0]).isCloseTo(1 - 2.0 / 6, org.assertj.core.api.Assertions.within(1e-15));
    }

    /** {@code count} scrambled (or plain) points of {@code s} in the unit square, no explicit ones. */
    static double[][] unitPoints(Sampler s, int count, long seed, boolean scramble) {
        Box unit = new Box(new double[] {0, 0}, new double[] {1, 1});
        StartPoints a = new StartPoints(new StartsConfig(count, s, List.of(), count, scramble), unit, seed);
        StartPoints.Cursor c = a.cursor();
        double[][] out = new double[count][2];
        for (int k = 0; k < count; k++) {
            c.point(k, out[k]);
        }
        return out;
    }

    /**
     * Scrambled sobol is still a (0, m, 2)-net: its first 2^m points put exactly one point in
     * every elementary box of area 2^-m (2^a slices of x by 2^(m-a) of y, for every a), the
     * property a digital shift keeps; and the seed moves every point.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -9, Long.MIN_VALUE})
    void scrambledSobolKeepsItsNetsAndFollowsTheSeed(long seed) {
        for (int m : new int[] {1, 4, 8, 10}) {
            int count = 1 << m;
            double[][] p = unitPoints(Sampler.SOBOL, count, seed, true);
            for (int a = 0; a <= m; a++) {
                Set<Long> boxes = new HashSet<>();
                for (double[] q : p) {
                    assertThat(q[0]).isGreaterThanOrEqualTo(0).isLessThan(1);
                    assertThat(q[1]).isGreaterThanOrEqualTo(0).isLessThan(1);
                    long bx = (long) Math.floor(q[0] * (1L << a));
                    long by = (long) Math.floor(q[1] * (1L << (m - a)));
                    boxes.add(bx << 32 | by);
                }
                assertThat(boxes).as("m %d, %d x %d boxes", m, 1 << a, 1 << (m - a)).hasSize(count);
            }
        }
        double[][] other = unitPoints(Sampler.SOBOL, 64, seed + 1, true);
        double[][] same = unitPoints(Sampler.SOBOL, 64, seed, true);
        double[][] p = unitPoints(Sampler.SOBOL, 64, seed, true);
        for (int k = 0; k < 64; k++) {
            assertThat(same[k]).isEqualTo(p[k]);
            assertThat(other[k][0]).isNotEqualTo(p[k][0]);
            assertThat(other[k][1]).isNotEqualTo(p[k][1]);
        }
        // unscrambled, the seed does not enter, and the first point is the centre (point 1 of the sequence)
        assertThat(unitPoints(Sampler.SOBOL, 4, seed, false)[0]).containsExactly(0.5, 0.5);
        assertThat(unitPoints(Sampler.SOBOL, 4, seed, false)[1]).isEqualTo(unitPoints(Sampler.SOBOL, 4, 7, false)[1]);
    }

    /**
     * Scrambled halton: each axis rotated by its own amount, so b^m points along the axis of base
     * b are still evenly spaced, one in each of b^m slices; the seed moves them.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 3, 123456789})
    void scrambledHaltonIsARotationThatFollowsTheSeed(long seed) {
        int[] bases = {2, 3};
        int[] counts = {1 << 9, 729};
        for (int axis = 0; axis < 2; axis++) {
            double[][] plain = unitPoints(Sampler.HALTON, counts[axis], seed, false);
            double[][] p = unitPoints(Sampler.HALTON, counts[axis], seed, true);
            Set<Long> slices = new HashSet<>();
            for (double[] q : p) {
                assertThat(q[axis]).isGreaterThanOrEqualTo(0).isLessThan(1);
                slices.add((long) Math.floor(q[axis] * counts[axis]));
            }
            assertThat(slices).as("base %d", bases[axis]).hasSize(counts[axis]);
            // a rotation: the same shift, modulo 1, from point k of the plain sequence (k + 1 there) to point k here
            double shift = p[1][axis] - plain[0][axis];
            for (int k = 1; k < 50; k++) {
                double d = p[k + 1][axis] - plain[k][axis];
                double wrapped = d - Math.floor(d - shift + 0.5);
                assertThat(wrapped).isCloseTo(shift, org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        assertThat(unitPoints(Sampler.HALTON, 8, seed + 1, true)[3])
                .isNotEqualTo(unitPoints(Sampler.HALTON, 8, seed, true)[3]);
    }

    @Test
    void feistelIsAPermutation() {
        for (long size : new long[] {3, 64, 1000}) {
            Set<Long> seen = new HashSet<>();
            for (long i = 0; i < size; i++) {
                long v = Feistel.permute(i, size, 12345);
                assertThat(v).isBetween(0L, size - 1);
                seen.add(v);
            }
            assertThat(seen).hasSize((int) size);
        }
    }
}
