package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden {@code exercise} command the launcher runs once after a build's first {@code run}:
 * its tiny sweeps load the classes each part names (so the launcher's class-data archive holds
 * them), it skips the parts whose classes a list already holds, and it leaves nothing behind.
 */
class ExerciseCommandTest {

    @TempDir
    Path dir;

    private static Set<String> names(List<ExerciseCommand.Part> parts) {
        Set<String> names = new java.util.LinkedHashSet<>();
        parts.forEach(p -> names.add(p.name()));
        return names;
    }

    @Test
    void runsWhatTheListLacksAndNoLanesWhereThereAreNone() {
        assertThat(names(ExerciseCommand.missing(Set.of(), true)))
                .containsExactly("rastrigin", "peaks", "himmelblau", "ackley", "rosenbrock", "charts", "data");
        assertThat(names(ExerciseCommand.missing(Set.of(), false))).containsExactly("charts", "data");
        // a peaks config with charts ran first: the other kernels and the data set are left
        Set<String> peaksRun = new HashSet<>();
        for (ExerciseCommand.Part p : ExerciseCommand.parts()) {
            if (p.name().equals("peaks") || p.name().equals("charts")) {
                peaksRun.addAll(p.markers());
            }
        }
        assertThat(names(ExerciseCommand.missing(peaksRun, true)))
                .containsExactly("rastrigin", "himmelblau", "ackley", "rosenbrock", "data");
        // a part runs where any of its classes is missing (a chart-less run has no heat map)
        peaksRun.remove("org/knowm/xchart/HeatMapChart");
        assertThat(names(ExerciseCommand.missing(peaksRun, true))).contains("charts");
    }

    /**
     * In a JVM of its own, listing the classes it loads as the launcher has it do: every part's
     * sweep runs to a success and loads the classes that part names (a wrong name would make the
     * launcher run the part after every first run, or skip it when its classes are missing),
     * the temporary folder is gone afterwards, and told that list, a second exercise runs nothing.
     */
    @Test
    void itsSweepsLoadTheClassesItsPartsName() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path list = dir.resolve("classes.txt");
        // run where a file named as its data set's lies (not a table): the exercise reads its own
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("exercise.csv"), "not,a\ntable\n");
        Child first = Child.java(List.of("--add-modules", "jdk.incubator.vector", "-Djava.io.tmpdir=" + tmp,
                "-XX:DumpLoadedClassList=" + list, "-cp", Child.classPath(), Main.class.getName(), "exercise"),
                java.util.Map.of(), Child.SECONDS, work);
        assertThat(first.code()).as(first.output()).isZero();
        Set<String> loaded = new HashSet<>(Files.readAllLines(list));
        for (ExerciseCommand.Part p : ExerciseCommand.parts()) {
            assertThat(loaded).as(p.name()).containsAll(p.markers());
        }
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
        Path again = dir.resolve("again.txt");
        Child second = Child.run(List.of("--add-modules", "jdk.incubator.vector", "-Djava.io.tmpdir=" + tmp,
                "-XX:DumpLoadedClassList=" + again), "exercise", "--classes", list.toString());
        assertThat(second.code()).as(second.output()).isZero();
        assertThat(Files.readAllLines(again)).doesNotContain("multistart/engine/Engine",
                "multistart/objective/expression/Parser");
    }
}
