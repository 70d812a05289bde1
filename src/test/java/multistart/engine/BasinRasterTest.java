package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ToIntFunction;
import multistart.config.Combo;
import multistart.config.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The basin map's raster steps each row's starts in SIMD lanes, as the sweep does, and labels
 * the same cells as one run at a time: here each cell is labelled with a hash of its end point's
 * bits, so that any difference in any bit of any end point shows. Rows of 19 cells leave the
 * last lanes of a row unfilled; the larger rates make some runs diverge (label -1).
 */
class BasinRasterTest {

    /** A label that changes with every bit of the end point. */
    static final ToIntFunction<double[]> BITS = x -> {
        long h = 17;
        for (double v : x) {
            h = h * 31 + Double.doubleToRawLongBits(v);
        }
        return (int) (h ^ (h >>> 32)) & 0x7fffffff;
    };

    @ParameterizedTest(name = "{0} {1}-d, {2}")
    @CsvSource(delimiter = ';', value = {
        "rastrigin; 2; momentum; 0.002; 0.3",
        "rastrigin; 3; adam; 0.01; 0.5",
        "peaks; 2; momentum; 0.01; 0.9",
        "peaks; 2; nesterov; 0.05; 0.5",
        "himmelblau; 2; gd; 0.01; 0.05",
        "ackley; 2; rmsprop; 0.01; 0.5",
        "rosenbrock; 3; momentum; 0.0005; 0.01"})
    void rowsInLanesLabelEveryCellAsTheScalarPathDoes(String builtin, int n, String method, String rate1,
            String rate2) throws Exception {
        Plan plan = Plan.of(ConfigLoader.parse(("""
                name: raster
                objective: {builtin: %s, dimension: %d}
                domain: {"*": [-3, 3]}
                starts: {count: 10}
                optimizer:
                  method: %s
                  learning_rate: [%s, %s]
                  decay: [1.0, 0.99]
                  momentum: 0.8
                  max_iterations: 300
                  stop: {gradient_norm: 1.0e-6}
                  divergence: 1.0e3
                """.formatted(builtin, n, method, rate1, rate2)).getBytes(StandardCharsets.UTF_8), "r.yaml", null));
        double[] through = new double[n];
        Arrays.fill(through, 0.25);
        long ended = 0;
        for (Combo combo : plan.combos()) {
            BasinRaster lanes = BasinRaster.compute(plan, combo, 19, through, 2, BITS, true);
            BasinRaster scalar = BasinRaster.compute(plan, combo, 19, through, 2, BITS, false);
            assertThat(lanes.cells()).as("combo %d", combo.index()).containsExactly(scalar.cells());
            ended += Arrays.stream(scalar.cells()).filter(c -> c >= 0).count();
        }
        assertThat(ended).as("cells whose run did not diverge").isGreaterThan(0);
    }
}
