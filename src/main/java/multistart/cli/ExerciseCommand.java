package multistart.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import multistart.simd.Lanes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code multistart exercise}: a hidden command for the launcher's class-data archive. It runs
 * tiny sweeps of each kind the product has (each built-in's lane kernel under every update rule,
 * an expression, a data set, the charts) in a temporary folder, writes nothing else and deletes
 * that folder. The launcher runs it once after a build's first {@code run}, with the JVM listing
 * the classes it loads, so that the archive holds the classes of every kind of sweep and not only
 * those of the config that happened to run first: an archive made from an expression config
 * lacks the Vector API's classes, and W3's run phase read 15% slower with it (2.20e8 against
 * 1.79e8 steps/s, 8 alternating processes each, bench/HISTORY.md, stop 47).
 *
 * <p>{@code --classes LIST} names the class list of that first run: a part whose classes it
 * already holds is left out, so the exercise costs only what the first run did not cover.
 */
@Command(name = "exercise", hidden = true,
        description = "Run tiny sweeps of every kind in a temporary folder (for the launcher's class-data archive).")
public final class ExerciseCommand implements Callable<Integer> {

    @Option(names = "--classes", paramLabel = "LIST",
            description = "a class list (-XX:DumpLoadedClassList); parts whose classes it holds are skipped")
    private Path classes;

    /**
     * One tiny sweep: its config and the classes that show it has run (JVM class-list names).
     * {@code lanes}: it exercises a lane kernel, pointless where the Vector API is not there.
     */
    record Part(String name, boolean lanes, List<String> markers, String yaml) {
    }

    /** A lane built-in's sweep: every update rule, with and without decay, stopping by gradient. */
    private static Part lanes(String builtin, String kernel, String extra) {
        return new Part(builtin, true, List.of("multistart/simd/LaneKernel$" + kernel), """
                name: %s
                objective:
                  builtin: %s
                %sstarts:
                  count: 16
                optimizer:
                  method: [gd, momentum, nesterov, adagrad, rmsprop, adam]
                  learning_rate: 0.001
                  decay: [1, 0.99]
                  max_iterations: 40
                output:
                  runs: none
                  charts: false
                """.formatted(builtin, builtin, extra));
    }

    /** The parts, in the order they run; the charts' expression sweep covers the plain one. */
    static List<Part> parts() {
        return List.of(
                lanes("rastrigin", "Rastrigin", ""),
                lanes("peaks", "Peaks", ""),
                lanes("himmelblau", "Himmelblau", ""),
                lanes("ackley", "Ackley", ""),
                // with the stop tests off, as a benchmark's sweep has them
                new Part("rosenbrock", true, List.of("multistart/simd/LaneKernel$Rosenbrock"), """
                        name: rosenbrock
                        objective:
                          builtin: rosenbrock
                          dimension: 4
                        starts:
                          count: 16
                        optimizer:
                          method: [gd, momentum, nesterov]
                          learning_rate: 1.0e-4
                          max_iterations: 40
                          stop:
                            gradient_norm: 0
                        output:
                          runs: none
                          charts: false
                        """),
                new Part("charts", false, List.of("org/knowm/xchart/XYChart", "org/knowm/xchart/HeatMapChart",
                        "multistart/report/BasinMap", "multistart/report/RunsFile$Formatter",
                        "multistart/objective/expression/Parser",
                        "org/apache/commons/math3/random/SobolSequenceGenerator"), """
                        name: charts
                        objective:
                          expression: "(x^2 - 1)^2 + 2*y^2 + 0.1*cos(3*x) + sqrt(1 + x^2)*exp(-y^2)/10"
                          variables: [x, y]
                        domain: {"*": [-2, 2]}
                        starts:
                          count: 16
                          sampler: sobol
                        optimizer:
                          method: [gd, adam]
                          learning_rate: [0.02, 0.05]
                          decay: [1, 0.99]
                          max_iterations: 200
                        output:
                          runs: all
                          trajectories: 2
                        """),
                new Part("data", false, List.of("multistart/objective/data/DataSet"), """
                        name: data
                        objective:
                          model: linear_regression
                          data: DATA
                          target: y
                        domain:
                          "*": [-5, 5]
                        starts:
                          count: 4
                        optimizer:
                          method: gd
                          learning_rate: 0.01
                          batch_size: [1, full]
                          max_iterations: 40
                        output:
                          charts: false
                        """));
    }

    /** The parts to run: those with a marker {@code loaded} lacks (lane parts only where lanes are there). */
    static List<Part> missing(Set<String> loaded, boolean lanes) {
        Set<String> have = new HashSet<>(loaded);
        List<Part> run = new ArrayList<>();
        for (Part p : parts()) {
            if ((!p.lanes() || lanes) && !have.containsAll(p.markers())) {
                run.add(p);
                have.addAll(p.markers());
            }
        }
        return run;
    }

    @Override
    public Integer call() throws IOException {
        Set<String> loaded = new HashSet<>();
        if (classes != null && Files.isRegularFile(classes)) {
            for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                loaded.add(space < 0 ? line : line.substring(0, space));
            }
        }
        List<Part> run = missing(loaded, Lanes.available());
        if (run.isEmpty()) {
            return Main.OK;
        }
        Path dir = Files.createTempDirectory("multistart-exercise");
        try {
            Path data = dir.resolve("exercise.csv");
            Files.writeString(data, "x1,x2,y\n1,2,3\n2,1,0\n0.5,0.5,1\n3,1,2\n");
            // by its whole path: a file of that name in the working directory would come first
            String quoted = "'" + data.toAbsolutePath().toString().replace("'", "''") + "'";
            List<String> args = new ArrayList<>();
            args.add("run");
            for (Part p : run) {
                Path config = dir.resolve(p.name() + ".yaml");
                Files.writeString(config, p.yaml().replace("data: DATA", "data: " + quoted));
                args.add(config.toString());
            }
            args.addAll(List.of("--out", dir.resolve("out").toString(), "--quiet"));
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            CommandLine cl = new CommandLine(new Main());
            cl.setOut(nowhere);
            cl.setErr(nowhere);
            return cl.execute(args.toArray(String[]::new));
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
