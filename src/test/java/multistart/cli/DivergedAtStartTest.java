package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs whose start point lies where the formula is not defined (log x for x <= 0) diverge
 * before a step; the reports count them apart and say that the domain, not the learning rate,
 * is what to change. The counts are checked against the start points in runs.csv.
 */
class DivergedAtStartTest {

    @TempDir
    Path tmp;

    Path run(String expression, String xDomain, String output) throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, """
                name: log
                seed: 4
                objective:
                  expression: "EXPR"
                  variables: [x, y]
                domain:
                  x: XDOMAIN
                  y: [-1, 3]
                starts:
                  count: 120
                optimizer:
                  method: gd
                  learning_rate: 0.1
                  max_iterations: 500
                output: OUTPUT
                """.replace("EXPR", expression).replace("XDOMAIN", xDomain).replace("OUTPUT", output));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--force");
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    /** Runs whose start x is at most 0, where log x is not finite, and how many runs there are. */
    static long[] startsOutsideAndAll(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("runs.csv"));
        int col = Arrays.asList(lines.get(0).split(",")).indexOf("start_x");
        long outside = lines.stream().skip(1).filter(l -> Double.parseDouble(l.split(",")[col]) <= 0).count();
        return new long[] {outside, lines.size() - 1};
    }

    @Test
    void aMinimumBesideUndefinedStartsNamesThemAsTheDomainsFault() throws IOException {
        // x - log x has its minimum 1 at x = 1; from every x > 0 gradient descent gets there
        Path out = run("x - log(x) + (y - 1)^2", "[-1, 3]", "{basin_resolution: 20}");
        long[] n = startsOutsideAndAll(out);
        assertThat(n[0]).isBetween(20L, 40L);
        String json = Files.readString(out.resolve("result.json"));
        assertThat(json).contains("\"diverged\" : " + n[0] + ",").contains("\"diverged_at_start\" : " + n[0] + ",");
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("All " + n[0] + " diverged runs did so at their start points, before a step")
                .contains("narrowing it saves those runs");
        assertThat(Files.readString(out.resolve("report.html"))).contains("All " + n[0] + " diverged runs did so");
    }

    @Test
    void whenNoRunEndsFiniteTheAdviceSplitsStartsFromSteps() throws IOException {
        // log x has no minimum: from x > 0 the runs step towards 0 and past it, where log is not
        // defined, which a smaller rate would only delay
        Path out = run("log(x) + y^2", "[-1, 2]", "{charts: false}");
        long[] n = startsOutsideAndAll(out);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("**No run ended at a finite point: all " + n[1] + " runs diverged or failed.** "
                + n[0] + " of them diverged at their start points, before a step")
                .contains("The other " + (n[1] - n[0]) + " diverged on the way: all " + (n[1] - n[0])
                        + " stepped to a point where the objective or its gradient is not defined")
                .doesNotContain("try a smaller learning rate");
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"diverged_at_start\" : " + n[0] + ",")
                .contains("\"diverged_undefined\" : " + (n[1] - n[0]) + ",");
    }

    /**
     * Every run diverges through values near +-1e308 (finite): the sample runs' chart, a linear
     * axis for want of a best value, used to place its ticks forever over a range that overflowed.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void runsThatDivergeThroughHugeFiniteValuesStillGetTheirCharts() throws IOException {
        Path out = run("(1e308 / x*y) + x*y", "[-2, 2]", "{trajectories: 3, basin_resolution: 12}");
        assertThat(out.resolve("convergence.png")).isNotEmptyFile();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void aDomainWhereTheFormulaIsNowhereDefinedSaysSo() throws IOException {
        Path out = run("log(x) + y^2", "[-2, -1]", "{charts: false}");
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("all 120 runs diverged or failed.** Every run diverged at its start point")
                .contains("Narrow the domain to where the function is defined.").doesNotContain("on the way")
                .contains("Success: none can be judged, as no run ended at a finite point").doesNotContain("NaN");
    }
}
