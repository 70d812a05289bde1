package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which runs the convergence chart's sample runs are (run = combo x starts + start). */
class SampleRunsTest {

    @Test
    void oneComboSpreadsTheSamplesEvenlyOverTheStarts() {
        assertThat(Trajectory.sampleRuns(1000, 1, 4, 0)).containsExactly(0, 250, 500, 750);
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
