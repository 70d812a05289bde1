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
