package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in configs/ validates and runs, and the worked examples give the articles' numbers. */
class ExampleConfigsTest {

    @TempDir
    Path tmp;

    static Stream<Path> configs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("configs"))) {
            List<Path> list = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void runs(Path config) throws IOException {
        Cli v = Cli.run("validate", config.toString());
        assertThat(v.code()).isZero();
        // an example sets nothing that changes nothing
        assertThat(v.out()).doesNotContain("warning:");
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : List.of("summary.md", "minima.csv", "sweep.csv", "result.json")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
    }

    String endPoint(String config) throws IOException {
        Path out = tmp.resolve(config);
        Cli r = Cli.run("run", "configs/" + config + ".yaml", "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        // run,start,combo,start_x,end_x,...
        return Files.readAllLines(out.resolve("runs.csv")).get(1).split(",")[4];
    }

    @Test
    void cubicCosExampleEndsWhereTheStatedFunctionLeads() throws IOException {
        assertThat(endPoint("cubic-cos-article")).isEqualTo("3.8747793435314155");
    }

    @Test
    void quadraticExampleEndsAtTheArticlesNumber() throws IOException {
        assertThat(endPoint("quadratic-article")).isEqualTo("1.265239111789506");
    }

    @Test
    void rastriginSweepHasTwelveCombosOverTheSameStarts() throws IOException {
        Path out = tmp.resolve("r");
        assertThat(Cli.run("run", "configs/rastrigin-sweep.yaml", "--out", out.toString(), "--quiet").code()).isZero();
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(1 + 12);
    }
}
