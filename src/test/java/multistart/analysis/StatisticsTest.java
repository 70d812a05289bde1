package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // Newcombe (1998), Table I: 81/263 -> 0.2553 .. 0.3662; 15/148 -> 0.0624 .. 0.1605
        double[] a = Statistics.wilson(81, 263);
        assertThat(a[0]).isCloseTo(0.2553, within(5e-5));
        assertThat(a[1]).isCloseTo(0.3662, within(5e-5));
        double[] b = Statistics.wilson(15, 148);
        assertThat(b[0]).isCloseTo(0.0624, within(5e-5));
        assertThat(b[1]).isCloseTo(0.1605, within(5e-5));
        // 0 of 10: upper bound z^2 / (n + z^2) = 3.8415 / 13.8415
        double[] c = Statistics.wilson(0, 10);
        assertThat(c[0]).isZero();
        assertThat(c[1]).isCloseTo(3.841458820694124 / 13.841458820694124, within(1e-12));
    }

    /** No successes: the interval starts at 0 exactly (not at a rounding residue a report prints). */
    @Test
    void wilsonEndsAreExactAtNoneAndAllAndTheIntervalIsSymmetric() {
        for (long n = 1; n <= 100_000; n = n * 3 + 1) {
            assertThat(Statistics.wilson(0, n)[0]).as("n = %d", n).isEqualTo(0.0);
            assertThat(Statistics.wilson(n, n)[1]).as("n = %d", n).isEqualTo(1.0);
            for (long k : new long[] {0, 1, n / 3, n / 2, n - 1}) {
                double[] a = Statistics.wilson(k, n);
                double[] b = Statistics.wilson(n - k, n);
                assertThat(a[0]).as("k = %d, n = %d", k, n).isCloseTo(1 - b[1], within(1e-12));
                assertThat(a[0]).isLessThanOrEqualTo((double) k / n);
                assertThat(a[1]).isGreaterThanOrEqualTo((double) k / n);
            }
        }
    }

    @Test
    void medians() {
        assertThat(Statistics.median(new double[] {1, 2, 10})).isEqualTo(2);
        assertThat(Statistics.median(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
        assertThat(Statistics.median(new int[] {})).isNaN();
    }
}
