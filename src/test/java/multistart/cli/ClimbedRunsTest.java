package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import multistart.analysis.Aggregator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs that ended worse than they started (result.json's per-combo {@code climbed}, and a
 * paragraph of the summary where any did), against closed forms: gd on (x - 1)^2 from x = 3
 * multiplies x - 1 by 1 - 2 rate each step, so at rate 0.45 (0.1) and 0.9 (-0.8, oscillating) it
 * shrinks, and at 1.02 (-1.04) it grows: after 30 steps 2 * 1.04^30 = 6.49, value 42.1 against
 * the start's 4.
 */
class ClimbedRunsTest {

    @TempDir
    Path dir;

    private static final String QUADRATIC = """
            name: climb
            objective:
              builtin: quadratic
              goal: %s
            starts:
              count: 0
              points: [[3.0], [1.5]]
            optimizer:
              method: gd
              learning_rate: %s
              max_iterations: 30
              stop:
                gradient_norm: 0
            """;

    /** result.json's {@code climbed} of each combo, in combo order (null where not counted). */
    @SuppressWarnings("unchecked")
    static List<Object> climbed(Path out) throws IOException {
        List<Object> counts = new ArrayList<>();
        for (Object combo : (List<Object>) ComboHitsTest.parse(out.resolve("result.json")).get("sweep")) {
            counts.add(((Map<String, Object>) combo).get("climbed"));
        }
        return counts;
    }

