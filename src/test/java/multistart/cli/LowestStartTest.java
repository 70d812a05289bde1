package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start point with the best value (result.json's {@code lowest_start}), and the warning where
 * it beats every end point: the runs then went the wrong way, as across 1/x's pole, where gradient
 * descent from just left of 0 leaps far to the right and settles at the local minimum
 * (1/2)^(1/3) instead of falling without bound.
 */
class LowestStartTest {

    @TempDir
    Path dir;

    private static final String POLE = """
            name: pole
            objective:
              expression: "%s"
              variables: [x]
              goal: %s
            domain:
              x: [-2, 2]
            starts:
              count: 0
              points: [[1.5], [-0.01], [0.5]]
            optimizer:
              method: gd
              learning_rate: 0.01
              max_iterations: 3000
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lowest(Path out) throws Exception {
        return (Map<String, Object>) ComboHitsTest.parse(out.resolve("result.json")).get("lowest_start");
    }

    @Test
    void aStartBelowEveryEndPointAcrossAPoleIsReported() throws Exception {
        Path out = Cli.runConfig(dir, "pole", POLE.formatted("1/x + x^2", "minimize"));
        Map<String, Object> low = lowest(out);
        assertThat(low.get("start")).isEqualTo(1L);
        // 1/(-0.01) + 0.01^2
        assertThat((double) low.get("value")).isCloseTo(-99.9999, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(low.get("beats_every_end_point")).isEqualTo(true);
        // every run ends at the local minimum x = 2^(-1/3), value 3 / 2^(2/3)
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("**Best minimum: 1.88988157484")
                .contains("**Start 1 is lower than every end point:** -99.9999 at (x = -0.01), against the best"
                        + " end point's 1.88988157484")
                .contains("so its runs all went uphill").contains("rows with start 1 in `runs.csv`");
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<b>Start 1 is lower than every end point:</b> -99.9999 at (x = -0.01)");
    }

    @Test
    void maximisingItIsTheHighestStartAndTheWarningTurnsOver() throws Exception {
        Path out = Cli.runConfig(dir, "pole", POLE.formatted("-1/x - x^2", "maximize") + "output: {runs: none}\n");
        Map<String, Object> low = lowest(out);
        assertThat(low.get("start")).isEqualTo(1L);
        assertThat((double) low.get("value")).isCloseTo(99.9999, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(low.get("beats_every_end_point")).isEqualTo(true);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("**Start 1 is higher than every end point:** 99.9999 at (x = -0.01)")
                .contains("above it by").contains("so its runs all went downhill, which gradient ascent does")
                .contains("Sampling alone found a better point than every run.").doesNotContain("runs.csv`");
    }

    /**
     * No warning where the runs did their job; the lowest start is found among 10 001 grid starts
     * (chunks on the analysis pool) the same at any thread count: the grid's middle cell centre,
     * start 5000, x = 0.
     */
    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {1, 3})
    void theLowestOfManyStartsIsTheSameOnAnyThreads(int threads) throws Exception {
        Path out = Cli.runConfig(dir, "bowl", """
                name: bowl
                objective:
                  expression: "x^2"
                  variables: [x]
                domain:
                  x: [-1, 1]
                starts:
                  count: 10001
                  sampler: grid
                optimizer:
                  method: gd
                  learning_rate: 0.1
                  max_iterations: 500
                output: {runs: none, charts: false}
                execution: {threads: %d}
                """.formatted(threads));
        Map<String, Object> low = lowest(out);
        assertThat(low.get("start")).isEqualTo(5000L);
        assertThat((double) low.get("value")).isLessThan(1e-24);
        assertThat(low.get("beats_every_end_point")).isEqualTo(false);
        assertThat(Files.readString(out.resolve("summary.md"))).doesNotContain("than every end point");
    }
}
