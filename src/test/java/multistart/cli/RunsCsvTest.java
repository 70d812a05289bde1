package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runs.csv is written at the end from the journal, in blocks formatted on several threads, with
 * the final basin numbers. Its basin column must agree with minima.csv: as many rows name basin
 * b as minima.csv gives b hits, and b's best run is one of them. Rows of a few bytes and rows
 * longer than 64 KiB; sweeps of one block and of many, on one thread and on three.
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
        // the size that validate and run announce for a large file, against the file's own
        long estimate = multistart.report.RunsFile.estimateBytes(
                multistart.engine.Plan.of(multistart.config.ConfigLoader.load(cfg)));
        assertThat((double) estimate).isCloseTo(Files.size(out.resolve("runs.csv")),
                org.assertj.core.api.Assertions.withinPercentage(10));
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

    /**
     * One gradient step on the sphere from each of 15 000 starts under two rates: 30 000 rows,
     * more blocks than the formatting threads keep ahead. Rows in run order, starts in the order
     * of the sampler, and each end point the closed form x (1 - 2 rate); the same bytes whatever
     * the thread count.
     */
    @Test
    void manyBlocksComeOutInRunOrderWithTheirClosedFormEndPoints() throws Exception {
        Path cfg = tmp.resolve("s.yaml");
        Files.writeString(cfg, """
                name: s
                objective: {builtin: sphere, dimension: 2}
                starts: {count: 15000}
                optimizer: {method: gd, learning_rate: [0.1, 0.25], max_iterations: 1, stop: {gradient_norm: 0}}
                output: {runs: all, trajectories: 0, charts: false}
                """);
        byte[] first = null;
        for (int threads : new int[] {3, 1}) {
            Path out = tmp.resolve("s" + threads);
            Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--threads",
                    Integer.toString(threads));
            assertThat(r.code()).as(r.err()).isZero();
            byte[] bytes = Files.readAllBytes(out.resolve("runs.csv"));
            if (first == null) {
                first = bytes;
                List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
                assertThat(rows.get(0)).isEqualTo("run,start,combo,learning_rate,start_x1,start_x2,end_x1,end_x2,value,"
                        + "gradient_norm,iterations,status,basin");
                assertThat(rows).hasSize(30_001);
                for (int run = 0; run < 30_000; run++) {
                    String[] f = rows.get(run + 1).split(",");
                    assertThat(Long.parseLong(f[0])).isEqualTo(run);
                    assertThat(Long.parseLong(f[1])).isEqualTo(run % 15_000);
                    double rate = run < 15_000 ? 0.1 : 0.25;
                    assertThat(Double.parseDouble(f[3])).isEqualTo(rate);
                    double value = 0;
                    for (int k = 0; k < 2; k++) {
                        double x = Double.parseDouble(f[4 + k]);
                        double end = Double.parseDouble(f[6 + k]);
                        assertThat(end).as("run %d", run).isCloseTo(x * (1 - 2 * rate), within(1e-15));
                        value += end * end;
                    }
                    assertThat(Double.parseDouble(f[8])).isCloseTo(value, within(1e-15));
                    assertThat(f[10]).isEqualTo("1");
                    assertThat(f[11]).isEqualTo("max_iterations");
                }
            } else {
                assertThat(bytes).as("runs.csv at 1 thread and at 3").isEqualTo(first);
            }
        }
    }
}
