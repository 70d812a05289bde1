package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import multistart.config.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The basin map's default resolution in high dimension: the largest grid whose runs, each as
 * long as the longest combo's, cost at most the larger of 2e9 coordinate-steps and the sweep's
 * own most work, the default 80 at most and 10 at least; a resolution the config sets is kept.
 */
class MapResolutionTest {

    static Plan plan(int n, int starts, String iterations, String rates, String output) throws Exception {
        return Plan.of(ConfigLoader.parse("""
                name: map
                objective: {builtin: rosenbrock, dimension: %d}
                starts: {count: %d}
                optimizer: {method: adam, learning_rate: %s, max_iterations: %s}
                output: %s
                """.formatted(n, starts, rates, iterations, output).getBytes(StandardCharsets.UTF_8), "m.yaml", null));
    }

    @ParameterizedTest(name = "{0}-d, {1} starts, {2} iterations, rates {3}, output {4}: {5} per side")
    @CsvSource(delimiter = ';', value = {
        // 2e9 / (3000 x 2000) = 333 runs: 18 x 18
        "2000; 16; 3000; 0.01; {}; 18",
        // the sweep's own work is larger: 1000 x 3000 x 2000 = 6e9, 1000 runs: 31 x 31
        "2000; 1000; 3000; 0.01; {}; 31",
        // 6 panels share the budget: 333 / 6 = 55 runs a panel: 7, raised to 10
        "2000; 16; 3000; [0.01, 0.02, 0.03, 0.04, 0.05, 0.06]; {}; 10",
        // 2 panels: 166 runs a panel: 12 x 12
        "2000; 16; 3000; [0.01, 0.02]; {}; 12",
        // the longest combo counts: max_iterations swept to 3000
        "2000; 16; [100, 3000]; 0.01; {basin_combo: 0}; 18",
        // 10 000-d, 10 000 steps: 20 runs would fit, the least is 10 x 10
        "10000; 4; 10000; 0.01; {}; 10",
        // 10-d, 2000 steps: 6400 runs are 1.3e8, within the budget
        "10; 16; 2000; 0.01; {}; 80",
        // 500-d, 1000 steps: 4000 runs fit, 63 x 63
        "500; 16; 1000; 0.01; {}; 63",
        // set in the config: kept, costly or not
        "2000; 16; 3000; 0.01; {basin_resolution: 80}; 80",
        "2000; 16; 3000; 0.01; {basin_resolution: 5}; 5",
        // no map: 0
        "2000; 16; 3000; 0.01; {basin_resolution: 0}; 0"})
    void theDefaultMapCostsNoMoreThanTheBudgetOrTheSweep(int n, int starts, String iterations, String rates,
            String output, int expected) throws Exception {
        Plan p = plan(n, starts, iterations, rates, output);
        assertThat(p.mapResolution()).isEqualTo(expected);
        assertThat(p.mapRuns()).isEqualTo((long) expected * expected * p.mapPanels());
    }
}
