package multistart.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code execution.engine: spark}: taken by the build with Spark ({@code mvn -Pspark}), refused
 * by the plain build with a message that says how to get it. Both builds run this class; the
 * plain build's answer is also checked from the build with Spark, by reading the config through
 * a class loader that cannot see Spark's jars.
 */
class SparkEngineChoiceTest {

    static final String CONFIG = """
            name: choice
            objective:
              builtin: himmelblau
            starts:
              count: 10
            optimizer:
              method: gd
            execution:
              threads: 1
              engine: spark
            """;

    static final String REFUSAL = "c.yaml:10:3: execution.engine: this build has no Spark: build it with"
            + " `mvn -Pspark package` (Spark inside the jar) or use local";

    @Test
    void theEngineIsTakenWhereTheBuildHasSparkAndRefusedWhereItHasNot() throws Exception {
        if (ExperimentConfig.ExecutionConfig.sparkAvailable()) {
            ExperimentConfig c = ConfigLoader.parse(CONFIG.getBytes(StandardCharsets.UTF_8), "c.yaml", null);
            assertThat(c.execution().engine()).isEqualTo("spark");
            assertThat(c.execution().spark()).isTrue();
        } else {
            assertThat(ConfigLoaderTest.problems(CONFIG)).extracting(Problem::toString).containsExactly(REFUSAL);
        }
    }

    @Test
    void aBuildWithoutSparkRefusesItSayingHowToBuildWithIt() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains(File.separator + "spark") && !entry.contains("scala")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader plain = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> loader = plain.loadClass(ConfigLoader.class.getName());
            assertThat(loader).isNotSameAs(ConfigLoader.class);
            Method parse = loader.getMethod("parse", byte[].class, String.class, Path.class);
            try {
                parse.invoke(null, CONFIG.getBytes(StandardCharsets.UTF_8), "c.yaml", null);
                throw new AssertionError("a build without Spark took engine: spark");
            } catch (InvocationTargetException e) {
                assertThat(e.getCause().getClass().getName()).isEqualTo(ConfigException.class.getName());
                assertThat(e.getCause().getMessage()).contains(REFUSAL);
            }
        }
    }

    @Test
    void theLocalEngineIsTheDefault() throws Exception {
        ExperimentConfig c = ConfigLoader.parse(CONFIG.replace("  engine: spark\n", "")
                .getBytes(StandardCharsets.UTF_8), "c.yaml", null);
        assertThat(c.execution().engine()).isEqualTo("local");
        assertThat(c.execution().spark()).isFalse();
    }
}
