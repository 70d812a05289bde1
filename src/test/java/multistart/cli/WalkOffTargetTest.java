package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a known optimum, success is judged against the best value found; where that is a run
 * that walked out of the domain without settling, against the best confirmed minimum instead.
 * f(x) = 1 - exp(-x^2) - 0.2 sqrt(1 + x^2) has its only minimum at 0, f(0) = -0.2 (curvature
 * 2 - 0.2 = 1.8), and beyond the ridges at |x| ~ 1.3 falls on as 1 - 0.2 |x| forever, where gd
 * walks at 0.2 x the rate a step and ends wherever max_iterations stops it.
 */
class WalkOffTargetTest {

    @TempDir
    Path tmp;

    static final String CONFIG = """
            name: wo
            objective:
              expression: "1 - exp(-x^2) - 0.2*sqrt(1 + x^2)"
              variables: [x]
            domain: {x: [-3, 3]}
            starts: {count: 60, sampler: grid}
            optimizer:
              method: gd
              learning_rate: [0.05, 0.5]
              max_iterations: 200
            output: {trajectories: 4}
            """;

    @Test
    void aWalkOffIsNoTargetTheBestConfirmedMinimumIs() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, CONFIG);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        // the line the run ends with: the best end point is no minimum, and the best that is follows
        assertThat(r.out()).containsPattern(": best -[0-9.]+ \\(unresolved; best minimum -0\\.1999999999[0-9]*\\),"
                + " 1 minimum found \\(");
        Map<String, Object> json = ComboHitsTest.parse(out.resolve("result.json"));
        assertThat(json.get("target_source")).isEqualTo("best_confirmed");
        assertThat(((Number) json.get("target")).doubleValue()).isCloseTo(-0.2, within(1e-9));
        // each combo's successes: runs that ended at -0.2 or below (within 1e-6), counted here from runs.csv
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = Arrays.asList(runs.get(0).split(","));
        int[] successes = new int[2];
        double furthest = 0;
        for (String row : runs.subList(1, runs.size())) {
            String[] f = row.split(",");
            double v = Double.parseDouble(f[header.indexOf("value")]);
            if (!f[header.indexOf("status")].equals("diverged") && v <= -0.2 + 1e-6) {
                successes[Integer.parseInt(f[header.indexOf("combo")])]++;
            }
            furthest = Math.min(furthest, v);
        }
        // the walk-off went far below the minimum: a target there would leave one success
        assertThat(furthest).isLessThan(-1);
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        for (int c = 0; c < 2; c++) {
            String[] row = sweep.get(1 + c).split(",");
            assertThat(Double.parseDouble(row[5])).as("combo %d", c).isEqualTo(successes[c] / 60.0);
        }
        // at rate 0.05 a walk-off goes 2 units in 200 steps, to no lower than 1 - 0.2 sqrt(26) = -0.02:
        // only the runs at the minimum succeed; at 0.5, every run, at the minimum or walked past it
        assertThat(successes[0]).isBetween(20, 45);
        assertThat(successes[1]).isEqualTo(60);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("Success: final value within 1e-6 of the best confirmed minimum -0.19999")
                .contains("is where a run stopped that walked out of the domain without settling at a minimum");
        assertThat(Files.readString(out.resolve("report.html"))).contains("of the best confirmed minimum -0.19999")
                .contains("How far each sample run&#39;s value is from the best confirmed minimum at each iteration");

        // a known optimum stands whatever the runs did
        Files.writeString(cfg, CONFIG.replace("  variables: [x]\n", "  variables: [x]\n  known_minimum: -0.2\n"));
        Path known = tmp.resolve("known");
        assertThat(Cli.run("run", cfg.toString(), "--out", known.toString(), "--quiet").code()).isZero();
        assertThat(ComboHitsTest.parse(known.resolve("result.json")).get("target_source")).isEqualTo("known_optimum");
        // no walk-off (the domain's runs all settle at 0 or stop inside it): the best value found
        Files.writeString(cfg, CONFIG.replace("[-3, 3]", "[-1, 1]"));
        Path inside = tmp.resolve("inside");
        assertThat(Cli.run("run", cfg.toString(), "--out", inside.toString(), "--quiet").code()).isZero();
        assertThat(ComboHitsTest.parse(inside.resolve("result.json")).get("target_source")).isEqualTo("best_found");
    }
}
