package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Basins are ranked by {@link Aggregator#byValue}: Double.compare's order, ties by index. */
class RankOrderTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void ordersAsASortOfBoxedIndicesByDoubleCompareThenIndex(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0};
        for (int trial = 0; trial < 200; trial++) {
            // mostly small, once in a while large enough for every pass of the sort to matter
            int m = trial % 50 == 49 ? r.nextInt(20_000, 60_000) : r.nextInt(0, 300);
            // spare capacity past m, as the aggregator's arrays have
            double[] v = new double[m + r.nextInt(0, 5)];
            double[] pool = new double[1 + r.nextInt(0, 12)];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextDouble(-10, 10);
            }
            for (int i = 0; i < m; i++) {
                // draws from a small pool: many ties
                v[i] = r.nextBoolean() ? pool[r.nextInt(pool.length)] : r.nextDouble(-1e3, 1e3);
            }
            Integer[] want = new Integer[m];
            for (int i = 0; i < m; i++) {
                want[i] = i;
            }
            Arrays.sort(want, (a, b) -> {
                int c = Double.compare(v[a], v[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            assertThat(Aggregator.byValue(v,
                    m)).containsExactly(Arrays.stream(want).mapToInt(Integer::intValue).toArray());
        }
    }
}
