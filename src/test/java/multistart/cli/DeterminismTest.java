package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same config and seed give byte-identical CSVs whatever the thread count. */
class DeterminismTest {

    @TempDir
    static Path tmp;

    static final String SWEEP = """
            name: det
            seed: %d
            objective:
              builtin: %s
            starts:
              count: 300
              sampler: %s
            optimizer:
              method: [momentum, adam]
              learning_rate: [0.01, 0.05]
              decay: [1.0, 0.99]
              momentum: {from: 0.0, to: 0.9, steps: 3}
              max_iterations: 400
            output:
              trajectories: 0
            """;

    static byte[][] run(String yaml, int threads, String tag) throws IOException {
        Path cfg = tmp.resolve(tag + ".yaml");
        Files.writeString(cfg, yaml);
        Path out = tmp.resolve(tag + "-t" + threads);
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--threads", Integer.toString(threads),
                "--quiet", "--force");
        assertThat(r.code()).as(r.err()).isZero();
        return new byte[][] {Files.readAllBytes(out.resolve("runs.csv")), Files.readAllBytes(out.resolve("minima.csv")),
                Files.readAllBytes(out.resolve("sweep.csv"))};
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {0, 17, 123456789})
    void csvFilesAreIdenticalAtOneTwoAndFourThreads(int seed) throws IOException {
        String[][] cases = {{"himmelblau", "uniform"}, {"six-hump-camel", "latin_hypercube"},
            {"rastrigin", "sobol\n  scramble: true"}};
        for (String[] c : cases) {
            String yaml = String.format(SWEEP, seed, c[0], c[1]);
            String tag = c[0] + seed;
            byte[][] one = run(yaml, 1, tag);
            for (int threads : new int[] {2, 4}) {
                byte[][] other = run(yaml, threads, tag);
                for (int f = 0; f < 3; f++) {
                    assertThat(other[f]).as("%s file %d at %d threads", c[0], f, threads).isEqualTo(one[f]);
                }
            }
        }
    }

    /**
     * Short runs end at points of their own: a minima.csv of over
     * {@link multistart.report.CsvTables#PARALLEL_ROWS} rows, which from 2 threads on is
     * formatted in blocks on several threads.
     */
    @Test
    void aLongMinimaTableIsTheSameAtOneTwoAndFourThreads() throws IOException {
        String yaml = String.format(SWEEP, 9, "himmelblau", "uniform").replace("count: 300", "count: 1600")
                .replace("max_iterations: 400", "max_iterations: 2");
        byte[][] one = run(yaml, 1, "long-minima");
        assertThat(new String(one[1]).lines().count() - 1)
                .isGreaterThan(multistart.report.CsvTables.PARALLEL_ROWS + 4096L);
        for (int threads : new int[] {2, 4}) {
            byte[][] other = run(yaml, threads, "long-minima");
            for (int f = 0; f < 3; f++) {
                assertThat(other[f]).as("file %d at %d threads", f, threads).isEqualTo(one[f]);
            }
        }
    }

    /**
     * Scrambled sobol: another seed gives other starts (unscrambled, the same), and the files say
     * how the starts were drawn.
     */
    @Test
    void scrambledStartsFollowTheSeedAndSaySo() throws IOException {
        String scrambled = SWEEP.replace("max_iterations: 400", "max_iterations: 20");
        byte[][] a = run(String.format(scrambled, 1, "himmelblau", "sobol\n  scramble: true"), 2, "scrambled-1");
        byte[][] b = run(String.format(scrambled, 2, "himmelblau", "sobol\n  scramble: true"), 2, "scrambled-2");
        assertThat(a[0]).isNotEqualTo(b[0]);
        byte[][] c = run(String.format(scrambled, 1, "himmelblau", "sobol"), 2, "plain-1");
        byte[][] d = run(String.format(scrambled, 2, "himmelblau", "sobol"), 2, "plain-2");
        assertThat(c[0]).isEqualTo(d[0]);
        Path out = tmp.resolve("scrambled-1-t2");
        assertThat(Files.readString(out.resolve("result.json")).replaceAll("\\s+", " "))
                .contains("\"sampler\" : \"sobol\", \"scramble\" : true");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("300 starts (scrambled sobol)");
    }

    @Test
    void everyComboRunsFromTheSameStartPoints() throws IOException {
        byte[][] files = run(String.format(SWEEP, 5, "himmelblau", "sobol"), 2, "same-starts");
        List<String> rows = new String(files[0]).lines().skip(1).toList();
        // 24 combos x 300 starts
        assertThat(rows).hasSize(24 * 300);
        Map<String, String> startPoint = new HashMap<>();
        for (String row : rows) {
            String[] f = row.split(",");
            // run,start,combo,method,learning_rate,decay,momentum,start_x,start_y,...
            String xy = f[7] + "," + f[8];
            String prev = startPoint.putIfAbsent(f[1], xy);
            if (prev != null) {
                assertThat(xy).as("start %s", f[1]).isEqualTo(prev);
            }
        }
        assertThat(startPoint).hasSize(300);
    }
}
