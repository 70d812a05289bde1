package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * runs.csv is written with provisional basin ids and rewritten at the end with the final
 * numbers. Its basin column must agree with minima.csv: as many rows name basin b as
 * minima.csv gives b hits, and b's best run is one of them. Rows of a few bytes and rows
 * longer than the rewrite's 64 KiB block.
 */
class RunsCsvTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}-d, {2} starts")
    @CsvSource({"himmelblau, 2, 400, 0.01, 2000", "rastrigin, 3, 300, 0.002, 500", "rosenbrock, 2600, 6, 1.0e-4, 2"})
    void basinColumnAgreesWithMinima(String builtin, int n, int starts, double rate, int iterations) throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, """
                name: c
                objective: {builtin: %s, dimension: %d}
                starts: {count: %d}
                optimizer: {method: [gd, momentum], learning_rate: %s, max_iterations: %d}
                output: {runs: all, trajectories: 0, charts: false}
                """.formatted(builtin, n, starts, rate, iterations));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--force", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertThat(runs).hasSize(1 + 2 * starts);
        Map<Integer, Integer> hits = new HashMap<>();
        Map<Integer, Integer> runOfRow = new HashMap<>();
        for (String row : runs.subList(1, runs.size())) {
            String basin = row.substring(row.lastIndexOf(',') + 1);
            if (!basin.isEmpty()) {
                int b = Integer.parseInt(basin);
                hits.merge(b, 1, Integer::sum);
                runOfRow.put(Integer.parseInt(row.substring(0, row.indexOf(','))), b);
            }
        }
        List<String> minima = Files.readAllLines(out.resolve("minima.csv"));
        String[] header = minima.get(0).split(",");
        int hitsCol = List.of(header).indexOf("hits");
        int bestCol = List.of(header).indexOf("best_run");
        assertThat(hits).hasSize(minima.size() - 1);
        for (String row : minima.subList(1, minima.size())) {
            String[] f = row.split(",");
            int b = Integer.parseInt(f[0]);
            assertThat(hits.get(b)).as("hits of basin %d", b).isEqualTo(Integer.parseInt(f[hitsCol]));
            assertThat(runOfRow.get(Integer.parseInt(f[bestCol]))).as("basin of basin %d's best run", b).isEqualTo(b);
        }
        if (n > 1000) {
            assertThat(runs.get(1).length()).isGreaterThan(1 << 16);
        }
    }
}
