package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting real processes: SIGINT and kill -9 in the middle of a sweep, then --resume,
 * compared byte for byte with a run that was never interrupted.
 */
class ResumeTest {

    @TempDir
    Path tmp;

    /** About 8e7 steps: a few seconds on two cores, long enough to be interrupted midway. */
    static final String LONG = """
            name: long
            seed: 11
            objective: {builtin: rastrigin, dimension: 3}
            starts: {count: 40000}
            optimizer:
              method: momentum
              learning_rate: [0.002, 0.004]
              momentum: 0.9
              max_iterations: 1000
              stop: {gradient_norm: 0}
            basins: {tolerance: 1.0e-3}
            output: {trajectories: 3}
            """;

    /**
     * As long, with more starts than the merge keeps values for in memory ({@code
     * Aggregator.START_VALUES_IN_MEMORY}): the runs that climbed (about half of them at rate 0.01)
     * are counted from a file of the starts' values, written again as the journal's runs are
     * replayed.
     */
    static final String WIDE = LONG.replace("dimension: 3", "dimension: 1").replace("count: 40000", "count: 140000")
            .replace("max_iterations: 1000", "max_iterations: 300").replace("0.004]", "0.01]");

    static final List<String> CSVS = List.of("runs.csv", "minima.csv", "sweep.csv");

    /**
     * A prefix that gives the child process SIGINT's default handling back. A process started in
     * the background by a non-interactive shell (`mvn test &`, nohup) ignores SIGINT, its children
     * inherit that, and a JVM that starts with SIGINT ignored installs no handler for it, so the
     * interrupt tests would see the child ignore the signal. GNU env (coreutils 8.31+) resets it;
     * where there is none, or SIGINT is not ignored here, the child starts as it is.
     */
    static final List<String> SIGINT_DEFAULT = sigintDefault();

    private static List<String> sigintDefault() {
        try {
            boolean ignored = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("SigIgn:"))
                    .anyMatch(l -> (Long.parseLong(l.substring(7).trim(), 16) & 2L) != 0); // bit 1: signal 2
            if (ignored && new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0) {
                return List.of("env", "--default-signal=INT");
            }
        } catch (IOException | RuntimeException e) {
            // no /proc or no env: start the child as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    Path config(String text) throws IOException {
        Path p = tmp.resolve("long.yaml");
        Files.writeString(p, text);
        return p;
    }

    static Process start(Path config, Path out) throws IOException {
        return start(config, out, 2);
    }

