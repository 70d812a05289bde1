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
 * sweep.csv's medians and success rate for combos of more runs than the sweep keeps values of
 * (65 536), against every run's value in runs.csv. Sobol starts are where a sample of every
 * 2^k-th run went wrong: those runs start in one corner of the domain.
 */
class SweepStatisticsTest {

    @TempDir
    Path tmp;

    static final int STARTS = 150_000;

    /** One step of gradient descent on peaks (known optimum) from Sobol starts. */
    static final String PEAKS = """
            name: sweep-statistics
            seed: 11
            objective:
              builtin: peaks
            starts:
              count: 150000
              sampler: sobol
            optimizer:
              method: gd
              learning_rate: 0.05
              max_iterations: 1
              stop:
                gradient_norm: 0
            output:
              runs: all
              trajectories: 0
              charts: false
            """;

    /**
     * One step on a bowl off the domain's centre (no known optimum: success is judged against
     * the best value found, so the success count over all runs is estimated from the kept
     * sample; off centre, so that a sample from one corner of the domain is not a mirror image
     * of the whole).
     */
    static final String BOWL = """
            name: sweep-statistics-bowl
            seed: 5
            objective:
              expression: "(x - 0.6)^2 + (y + 0.3)^2"
              variables: [x, y]
            domain:
              x: [-1, 1]
              y: [-1, 1]
            starts:
              count: 150000
              sampler: sobol
            optimizer:
              method: gd
              learning_rate: 0.1
              max_iterations: 1
              stop:
                gradient_norm: 0
            basins:
              success_tolerance: 0.3
            output:
              runs: all
              trajectories: 0
              charts: false
            """;

    @Test
    void theMedianOfMoreRunsThanKeptIsTheMedianOfAll() throws IOException {
        Sweep s = run(PEAKS, "2");
        // the sample median of 65 536 of 150 000 values: its rank within a percent of the middle
        // (the rank's standard deviation is 0.2% of them)
        assertThat(s.medianValue).isBetween(quantile(s.values, 0.49), quantile(s.values, 0.51));
        assertThat(s.medianIterations).isEqualTo(1.0);
        // the sample is drawn from the seed, so the thread count does not change it
        assertThat(run(PEAKS, "1").sweepCsv).isEqualTo(s.sweepCsv);
    }

    @Test
    void theSuccessRateAgainstTheBestFoundIsEstimatedWithoutBias() throws IOException {
        Sweep s = run(BOWL, "2");
        double best = s.values[0];
        long successes = Arrays.stream(s.values).filter(v -> v <= best + 0.3).count();
        double exact = (double) successes / STARTS;
        assertThat(exact).isBetween(0.2, 0.5);
        // the estimate's standard deviation is about 0.002
        assertThat(s.successRate).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.medianValue).isBetween(quantile(s.values, 0.49), quantile(s.values, 0.51));
    }

    /** sweep.csv's one row and every run's final value (sorted) from runs.csv. */
    record Sweep(String sweepCsv, double successRate, double medianValue, double medianIterations, double[] values) {
    }

    private Sweep run(String yaml, String threads) throws IOException {
        Path config = tmp.resolve("sweep.yaml");
        Files.writeString(config, yaml);
        Path out = tmp.resolve("out-" + threads);
        Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--threads", threads);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> sweep = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(sweep).hasSize(2);
        List<String> head = List.of(sweep.get(0).split(","));
        String[] row = sweep.get(1).split(",");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        List<String> runsHead = List.of(runs.get(0).split(","));
        int value = runsHead.indexOf("value");
        int status = runsHead.indexOf("status");
        double[] values = runs.subList(1, runs.size()).stream().map(l -> l.split(","))
                .filter(f -> !f[status].equals("diverged") && !f[status].equals("failed"))
                .mapToDouble(f -> Double.parseDouble(f[value])).sorted().toArray();
        assertThat(values).hasSize(STARTS);
        return new Sweep(String.join("\n", sweep), Double.parseDouble(row[head.indexOf("success_rate")]),
                Double.parseDouble(row[head.indexOf("median_value")]),
                Double.parseDouble(row[head.indexOf("median_iterations")]), values);
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
