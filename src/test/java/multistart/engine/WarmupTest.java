package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;
import multistart.simd.Lanes;
import org.junit.jupiter.api.Test;

// helpers opened for their effect alone (started, then closed), never read in the block
@SuppressWarnings("try")
class WarmupTest {

    static ExperimentConfig config(String objective) throws Exception {
        return ConfigLoader.parse(("""
                name: w
                objective: %s
                domain: {"*": [-2, 2]}
                starts: {count: 100}
                optimizer: {method: [momentum, adam], learning_rate: 0.001, max_iterations: 100000}
                """.formatted(objective)).getBytes(StandardCharsets.UTF_8), "w.yaml", null);
    }

    static List<Thread> helpers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("multistart-warmup"))
                .filter(Thread::isAlive).toList();
    }

    static void awaitNoHelper() throws InterruptedException {
        for (Thread t : helpers()) {
            t.join(5_000);
        }
        assertThat(helpers()).isEmpty();
    }

    @Test
    void stepsLanesInTheBackgroundUntilClosed() throws Exception {
        awaitNoHelper();
        Warmup w = Warmup.start(config("{builtin: rastrigin, dimension: 3}"), true);
        int expected = 1;
        if (Lanes.available()) {
            assertThat(helpers()).hasSize(expected);
            Thread.sleep(50);
            // long runs (max_iterations 1e5) are cut to a few hundred steps, so it stops promptly
            assertThat(helpers()).hasSize(expected);
        }
        w.close();
        awaitNoHelper();
    }

    /**
     * The helper steps runs through the engine's own Worker, so that the lane code C2 compiles
     * from its profile is not thrown away when the sweep's workers (another Runs class) start.
     */
    @Test
    void stepsThroughTheEnginesWorkerClass() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Lanes.available());
        awaitNoHelper();
        try (Warmup w = Warmup.start(config("{builtin: rosenbrock, dimension: 4}"), true)) {
            boolean seen = false;
            long until = System.nanoTime() + 5_000_000_000L;
            while (!seen && System.nanoTime() < until) {
                for (Thread t : helpers()) {
                    for (StackTraceElement e : t.getStackTrace()) {
                        seen |= e.getClassName().equals(Worker.class.getName()) && e.getMethodName().equals("run");
                    }
                }
                Thread.sleep(5);
            }
            assertThat(seen).as("a Worker.run frame on the helper's stack").isTrue();
        }
        awaitNoHelper();
    }

    @Test
    void startsNothingWhereLanesAreOffOrHaveNoKernel() throws Exception {
        awaitNoHelper();
        try (Warmup a = Warmup.start(config("{builtin: rastrigin, dimension: 3}"), false);
                Warmup b = Warmup.start(config("{expression: \"x^2 + y^4\", variables: [x, y]}"), true);
                Warmup c = Warmup.none()) {
            assertThat(helpers()).isEmpty();
        }
    }
}