    static Process start(Path config, Path out, int threads) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(SIGINT_DEFAULT);
        cmd.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), "multistart.cli.Main", "run",
                config.toString(), "--out", out.toString(), "--threads", Integer.toString(threads)));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
        return pb.start();
    }

    /** Waits until the journal holds some finished runs (but the sweep is far from done). */
    static void awaitJournal(Path out, Process p) throws Exception {
        Path journal = out.resolve(".multistart").resolve("journal.bin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(journal) && Files.size(journal) > 50_000) {
                return;
            }
            assertThat(p.isAlive()).as("the run ended before it could be interrupted").isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no journal after 60 s");
    }

    /** Waits until the process started by {@link #start} has logged {@code line}; returns its log. */
    Path awaitLog(Process p, String line) throws Exception {
        Path log = tmp.resolve("out.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(log) && Files.readString(log).contains(line))) {
            assertThat(System.nanoTime()).as("no '%s' after 60 s", line).isLessThan(deadline);
            assertThat(p.isAlive()).as("the run ended before '%s'", line).isTrue();
            Thread.sleep(10);
        }
        return log;
    }

    void assertSameAsUninterrupted(Path config, Path resumed) throws IOException {
        Path reference = tmp.resolve("reference");
        Cli r = Cli.run("run", config.toString(), "--out", reference.toString(), "--quiet", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : CSVS) {
            assertThat(Files.readAllBytes(resumed.resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(reference.resolve(f)));
        }
        assertThat(resumed.resolve(".multistart")).doesNotExist();
        // the start-by-start comparison of the combos is rebuilt from the journal's runs
        Object paired = ComboHitsTest.parse(resumed.resolve("result.json")).get("paired_comparison");
        assertThat(paired).isNotNull().isEqualTo(ComboHitsTest.parse(reference.resolve("result.json"))
                .get("paired_comparison"));
        // and the runs that ended worse than they started, from the journal's runs' starts
        assertThat(ClimbedRunsTest.climbed(resumed)).doesNotContainNull()
                .isEqualTo(ClimbedRunsTest.climbed(reference));
    }

    /**
     * At 1 thread the merge runs on one thread; from 2 on in two stages on two threads
     * (Engine.Sink.staged).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} threads")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 4})
    void sigintKeepsFinishedRunsAndResumeCompletesTheFolderIdentically(int threads) throws Exception {
        Path config = config(LONG);
        Path out = tmp.resolve("out");
        Process p = start(config, out, threads);
        awaitJournal(out, p);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        String log = Files.readString(tmp.resolve("out.log"));
        // the command to resume names the folder given by --out: without it the resume would look in
        // results/<name>
        String resume = "`run " + config + " --out " + out + " --resume` completes it";
        assertThat(log).contains("SIGINT received: stopping after the runs in progress").contains(resume);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("**INCOMPLETE**")
                .contains("`multistart " + resume.substring(1));
        // the figures cover the runs that finished, of the plan's
        java.util.regex.Matcher done = java.util.regex.Pattern.compile("interrupted after (\\d+) runs").matcher(log);
        assertThat(done.find()).as(log).isTrue();
        assertThat(Files.readString(out.resolve("summary.md")))
                .containsPattern(" " + done.group(1) + " of [0-9]+ runs: ");
        assertThat(out.resolve("result.json")).doesNotExist();

        Cli again = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("holds an unfinished run; --resume completes it");

        Cli resumed = Cli.run("run", config.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.md"))).doesNotContain("INCOMPLETE")
                .doesNotContainPattern(" [0-9]+ of [0-9]+ runs: ");
        assertSameAsUninterrupted(config, out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"long", "wide"})
    void killNineAndATornLastRecordStillResumeCorrectly(String sweep) throws Exception {
        Path config = config(sweep.equals("long") ? LONG : WIDE);
        Path out = tmp.resolve("out");
        Process p = start(config, out);
        awaitJournal(out, p);
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // a torn record, as if the process died in the middle of a write
        Files.write(out.resolve(".multistart").resolve("journal.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7},
                StandardOpenOption.APPEND);
        Cli resumed = Cli.run("run", config.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertSameAsUninterrupted(config, out);
    }

    /**
     * Reports are written on several threads once the sweep is done (SideTasks): minima.csv and
     * runs.csv beside the rest, result.json beside summary.md (moved into place last). One that
     * cannot be written fails the run without result.json, even where result.json itself was
     * written meanwhile (its temporary file is deleted), and --resume completes the folder.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"minima.csv", "summary.md", "result.json"})
    void aReportThatCannotBeWrittenFailsTheRunAndResumeCompletesTheFolder(String file) throws Exception {
        Path config = config(LONG.replace("count: 40000", "count: 2000").replace("output: {trajectories: 3}",
                "output: {trajectories: 3, runs: all}"));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        // the file's temporary file cannot be created: a non-empty folder is in its place
        Path blocker = out.resolve("." + file + ".tmp");
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("x"), "x");
        Cli failed = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).contains("." + file + ".tmp").contains("--resume")
                .contains("all 4000 runs finished, but writing their results failed");
        assertThat(out.resolve("result.json")).doesNotExist();
        if (!file.equals("result.json")) {
            assertThat(out.resolve(".result.json.tmp")).doesNotExist();
        }
        assertThat(out.resolve(".multistart").resolve("journal.bin")).exists();

        Files.delete(blocker.resolve("x"));
        Files.delete(blocker);
        Cli resumed = Cli.run("run", config.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(out.resolve("result.json")).exists();
        assertSameAsUninterrupted(config, out);
    }

    @Test
    void resumingWithAChangedConfigIsRefusedSayingWhatChanged() throws Exception {
        Path config = config(LONG);
        Path out = tmp.resolve("out");
        Process p = start(config, out);
        awaitJournal(out, p);
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
        Files.writeString(config, LONG.replace("seed: 11", "seed: 12").replace("[0.002, 0.004]", "[0.002, 0.003]"));
        Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("was started with a different config").contains("seed: 11 -> 12")
                .contains("optimizer.learning_rate: [0.002, 0.004] -> [0.002, 0.003]")
                .contains("(restore the config, or --seed 11 on the command line, or pass --force to start over)");
    }

    @Test
    void resumeWhereNothingWasStartedSaysSoAndRunsTheSweep() throws Exception {
        Path config = config("""
                name: r
                objective: {builtin: himmelblau}
                starts: {count: 20}
                optimizer: {learning_rate: 0.01, max_iterations: 100}
                output: {charts: false, basin_resolution: 0}
                """);
        Path out = tmp.resolve("mistyped");
        // the warning is a log line: a process of its own, whose standard error is read
        Child c = Child.run(List.of(), "run", config.toString(), "--out", out.toString(), "--resume", "--quiet");
        String output = c.output();
        assertThat(c.code()).as(output).isZero();
        assertThat(output).contains(" WARN  r: nothing to resume in " + out
                + " (no interrupted run there); running the whole sweep");
        assertThat(out.resolve("result.json")).exists();
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefused() throws Exception {
        Path config = config(LONG);
        Path out = tmp.resolve("out");
        Process p = start(config, out);
        try {
            awaitJournal(out, p);
            Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--resume", "--quiet");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("is in use by another multistart run");
        } finally {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * SIGINT while the basin map is drawn (a 500 x 500 map of beale under nesterov, about 7 s of
     * runs on two cores, after a sweep of 40): the map ends, everything else is written as an
     * uninterrupted run without a map writes it, and the exit code says interrupted. The runs
     * are kept: a plain run is refused with a word on --resume, and --resume draws the map and
     * writes the results again (the CSVs the same bytes).
     */
    @Test
    void sigintWhileTheBasinMapIsDrawnEndsTheMapAndResumeDrawsIt() throws Exception {
        String text = """
                name: map
                seed: 5
                objective: {builtin: beale}
                starts: {count: 40}
                optimizer: {method: nesterov, learning_rate: 0.001, momentum: 0.9, max_iterations: 5000}
                output: {basin_resolution: 500}
                """;
        Path config = config(text);
        Path out = tmp.resolve("out");
        Process p = start(config, out);
        Path log = awaitLog(p, "mapping the basins");
        Thread.sleep(300);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(Files.readString(log)).contains("SIGINT received: ending the basin map; every other result is "
                + "written").contains("basin map interrupted")
                .contains("interrupted while mapping the basins, so without basins.png")
                .contains("`run " + config + " --out " + out + " --resume` draws it");
        assertThat(out.resolve("basins.png")).doesNotExist();
        assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("Basins of attraction")
                .contains("The basin map was interrupted, so basins.png was not drawn")
                .contains("Convergence");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("the basin map interrupted after")
                .contains("basins.png not drawn; --resume draws it");
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"basin_map_interrupted\" : true");
        assertThat(out.resolve(".multistart").resolve(Experiment.JOURNAL)).exists();
        assertThat(out.resolve(".multistart").resolve(Experiment.MAP_PENDING)).exists();
        // the rest as a run without a map writes it
        Path reference = tmp.resolve("reference");
        Path plain = tmp.resolve("plain.yaml");
        Files.writeString(plain, text.replace("basin_resolution: 500", "basin_resolution: 0"));
        Cli r = Cli.run("run", plain.toString(), "--out", reference.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : CSVS) {
            assertThat(Files.readAllBytes(out.resolve(f))).as(f).isEqualTo(Files.readAllBytes(reference.resolve(f)));
        }
        // a plain run is refused, and says what --resume does
        r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("holds a finished run whose basin map was interrupted; --resume draws it");
        // --resume draws the map; the CSVs as before
        r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--resume");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("basins.png")).exists();
        assertThat(out.resolve(".multistart")).doesNotExist();
        assertThat(Files.readString(out.resolve("report.html"))).contains("Basins of attraction")
                .doesNotContain("The basin map was interrupted");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("s drawing the basin map")
                .doesNotContain("interrupted");
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"basin_map_interrupted\" : false");
        for (String f : CSVS) {
            assertThat(Files.readAllBytes(out.resolve(f))).as(f).isEqualTo(Files.readAllBytes(reference.resolve(f)));
        }
        assertThat(javax.imageio.ImageIO.read(out.resolve("basins.png").toFile())).isNotNull();
        // finished now: nothing more to resume
        r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--resume");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("there is nothing to resume");
    }

    /**
     * SIGINT once every run is done, while runs.csv (a million rows) is written: the results are
     * finished all the same, the warning says so, and the run counts as done (exit 0).
     */
    @Test
    void sigintWhileTheResultsAreWrittenFinishesThem() throws Exception {
        Path config = config("""
                name: rows
                seed: 3
                objective: {builtin: peaks}
                starts: {count: 1000000}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 1}
                output: {runs: all, charts: false}
                """);
        Path out = tmp.resolve("out");
        Process p = start(config, out);
        Path log = awaitLog(p, "writing runs.csv");
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("SIGINT received: every run is done; writing their results first");
        assertThat(p.exitValue()).isZero();
        assertThat(out.resolve("result.json")).exists();
        assertThat(Files.lines(out.resolve("runs.csv")).count()).isEqualTo(1_000_001);
    }
}
