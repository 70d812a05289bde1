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
     * (|1 - 4| = 3; 2 > 1 + 0.6): of the 20 distinct combos the four at rate 2 fail every start
     * and are apart from the first; the other 15 succeed on the very starts the first does.
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
        // 2 methods x 3 momenta x 5 rates; gd's combos under momenta 0.3 and 0.6 repeat those under 0
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(sweep).hasSize(1 + 30);
        String summary = Files.readString(out.resolve("summary.md"));
        List<String> rows = summary.lines().filter(l -> l.matches("\\| \\d+ \\| \\d+ \\| (gd|momentum) \\|.*"))
                .toList();
        assertThat(rows).hasSize(20);
        assertThat(rows.stream().filter(l -> l.contains("| gd |"))).hasSize(5);
        assertThat(summary).contains("Not in the table: 10 combos that repeat another's runs; `sweep.csv` has every"
                + " combo.");
        String headline = summary.lines().filter(l -> l.startsWith("Best settings:")).findFirst().orElseThrow();
        assertThat(headline).contains("as good start by start: 15 other combos (").contains(" and 10 more)");
        assertThat(headline.split("\\(")[2].split(" and ")[0].split(", ")).hasSize(5);
        assertThat(summary).contains("15 combos are not clearly apart from the first").contains("; and 10 more,"
                + " which result.json's paired_comparison lists");
        String page = Files.readString(out.resolve("report.html"));
        assertThat(page).contains("Not in the table: 10 combos that repeat another&#39;s runs; sweep.csv has every"
                + " combo.");
        // the sweep table's rows: rank, combo, method
        assertThat(page.split("<tr><td>\\d+</td><td>\\d+</td><td>gd</td>", -1)).hasSize(1 + 5);
        assertThat(page.split("<tr><td>\\d+</td><td>\\d+</td><td>momentum</td>", -1)).hasSize(1 + 15);
    }
}
