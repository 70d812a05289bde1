package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import multistart.simd.Lanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} reads its configs and starts the lane warm-up before logging starts, so that the
 * warm-up overlaps logging's start-up (Log4j's LogManager and its provider, 25-30 ms of a
 * small machine's main thread; with log4j-core, until stop 26, a quarter of a second). A class
 * with a static logger touched on the way (once, {@code Engine}, for a one-line helper) started
 * logging first and cost W1 a third of its speed then. Checked in a class loader of its own,
 * where nothing has started logging yet.
 */
class StartUpOrderTest {

    /** A class loader over the test class path that says which classes it has loaded. */
    static final class Fresh extends URLClassLoader {
        Fresh() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(p).toUri().toURL());
            }
            return urls.toArray(new URL[0]);
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void readingTheConfigsAndStartingTheWarmupLeaveLoggingUnstarted(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("w.yaml");
        Files.writeString(cfg, """
                name: w
                objective: {builtin: rastrigin, dimension: 3}
                starts: {count: 100}
                optimizer: {method: momentum, learning_rate: 0.001, max_iterations: 1000}
                """);
        try (Fresh loader = new Fresh()) {
            Class<?> run = Class.forName("multistart.cli.RunCommand", true, loader);
            Method read = run.getDeclaredMethod("readConfigs", List.class, List.class);
            read.setAccessible(true); // same package name, other loader: another runtime package
            List<Object> loaded = new ArrayList<>();
            AutoCloseable warmup = (AutoCloseable) read.invoke(null, List.of(cfg), loaded);
            try {
                assertThat(loaded).hasSize(1);
                assertThat(loader.loaded("multistart.config.ExperimentConfig")).isTrue();
                if (Lanes.available()) {
                    // the helper is stepping lanes meanwhile
                    assertThat(loader.loaded("multistart.engine.Warmup")).isTrue();
                    Thread.sleep(200);
                }
                assertThat(loader.loaded("org.apache.logging.log4j.LogManager"))
                        .as("logging started while reading the configs and warming up").isFalse();
            } finally {
                warmup.close();
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().equals("multistart-warmup")) {
                        t.join(5_000);
                    }
                }
            }
        }
    }
}
