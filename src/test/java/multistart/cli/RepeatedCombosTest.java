package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports' sweep tables and sentences count a combo that repeats another's runs (gd under a
 * second momentum) once, and name at most five combos as good as the first: a 1000-combo sweep
 * had listed 380 combo numbers in the summary's second paragraph and five identical gd rows in a
 * row in its table.
 */
class RepeatedCombosTest {

    @TempDir
    Path tmp;

    /**
     * On (x-1)^2, gd and heavy-ball momentum settle from every start at rates 0.1-0.4 (gd's error
     * shrinks by |1 - 2 rate| a step; heavy ball's for rate below 1 + momentum) and grow at rate 2
     * (|1 - 4| = 3; 2 > 1 + 0.6): of the 15 distinct combos (gd's under momenta 0.3 and 0.6 repeat
     * those under 0, and momentum at momentum 0 takes gd's steps) the three at rate 2 fail every
     * start and are apart from the first; the other 11 succeed on the very starts the first does.
     */
    @Test
    void repeatsAreLeftOutAndLongListsCounted() throws IOException {
        Path out = Cli.runConfig(tmp, "out", """
                name: repeats
                objective: {builtin: quadratic}
                starts: {count: 20}
                optimizer:
                  method: [gd, momentum]
                  momentum: [0, 0.3, 0.6]
                  learning_rate: [0.1, 0.2, 0.3, 0.4, 2.0]
                  max_iterations: 500
                output: {trajectories: 0}
                """);
        // 2 methods x 3 momenta x 5 rates; gd's combos under momenta 0.3 and 0.6 repeat those under
        // 0, and momentum's under 0 repeat gd's
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(sweep).hasSize(1 + 30);
        String summary = Files.readString(out.resolve("summary.md"));
        List<String> rows = summary.lines().filter(l -> l.matches("\\| \\d+ \\| \\d+ \\| (gd|momentum) \\|.*"))
                .toList();
        assertThat(rows).hasSize(15);
        assertThat(rows.stream().filter(l -> l.contains("| gd |"))).hasSize(5);
        assertThat(summary).contains("Not in the table: 15 combos that repeat another's runs; `sweep.csv` has every"
                + " combo.");
        String headline = summary.lines().filter(l -> l.startsWith("Best settings:")).findFirst().orElseThrow();
        assertThat(headline).contains("as good start by start: 11 other combos (").contains(" and 6 more)");
        assertThat(headline.split("\\(")[2].split(" and ")[0].split(", ")).hasSize(5);
        assertThat(summary).contains("11 combos are not clearly apart from the first").contains("; and 6 more,"
                + " which result.json's paired_comparison lists");
        String page = Files.readString(out.resolve("report.html"));
        assertThat(page).contains("Not in the table: 15 combos that repeat another&#39;s runs; sweep.csv has every"
                + " combo.");
        // the sweep table's rows: rank, combo, method
        assertThat(page.split("<tr><td>\\d+</td><td>\\d+</td><td>gd</td>", -1)).hasSize(1 + 5);
        assertThat(page.split("<tr><td>\\d+</td><td>\\d+</td><td>momentum</td>", -1)).hasSize(1 + 10);
    }

    /**
     * Momentum and nesterov at momentum 0 take gd's steps: v = 0 v - eta g and x + v is x - eta g,
     * the same floating-point operations. Their runs are gd's, row for row in runs.csv (on peaks,
     * in SIMD lanes, where gd's steps are worked in the same order), and the reports and validate
     * say they repeat gd's; whichever of the three the sweep lists first is the one the others
     * repeat.
     */
    @Test
    void momentumAtZeroRepeatsGdsRuns() throws IOException {
        String yaml = """
                name: zero
                objective: {builtin: peaks}
                starts: {count: 60}
                optimizer:
                  method: [METHODS]
                  learning_rate: 0.04
                  momentum: [0.5, 0]
                  max_iterations: 400
                output: {trajectories: 0, charts: false}
                """;
        Path out = Cli.runConfig(tmp, "out", yaml.replace("METHODS", "gd, momentum, nesterov"));
        // combos: gd (0, 1: repeats 0), momentum 0.5 (2), momentum 0 (3), nesterov 0.5 (4), nesterov 0 (5)
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        for (int start = 0; start < 60; start++) {
            String gd = outcome(runs.get(1 + start));
            assertThat(outcome(runs.get(1 + 3 * 60 + start))).as("momentum at 0, start %d", start).isEqualTo(gd);
            assertThat(outcome(runs.get(1 + 5 * 60 + start))).as("nesterov at 0, start %d", start).isEqualTo(gd);
            assertThat(outcome(runs.get(1 + 2 * 60 + start))).as("momentum at 0.5").isNotEqualTo(gd);
        }
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("Some combos repeat others' runs: gd does not use momentum; momentum and"
                + " nesterov at momentum 0 take gd's steps, so 3 of the 6 combos (1, 3, 5) repeat the runs of"
                + " another");
        assertThat(summary.lines().filter(l -> l.matches("\\| \\d+ \\| \\d+ \\| (gd|momentum|nesterov) \\|.*")))
                .hasSize(3);

        Path config = tmp.resolve("first.yaml");
        Files.writeString(config, yaml.replace("METHODS", "nesterov, gd"));
        Cli v = Cli.run("validate", config.toString());
        assertThat(v.code()).isZero();
        // nesterov 0.5 (0), nesterov 0 (1), gd (2: repeats 1), gd (3: repeats 1)
        assertThat(v.out()).contains("nesterov at momentum 0 takes gd's steps, so 2 of the 4 combos (2, 3) repeat")
                .contains("  2: gd learning_rate=0.04 decay=1.0 max_iterations=400 (repeats combo 1's runs)")
                .contains("  3: gd learning_rate=0.04 decay=1.0 max_iterations=400 (repeats combo 1's runs)");
    }

    /** A runs.csv row from its end point on: end_x, end_y, value, gradient_norm, iterations, status, basin. */
    private static String outcome(String row) {
        String[] f = row.split(",", -1);
        return String.join(",", java.util.Arrays.copyOfRange(f, f.length - 7, f.length));
    }
}
