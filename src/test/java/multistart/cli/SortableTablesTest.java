package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html's sweep and end-point tables sort by a click on a column's heading (an inline
 * script, nothing loaded): each in a thead and a tbody, and each cell whose text is not its
 * number exactly carries the number (data-v) the sorting reads, the same double as sweep.csv's.
 */
class SortableTablesTest {

    @TempDir
    Path tmp;

    /**
     * gd on (x - 1)^2 settles at rates 0.1 and 0.4 and diverges at 2 (|1 - 4| = 3 a step): that
     * combo has no success (steps per success +infinity) and no run that did not diverge (median
     * iterations NaN, sorted last).
     */
    @Test
    void cellsCarryTheNumbersTheSortingReads() throws IOException {
        Path out = Cli.runConfig(tmp, "out", """
                name: sortable
                objective: {builtin: quadratic}
                starts: {count: 12}
                optimizer: {method: gd, learning_rate: [0.1, 0.4, 2.0], max_iterations: 300}
                """);
        String page = Files.readString(out.resolve("report.html"));
        assertThat(page.split("<script>", -1)).hasSize(2);
        assertThat(page).doesNotContain("src=\"http").contains("document.querySelectorAll('table.sortable')");
        Matcher sweep = Pattern.compile("<table class=\"sortable\"><thead><tr><th>rank</th><th>combo</th>"
                + "<th>learning_rate</th><th>success</th>.*?</tr></thead><tbody>\n(.*?)</tbody></table>",
                Pattern.DOTALL).matcher(page);
        assertThat(sweep.find()).isTrue();
        List<String> rows = sweep.group(1).lines().toList();
        assertThat(rows).hasSize(3);
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        for (String row : rows) {
            List<String> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<td( data-v=\"([^\"]*)\")?>([^<]*)</td>").matcher(row);
            List<String> values = new ArrayList<>();
            while (td.find()) {
                cells.add(td.group(3));
                values.add(td.group(2));
            }
            String[] line = csv.get(1 + Integer.parseInt(cells.get(1))).split(",");
            // success, its interval's low end, median iterations, steps per success, best value
            assertThat(values.get(3)).isEqualTo(line[header.indexOf("success_rate")]);
            assertThat(Double.parseDouble(values.get(4))).isLessThanOrEqualTo(Double.parseDouble(values.get(3)));
            String median = line[header.indexOf("median_iterations")];
            assertThat(values.get(6)).isEqualTo(median.isEmpty() ? "NaN" : median);
            boolean diverging = cells.get(2).equals("2");
            assertThat(values.get(7)).isEqualTo(diverging ? "Infinity" : values.get(7));
            assertThat(cells.get(7)).isEqualTo(diverging ? "-" : cells.get(7));
            if (!diverging) {
                // every run succeeds: the mean run's steps
                assertThat(Double.parseDouble(values.get(7))).isGreaterThan(1).isLessThan(300);
            }
        }
        assertThat(page).containsPattern("<table class=\"sortable\"><thead><tr><th>basin</th><th>x</th><th>value"
                + "</th><th>kind</th><th>runs</th><th>share</th><th>note</th></tr></thead><tbody>\n<tr><td>1</td>"
                + "<td data-v=\"[0-9.E-]+\">");
    }
}
