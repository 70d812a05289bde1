package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        if (config.getFileName().toString().equals("peaks.yaml")) {
            // README's first example is what the file says
            List<String> summary = Files.readAllLines(out.resolve("summary.md"));
            assertThat(summary.get(2) + " " + summary.get(4)).matches(readmeQuote());
        }
    }

    /**
     * README's quote of peaks' summary ("What you get": the lines that start with "> "), unwrapped
     * into one line, as a pattern where each ellipsis stands for the digits it leaves out.
     */
    private static String readmeQuote() throws IOException {
        StringBuilder quote = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith(">")) {
                String text = line.substring(1).trim();
                if (!text.isEmpty()) {
                    quote.append(quote.length() == 0 ? "" : " ").append(text);
                }
            } else if (quote.length() > 0) {
                break;
            }
        }
        assertThat(quote).as("README's quote of peaks' summary").isNotEmpty();
        StringBuilder pattern = new StringBuilder();
        for (String piece : quote.toString().split("…", -1)) {
            pattern.append(pattern.length() == 0 ? "" : "[0-9]*").append(java.util.regex.Pattern.quote(piece));
        }
        return pattern.toString();
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
    /**
     * The step-size example: a gd step on (x - 1)^2 multiplies x - 1 by 1 - 2 rate, so after 30
     * steps from 3 each rate's end point is 1 + 2 (1 - 2 rate)^30: 0.1 and 0.9 end at the same
     * point (0.8^30 = (-0.8)^30), 0.45 at 1 to the last digit, and 1.02 climbs to 1 + 2 (1.04)^30,
     * its value 4 (1.04)^60 = 42.08.
     */
    @Test
    void stepSizeExampleEndsWhereTheContractionLeads() throws IOException {
        Path out = tmp.resolve("s");
        assertThat(Cli.run("run", "configs/step-size.yaml", "--out", out.toString(), "--quiet").code()).isZero();
        // run,start,combo,learning_rate,start_x,end_x,value,gradient_norm,iterations,status,basin
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        assertThat(rows).hasSize(5);
        for (String row : rows.subList(1, 5)) {
            String[] f = row.split(",");
            double rate = Double.parseDouble(f[3]);
            double x = 1 + 2 * Math.pow(1 - 2 * rate, 30);
            assertThat(Double.parseDouble(f[5])).as(row).isCloseTo(x, within(1e-12 * Math.abs(x)));
            assertThat(Double.parseDouble(f[6])).as(row).isCloseTo((x - 1) * (x - 1),
                    within(1e-10 * (x - 1) * (x - 1) + 1e-300));
            assertThat(f[8]).isEqualTo("30");
        }
        assertThat(rows.get(2).split(",")[5]).isEqualTo("1.0");
        assertThat(rows.get(1).split(",")[5]).isEqualTo(rows.get(3).split(",")[5]);
        assertThat(Double.parseDouble(rows.get(4).split(",")[6])).isCloseTo(4 * Math.pow(1.04, 60), within(1e-9));
        // the curvature of (x - 1)^2 is 2: gd settles only below rate 2 / 2 = 1, and the summary says
        // so of combo 3 (rate 1.02), the run that climbed out of the domain
        assertThat(Files.readString(out.resolve("summary.md"))).contains("Of them, 1 ran in combo 3, whose constant "
                + "learning rate is too large to settle at basin 1: the Hessian's largest eigenvalue there is 2, and gd"
                + " settles there only below learning_rate 2 / 2 = 1;").contains("zig-zagged out of a well at a rate "
                + "too large for its curvature");
    }
}
