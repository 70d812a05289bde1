package multistart.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command in a JVM of its own, for what a test cannot see in-process: log lines (Log4j writes
 * to the process's streams), JVM options (a small heap, the incubator module), the Spark
 * launcher. Its standard output and error, together, are read on a thread of their own, so that
 * a child that never ends fails its test after the time given instead of holding the suite
 * (and CI) for ever.
 *
 * @param code the exit status
 * @param output standard output and error, interleaved as written
 */
record Child(int code, String output) {

    /** How long a child may take unless its test says otherwise. */
    static final long SECONDS = 180;

    /** {@code multistart.cli.Main} with these JVM options and arguments, on the tests' class path. */
    static Child run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> javaArgs = new ArrayList<>(jvmOptions);
        javaArgs.addAll(List.of("-cp", classPath(), Main.class.getName()));
        javaArgs.addAll(List.of(args));
        return java(javaArgs, Map.of(), SECONDS);
    }

    /**
     * The JVM the tests run on, with these arguments (options, main class, its arguments) and
     * these variables added to the environment; fails if it has not ended after {@code seconds}.
     */
    static Child java(List<String> javaArgs, Map<String, String> env, long seconds)
            throws IOException, InterruptedException {
        return java(javaArgs, env, seconds, null);
    }

    /** As {@link #java(List, Map, long)}, in working directory {@code dir} (null: this one). */
    static Child java(List<String> javaArgs, Map<String, String> env, long seconds, Path dir)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(buffer);
            } catch (IOException e) {
                // the child was killed: what was read stays
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5000);
        String output = buffer.toString(StandardCharsets.UTF_8);
        if (!ended) {
            throw new AssertionError("the command had not ended after " + seconds + " s: " + cmd + "\n" + output);
        }
        return new Child(p.exitValue(), output);
    }

    /** The tests' class path: the product's classes and every library. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }
}
