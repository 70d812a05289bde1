package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import multistart.config.ConfigException;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;
import multistart.engine.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps nobody tuned: the example configs with values swapped for others the loader accepts
 * (other samplers, methods, rates, momenta, goals, tolerances, iteration counts). Every one the
 * loader takes runs to the end: exit 0 and the whole folder. The config-level counterpart is
 * {@link multistart.config.ConfigFuzzTest}.
 */
class RunFuzzTest {

    @TempDir
    Path tmp;

    static final String[] VALUES = {"0", "1", "2", "3", "0.5", "0.999999", "1e-12", "100", "1e300", "-1", "[-1, 1]",
        "[0, 1e-300]", "[-1e6, 1e6]", "full", "[full, 1]", "gd", "[gd, adam]", "[adagrad, rmsprop]", "nesterov",
        "sobol", "halton", "grid", "latin_hypercube", "[0, 0.9]", "maximize", "numeric", "1e-3", "20", "[0.1, 10]"};

    /** Sweeps run: about 7 s in all (more, and another seed, with -Dfuzz.runs=N -Dfuzz.seed=S). */
    static final int RUNS = Integer.getInteger("fuzz.runs", 25);
    /** A sweep run only when its gradient steps, basin map included, stay below this. */
    static final double STEPS = 3e6;

    @Test
    void everyConfigTheLoaderTakesRunsToTheEnd() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("configs"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Random random = new Random(Long.getLong("fuzz.seed", 11));
        int ran = 0;
        for (int attempt = 0; attempt < 100 * RUNS && ran < RUNS; attempt++) {
            Path file = files.get(random.nextInt(files.size()));
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int i = random.nextInt(lines.size());
                String line = lines.get(i);
                int colon = line.indexOf(':');
                if (colon >= 0 && !line.strip().startsWith("#")) {
                    lines.set(i, line.substring(0, colon + 1) + " " + VALUES[random.nextInt(VALUES.length)]);
                }
            }
            // a data set is named from the project's folder, where the tests run
            Path config = tmp.resolve("fuzz-" + ran + ".yaml");
            String text = String.join("\n", lines) + "\n";
            Plan plan;
            try {
                ExperimentConfig c = ConfigLoader.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "c.yaml", file.toAbsolutePath());
                plan = Plan.of(c);
            } catch (ConfigException e) {
                continue;
            }
            double perRun = (double) plan.maxSteps() / Math.max(1, plan.runCount());
            if (plan.maxSteps() + plan.mapRuns() * perRun > STEPS) {
                continue;
            }
            Files.writeString(config, text);
            Path out = tmp.resolve("out" + ran);
            Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--force");
            assertThat(r.code()).as("%s\n%s", r.err(), text).isZero();
            for (String f : List.of("summary.md", "minima.csv", "sweep.csv", "result.json")) {
                assertThat(out.resolve(f)).as(text).exists();
            }
            ran++;
        }
        assertThat(ran).isEqualTo(RUNS);
    }
}
