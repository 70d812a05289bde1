package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/multistart, the launcher README's command uses: the Vector API module always, and a
 * class-data archive built from the classes the first {@code run} after a build loaded and mapped
 * by later commands. The launcher runs against a stand-in java that records its arguments (and
 * writes the class list and the archive it is asked to), in a copy of the project layout; the
 * real JVM is asked whether it takes the flags.
 */
class LauncherTest {

    @TempDir
    Path root;
    Path jar;
    Path archive;
    Path calls;
    Path fakeJava;
    /** The flags that give C2 its directives. */
    String jit;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("target"));
        Path launcher = root.resolve("bin/multistart");
        Files.copy(Path.of("bin/multistart"), launcher);
        Files.copy(Path.of("bin/c2-directives.json"), root.resolve("bin/c2-directives.json"));
        jit = "-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=" + root.resolve("bin/c2-directives.json")
                + " -XX:-DisplayVMOutput " + String.join(" ", THRESHOLDS);
        jar = root.resolve("target/multistart.jar");
        Files.writeString(jar, "not a jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        archive = root.resolve("target/multistart.jsa");
        calls = root.resolve("calls.txt");
        fakeJava = root.resolve("fake-java");
        Files.writeString(fakeJava, """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                exercise=no
                [[ " $* " == *" exercise "* ]] && exercise=yes
                for a in "$@"; do
                    case $a in
                        -XX:DumpLoadedClassList=*)
                            { echo common; [ $exercise = yes ] && echo exercised || echo ran; } > "${a#*=}" ;;
                        -XX:SharedClassListFile=*) list=${a#*=} ;;
                        -XX:SharedArchiveFile=*) [ "$1" = -Xshare:dump ] && cat "$list" > "${a#*=}" ;;
                    esac
                done
                [ $exercise = yes ] && exit ${FAKE_EXERCISE_RC:-0}
                if [ -n "${FAKE_WAIT:-}" ]; then
                    trap 'echo TERM >> "$FAKE_WAIT.signals"; exit 130' TERM
                    echo ready > "$FAKE_WAIT"
                    while :; do sleep 0.05; done
                fi
                exit ${FAKE_RC:-0}
                """.formatted(calls));
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code args}: the last call's arguments; {@code calls}: all of this launch's calls. */
    private record Result(int exit, String output, String args, List<String> calls) {
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("bin/multistart").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA", fakeJava.toString());
        pb.environment().putAll(env);
        int before = Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        List<String> lines = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        return new Result(exit, out, lines.isEmpty() ? "" : lines.get(lines.size() - 1),
                lines.subList(before, lines.size()));
    }

    /**
     * A scheduler's kill of the launcher's pid reaches java, which saves what finished: java
     * replaces the launcher where the archive exists, and the first run after a build, whose java
     * is a child, has the signal passed on to it (as SIGTERM) and exits with its code.
     */
    @ParameterizedTest(name = "archive built: {0}")
    @ValueSource(booleans = {true, false})
    void aKillOfTheLauncherReachesJava(boolean archived) throws Exception {
        if (archived) {
            launch(Map.of(), "run", "a.yaml");
            assertThat(archive).exists();
        }
        Path ready = root.resolve("ready");
        List<String> cmd = List.of("bash", root.resolve("bin/multistart").toString(), "run", "a.yaml");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA", fakeJava.toString());
        pb.environment().put("FAKE_WAIT", ready.toString());
        Process p = pb.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(ready) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ready).exists();
        p.destroy(); // SIGTERM to the launcher's pid
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(root.resolve("ready.signals")).hasContent("TERM");
        List<String> lines = Files.readAllLines(calls);
        String last = lines.get(lines.size() - 1);
        assertThat(last).contains(archived ? "SharedArchiveFile" : "DumpLoadedClassList");
    }

    @Test
    void firstRunWritesTheArchiveAndLaterCommandsMapIt() throws Exception {
        Result first = launch(Map.of(), "run", "a.yaml", "--force");
        assertThat(first.exit()).isZero();
        assertThat(first.calls()).hasSize(3);
        assertThat(first.calls().get(0)).startsWith("--add-modules jdk.incubator.vector " + jit + " ")
                .contains("-XX:DumpLoadedClassList=" + archive + ".")
                .doesNotContain("SharedArchiveFile")
                .endsWith("-jar " + jar + " run a.yaml --force");
        // then the hidden exercise lists the classes of the kinds of sweep the run did not have,
        // told which the run loaded
        String list = first.calls().get(0).replaceAll(".*-XX:DumpLoadedClassList=(\\S+).*", "$1");
        assertThat(first.calls().get(1)).isEqualTo("--add-modules jdk.incubator.vector " + jit
                + " -XX:DumpLoadedClassList=" + list + ".more -jar " + jar + " exercise --classes " + list);
        // and the archive is built from both lists, with the module and the jar the run had
        assertThat(first.calls().get(2)).startsWith("-Xshare:dump -XX:SharedClassListFile=" + list + " ")
                .contains("-XX:SharedArchiveFile=" + archive + ".")
                .endsWith("--add-modules jdk.incubator.vector -cp " + jar);
        assertThat(archive).hasContent("common\nran\nexercised");
        try (var files = Files.list(archive.getParent())) {
            // the archive was written under a name of its own and moved into place; the list is gone
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("multistart.jar", "multistart.jsa", "multistart.jsa.java");
        }

        Result second = launch(Map.of(), "validate", "a.yaml");
        assertThat(second.calls()).hasSize(1);
        assertThat(second.args()).contains("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off")
                .doesNotContain("DumpLoadedClassList").endsWith("-jar " + jar + " validate a.yaml");
    }

    @Test
    void aNewBuildOrAnotherJavaWritesItAgain() throws Exception {
        launch(Map.of(), "run", "a.yaml");
        // the jar rebuilt after the archive was written
        Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() - 30_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 20_000));
        assertThat(launch(Map.of(), "run", "a.yaml").calls().get(0)).contains("DumpLoadedClassList");
        assertThat(launch(Map.of(), "run", "a.yaml").calls()).singleElement().asString()
                .contains("SharedArchiveFile");
        Files.writeString(archive.resolveSibling("multistart.jsa.java"), "/some/other/java\n");
        assertThat(launch(Map.of(), "run", "a.yaml").calls().get(0)).contains("DumpLoadedClassList");
    }

    @Test
    void aFailedExerciseLeavesTheRunsOwnClasses() throws Exception {
        Result r = launch(Map.of("FAKE_EXERCISE_RC", "1"), "run", "a.yaml");
        assertThat(r.exit()).isZero();
        assertThat(r.calls()).hasSize(3);
        assertThat(archive).hasContent("common\nran");
        try (var files = Files.list(archive.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("multistart.jar", "multistart.jsa", "multistart.jsa.java");
        }
    }

    @Test
    void onlyRunWritesAnArchive() throws Exception {
        // a --help or validate would archive too few classes to help a sweep
        Result r = launch(Map.of(), "validate", "a.yaml");
        assertThat(r.args()).isEqualTo("--add-modules jdk.incubator.vector " + jit + " -jar " + jar
                + " validate a.yaml");
        assertThat(archive).doesNotExist();
    }

    @Test
    void aFailedRunBuildsNoArchive() throws Exception {
        // a bad config loads too few classes for the archive to help the sweeps after it
        Result r = launch(Map.of("FAKE_RC", "2"), "run", "bad.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.calls()).singleElement().asString().contains("DumpLoadedClassList");
        try (var files = Files.list(archive.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("multistart.jar");
        }
    }

    @Test
    void exitCodeIsMultistartsAndCdsCanBeTurnedOff() throws Exception {
        Result r = launch(Map.of("FAKE_RC", "2", "MULTISTART_CDS", "off"), "run", "bad.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.args()).isEqualTo("--add-modules jdk.incubator.vector " + jit + " -jar " + jar + " run bad.yaml");
        assertThat(archive).doesNotExist();
    }

    @Test
    void theDirectivesCanBeLeftOutAndAreWhenTheirFileIsMissing() throws Exception {
        Map<String, String> plain = Map.of("MULTISTART_CDS", "off", "MULTISTART_DIRECTIVES", "off");
        assertThat(launch(plain, "validate", "a.yaml").args())
                .isEqualTo("--add-modules jdk.incubator.vector -jar " + jar + " validate a.yaml");
        Files.delete(root.resolve("bin/c2-directives.json"));
        assertThat(launch(Map.of("MULTISTART_CDS", "off"), "validate", "a.yaml").args())
                .isEqualTo("--add-modules jdk.incubator.vector -jar " + jar + " validate a.yaml");
    }

    @Test
    void aMissingJarSaysHowToBuildIt() throws Exception {
        Files.delete(jar);
        Result r = launch(Map.of(), "run", "a.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("mvn -q package -DskipTests");
        assertThat(calls).doesNotExist();
    }

    /**
     * This JVM takes the flags the launcher gives it: it lists the classes it loads, builds an
     * archive from the list with the Vector API module and a jar on the class path, and maps it.
     */
    @Test
    void theJvmTakesTheFlags() throws Exception {
        Path list = root.resolve("classes.txt");
        Path made = root.resolve("made.jsa");
        Path emptyJar = root.resolve("empty.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(emptyJar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("empty.txt"));
        }
        String modules = "--add-modules=jdk.incubator.vector";
        for (List<String> cmd : List.of(
                List.of(JAVA, "-XX:DumpLoadedClassList=" + list, modules, "-cp", emptyJar.toString(), "-version"),
                List.of(JAVA, "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + made,
                        "--add-modules", "jdk.incubator.vector", "-cp", emptyJar.toString()),
                List.of(JAVA, "-XX:SharedArchiveFile=" + made, "-Xlog:cds=off", "-Xshare:on", modules, "-cp",
                        emptyJar.toString(), "-version"))) {
            String out = run(cmd);
            if (!cmd.contains("-Xshare:dump")) {
                assertThat(out).doesNotContain("warning", "Error");
            }
        }
        assertThat(list).isNotEmptyFile();
        assertThat(made).isNotEmptyFile();
    }

    /**
     * This JVM reads the directives file (HotSpot stops with "Parsing of compiler directives
     * failed" on a bad one) and, with the launcher's flags, prints nothing about it.
     */
    @Test
    void theJvmTakesTheDirectives() throws Exception {
        String file = "-XX:CompilerDirectivesFile=" + Path.of("bin/c2-directives.json").toAbsolutePath();
        assertThat(run(List.of(JAVA, "-XX:+UnlockDiagnosticVMOptions", file, "-version")))
                .contains("2 compiler directives added");
        assertThat(run(List.of(JAVA, "-XX:+UnlockDiagnosticVMOptions", file, "-XX:-DisplayVMOutput", "-version")))
                .doesNotContain("directive", "rror", "arning").contains("version");
    }

    /**
     * The methods the directives name in our code exist (a pattern that matches nothing is no
     * error to HotSpot): a rename would quietly give the lane loop's compilation back its size.
     */
    @Test
    void theDirectivesNameMethodsThatExist() throws Exception {
        String text = Files.readString(Path.of("bin/c2-directives.json"));
        Matcher m = Pattern.compile("\"-?(multistart/[\\w/$]+)\\.(\\w+)\"").matcher(text);
        int named = 0;
        while (m.find()) {
            Class<?> c = Class.forName(m.group(1).replace('/', '.'));
            String method = m.group(2);
            assertThat(Arrays.stream(c.getDeclaredMethods()).map(Method::getName))
                    .as("%s in %s", method, c.getName()).contains(method);
            named++;
        }
        assertThat(named).isEqualTo(3);
    }

    /** The launcher's lower compile thresholds for the lane kernels, which go with the directives. */
    static final List<String> THRESHOLDS = List.of("-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling,multistart.simd.LaneKernel*::*,0.1",
            "-XX:CompileCommand=CompileThresholdScaling,multistart.simd.VectorMath::*,0.1");

    /**
     * This JVM takes the launcher's compile commands without a word, and the classes they name
     * exist (a pattern that matches nothing is no error to HotSpot, only no help).
     */
    @Test
    void theJvmTakesTheThresholds() throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(JAVA, "-XX:+UnlockDiagnosticVMOptions",
                "-XX:-DisplayVMOutput"));
        cmd.addAll(THRESHOLDS);
        cmd.add("-version");
        assertThat(run(cmd)).doesNotContain("CompileCommand", "rror", "arning").contains("version");
        assertThat(Class.forName("multistart.simd.LaneKernel")).isNotNull();
        assertThat(Class.forName("multistart.simd.LaneKernel$Peaks").getSuperclass().getName())
                .isEqualTo("multistart.simd.LaneKernel");
        assertThat(Class.forName("multistart.simd.VectorMath").getPackageName()).isEqualTo("multistart.simd");
    }

    /** The java of the JVM running the tests. */
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** Runs {@code cmd} to its end, which must be a success; its output, stdout and stderr together. */
    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
