package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts on which the chart library's tick placement never ended, drawn; and a chart it does
 * not finish drawing in time (XChart's tick placement once never
 * ended, on a sweep found by a random-formula harness) does not hang the command: past
 * {@code multistart.chartSeconds} it is left out, said so, and every other file is written. In a
 * process of its own, given a millisecond: an abandoned drawing thread goes on until it ends.
 */
class ChartTimeoutTest {

    @TempDir
    Path tmp;

    /** Two sample runs leave the linear axis after their first value, at -5.72e299 and -5.18e299. */
    static final String SWEEP = """
                name: e
                seed: 3883
                objective:
                  expression: "(1e300 * 1/x ) + x*y"
                  variables: [x, y]
                domain: {x: [-2, 2], y: [-2, 2]}
                starts: {count: 40, sampler: uniform}
                optimizer: {method: [gd, adagrad], learning_rate: [0.001, 0.1], max_iterations: 60}
                output: {trajectories: 3, basin_resolution: 12}
                """;

    /**
     * A domain narrow for its place (x from 1e20 to 1e20 + 1e5, where doubles lie 16 384 apart):
     * the basin map, drawn on the command's own thread, never ended there. It is drawn from the
     * domain's low corner, which the axis title names.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 90, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aDomainNarrowForItsPlaceIsMappedFromItsCorner() throws Exception {
        Path cfg = tmp.resolve("narrow.yaml");
        Files.writeString(cfg, """
                name: narrow
                objective:
                  expression: "((x - 1e20)/1e4)^2 + y^2"
                  variables: [x, y]
                domain: {x: [1e20, 100000000000000100000], y: [-1, 1]}
                starts: {count: 20, sampler: uniform}
                optimizer: {method: gd, learning_rate: 0.1, max_iterations: 50, divergence: 1e30}
                output: {basin_resolution: 8}
                """);
        Path out = tmp.resolve("narrow");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("basins.png")).exists();
        assertThat(Files.readString(out.resolve("report.html"))).contains("basins.png");
    }

    /**
     * The sweep on which XChart's tick placement never ended (its ticks at the two values, whose
     * 22-character labels never fit): every chart drawn.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 90, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void theSweepOnWhichTheChartLibraryHungIsDrawn() throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, SWEEP);
        Path out = tmp.resolve("drawn");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : new String[] {"convergence.png", "sweep.png", "report.html"}) {
            assertThat(out.resolve(f)).exists();
        }
    }

    @Test
    void chartsNotDrawnInTimeAreLeftOutAndTheCommandEnds() throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, """
                name: e
                objective: {builtin: himmelblau}
                starts: {count: 20}
                optimizer: {learning_rate: 0.01, max_iterations: 100}
                output: {basin_resolution: 8}
                """);
        Path out = tmp.resolve("out");
        Child c = Child.java(List.of("-Dmultistart.chartSeconds=0.001", "-cp", Child.classPath(), Main.class.getName(),
                "run", cfg.toString(), "--out", out.toString()), java.util.Map.of(), 90);
        assertThat(c.code()).as(c.output()).isZero();
        assertThat(c.output()).contains("the chart library did not finish drawing convergence.png and sweep.png"
                + " within 0.001 s; they are left out").contains("the chart library did not finish drawing basins.png"
                + " within 0.001 s; it is left out");
        for (String f : new String[] {"summary.md", "result.json", "report.html", "minima.csv", "sweep.csv"}) {
            assertThat(out.resolve(f)).exists();
        }
        // the report page shows none of them (a chart finished after the command gave up on it may
        // still be written before the process ends)
        assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("basins.png")
                .doesNotContain("convergence.png");
    }
}
