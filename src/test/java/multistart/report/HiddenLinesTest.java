package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import multistart.engine.Trajectory;
import org.junit.jupiter.api.Test;

/**
 * The convergence chart's legend says which combos' lines lie under another's: gd on (x - 1)^2
 * multiplies the distance to the minimum by |1 - 2 rate| a step, so rates 0.1 and 0.9 (0.8 and
 * -0.8) give the same distances, step by step, from the same start.
 */
class HiddenLinesTest {

    private static Trajectory run(long run, int combo, double rate, int steps) {
        int[] iterations = new int[steps + 1];
        double[] gap = new double[steps + 1];
        double e = 2.0;
        for (int k = 0; k <= steps; k++) {
            iterations[k] = k;
            gap[k] = e * e;
            e *= 1 - 2 * rate;
        }
        return new Trajectory(run, 0, combo, iterations, gap, new int[0], new double[0][]);
    }

    private static Map<Integer, Integer> hidden(List<Trajectory> runs) {
        List<double[]> lines = new ArrayList<>();
        for (Trajectory t : runs) {
            lines.add(t.values());
        }
        return ConvergenceChart.hidden(runs, lines);
    }

    @Test
    void theSlowRateFromOneSideLiesUnderTheZigZag() {
        List<Trajectory> runs = List.of(run(0, 0, 0.1, 30), run(1, 1, 0.45, 30), run(2, 2, 0.9, 30),
                run(3, 3, 1.02, 30));
        // drawn in order: combo 0's line first, under combo 2's
        assertThat(hidden(runs)).containsExactly(Map.entry(0, 2));
    }

    @Test
    void aLineDrawnLastOrOneOfTwoRunsLeftVisibleIsNotHidden() {
        // combo 2 drawn first is under combo 0 now
        assertThat(hidden(List.of(run(2, 2, 0.9, 30), run(0, 0, 0.1, 30)))).containsExactly(Map.entry(2, 0));
        // combo 0 has a second run of its own that nothing covers
        assertThat(hidden(List.of(run(0, 0, 0.1, 30), run(4, 0, 0.1, 20), run(2, 2, 0.9, 30)))).isEmpty();
        // two runs of one combo on one line are one combo's line, not hidden
        assertThat(hidden(List.of(run(0, 0, 0.1, 30), run(1, 0, 0.1, 30)))).isEmpty();
        // lines that part after a while are not hidden
        assertThat(hidden(List.of(run(0, 0, 0.1, 30), run(1, 1, 0.1000001, 30)))).isEmpty();
    }
}
