package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import multistart.config.Sampler;
import multistart.config.StartsConfig;
import multistart.objective.Box;
import multistart.sampling.StartPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which runs the convergence chart's sample runs are (run = combo x starts + start). */
class SampleRunsTest {

    /** Start 0 first, then distinct starts; as many as there are starts: each once. */
    @Test
    void oneComboTakesStartZeroFirstAndEachStartAtMostOnce() {
        long[] four = Trajectory.sampleRuns(1000, 1, 4, 0);
        assertThat(four[0]).isZero();
        assertThat(four).doesNotHaveDuplicates();
        for (long s : four) {
            assertThat(s).isBetween(0L, 999L);
        }
        assertThat(Trajectory.sampleRuns(7, 1, 7, 0)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
        // the same on every call (counter-based, no generator state)
        assertThat(Trajectory.sampleRuns(1000, 1, 4, 0)).containsExactly(four);
    }

    /**
     * The sample runs' starts spread over the domain whatever the sampler: in each quarter of
     * the square at least 2 of 20 (of 2000 starts, and of 2000 under 2 combos), and under a
     * 10 x 10 grid in 6 rows and 6 columns at least. Starts spread evenly by index (0, 100, ...)
     * all lay right of the middle under Halton's sequence and in 2 of 10 columns of the grid.
     */
    @ParameterizedTest
    @ValueSource(strings = {"halton", "sobol", "uniform", "latin_hypercube"})
    void theSampleStartsSpreadOverTheDomainWhateverTheSampler(String sampler) {
        for (int combos : new int[] {1, 2}) {
            StartPoints sp = new StartPoints(new StartsConfig(2000, Sampler.parse(sampler), List.of(), 2000),
                    Box.cube(2, -1, 1), 7);
            int[] quarters = new int[4];
            double[] p = new double[2];
            StartPoints.Cursor cur = sp.cursor();
            for (long run : Trajectory.sampleRuns(2000, combos, 20, 0)) {
                cur.point(run % 2000, p);
                quarters[(p[0] < 0 ? 0 : 1) + (p[1] < 0 ? 0 : 2)]++;
            }
            for (int q : quarters) {
                assertThat(q).as(sampler + " x " + combos + ": " + java.util.Arrays.toString(quarters))
                        .isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void fewCombosTakeTurnsFromDifferentStarts() {
        long[] runs = Trajectory.sampleRuns(1000, 6, 12, 4);
        Set<Long> combos = new HashSet<>();
        Set<Long> starts = new HashSet<>();
        for (long r : runs) {
            combos.add(r / 1000);
            starts.add(r % 1000);
        }
        assertThat(combos).hasSize(6);
        assertThat(starts).hasSize(12);
    }

    /**
     * 2 methods x 10 rates x 10 momenta, momentum turning fastest: samples spread evenly over the
     * run numbers were every tenth combo, all at momentum 0 and all from start 0.
     */
    @Test
    void manyCombosShowTheBestFirstAndTheOthersSpreadOverEverySetting() {
        long[] runs = Trajectory.sampleRuns(200, 200, 20, 9);
        assertThat(runs[0] / 200).isEqualTo(9);
        Set<Long> momenta = new HashSet<>();
        Set<Long> rates = new HashSet<>();
        Set<Long> starts = new HashSet<>();
        for (long r : runs) {
            long combo = r / 200;
            momenta.add(combo % 10);
            rates.add(combo / 10 % 10);
            starts.add(r % 200);
        }
        assertThat(momenta).hasSizeGreaterThanOrEqualTo(8);
        assertThat(rates).hasSizeGreaterThanOrEqualTo(8);
        assertThat(starts).hasSize(20);
        assertThat(Arrays.stream(runs).distinct().count()).isEqualTo(20);
    }

    @Test
    void neverMoreSamplesThanRuns() {
        assertThat(Trajectory.sampleRuns(2, 3, 20, 0)).hasSize(6).doesNotHaveDuplicates();
    }
}
