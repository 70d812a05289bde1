package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import multistart.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Journal.Reader}, which runs.csv is written from: blocks read back as they were journaled. */
class JournalReaderTest {

    @TempDir
    Path tmp;

    static Plan plan() throws Exception {
        return Plan.of(ConfigLoader.parse("""
                name: j
                seed: 4
                objective: {builtin: rastrigin, dimension: 3}
                starts: {count: 700, sampler: sobol}
                optimizer: {method: momentum, learning_rate: [0.001, 0.002], momentum: 0.9, max_iterations: 30}
                """.getBytes(StandardCharsets.UTF_8), "j.yaml", null));
    }

    /** One run as the engine handed it over: start, end, value, gradient norm, iterations, status. */
    record Row(double[] start, double[] end, double value, double gradientNorm, int iterations, byte status) {
        static Row of(Batch b, int i) {
            int n = b.dimension;
            return new Row(java.util.Arrays.copyOfRange(b.start, i * n, i * n + n),
                    java.util.Arrays.copyOfRange(b.end, i * n, i * n + n), b.value[i], b.gradientNorm[i],
                    b.iterations[i], b.status[i]);
        }

        boolean same(Row o) {
            return java.util.Arrays.equals(start, o.start) && java.util.Arrays.equals(end, o.end)
                    && Double.compare(value, o.value) == 0 && Double.compare(gradientNorm, o.gradientNorm) == 0
                    && iterations == o.iterations && status == o.status;
        }
    }

    /** Runs the plan, journaling it as the product does; returns every run as the sink saw it. */
    static List<Row> sweep(Plan plan, Path journal) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Journal j = Journal.create(journal, plan.starts().dimension())) {
            new Engine(2).execute(plan, 0, b -> {
                j.append(b);
                for (int i = 0; i < b.size; i++) {
                    rows.add(Row.of(b, i));
                }
            }, null);
        }
        return rows;
    }

    @Test
    void blocksAnywhereInTheFileReadBackAsTheEngineHandedThemOver() throws Exception {
        Plan plan = plan();
        Path path = tmp.resolve("journal.bin");
        List<Row> rows = sweep(plan, path);
        assertThat(rows).hasSize(1400);
        SplittableRandom r = new SplittableRandom(8);
        try (Journal.Reader reader = new Journal.Reader(path, plan)) {
            for (int trial = 0; trial < 200; trial++) {
                long first = r.nextLong(1400);
                int count = 1 + r.nextInt((int) Math.min(600, 1400 - first));
                Batch b = reader.read(first, count);
                assertThat(b.firstRun).isEqualTo(first);
                assertThat(b.size).isEqualTo(count);
                for (int i = 0; i < count; i++) {
                    assertThat(Row.of(b, i).same(rows.get((int) first + i))).as("run %d", first + i).isTrue();
                }
            }
        }
    }

    @Test
    void aDamagedOrMissingRecordIsAnErrorNamingTheRun() throws Exception {
        Plan plan = plan();
        Path path = tmp.resolve("journal.bin");
        sweep(plan, path);
        int size = Journal.recordSize(3);
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            // one bit of run 900's value
            long at = 8 + 900L * size + 8 + 3 * 8;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 1);
            f.setLength(8 + 1300L * size);
        }
        try (Journal.Reader reader = new Journal.Reader(path, plan)) {
            reader.read(0, 900);
            assertThatThrownBy(() -> reader.read(800, 200)).isInstanceOf(IOException.class)
                    .hasMessageContaining("run 900");
            assertThatThrownBy(() -> reader.read(1200, 200)).isInstanceOf(IOException.class)
                    .hasMessageContaining("run 1300");
        }
    }
}
