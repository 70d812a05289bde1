package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code execution.engine: spark} (in the build with Spark, {@code mvn -Pspark test}): the same
 * files as the local engine, byte for byte, on Spark's {@code local[N]} master; an interrupted
 * Spark sweep keeps its finished runs and {@code --resume} completes it, on either engine.
 */
class SparkEngineTest {

    @TempDir
    static Path tmp;

    static final List<String> CSVS = List.of("runs.csv", "minima.csv", "sweep.csv");

    static Path write(String name, String yaml) throws IOException {
        Path p = tmp.resolve(name + ".yaml");
        Files.writeString(p, yaml);
        return p;
    }

    static Path run(Path config, String tag, String... more) {
        Path out = tmp.resolve(tag);
        List<String> args = new java.util.ArrayList<>(List.of("run", config.toString(), "--out", out.toString(),
                "--quiet", "--force"));
        args.addAll(List.of(more));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    static void assertSameFiles(Path a, Path b) throws IOException {
        for (String f : CSVS) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        // the basin map, where there is one: its rows stepped by the executors, labelled by the driver
        Path map = a.resolve("basins.png");
        assertThat(Files.exists(b.resolve("basins.png"))).as("basins.png").isEqualTo(Files.exists(map));
        if (Files.exists(map)) {
            assertThat(Files.readAllBytes(b.resolve("basins.png"))).as("basins.png").isEqualTo(Files.readAllBytes(map));
        }
        // the combos compared start by start, from the outcomes the driver folded in
        assertThat(ComboHitsTest.parse(b.resolve("result.json")).get("paired_comparison"))
                .isEqualTo(ComboHitsTest.parse(a.resolve("result.json")).get("paired_comparison"));
        // the runs that climbed and the lowest start, from start values the driver evaluated
        assertThat(ClimbedRunsTest.climbed(b)).doesNotContainNull().isEqualTo(ClimbedRunsTest.climbed(a));
        assertThat(ComboHitsTest.parse(b.resolve("result.json")).get("lowest_start"))
                .isEqualTo(ComboHitsTest.parse(a.resolve("result.json")).get("lowest_start"));
    }

    static String spark(String yaml) {
        return yaml + "execution:\n  engine: spark\n";
    }

    /** Built-ins with and without a lane kernel, several seeds, and a sweep over every setting kind. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {0, 17, 123456789})
    void builtInSweepsGiveTheLocalEnginesFiles(int seed) throws IOException {
        for (String builtin : new String[] {"himmelblau", "six-hump-camel", "rastrigin"}) {
            String yaml = String.format("""
                    name: spark-%s
                    seed: %d
                    objective:
                      builtin: %s
                    starts:
                      count: 300
                      sampler: uniform
                    optimizer:
                      method: [momentum, adam]
                      learning_rate: [0.01, 0.05]
                      decay: [1.0, 0.99]
                      momentum: {from: 0.0, to: 0.9, steps: 3}
                      max_iterations: 400
                    output:
                      trajectories: 2
                    """, builtin, seed, builtin);
            String tag = builtin + seed;
            Path local = run(write(tag + "-local", yaml), tag + "-local", "--threads", "2");
            Path spark = run(write(tag + "-spark", spark(yaml)), tag + "-spark", "--threads", "2");
            assertThat(spark.resolve("basins.png")).exists();
            assertSameFiles(local, spark);
            Cli v = Cli.run("validate", tmp.resolve(tag + "-spark.yaml").toString());
            assertThat(v.code()).as(v.err()).isZero();
            assertThat(v.out()).contains("engine: spark (master local[*] unless spark-submit or -Dspark.master names"
                    + " one; the sweep's runs there, and on a cluster the basin map's, the analysis here)");
            assertThat(Files.readString(spark.resolve("result.json"))).contains("\"engine\" : \"spark\"");
            assertThat(Files.readString(spark.resolve("summary.md"))).contains(" on Spark (the analysis on 2 threads "
                    + "here): ");
            assertThat(Files.readString(local.resolve("summary.md"))).contains(" on 2 threads: ");
        }
    }

    /** An expression (compiled again on the executors' side) and a data set with mini-batches. */
    @Test
    void expressionsAndDataSetsGiveTheLocalEnginesFiles() throws IOException {
        String expression = """
                name: spark-expression
                seed: 3
                objective:
                  expression: "2*x^2*cos(x) - 5*x + y^2"
                  variables: [x, y]
                domain: {x: [-6, 6], y: [-2, 2]}
                starts: {count: 500, sampler: sobol}
                optimizer:
                  method: [gd, rmsprop]
                  learning_rate: [0.001, 0.01]
                  max_iterations: 300
                output: {trajectories: 0}
                """;
        assertSameFiles(run(write("expr-local", expression), "expr-local"),
                run(write("expr-spark", spark(expression)), "expr-spark"));
        Path data = Path.of("configs/data/linear.csv").toAbsolutePath();
        String model = """
                name: spark-model
                seed: 5
                objective:
                  model: linear_regression
                  data: %s
                  target: y
                starts: {count: 40}
                optimizer:
                  method: momentum
                  learning_rate: 0.05
                  momentum: 0.5
                  batch_size: [8, full]
                  max_iterations: 60
                output: {trajectories: 0}
                """.formatted(data);
        assertSameFiles(run(write("model-local", model), "model-local", "--threads", "1"),
                run(write("model-spark", spark(model)), "model-spark", "--threads", "2"));
    }

    /**
     * The way a cluster runs it: spark-submit (its main class, as the {@code spark-submit} script
     * calls it) names the master and calls this command line's main, after it has started Log4j
     * itself. The same files, and the command line's log lines in their usual layout.
     */
    @Test
    void sparkSubmitRunsItWithTheSameFilesAndTheUsualLog() throws Exception {
        String yaml = """
                name: submitted
                seed: 8
                objective: {builtin: himmelblau}
                starts: {count: 400}
                optimizer: {method: momentum, learning_rate: [0.001, 0.01], momentum: 0.9, max_iterations: 300}
                output: {trajectories: 1}
                """;
        Path local = run(write("submitted-local", yaml), "submitted-local");
        Path config = write("submitted", spark(yaml));
        Path out = tmp.resolve("submitted-out");
        // spark-submit wants an application jar; the classes come from the class path here
        Path jar = tmp.resolve("app.jar");
        new java.util.jar.JarOutputStream(Files.newOutputStream(jar)).close();
        Child c = Child.java(List.of("--add-modules", "jdk.incubator.vector", "-cp", Child.classPath(),
                "org.apache.spark.deploy.SparkSubmit", "--class", Main.class.getName(), "--master", "local[2]",
                jar.toString(), "run", config.toString(), "--out", out.toString()), Map.of(), 120);
        String log = c.output();
        assertThat(c.code()).as(log).isZero();
        assertThat(log).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d INFO  submitted: 800 runs \\(400 starts x 2 "
                + "combos\\)")
                .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d INFO  submitted: Spark started in .* \\(master "
                + "local\\[2\\], 2 slots\\)")
                .doesNotContain("Running Spark version");
        assertSameFiles(local, out);
    }

    /**
     * Executors in JVMs of their own, as on a cluster: Spark's local-cluster master starts a
     * standalone master, workers and executor processes on this machine. Each executor rebuilds
     * the plan from the config's text (the expression compiled there) and, started without the
     * Vector API module, steps one run at a time where the driver's JVM has lanes: the same
     * files, basin maps included (their rows stepped there too). A data set is the table the
     * driver read from a file named from where the command started. Three configs in one command
     * share one Spark application, stopped at the end without errors.
     */
    @Test
    void executorsInProcessesOfTheirOwnGiveTheSameFiles() throws Exception {
        String lanes = """
                name: cluster-rastrigin
                seed: 21
                objective: {builtin: rastrigin, dimension: 2}
                starts: {count: 600}
                optimizer: {method: momentum, learning_rate: [0.002, 0.004], momentum: 0.9, max_iterations: 400}
                output: {trajectories: 0}
                """;
        String expression = """
                name: cluster-expression
                seed: 4
                objective:
                  expression: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2 + 0.1*sin(3*x)"
                  variables: [x, y]
                domain: {x: [-5, 5], y: [-5, 5]}
                starts: {count: 500, sampler: sobol}
                optimizer: {method: [adam, nesterov], learning_rate: [0.001, 0.01], max_iterations: 300}
                output: {trajectories: 0}
                """;
        // a data file named from where the command starts (the project), not from the executors' own folders
        String model = """
                name: cluster-model
                seed: 6
                objective: {model: linear_regression, data: configs/data/linear.csv, target: y}
                starts: {count: 40}
                optimizer: {method: momentum, learning_rate: 0.05, momentum: 0.5, batch_size: [8, full],
                  max_iterations: 50}
                output: {trajectories: 0}
                """;
        Path localModel = run(write("cluster-model-local", model), "cluster-model-local");
        Path localLanes = run(write("cluster-lanes-local", lanes), "cluster-lanes-local");
        Path localExpression = run(write("cluster-expression-local", expression), "cluster-expression-local");
        Path a = write("cluster-rastrigin", spark(lanes));
        Path b = write("cluster-expression", spark(expression));
        Path c = write("cluster-model", spark(model));
        Path out = tmp.resolve("cluster-out");
        // what the local-cluster master needs of a Spark home when the class path is the driver's (spark.testing)
        Path home = tmp.resolve("spark-home");
        Files.createDirectories(home.resolve("assembly/target/scala-2.13/jars"));
        Child child = Child.java(List.of("--add-modules", "jdk.incubator.vector", "-Dspark.testing=true",
                "-Dspark.test.home=" + home, "-Dspark.master=local-cluster[2,1,512]", "-Dspark.executor.memory=512m",
                        "-cp",
                Child.classPath(), Main.class.getName(), "run", a.toString(), b.toString(), c.toString(),
                "--out", out.toString()), Map.of("SPARK_SCALA_VERSION", "2.13"), 180);
        String log = child.output();
        assertThat(child.code()).as(log).isZero();
        assertThat(log).contains("(master local-cluster[2,1,512], 2 slots)").doesNotContain("ERROR");
        // the executors had no lanes: the driver's JVM did
        assertThat(log).contains("cluster-rastrigin: stepping 8 runs at once per thread in SIMD lanes");
        assertThat(out.resolve("cluster-rastrigin/basins.png")).exists();
        assertThat(out.resolve("cluster-expression/basins.png")).exists();
        assertSameFiles(localLanes, out.resolve("cluster-rastrigin"));
        assertSameFiles(localExpression, out.resolve("cluster-expression"));
        assertSameFiles(localModel, out.resolve("cluster-model"));
    }

    /**
     * SIGTERM during a Spark sweep: exit 130, the finished runs kept; --resume on Spark completes
     * the folder with the files of a sweep that was never interrupted.
     */
    @Test
    void anInterruptedSparkSweepResumesToTheSameFiles() throws Exception {
        String yaml = ResumeTest.LONG.replace("name: long", "name: spark-long");
        Path config = write("spark-long", spark(yaml));
        Path out = tmp.resolve("spark-long-out");
        Process p = ResumeTest.start(config, out);
        ResumeTest.awaitJournal(out, p);
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(out.resolveSibling(out.getFileName() + ".log"));
        assertThat(p.exitValue()).as(log).isEqualTo(130);
        assertThat(log).contains("interrupted after");
        Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        Path reference = run(write("long-local", yaml), "long-local", "--threads", "2");
        assertSameFiles(reference, out);
    }
}
