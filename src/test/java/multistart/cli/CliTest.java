package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import multistart.config.ExperimentConfig;
import multistart.engine.Plan;
import multistart.objective.Builtins;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {

    @TempDir
    Path tmp;

    static final String PEAKS = """
            name: small-peaks
            seed: 3
            objective:
              builtin: peaks
            starts:
              count: 60
            optimizer:
              method: momentum
              learning_rate: [0.02, 0.05]
              momentum: [0.0, 0.5]
              max_iterations: 3000
            output:
              trajectories: 4
            """;

    Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Nested
    class Run {

        /**
         * A batch reports every bad config before its first sweep begins (a night-long first config
         * no longer keeps the second one's typo back until it ends), once, and still runs the rest.
         * Here the first config fails when it runs (its folder cannot be made), which is said after.
         */
        @Test
        void aBatchReportsItsBadConfigsBeforeRunningAny() throws IOException {
            Path first = write("first.yaml", PEAKS.replace("  trajectories: 4", "  dir: " + tmp.resolve("file/sub")));
            Files.writeString(tmp.resolve("file"), "a file, not a folder");
            Path bad = write("bad.yaml", PEAKS.replace("name: small-peaks", "name: other")
                    .replace("method: momentum", "method: momentun"));
            Cli r = Cli.run("run", first.toString(), bad.toString(), "--quiet");
            assertThat(r.code()).isEqualTo(2);
            String typo = "bad.yaml:8:3: optimizer.method: unknown method 'momentun', did you mean 'momentum'?";
            assertThat(r.err()).contains(typo).contains("cannot create the output folder");
            assertThat(r.err().indexOf(typo)).isLessThan(r.err().indexOf("cannot create the output folder"));
            assertThat(r.err().indexOf(typo)).isEqualTo(r.err().lastIndexOf(typo));
            assertThat(r.out()).contains("bad.yaml: bad config, nothing written");
        }

        @Test
        void writesEveryFileAndPrintsWhereTheyWent() throws IOException {
            Path cfg = write("p.yaml", PEAKS);
            Path out = tmp.resolve("out");
            Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("best -6.5511333328358").contains("results in " + out);
            for (String f : List.of("summary.md", "minima.csv", "sweep.csv", "runs.csv", "result.json")) {
                assertThat(out.resolve(f)).isNotEmptyFile();
            }
            assertThat(Files.readAllLines(out.resolve("runs.csv")).get(0)).isEqualTo("run,start,combo,learning_rate,"
                    + "momentum,start_x,start_y,end_x,end_y,value,gradient_norm,iterations,status,basin");
            assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(1 + 240);
            assertThat(Files.readAllLines(out.resolve("minima.csv")).get(0))
                    .isEqualTo("basin,x,y,value,kind,hits,share,best_run");
            assertThat(Files.readAllLines(out.resolve("sweep.csv")).get(0)).isEqualTo("combo,learning_rate,momentum,"
                    + "runs,converged,diverged,success_rate,best_value,median_value,median_iterations,basins_found");
            assertThat(Files.readString(out.resolve("summary.md"))).contains("**Best minimum: -6.5511333328358");
            String json = Files.readString(out.resolve("result.json"));
            assertThat(json).contains("\"wall_seconds\"", "\"gradient_steps\"", "\"steps_per_second\"",
                    "\"trajectories\"", "\"minima_total\"", "\"unresolved_omitted\" : 0", "\"share_per_combo\" : {",
                            "\"max_iterations\" : [ 3000 ]",
                            "\"charts\" : true", "\"basin_resolution\" : 80", "\"basin_combo\" : \"best\"")
                    .doesNotContain("NaN");
            try (var files = Files.list(out)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
            }
        }

        @Test
        void anExistingFinishedFolderIsNotOverwrittenWithoutForce() throws IOException {
            Path cfg = write("p.yaml", PEAKS);
            Path out = tmp.resolve("out");
            assertThat(Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet").code()).isZero();
            String before = Files.readString(out.resolve("runs.csv"));
            Cli again = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--seed", "9");
            assertThat(again.code()).isEqualTo(2);
            assertThat(again.err()).contains("already holds a finished run").contains("--force");
            // said once, on stderr; the closing line on stdout says what became of the config
            assertThat(again.out()).doesNotContain("already holds")
                    .contains("p.yaml: output folder not usable, nothing written");
            assertThat(Files.readString(out.resolve("runs.csv"))).isEqualTo(before);
            assertThat(Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--seed", "9", "--force")
                    .code()).isZero();
            assertThat(Files.readString(out.resolve("runs.csv"))).isNotEqualTo(before);
        }

        @Test
        void severalConfigsEachGetAFolderAndTheWorstCodeWins() throws IOException {
            Path good = write("good.yaml", PEAKS);
            Path bad = write("bad.yaml", PEAKS.replace("small-peaks", "other").replace("count: 60", "count: -1"));
            Path out = tmp.resolve("batch");
            Cli r = Cli.run("run", good.toString(), bad.toString(), "--out", out.toString(), "--quiet");
            assertThat(r.code()).isEqualTo(2);
            assertThat(out.resolve("small-peaks").resolve("result.json")).exists();
            assertThat(out.resolve("other")).doesNotExist();
            assertThat(r.out().lines()).hasSize(2);
            assertThat(r.out()).contains("good.yaml: best").contains("bad.yaml: bad config, nothing written");
            assertThat(r.err()).contains("bad.yaml:6:3: starts.count: must be >= 0, got -1");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "typo'd key | 'learning_rate: [0.02, 0.05]' | 'learning_rte: [0.02, 0.05]' | 9:3: optimizer.learning_rte: "
                    + "unknown key, did you mean 'learning_rate'?",
            "negative rate | 'learning_rate: [0.02, 0.05]' | 'learning_rate: -0.1' | 9:3: optimizer.learning_rate: "
                    + "must be > 0, got -0.1",
            "low > high | 'starts:' | 'domain: {x: [2, 1]}\nstarts:' | 5:10: domain.x: low must be below high",
            "unknown built-in | 'builtin: peaks' | 'builtin: peeks' | 4:3: objective.builtin: unknown built-in "
                    + "'peeks', did you mean 'peaks'?",
            "wrong type | 'max_iterations: 3000' | 'max_iterations: lots' | 11:3: optimizer.max_iterations: must be a "
                    + "number, got text 'lots'",
        })
        void badConfigExitsTwoNamesKeyAndPositionAndWritesNothing(String what, String from, String to, String message)
                throws IOException {
            Path cfg = write("bad.yaml", PEAKS.replace(from, to.replace("\\n", "\n")));
            Path out = tmp.resolve("never");
            Cli r = Cli.run("run", cfg.toString(), "--out", out.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains(cfg + ":" + message);
            assertThat(out).doesNotExist();
            assertThat(Cli.run("validate", cfg.toString()).code()).isEqualTo(2);
        }

        @Test
        void missingConfigFileAndDirectoryAreBadInput() {
            Cli missing = Cli.run("run", tmp.resolve("nope.yaml").toString());
            assertThat(missing.code()).isEqualTo(2);
            assertThat(missing.err()).contains("nope.yaml: no such file");
            Cli dir = Cli.run("run", tmp.toString());
            assertThat(dir.code()).isEqualTo(2);
            assertThat(dir.err()).contains("is a directory");
        }

        @Test
        void badCommandLine() {
            assertThat(Cli.run("run").code()).isEqualTo(2);
            assertThat(Cli.run("frobnicate").code()).isEqualTo(2);
            Cli threads = Cli.run("run", "x.yaml", "--threads", "-3");
            assertThat(threads.code()).isEqualTo(2);
            assertThat(threads.err()).contains("--threads must be between 0");
        }
    }

    @Test
    void validatePrintsThePlanAndWritesNothing() throws IOException {
        Path cfg = write("p.yaml", PEAKS);
        Cli r = Cli.run("validate", cfg.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("variables: x, y\n", "combos: 4 (sweeping learning_rate, momentum)", "runs: 240",
                "gradient steps: at most 720000");
        // the basin map's runs, which can outnumber the sweep's: 80 x 80 starts for each of 4 panels
        assertThat(r.out()).contains("basin map: 25600 more runs, a grid of 80 x 80 starts for each of 4 combos");
        assertThat(Path.of("results", "small-peaks")).doesNotExist();
        // the default domain's local minima where the count is known; a domain of one's own has none said
        assertThat(r.out()).contains("local minima in the domain: 3 (peaks' three wells)\n");
        String own = PEAKS.replace("  builtin: peaks\n", "  builtin: peaks\ndomain: {x: [-2, 2], y: [-2, 2]}\n");
        assertThat(Cli.run("validate", write("own.yaml", own).toString()).out()).doesNotContain("local minima");
    }

    /**
     * validate says what a constant rate must stay under at a built-in's known minimum: (x - 1)^2
     * has curvature 2, so 2 / 2 = 1; a 200-d sphere is past the dense Hessian's reach and says
     * nothing; maximising says nothing (the known minimum is not the goal).
     */
    @Test
    void validateGivesTheRateLimitAtTheKnownMinimum() throws IOException {
        String quadratic = "name: q\nobjective: {builtin: quadratic}\nstarts: {count: 3}\n"
                + "optimizer: {method: gd, learning_rate: 0.5}\n";
        assertThat(Cli.run("validate", write("q.yaml", quadratic).toString()).out()).contains("curvature: at the "
                + "minimum: the Hessian's largest eigenvalue is 2, so gd at a constant rate settles there only below "
                + "learning_rate 2 / 2 = 1\n");
        String wide = quadratic.replace("quadratic}", "sphere, dimension: 200}");
        assertThat(Cli.run("validate", write("s.yaml", wide).toString()).out()).doesNotContain("curvature");
        String up = quadratic.replace("quadratic}", "quadratic, goal: maximize}");
        assertThat(Cli.run("validate", write("u.yaml", up).toString()).out()).doesNotContain("curvature");
    }

    /** Combos that differ only in a stop test or the divergence limit do not read alike in the plan. */
    @Test
    void thePlanShowsSweptStopTestsAndDivergence() throws IOException {
        String cfg = "name: st\nobjective: {builtin: peaks}\nstarts: {count: 3}\noptimizer: {method: gd, "
                + "learning_rate: 0.01, stop: {gradient_norm: [1e-4, 1e-8]}, divergence: [10, 1e8]}\n";
        Cli v = Cli.run("validate", write("st.yaml", cfg).toString());
        assertThat(v.out()).contains(
                "  0: gd learning_rate=0.01 decay=1.0 max_iterations=1000 stop.gradient_norm=1.0E-4 divergence=10.0\n",
                "  3: gd learning_rate=0.01 decay=1.0 max_iterations=1000 stop.gradient_norm=1.0E-8 "
                        + "divergence=1.0E8\n");
        // not swept: not repeated on every line
        assertThat(Cli.run("validate", write("p.yaml", PEAKS).toString()).out()).doesNotContain("divergence=")
                .doesNotContain("stop.");
    }

    /** 1000 asked for in 5-d: 3^5 = 243 <= 1000 < 4^5 = 1024, so a grid of 3 per axis. */
    @Test
    void aGridThatRoundsTheCountDownSaysSoInThePlanAndTheSummary() throws IOException {
        String cfg = "name: g5\nobjective: {builtin: sphere, dimension: 5}\nstarts: {count: 1000, sampler: grid}\n"
                + "optimizer: {method: gd, learning_rate: 0.4, max_iterations: 100}\noutput: {charts: false}\n";
        Path file = write("g5.yaml", cfg);
        String said = "grid rounds starts.count 1000 down to 243 (3 points per axis in 5 dimensions)";
        Cli v = Cli.run("validate", file.toString());
        assertThat(v.out()).contains("starts: 243 (grid); " + said + "\n", "runs: 243\n");
        Path out = tmp.resolve("g5");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("243 runs: 243 starts (grid) x 1 combo. The " + said + ".\n");
        // a whole grid is not remarked on
        Cli whole = Cli.run("validate", write("g4.yaml", cfg.replace("1000", "1024")).toString());
        assertThat(whole.out()).contains("starts: 1024 (grid)\n").doesNotContain("rounds");
    }

    @Test
    void resultJsonRecordsTheBasinMapsResolutionAsDrawn() throws IOException {
        // sphere in 400-d, 1000 iterations a run: the default 80 x 80 map would cost 6400 x 1000 x 400 =
        // 2.56e9 coordinate-steps, above Plan.MAP_WORK (2e9), so it is lowered to floor(sqrt(2e9 / 4e5)) = 70
        // per side; at rate 0.5 every run lands on 0 in one step, so the map itself is cheap
        String cfg = "name: s400\nobjective: {builtin: sphere, dimension: 400}\nstarts: {count: 5}\n"
                + "optimizer: {method: gd, learning_rate: 0.5, max_iterations: 1000}\n";
        Path out = tmp.resolve("s400");
        Cli r = Cli.run("run", write("s400.yaml", cfg).toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        String json = Files.readString(out.resolve("result.json"));
        assertThat(json).contains("\"basin_resolution\" : 70", "\"max_iterations\" : [ 1000 ]");
        assertThat(out.resolve("basins.png")).isNotEmptyFile();
        // the report's resolved config says so beside what was configured
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("output.charts = true resolution 80 combo best (drawn at 70 x 70: lowered in 400 "
                        + "dimensions)");
    }

    /**
     * gd reads no momentum: where momentum is swept beside it, gd's rows leave the momentum
     * cell empty (a value there would read as if it had been applied), result.json gives null,
     * and validate, the log and summary.md say which combos repeat another's runs.
     */
    @Test
    void aSettingAMethodDoesNotUseIsLeftBlankAndTheRepeatsAreNamed() throws IOException {
        String yaml = """
                name: unused
                objective: {builtin: himmelblau}
                starts: {count: 6}
                optimizer: {method: [gd, momentum], learning_rate: 0.01, momentum: [0.5, 0.9], max_iterations: 50}
                output: {basin_resolution: 0}
                """;
        Path config = write("u.yaml", yaml);
        Cli v = Cli.run("validate", config.toString());
        assertThat(v.out()).contains("combos: 4 (sweeping method, momentum); gd does not use momentum, so 1 of the 4 "
                + "combos (1) repeats the runs of another\n");
        assertThat(v.out()).containsPattern("\n  1: gd [^\n]* \\(repeats combo 0's runs\\)\n  2: momentum");
        assertThat(v.out().split("repeats combo", -1)).hasSize(2);
        Path out = tmp.resolve("u");
        Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(sweep.get(1)).startsWith("0,gd,,6,");
        assertThat(sweep.get(2)).startsWith("1,gd,,6,");
        assertThat(sweep.get(3)).startsWith("2,momentum,0.5,6,");
        // the two gd combos ran the same runs: the same figures after the combo's columns
        assertThat(sweep.get(1).substring(sweep.get(1).indexOf(",6,"))).isEqualTo(
                sweep.get(2).substring(sweep.get(2).indexOf(",6,")));
        assertThat(Files.readAllLines(out.resolve("runs.csv")).get(1)).startsWith("0,0,0,gd,,");
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("Some combos repeat others' runs: gd does not use momentum, so 1 of the 4 combos "
                + "(1) repeats the runs of another.");
        assertThat(summary).containsPattern("\\| [01] \\| gd \\| - \\|");
        String page = Files.readString(out.resolve("report.html"));
        assertThat(page).contains("Some combos repeat others&#39; runs: gd does not use momentum, so 1 of the 4 combos "
                + "(1) repeats the runs of another.").contains("<td>gd</td><td>-</td>");
        String json = Files.readString(out.resolve("result.json"));
        assertThat(json).containsPattern("\"combo\" : 0,\\s*\"method\" : \"gd\",[^}]*\"momentum\" : null,");
        assertThat(json).containsPattern("\"combo\" : 3,\\s*\"method\" : \"momentum\",[^}]*\"momentum\" : 0.9,");
    }

    /**
     * momentum without a method runs plain gd: the run goes on, and validate, summary.md,
     * report.html and result.json say at the key's line and column that it changed
     * nothing; the runs are exactly those of the same config without the key.
     */
    @Test
    void aSettingNoMethodReadsIsWarnedAtItsLineAndChangesNothing() throws IOException {
        String yaml = """
                name: quiet-momentum
                objective: {builtin: himmelblau}
                starts: {count: 6}
                optimizer:
                  learning_rate: 0.01
                  momentum: 0.9
                  max_iterations: 50
                output: {basin_resolution: 0}
                """;
        String said = "optimizer.momentum: changes nothing: gd does not read it (optimizer.method is gd when not"
                + " given); momentum, nesterov and adam do";
        Path config = write("q.yaml", yaml);
        Cli v = Cli.run("validate", config.toString());
        assertThat(v.code()).isZero();
        assertThat(v.out()).contains(config + ": OK\nwarning: " + config + ":6:3: " + said + "\n");
        Path out = tmp.resolve("q");
        // (the log's warning goes to whichever Log4j backend the suite's first test set up)
        Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        // a sentence in the plan's paragraph
        String sentence = " " + said.replace("momentum: changes", "momentum changes") + ".";
        assertThat(Files.readString(out.resolve("summary.md"))).contains(sentence);
        assertThat(Files.readString(out.resolve("report.html"))).contains(sentence);
        assertThat(Files.readString(out.resolve("result.json")))
                .contains("\"warnings\" : [ \"" + config + ":6:3: " + said + "\" ]");
        Path plain = tmp.resolve("plain");
        Cli p = Cli.run("run", write("p.yaml", yaml.replace("  momentum: 0.9\n", "")).toString(), "--out",
                plain.toString(), "--quiet");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(Files.readString(out.resolve("runs.csv"))).isEqualTo(Files.readString(plain.resolve("runs.csv")));
        assertThat(Files.readString(plain.resolve("result.json"))).contains("\"warnings\" : [ ]");
    }

    @Test
    void validateCountsTheBasinMapsRunsAsTheMapWillDrawThem() throws IOException {
        // more combos than panels: the best-ranked one alone
        String many = PEAKS.replace("momentum: [0.0, 0.5]", "momentum: [0.0, 0.3, 0.6, 0.9]")
                + "  basin_resolution: 30\n";
        Cli r = Cli.run("validate", write("m.yaml", many).toString());
        assertThat(r.out()).contains("combos: 8", "basin map: 900 more runs, a grid of 30 x 30 starts under the "
                + "best-ranked combo");
        // the combo named
        r = Cli.run("validate", write("c.yaml", PEAKS + "  basin_combo: 2\n").toString());
        assertThat(r.out()).contains("basin map: 6400 more runs, a grid of 80 x 80 starts under combo 2");
        // one past the last, named at its key
        r = Cli.run("validate", write("c.yaml", PEAKS + "  basin_combo: 4\n").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("c.yaml:14:3: output.basin_combo: there are 4 combos (0 to 3), got 4");
        r = Cli.run("validate", write("c.yaml", PEAKS.replace("[0.0, 0.5]", "0.5").replace("[0.02, 0.05]", "0.02")
                + "  basin_combo: 1\n").toString());
        assertThat(r.err()).contains("c.yaml:14:3: output.basin_combo: there is 1 combo (0), got 1");
        // in 2000-d, 16 runs of 3000 steps: the default grid lowered to 18 x 18 (Plan.mapResolution),
        // and why; a resolution the config sets is kept
        String wide = "name: w\nobjective: {builtin: rosenbrock, dimension: 2000}\nstarts: {count: 16}\n"
                + "optimizer: {method: adam, learning_rate: 0.01, max_iterations: 3000}\n";
        r = Cli.run("validate", write("w.yaml", wide).toString());
        assertThat(r.out()).contains("basin map: 324 more runs, a grid of 18 x 18 starts (lowered from the default "
                + "80 x 80, which would cost more than the sweep itself in 2000 dimensions; "
                + "output.basin_resolution sets it, 0 leaves it out)\n");
        // 2000 names: the first 20 and the last, not one 14 KB line
        assertThat(r.out()).contains("variables: x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, "
                + "x16, x17, x18, x19, x20, ... (1979 more), x2000 (2000 in all)\n");
        // 16 rows of 4000 coordinates: 1.3 MB, nothing to say; 10 000 rows: 840 MB, said
        assertThat(r.out()).contains("output: results/w\n");
        r = Cli.run("validate", write("w.yaml", wide.replace("count: 16", "count: 10000")).toString());
        assertThat(r.out()).containsPattern("output: results/w \\(runs.csv about 8[0-9]{2} MB: 10000 rows of 4000 "
                + "coordinates and more; output.runs: none leaves it out\\)\n");
        r = Cli.run("validate", write("w.yaml", wide.replace("count: 16", "count: 10000") + "output: {runs: none}\n")
                .toString());
        assertThat(r.out()).contains("output: results/w (runs.csv not written)\n");
        r = Cli.run("validate", write("w.yaml", wide + "output: {basin_resolution: 80}\n").toString());
        assertThat(r.out()).contains("basin map: 6400 more runs, a grid of 80 x 80 starts (output");
        // no map: charts off, resolution 0, one dimension
        for (String off : List.of(PEAKS + "  charts: false\n", PEAKS + "  basin_resolution: 0\n",
                "name: q\nobjective: {builtin: quadratic}\nstarts: {count: 5}\n"
                        + "optimizer: {method: gd, learning_rate: 0.1}\n")) {
            r = Cli.run("validate", write("o.yaml", off).toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain("basin map");
        }
    }

    /**
     * What a large sweep keeps in .multistart while it runs, in validate's plan: its journal (a
     * header of 8 bytes, then a record of 49 a run in 2-d, as a killed run's file measures: run
     * number, end point, value, gradient norm, iterations, status, checksum), its starts' values
     * beyond the 131 072 kept in memory (8 bytes each), and with runs.csv the basin numbers (4
     * bytes a run); and the warning where the disk has less room than the sweep's files need.
     */
    @Test
    void validateSaysWhatALargeSweepKeepsWhileItRunsAndWhereTheDiskIsShort() throws Exception {
        String big = "name: m\nobjective: {builtin: rastrigin, dimension: 2}\nstarts: {count: 10000000}\n"
                + "optimizer: {method: gd, learning_rate: 0.001}\n";
        Cli r = Cli.run("validate", write("m.yaml", big + "output: {runs: none}\n").toString());
        assertThat(r.out()).contains("while it runs: about 570 MB in " + Path.of("results", "m", ".multistart")
                + " (the journal of finished runs, 490 MB, which --resume replays; the start points' values, 80 MB),"
                + " removed once the results are written\n");
        r = Cli.run("validate", write("m.yaml", big).toString());
        assertThat(r.out()).contains("(the journal of finished runs, 490 MB, which --resume replays; the start"
                + " points' values, 80 MB; runs.csv's basin numbers, 40 MB), removed");
        r = Cli.run("validate", write("m.yaml", big.replace("10000000", "100000")).toString());
        assertThat(r.out()).doesNotContain("while it runs").doesNotContain("warning");
        assertThat(ValidateCommand.shortOfDisk(1_000_000_000L, 300_000_000L)).isEqualTo("the sweep's files need"
                + " about 1.0 GB on the output folder's disk, which has 300 MB free: the run will fail when the disk"
                + " is full (the finished runs are kept, and --resume goes on once there is room)");
        assertThat(ValidateCommand.shortOfDisk(300_000_000L, 300_000_000L)).isNull();
        // what the check counts: the journal and the start values (runs.csv not written), less what a
        // resumed run's journal holds already
        ExperimentConfig none = multistart.config.ConfigLoader.load(write("m.yaml", big + "output: {runs: none}\n"));
        Plan plan = Plan.of(none);
        assertThat(ValidateCommand.diskNeed(plan, 0)).isEqualTo(8 + 49 * 10_000_000L + 8 * 10_000_000L);
        assertThat(ValidateCommand.diskNeed(plan, 1000)).isEqualTo(8 + 57 * 10_000_000L - 1000);
    }

    @Test
    void functionsListsEveryBuiltinWithFullPrecisionMinimum() {
        Cli r = Cli.run("functions");
        assertThat(r.code()).isZero();
        for (String name : Builtins.names()) {
            assertThat(r.out()).contains(name + ": ");
        }
        assertThat(r.out()).contains("known minimum: -6.551133332835837 at (0.22827892055636909, -1.6255349574999964)")
                .contains("known minimum: 0.3978873577297383 at")
                .contains("known minimum: -1.0316284534898774 at")
                .contains("local minima in the default domain: 121 (one near each integer point, 11 values per "
                        + "coordinate; for dimension 2)");
        // and the models a config can name instead
        for (var m : multistart.objective.data.Model.values()) {
            assertThat(r.out()).contains("\n" + m.key() + ": ");
        }
    }

    /**
     * What a constant rate must stay under at each built-in's minimum, against the Hessians
     * written out: rastrigin's is diagonal with 2 + 40 pi^2; rosenbrock's at (1, 1) is
     * [[802, -400], [-400, 200]], largest eigenvalue (1002 + sqrt(1002^2 - 4 * 400)) / 2; booth's
     * [[10, 8], [8, 10]], 18; sin x at -pi/2 has -sin = 1. Ackley's minimum is a cone's tip, with
     * no curvature to give; himmelblau's four minimisers differ, so a range.
     */
    @Test
    void functionsGivesTheRateLimitAtEachMinimum() {
        String out = Cli.run("functions").out();
        java.util.function.DoubleFunction<String> brief = multistart.report.Numbers::brief;
        java.util.function.DoubleFunction<String> said = l -> "at the minimum: the Hessian's largest eigenvalue is "
                + brief.apply(l) + ", so gd at a constant rate settles there only below learning_rate 2 / "
                + brief.apply(l) + " = " + brief.apply(2 / l);
        assertThat(out).contains(said.apply(2 + 40 * Math.PI * Math.PI))
                .contains(said.apply((1002 + Math.sqrt(1002.0 * 1002 - 4 * 400)) / 2))
                .contains(said.apply(18)).contains(said.apply(1)).contains(said.apply(2));
        String ackley = out.substring(out.indexOf("ackley: "), out.indexOf("rosenbrock: "));
        assertThat(ackley).contains("no finite curvature the Hessian check confirms (a kink");
        String himmelblau = out.substring(out.indexOf("himmelblau: "), out.indexOf("six-hump-camel: "));
        assertThat(himmelblau).contains("at the minimisers: the Hessian's largest eigenvalue is ").contains(" to ")
                .contains("settles at every one below learning_rate");
    }
}