    @Test
    void aRateAboveTwoOverTheCurvatureClimbsAndAnOscillatingOneDoesNot() throws Exception {
        Path out = Cli.runConfig(dir, "climb", QUADRATIC.formatted("minimize", "[0.45, 0.9, 1.02]"));
        assertThat(climbed(out)).containsExactly(0L, 0L, 2L);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("**Runs that ended higher than they started** (worse than their start point by"
                + " more than basins.success_tolerance; diverged runs not counted): combo 2 (learning_rate 1.02) 2 of"
                + " 2 (100.0%). Gradient descent only goes down while its steps suit the slope");
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<p><b>Runs that ended higher than they started</b> (worse than");
    }

    @Test
    void maximisingTheRunsThatEndLowerClimbedAndOneComboSaysItInASentence() throws Exception {
        // the same path on -(x - 1)^2 + 7, maximised (the built-in's sign flipped by an expression)
        Path out = Cli.runConfig(dir, "climb", QUADRATIC.formatted("maximize", "1.02")
                .replace("builtin: quadratic", "expression: \"7 - (x - 1)^2\"\n  variables: [x]")
                .replace("starts:", "domain:\n  x: [-4, 4]\nstarts:"));
        assertThat(climbed(out)).containsExactly(2L);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("**2 of the 2 runs (100.0%) ended lower"
                + " than they started** (worse than their start point").contains("Gradient ascent only goes up");
    }

    /**
     * One setting at a time: rate 1.02 climbs without decay; with decay 0.9 its rate is under 1
     * from the second step and the runs come down again (|x - 1| times 1.04, then 0.836, ...).
     */
    @Test
    void settingsOneAtATimePoolTheClimbingRuns() throws Exception {
        Path out = Cli.runConfig(dir, "climb", QUADRATIC.formatted("minimize", "[0.45, 1.02]")
                .replace("  max_iterations: 30", "  decay: [1, 0.9]\n  max_iterations: 30"));
        assertThat(climbed(out)).containsExactly(0L, 0L, 2L, 0L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = (List<Map<String, Object>>) ComboHitsTest
                .parse(out.resolve("result.json")).get("settings_one_at_a_time");
        assertThat(levels).extracting(l -> l.get("setting") + " " + l.get("value") + ": " + l.get("climbed"))
                .containsExactly("learning_rate 0.45: 0", "learning_rate 1.02: 2", "decay 1: 2", "decay 0.9: 0");
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("| diverged | climbed | iterations |")
                .containsPattern("\\| learning_rate \\| 1\\.02 \\| 2 \\| [^|]+ \\| 0 \\| 50\\.0% \\|")
                .containsPattern("\\| decay \\| 0\\.9 \\| 2 \\| [^|]+ \\| 0 \\| 0\\.0% \\|");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<th>diverged</th><th>climbed</th>");
    }

    @Test
    void noParagraphWhereNoRunClimbed() throws Exception {
        Path out = Cli.runConfig(dir, "climb", QUADRATIC.formatted("minimize", "[0.1, 0.45]"));
        assertThat(climbed(out)).containsExactly(0L, 0L);
        assertThat(Files.readString(out.resolve("summary.md"))).doesNotContain("than they started");
        Path two = Cli.runConfig(dir, "calm", QUADRATIC.formatted("minimize", "[0.1, 0.45]")
                .replace("  max_iterations: 30", "  decay: [1, 0.9]\n  max_iterations: 30"));
        assertThat(Files.readString(two.resolve("summary.md"))).contains("## Settings one at a time")
                .doesNotContain("climbed");
    }

    /**
     * Up to {@link Aggregator#START_VALUES_IN_MEMORY} starts the merge keeps their values in memory;
     * beyond, in a file that the later combos read back: the same counts either side of the
     * limit, on any thread count. gd on (x - 1)^2 from [2, 3]: at rate 1.5 each step multiplies x - 1 by
     * -2 (the value by 4: every run climbs), at rate 0.5 by 0 (value 0: none does).
     */
    @ParameterizedTest(name = "{0} extra starts")
    @ValueSource(ints = {0, 1})
    void eitherSideOfTheStartsKeptInMemoryTheCountsAreTheSame(int extra) throws Exception {
        for (int threads : new int[] {1, 3}) {
            Path out = Cli.runConfig(dir, "many", """
                    name: many
                    objective:
                      builtin: quadratic
                    domain:
                      x: [2, 3]
                    starts:
                      count: %d
                    optimizer:
                      method: gd
                      learning_rate: [1.5, 0.5]
                      max_iterations: 1
                    output: {runs: none, charts: false}
                    execution: {threads: %d}
                    """.formatted(Aggregator.START_VALUES_IN_MEMORY + extra, threads));
            assertThat(climbed(out)).as("threads %d", threads)
                    .containsExactly(Aggregator.START_VALUES_IN_MEMORY + extra, 0L);
        }
    }

    /**
     * Beyond {@link Aggregator#START_VALUES_IN_MEMORY} starts, against the runs themselves: heavy ball on
     * rastrigin 1-d (10 + x^2 - 10 cos 2 pi x), where momentum 0.9 carries runs over ridges into
     * higher wells, each run's start value computed here from runs.csv's start.
     */
    @Test
    void beyondTheStartsKeptInMemoryEachRunIsComparedWithItsOwnStart() throws Exception {
        long starts = Aggregator.START_VALUES_IN_MEMORY + 1000;
        Path out = Cli.runConfig(dir, "rastrigin", """
                name: rastrigin
                objective: {builtin: rastrigin, dimension: 1}
                starts: {count: %d}
                optimizer:
                  method: momentum
                  learning_rate: [0.002, 0.01]
                  momentum: 0.9
                  max_iterations: 60
                output: {charts: false}
                """.formatted(starts));
        long[] expected = new long[2];
        try (java.io.BufferedReader r = Files.newBufferedReader(out.resolve("runs.csv"))) {
            List<String> header = List.of(r.readLine().split(","));
            int combo = header.indexOf("combo");
            int x = header.indexOf("start_x1");
            int value = header.indexOf("value");
            int status = header.indexOf("status");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                if (f[status].equals("diverged")) {
                    continue;
                }
                double s = Double.parseDouble(f[x]);
                double start = 10 + s * s - 10 * Math.cos(2 * Math.PI * s);
                double rise = Double.parseDouble(f[value]) - start;
                if (rise > 1e-6 && rise > 1e-12 * Math.max(1, Math.abs(start))) {
                    expected[Integer.parseInt(f[combo])]++;
                }
            }
        }
        assertThat(expected[1]).as("runs that climbed at rate 0.01").isGreaterThan(starts / 10);
        assertThat(climbed(out)).containsExactly(expected[0], expected[1]);
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("**Runs that ended higher than they started**");
    }
}
