package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import multistart.simd.Lanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole sweeps stepped in SIMD lanes write the same bytes as with {@code --scalar}: every update
 * rule, decay, every stop test (converged, stalled, max_iterations, diverged, including runs
 * that stop at their start), run counts that do not fill the last lanes, and lanes refilled as
 * runs of very different lengths finish.
 */
class LanesMatchScalarTest {

    @TempDir
    static Path tmp;

    static final String SWEEP = """
            name: lanes
            seed: %d
            objective:
              builtin: %s
              dimension: %d
            domain:
              "*": %s
            starts:
              count: 157
              sampler: uniform
              points: [%s]
            optimizer:
              method: [gd, momentum, nesterov, adagrad, rmsprop, adam]
              learning_rate: [%s, %s]
              decay: [1.0, 0.98]
              momentum: 0.8
              max_iterations: 250
              stop:
                gradient_norm: 1.0e-5
                value_change: %s
              divergence: 1.0e3
            output:
              trajectories: 0
              charts: false
            """;

    static byte[][] run(String yaml, String tag, boolean scalar) throws IOException {
        return run(yaml, tag, scalar, 1);
    }

    /**
     * Runs the config on the lane path (or the scalar one) and checks result.json's lanes: 1 on
     * the scalar path, else {@code vectors} vectors of lanes (peaks steps two where no stop test
     * reads the gradient); runs.csv, minima.csv and sweep.csv as written.
     */
    static byte[][] run(String yaml, String tag, boolean scalar, int vectors) throws IOException {
        Path cfg = tmp.resolve(tag + ".yaml");
        Files.writeString(cfg, yaml);
        Path out = tmp.resolve(tag + (scalar ? "-scalar" : "-lanes"));
        String[] args = scalar
                ? new String[] {"run", cfg.toString(), "--out", out.toString(), "--threads", "2", "--quiet", "--force",
                        "--scalar"}
                : new String[] {"run", cfg.toString(), "--out", out.toString(), "--threads", "2", "--quiet", "--force"};
        Cli r = Cli.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        String json = Files.readString(out.resolve("result.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"vector_lanes\" : (\\d+)").matcher(json);
        assertThat(m.find()).isTrue();
        int lanes = Integer.parseInt(m.group(1));
        if (scalar || !Lanes.available()) {
            assertThat(lanes).isEqualTo(1);
        } else {
            assertThat(lanes).isEqualTo(vectors * jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length());
        }
        return new byte[][] {Files.readAllBytes(out.resolve("runs.csv")), Files.readAllBytes(out.resolve("minima.csv")),
            Files.readAllBytes(out.resolve("sweep.csv"))};
    }

    @ParameterizedTest(name = "{0} {1}-d, seed {2}, value_change {7}")
    @CsvSource(delimiter = ';', value = {
        "rastrigin; 2; 1; '[-5.12, 5.12]'; '[0.0, 0.0], [0.5, -0.25]'; 0.002; 0.05; 0",
        "rastrigin; 3; 2; '[-5.12, 5.12]'; '[1.0, 2.0, 3.0]'; 0.001; 0.2; 1.0e-9",
        "peaks; 2; 3; '[-3, 3]'; '[0.0, 0.0]'; 0.01; 0.6; 0",
        "peaks; 2; 4; '[-3, 3]'; '[0.2282789, -1.625535]'; 0.05; 0.3; 1.0e-10",
        "rosenbrock; 4; 5; '[-2, 2]'; '[1.0, 1.0, 1.0, 1.0]'; 0.0005; 0.01; 0",
        // 10-d, as W3: the one-pass heavy-ball step; with the larger rate runs diverge, and sums of
        // |x_i| pass the limit of 1e3 while each |x_i| is within it (the lanes' test is a filter)
        "rosenbrock; 10; 9; '[-2, 2]'; '[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]'; 0.0002; 0.003; 0",
        "himmelblau; 2; 6; '[-5, 5]'; '[3.0, 2.0]'; 0.01; 0.05; 1.0e-12",
        "ackley; 2; 7; '[-32.768, 32.768]'; '[0.0, 0.0]'; 0.01; 0.5; 0",
        "ackley; 5; 8; '[-5, 5]'; '[0.0, 0.0, 0.0, 0.0, 0.0]'; 0.05; 1.0; 1.0e-8"})
    void sweepsInLanesEqualTheScalarPathByteForByte(String builtin, int n, int seed, String domain, String points,
            String lr1, String lr2, String valueChange) throws IOException {
        String yaml = String.format(SWEEP, seed, builtin, n, domain, points, lr1, lr2, valueChange);
        String tag = builtin + n + "-" + seed;
        byte[][] lanes = run(yaml, tag, false);
        byte[][] scalar = run(yaml, tag, true);
        assertSameFiles(lanes, scalar);
        // the sweep exercised more than one way of stopping
        String runs = new String(scalar[0], java.nio.charset.StandardCharsets.UTF_8);
        assertThat(runs).contains(",converged,");
        assertThat(runs.contains(",diverged,") || runs.contains(",max_iterations,")
                || runs.contains(",stalled,")).isTrue();
    }

    /**
     * With no test reading the gradient (gradient_norm 0, no value_change), heavy ball on
     * rastrigin, peaks and rosenbrock forms each step's gradient as it steps and keeps none (the
     * kernels' momentumStep); runs end at max_iterations or diverge, and still byte for byte.
     */
    @ParameterizedTest(name = "{0} {1}-d, no gradient test")
    @CsvSource(delimiter = ';', value = {
        "rastrigin; 2; 11; '[-5.12, 5.12]'; '[0.0, 0.0]'; 0.002; 0.3",
        "peaks; 2; 13; '[-3, 3]'; '[0.0, 0.0]'; 0.05; 200",
        "rosenbrock; 10; 12; '[-2, 2]'; '[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]'; 0.0002; 0.003"})
    void sweepsWithoutAGradientTestEqualTheScalarPathByteForByte(String builtin, int n, int seed, String domain,
            String points, String lr1, String lr2) throws IOException {
        String yaml = String.format(SWEEP, seed, builtin, n, domain, points, lr1, lr2, "0")
                .replace("gradient_norm: 1.0e-5", "gradient_norm: 0");
        String tag = builtin + n + "-" + seed + "-free";
        byte[][] lanes = run(yaml, tag, false, builtin.equals("peaks") ? 2 : 1);
        byte[][] scalar = run(yaml, tag, true);
        assertSameFiles(lanes, scalar);
        String runs = new String(scalar[0], java.nio.charset.StandardCharsets.UTF_8);
        assertThat(runs).contains(",max_iterations,").contains(",diverged,").doesNotContain(",converged,");
    }

    /**
     * Peaks steps two vectors of lanes only under combos whose stop tests read no gradient: a
     * sweep over gradient_norm {0, 1e-5} says so in its log, and result.json gives the most; with
     * a gradient test throughout, one vector. The log in a child JVM (this one's Log4j writes to
     * the test's own standard error).
     */
    @Test
    void theLogSaysHowManyRunsEachCombosStepsTakeAtOnce() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Lanes.available());
        int l = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
        String yaml = String.format(SWEEP, 21, "peaks", 2, "[-3, 3]", "[0.0, 0.0]", "0.01", "0.05", "0")
                .replace("[gd, momentum, nesterov, adagrad, rmsprop, adam]", "momentum");
        Path mixed = tmp.resolve("mixed.yaml");
        Files.writeString(mixed, yaml.replace("name: lanes", "name: mixed")
                .replace("gradient_norm: 1.0e-5", "gradient_norm: [0, 1.0e-5]"));
        Path tested = tmp.resolve("tested.yaml");
        Files.writeString(tested, yaml.replace("name: lanes", "name: tested"));
        Path out = tmp.resolve("log");
        java.util.List<String> options = new java.util.ArrayList<>(java.util.List.of("--add-modules",
                "jdk.incubator.vector"));
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:MaxVectorSize")) {
                options.add(a); // the re-run at 4 lanes
            }
        }
        Child c = Child.run(options, "run", mixed.toString(), tested.toString(), "--out", out.toString(), "--force",
                "--threads", "2");
        String log = c.output();
        assertThat(c.code()).as(log).isZero();
        assertThat(log).contains("mixed: stepping " + l + " to " + 2 * l
                + " runs at once per thread in SIMD lanes, by combo")
                .contains("tested: stepping " + l + " runs at once per thread in SIMD lanes");
        assertThat(Files.readString(out.resolve("mixed/result.json"))).contains("\"vector_lanes\" : " + 2 * l);
        assertThat(Files.readString(out.resolve("tested/result.json"))).contains("\"vector_lanes\" : " + l);
    }

    /** runs.csv, minima.csv and sweep.csv of the two paths, byte for byte. */
    static void assertSameFiles(byte[][] lanes, byte[][] scalar) {
        String[] names = {"runs.csv", "minima.csv", "sweep.csv"};
        for (int i = 0; i < names.length; i++) {
            assertThat(new String(lanes[i], java.nio.charset.StandardCharsets.UTF_8)).as(names[i])
                    .isEqualTo(new String(scalar[i], java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
