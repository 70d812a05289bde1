package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad inputs and faults. Each case runs the whole command line and checks the
 * exit code, that the message names the key and its line:column, and that nothing was written.
 */
class BadInputCatalogueTest {

    @TempDir
    Path tmp;

    /** Lines: name 1, objective 2, builtin 3, starts 4, count 5, optimizer 6, method 7, rate 8, iterations 9. */
    static final String BASE = """
            name: cat
            objective:
              builtin: himmelblau
            starts:
              count: 20
            optimizer:
              method: gd
              learning_rate: 0.01
              max_iterations: 50
            """;

    static Arguments edit(String what, String from, String to, String expected) {
        if (!BASE.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return Arguments.of(what, BASE.replace(from, to), expected);
    }

    static Arguments add(String what, String extra, String expected) {
        return Arguments.of(what, BASE + extra, expected);
    }

    static Arguments whole(String what, String text, String expected) {
        return Arguments.of(what, text, expected);
    }

    static Stream<Arguments> badConfigs() {
        List<Arguments> c = new ArrayList<>();
        // malformed YAML
        c.add(edit("unclosed bracket", "learning_rate: 0.01", "learning_rate: [0.01", ":9:17: malformed YAML: expected ',' or ']'"));
        c.add(edit("tab indentation", "  count: 20", "\tcount: 20", ":5:1: malformed YAML"));
        c.add(whole("top level is a list", "- name: x\n", ":1:1: the top level must be a mapping"));
        c.add(whole("empty file", "", "the file is empty"));
        c.add(whole("only comments", "# nothing\n", "the file is empty"));
        c.add(whole("two documents", BASE + "---\n" + BASE, ":10:1: malformed YAML"));
        // name
        c.add(edit("missing name", "name: cat\n", "", ":1:1: name: missing"));
        c.add(edit("name escapes the folder", "name: cat", "name: ../etc", ":1:1: name: must be 1-100 characters"));
        c.add(edit("name is a dot", "name: cat", "name: .", ":1:1: name: must be 1-100 characters"));
        c.add(edit("name too long", "name: cat", "name: " + "n".repeat(101), ":1:1: name: must be 1-100 characters"));
        c.add(edit("name with a slash", "name: cat", "name: a/b", ":1:1: name: must be 1-100 characters"));
        // top-level keys and types
        c.add(add("typo'd top-level key", "sede: 1\n", ":10:1: sede: unknown key, did you mean 'seed'?"));
        c.add(edit("typo'd section", "optimizer:", "optimiser:", ":6:1: optimiser: unknown key, did you mean 'optimizer'?"));
        c.add(add("seed is text", "seed: abc\n", ":10:1: seed: must be a whole number, got text 'abc'"));
        c.add(add("seed beyond 64 bits", "seed: 99999999999999999999\n", ":10:1: seed: must be a whole number between"));
        c.add(add("seed is a fraction", "seed: 1.5\n", ":10:1: seed: must be a whole number"));
        c.add(add("duplicate key", "name: dog\n", ":10:1: name: duplicate key (first at line 1)"));
        c.add(edit("java type tag", "count: 20", "count: !!java.lang.Runtime 20", ":5:3: starts.count: must be a whole number"));
        // objective
        c.add(edit("unknown built-in", "builtin: himmelblau", "builtin: himmelblua", ":3:3: objective.builtin: unknown built-in 'himmelblua', did you mean 'himmelblau'?"));
        c.add(edit("dimension mismatch", "builtin: himmelblau", "builtin: himmelblau\n  dimension: 3", ":4:3: objective.dimension: himmelblau is 2-dimensional, got 3"));
        c.add(edit("dimension zero", "builtin: himmelblau", "builtin: rastrigin\n  dimension: 0", ":4:3: objective.dimension: must be between 1 and 10000"));
        c.add(edit("dimension huge", "builtin: himmelblau", "builtin: sphere\n  dimension: 1000000", ":4:3: objective.dimension: must be between 1 and 10000"));
        c.add(edit("builtin and expression", "builtin: himmelblau", "builtin: himmelblau\n  expression: \"x\"", ":4:3: objective.expression: give either builtin or expression"));
        c.add(edit("a variable named as a minima.csv column", "builtin: himmelblau",
                "expression: \"(value - 1)^2 + x^2\"\n  variables: [x, value]\ndomain: {\"*\": [-1, 1]}",
                ":4:18: objective.variables: 'value' names a column of minima.csv (basin, value, kind, hits, share, best_run), which would then hold two; name it otherwise"));
        c.add(edit("data-set model", "builtin: himmelblau", "builtin: himmelblau\n  model: linear_regression", ":4:3: objective.model: give one of builtin, expression or model, not builtin and model"));
        c.add(edit("unknown goal", "builtin: himmelblau", "builtin: himmelblau\n  goal: maximise", ":4:3: objective.goal: must be minimize or maximize, got 'maximise', did you mean 'maximize'?"));
        // starts
        c.add(edit("negative count", "count: 20", "count: -5", ":5:3: starts.count: must be >= 0, got -5"));
        c.add(edit("no starts at all", "count: 20", "count: 0", ":5:3: starts.count: there are no start points"));
        c.add(edit("fractional count", "count: 20", "count: 2.5", ":5:3: starts.count: must be a whole number"));
        c.add(edit("unknown sampler", "count: 20", "count: 20\n  sampler: sobel", ":6:3: starts.sampler: unknown sampler 'sobel', did you mean 'sobol'?"));
        c.add(edit("more sobol starts than the sequence indexes", "count: 20", "count: 3000000000\n  sampler: sobol",
                ":5:3: starts.count: sobol takes at most 2147483647 starts, got 3000000000 (uniform and latin_hypercube"
                        + " take any count)"));
        c.add(edit("scramble with a random sampler", "count: 20", "count: 20\n  scramble: true",
                ":6:3: starts.scramble: applies to sobol and halton only: uniform already draws its points from the seed"));
        c.add(edit("scramble not a boolean", "count: 20", "count: 20\n  sampler: sobol\n  scramble: yes please",
                ":7:3: starts.scramble: must be true or false, got"));
        c.add(edit("a grid with one point per axis", "  builtin: himmelblau\nstarts:\n  count: 20",
                "  builtin: rastrigin\n  dimension: 10\nstarts:\n  count: 1000\n  sampler: grid",
                ":6:3: starts.count: a grid of 1000 in 10 dimensions has 1 point per axis, its centre alone; 2 per "
                        + "axis take 2^10 = 1024 starts (sobol, halton and latin_hypercube take any count)"));
        c.add(edit("point of wrong dimension", "count: 20", "count: 20\n  points: [[1, 2, 3]]", ":6:12: starts.points[0]: has 3 coordinates, the objective has 2 (x, y)"));
        c.add(edit("non-numeric point", "count: 20", "count: 20\n  points: [[1, two]]", ":6:16: starts.points[0]: must be a number, got text 'two'"));
        c.add(edit("sweep too large", "count: 20", "count: 100000000000", ":4:1: starts: the sweep has 100000000000 runs"));
        // optimizer values
        c.add(edit("negative rate", "learning_rate: 0.01", "learning_rate: -0.1", ":8:3: optimizer.learning_rate: must be > 0, got -0.1"));
        c.add(edit("zero rate", "learning_rate: 0.01", "learning_rate: 0", ":8:3: optimizer.learning_rate: must be > 0, got 0.0"));
        c.add(edit("NaN rate", "learning_rate: 0.01", "learning_rate: .nan", ":8:3: optimizer.learning_rate: must be a finite number, got .nan"));
        c.add(edit("infinite rate", "learning_rate: 0.01", "learning_rate: .inf", ":8:3: optimizer.learning_rate: must be a finite number, got .inf"));
        c.add(edit("rate is text", "learning_rate: 0.01", "learning_rate: fast", ":8:3: optimizer.learning_rate: must be a number, got text 'fast'"));
        c.add(edit("quoted number", "learning_rate: 0.01", "learning_rate: \"0.01\"", ":8:3: optimizer.learning_rate: must be a number, got text '0.01'"));
        c.add(edit("empty list", "learning_rate: 0.01", "learning_rate: []", ":8:3: optimizer.learning_rate: the list is empty"));
        c.add(edit("repeated value", "learning_rate: 0.01", "learning_rate: [0.1, 0.1]", ":8:24: optimizer.learning_rate: value 0.1 is listed twice"));
        c.add(edit("bad list element", "learning_rate: 0.01", "learning_rate: [0.1, -2]", ":8:24: optimizer.learning_rate: must be > 0, got -2.0"));
        c.add(add("decay zero", "  decay: 0\n", ":10:3: optimizer.decay: must be in (0, 1], got 0.0"));
        c.add(add("decay above one", "  decay: 1.5\n", ":10:3: optimizer.decay: must be in (0, 1], got 1.5"));
        c.add(add("momentum one", "  momentum: 1.0\n", ":10:3: optimizer.momentum: must be in [0, 1), got 1.0"));
        c.add(add("log range to zero", "  decay: {from: 1, to: 0, steps: 3, scale: log}\n", ":10:20: optimizer.decay.to: a log scale needs to > 0"));
        c.add(add("range without steps", "  momentum: {from: 0.1, to: 0.9}\n", ":10:3: optimizer.momentum: a range needs from, to and steps; 'steps' is missing"));
        c.add(add("log range from zero", "  decay: {from: 0, to: 1, steps: 3, scale: log}\n", ":10:11: optimizer.decay.from: a log scale needs from > 0"));
        c.add(add("range of zero steps", "  decay: {from: 0.5, to: 1, steps: 0}\n", ":10:29: optimizer.decay.steps: must be between 1 and 10000, got 0"));
        c.add(add("range with equal ends", "  decay: {from: 0.5, to: 0.5, steps: 3}\n", ":10:31: optimizer.decay.steps: from equals to, so 3 steps would repeat one value"));
        c.add(add("range of one step between two ends", "  decay: {from: 0.5, to: 1, steps: 1}\n",
                ":10:29: optimizer.decay.steps: 1 step takes from (0.5) alone and leaves out to (1.0); take 2 steps or more, or make to equal from"));
        c.add(edit("whole-number range that repeats once rounded", "max_iterations: 50", "max_iterations: {from: 1, to: 3, steps: 5}",
                ":9:36: optimizer.max_iterations.steps: 5 steps from 1 to 3 repeat a value (2 twice); take fewer steps"));
        c.add(add("range whose doubles repeat", "  decay: {from: 0.5, to: 0.5000000000000001, steps: 3}\n",
                ":10:46: optimizer.decay.steps: 3 steps from 0.5 to 0.5000000000000001 repeat a value (0.5 twice); take fewer steps"));
        c.add(add("unknown range scale", "  decay: {from: 0.5, to: 1, steps: 2, scale: logarithmic}\n", ":10:39: optimizer.decay.scale: must be linear or log"));
        c.add(edit("unknown method", "method: gd", "method: adamw", ":7:3: optimizer.method: unknown method 'adamw', did you mean 'adam'?"));
        c.add(edit("method listed twice", "method: gd", "method: [gd, adam, gd]", ":7:22: optimizer.method: 'gd' is listed twice"));
        c.add(edit("negative iterations", "max_iterations: 50", "max_iterations: -1", ":9:3: optimizer.max_iterations: must be between 0 and 2147483647, got -1"));
        c.add(edit("iterations beyond int", "max_iterations: 50", "max_iterations: 3000000000", ":9:3: optimizer.max_iterations: must be between 0 and 2147483647"));
        c.add(add("divergence zero", "  divergence: 0\n", ":10:3: optimizer.divergence: must be > 0, got 0.0"));
        c.add(add("negative stop test", "  stop: {gradient_norm: -1}\n", ":10:10: optimizer.stop.gradient_norm: must be >= 0"));
        c.add(add("typo in stop", "  stop: {gradient_nrom: 1e-6}\n", ":10:10: optimizer.stop.gradient_nrom: unknown key, did you mean 'gradient_norm'?"));
        c.add(add("batch size without data", "  batch_size: 16\n", ":10:3: optimizer.batch_size: only applies to objective.model"));
        c.add(edit("data without a model", "builtin: himmelblau", "builtin: himmelblau\n  data: d.csv", ":4:3: objective.data: only applies to objective.model"));
        // the literature's names for settings that go by another name here: told which one
        c.add(add("adam's beta1 by name", "  beta1: 0.8\n", ":10:3: optimizer.beta1: unknown key; adam's beta1 is the momentum setting (default 0.9)"));
        c.add(add("rmsprop's rho by name", "  rho: 0.95\n", ":10:3: optimizer.rho: unknown key; rmsprop's rho is the beta2 setting"));
        c.add(edit("lr for learning_rate", "learning_rate: 0.01", "lr: 0.01", ":8:3: optimizer.lr: unknown key; the step size is learning_rate"));
        // domain
        c.add(add("low above high", "domain:\n  x: [3, -3]\n", ":11:3: domain.x: low must be below high, got [3.0, -3.0]"));
        c.add(add("unknown variable", "domain:\n  z: [0, 1]\n", ":11:3: domain.z: unknown key"));
        c.add(add("not a pair", "domain:\n  x: [1]\n", ":11:3: domain.x: must be [low, high], got a list of 1"));
        c.add(add("infinite bound", "domain:\n  x: [-.inf, 1]\n", ":11:7: domain.x: must be a finite number, got -.inf"));
        // basins, output, execution
        c.add(add("zero tolerance", "basins:\n  tolerance: 0\n", ":11:3: basins.tolerance: must be > 0, got 0.0"));
        c.add(add("unknown runs mode", "output:\n  runs: some\n", ":11:3: output.runs: must be all or none, got 'some'"));
        c.add(add("negative trajectories", "output:\n  trajectories: -1\n", ":11:3: output.trajectories: must be between 0 and 1000, got -1"));
        c.add(add("negative threads", "execution:\n  threads: -1\n", ":11:3: execution.threads: must be between 0 (all cores) and 1024, got -1"));
        c.add(add("ten thousand threads", "execution:\n  threads: 10000\n", ":11:3: execution.threads: must be between 0 (all cores) and 1024, got 10000"));
        c.add(add("unknown engine", "execution:\n  engine: sparkk\n", ":11:3: execution.engine: must be local or spark, got 'sparkk', did you mean 'spark'?"));
        // hostile YAML
        StringBuilder bomb = new StringBuilder(BASE + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        c.add(whole("alias bomb", bomb.toString(), ":13:20: more than 20 aliases"));
        c.add(whole("deep flow nesting", BASE + "x: " + "[".repeat(5000) + "]".repeat(5000) + "\n", ":10:36: brackets nest more than 32 levels"));
        StringBuilder deep = new StringBuilder(BASE + "x:\n");
        for (int i = 1; i < 300; i++) {
            deep.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        c.add(whole("deep indentation", deep.toString(), ":211:201: indented more than 200 columns"));
        c.add(whole("long string", BASE.replace("name: cat", "name: " + "x".repeat(100_000)), ":1:1: name: must be 1-100 characters"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badConfigExitsTwoWithKeyAndPositionAndWritesNothing(String what, String yaml, String expected)
            throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, yaml);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(cfg + (expected.startsWith(":") ? "" : ": ") + expected);
        assertThat(out).doesNotExist();
        assertThat(Cli.run("validate", cfg.toString()).code()).isEqualTo(2);
    }

    @Test
    void invalidUtf8IsAnErrorNotSilentlyReplaced() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        byte[] bytes = BASE.replace("name: cat", "name: caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(cfg, bytes);
        Cli r = Cli.run("run", cfg.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(cfg + ": is not valid UTF-8 text (bad byte 0xe9 at byte offset 9, line 1)");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void oversizedFile() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, BASE + "# " + "x".repeat(1 << 20) + "\n");
        Cli r = Cli.run("run", cfg.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("file is larger than 1048576 bytes");
    }

    @Test
    void directoryOrMissingFileAsConfig() {
        Cli dir = Cli.run("run", tmp.toString());
        assertThat(dir.code()).isEqualTo(2);
        assertThat(dir.err()).contains(tmp + ": is a directory, not a config file");
        Cli missing = Cli.run("validate", tmp.resolve("none.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.yaml: no such file");
    }

    @Test
    void outputFolderThatCannotBeCreated() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, BASE);
        Path file = tmp.resolve("plain-file");
        Files.writeString(file, "not a folder");
        Cli r = Cli.run("run", cfg.toString(), "--out", file.resolve("sub").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot create the output folder " + file.resolve("sub") + ": not a directory");
        Cli r2 = Cli.run("run", cfg.toString(), "--out", file.toString());
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.err()).contains("exists and is not a folder");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void aFileThatCannotBeWrittenIsAFailureAndKeepsTheJournal() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, BASE);
        Path out = tmp.resolve("out");
        // runs.csv's temporary file is blocked by a non-empty folder of the same name
        Files.createDirectories(out.resolve(".runs.csv.tmp").resolve("blocker"));
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).isEqualTo(1);
        // runs.csv is written from the journal once every run is done
        assertThat(r.err()).contains("all 20 runs finished, but writing their results failed")
                .contains(".runs.csv.tmp").contains("--resume` writes the results from them");
        assertThat(out.resolve("result.json")).doesNotExist();
        assertThat(Files.size(out.resolve(".multistart").resolve("journal.bin"))).isGreaterThan(8);
        Files.delete(out.resolve(".runs.csv.tmp").resolve("blocker"));
        Files.delete(out.resolve(".runs.csv.tmp"));
        Cli resumed = Cli.run("run", cfg.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(21);
    }

    @Test
    void commandLineFaults() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, BASE);
        Path out = tmp.resolve("out");
        Cli threads = Cli.run("run", cfg.toString(), "--out", out.toString(), "--threads", "10000");
        assertThat(threads.code()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads must be between 0 (all cores) and 1024, got 10000");
        Cli seed = Cli.run("run", cfg.toString(), "--out", out.toString(), "--seed", "99999999999999999999");
        assertThat(seed.code()).isEqualTo(2);
        assertThat(seed.err()).contains("--seed");
        Cli both = Cli.run("run", cfg.toString(), "--out", out.toString(), "--resume", "--force");
        assertThat(both.code()).isEqualTo(2);
        assertThat(out).doesNotExist();
        // a negative seed and all cores are fine
        Cli ok = Cli.run("run", cfg.toString(), "--out", out.toString(), "--threads", "0", "--seed", "-5", "--quiet");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"seed\" : -5");
    }

    @Test
    void csvTextCellsCannotBeExecutedBySpreadsheets() {
        assertThat(multistart.report.CsvTables.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(multistart.report.CsvTables.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(multistart.report.CsvTables.text("+1")).isEqualTo("'+1");
        assertThat(multistart.report.CsvTables.text("momentum")).isEqualTo("momentum");
    }
}
