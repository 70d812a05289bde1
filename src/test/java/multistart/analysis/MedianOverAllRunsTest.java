package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The median end value over all of a combo's runs, those without an end point (diverged,
 * failed) counted as +infinity (ComboAccumulator.medianCountingWorst), against the median of the
 * whole set written out by hand.
 */
class MedianOverAllRunsTest {

    @Test
    void theRunsWithoutAnEndPointCountAsTheWorst() {
        double[] ends = {1, 2, 3, 4};
        // nothing diverged: the plain median
        assertThat(ComboAccumulator.medianCountingWorst(ends, 4, 4)).isEqualTo(2.5);
        // {1, 2, 3, 4, inf}: 3
        assertThat(ComboAccumulator.medianCountingWorst(ends, 4, 5)).isEqualTo(3.0);
        // {1, 2, 3, 4, inf, inf}: (3 + 4) / 2
        assertThat(ComboAccumulator.medianCountingWorst(ends, 4, 6)).isEqualTo(3.5);
        // {1, 2, 3, 4, inf x 3}: 4
        assertThat(ComboAccumulator.medianCountingWorst(ends, 4, 7)).isEqualTo(4.0);
        // {1, 2, 3, 4, inf x 4}: (4 + inf) / 2
        assertThat(ComboAccumulator.medianCountingWorst(ends, 4, 8)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ComboAccumulator.medianCountingWorst(new double[0], 0, 3)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ComboAccumulator.medianCountingWorst(new double[0], 0, 0)).isNaN();
    }

    /** Where only a uniform sample of the finished runs is kept, the same quantile of the sample. */
    @Test
    void fromASampleItIsTheSameQuantileOfTheSample() {
        SplittableRandom random = new SplittableRandom(5);
        long finished = 1_000_000;
        double[] sample = new double[10_000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = random.nextDouble();
        }
        Arrays.sort(sample);
        // a fifth diverged: the median of all runs is the finished ones' 0.625 quantile (0.5 / 0.8)
        double m = ComboAccumulator.medianCountingWorst(sample, finished, 1_250_000);
        assertThat(m).isCloseTo(0.625, within(0.02));
        // all runs' middle ranks 624 999 and 625 000, at a hundredth in the sample: 6249.99 and 6250
        assertThat(m).isEqualTo(0.5 * (sample[6249] + sample[6250]));
    }

    /** Through the accumulator: the summary's median over all runs in the user's sign, maximising too. */
    @Test
    void theSummaryCarriesItInTheUsersSign() {
        ComboAccumulator a = new ComboAccumulator(Double.NaN, 1e-6, 0, 0);
        for (double v : new double[] {-5, -3, -4}) {
            a.runs++;
            a.add(v, 10);
        }
        // two more runs that diverged: {-5, -4, -3, inf, inf} minimised, median -3
        a.runs += 2;
        Findings.ComboSummary s = a.summary(null, -5, 1e-6, -1, 1, -1);
        // maximising: end values 5, 3, 4 and two diverged, the median of all -3 minimised is 3
        assertThat(s.maximized()).isTrue();
        assertThat(s.medianAllRuns()).isEqualTo(3.0);
        assertThat(s.medianValue()).isEqualTo(4.0);
        assertThat(s.medianLoss()).isEqualTo(-3.0);
    }
}
