package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The basin map is drawn where it can show something: a confirmed minimum for its colours, a
 * diverged run, or in 2-d the sample runs' paths. On a plane, gd walks downhill at a constant
 * pace and never settles (no minimum, no divergence in 50 steps of 0.1): every cell would be grey,
 * so there is no map, and the summary says why. A bowl has its minimum and is mapped.
 */
class GreyMapTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            name: grey
            objective:
              expression: "%s"
              variables: [%s]
            domain:
              "*": [-1, 1]
            starts:
              count: 20
            optimizer:
              method: gd
              learning_rate: 0.1
              max_iterations: 50
            output:
              trajectories: %d
              basin_resolution: 10
            """;

    @ParameterizedTest
    @CsvSource({
        "'x + y + z', 'x, y, z', 5, false",
        "'x + y', 'x, y', 0, false",
        // in 2-d the sample paths are worth a map of their own
        "'x + y', 'x, y', 5, true",
        "'x^2 + y^2 + z^2', 'x, y, z', 0, true",
    })
    void aMapIsDrawnWhereItShowsSomething(String formula, String vars, int trajectories, boolean drawn)
            throws Exception {
        Path out = Cli.runConfig(dir, "grey", CONFIG.formatted(formula, vars, trajectories));
        assertThat(Files.exists(out.resolve("basins.png"))).isEqualTo(drawn);
        String summary = Files.readString(out.resolve("summary.md"));
        if (drawn) {
            assertThat(summary).contains("s drawing the basin map").doesNotContain("no basin map");
        } else {
            assertThat(summary).contains("no basin map (no run ended at a confirmed minimum or diverged, so its grid"
                    + " would be one grey area)");
            assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("basins.png");
        }
    }
}
