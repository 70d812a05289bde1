package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "All minima found?": Boender and Rinnooy Kan's census of each combo's runs, on objectives whose
 * minima the literature counts: Himmelblau's four, and Rastrigin's 11^2 = 121 in [-5.12, 5.12]^2
 * (one near each integer point with |x|, |y| <= 5; gd at a rate well under 2 / f'' = 2 / (2 +
 * 40 pi^2) takes every start to the minimum of the cell it starts in, the cells at the box's edge
 * reaching to the maxima at +-5.5, outside it).
 */
class MinimaCensusRunTest {

    @TempDir
    Path tmp;

    private Path run(String name, String yaml) throws IOException {
        Path cfg = tmp.resolve(name + ".yaml");
        Files.writeString(cfg, yaml);
        Path out = tmp.resolve(name);
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> census(Path out, int combo) throws IOException {
        List<Map<String, Object>> sweep = (List<Map<String, Object>>) ComboHitsTest.parse(out.resolve("result.json"))
                .get("sweep");
        return (Map<String, Object>) sweep.get(combo).get("minima_census");
    }

    private static long number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @Test
    void himmelblausFourAreFoundAndExplicitStartsAreLeftOut() throws IOException {
        // two explicit starts on minima (they converge where they start) before 400 drawn ones
        Path out = run("himmelblau", """
                name: himmelblau
                objective: {builtin: himmelblau}
                starts:
                  count: 400
                  sampler: uniform
                  points: [[3.0, 2.0], [-2.805118086952745, 3.1313125182505726]]
                optimizer: {method: gd, learning_rate: 0.005, max_iterations: 5000}
                output: {runs: all}
                """);
        // runs from drawn starts (start >= 2) at each basin the minima table confirms, from the files
        Set<String> minima = new HashSet<>();
        for (String row : Files.readAllLines(out.resolve("minima.csv")).subList(1, 5)) {
            assertThat(row).contains(",minimum,");
            minima.add(row.split(",")[0]);
        }
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = Arrays.asList(rows.get(0).split(","));
        long n = 0;
        Set<String> reached = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            String basin = f[header.indexOf("basin")];
            if (Long.parseLong(f[header.indexOf("start")]) >= 2 && minima.contains(basin)) {
                n++;
                reached.add(basin);
            }
        }
        assertThat(n).isGreaterThan(390);
        Map<String, Object> census = census(out, 0);
        assertThat(number(census, "runs_at_minima")).isEqualTo(n);
        assertThat(number(census, "minima_found")).isEqualTo(reached.size()).isEqualTo(4);
        double expected = 4.0 * (n - 1) / (n - 6);
        assertThat(((Number) census.get("expected_minima")).doubleValue()).isCloseTo(expected, within(1e-12));
        assertThat(census.get("likely_complete")).isEqualTo(true);
        double p = 1;
        for (int j = 0; j < 4; j++) {
            p *= (double) (n - 5 + j) / (n + j);
        }
        assertThat(((Number) census.get("all_found_probability")).doubleValue()).isCloseTo(p, within(1e-12));
        assertThat(Files.readString(out.resolve("summary.md"))).contains("**All minima found?** Likely: the " + n
                + " runs that ended at a confirmed minimum (from sampled starts: the explicit start points are left"
                + " out) reached 4 distinct minima");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<b>All minima found?</b> Likely: the " + n);
    }

    private static final String RASTRIGIN = """
            name: rastrigin
            objective: {builtin: rastrigin, dimension: 2}
            starts: {count: %d, sampler: sobol}
            optimizer: {method: gd, learning_rate: 0.002, max_iterations: 3000}
            output: {runs: none, charts: false, trajectories: 0}
            """;

    @Test
    void rastriginsHundredAndTwentyOneAreCountedOnceEnoughStartsFindThem() throws IOException {
        // the rule asks for 2 W (W+1) + W + 2 = 29 647 runs for W = 121
        Path many = run("many", String.format(RASTRIGIN, 32_000));
        Map<String, Object> all = census(many, 0);
        assertThat(number(all, "minima_found")).isEqualTo(121);
        long n = number(all, "runs_at_minima");
        assertThat(n).isBetween(29_647L, 32_000L);
        assertThat(all.get("likely_complete")).isEqualTo(true);
        assertThat(((Number) all.get("expected_minima")).doubleValue()).isCloseTo(121.0 * (n - 1) / (n - 123),
                within(1e-9));
        assertThat(Files.readString(many.resolve("summary.md"))).contains("**All minima found?** Likely: the " + n
                + " runs that ended at a confirmed minimum reached 121 distinct minima");

        // 400 starts: most of the 121 turn up, but too many of them only once or twice for the rule
        Path few = run("few", String.format(RASTRIGIN, 400));
        Map<String, Object> some = census(few, 0);
        long w = number(some, "minima_found");
        long m = number(some, "runs_at_minima");
        assertThat(w).isBetween(90L, 121L);
        double expected = ((Number) some.get("expected_minima")).doubleValue();
        assertThat(expected).isCloseTo((double) w * (m - 1) / (m - w - 2), within(1e-9)).isGreaterThan(w + 0.5);
        assertThat(some.get("likely_complete")).isEqualTo(false);
        assertThat(number(some, "runs_for_complete")).isEqualTo(2 * w * (w + 1) + w + 2);
        assertThat(Files.readString(few.resolve("summary.md"))).contains("**All minima found?** Likely not: the " + m
                + " runs that ended at a confirmed minimum reached " + w + " distinct minima")
                .contains("asks for about ");
    }

    @Test
    void combosAreCensusedOneByOne() throws IOException {
        // at a rate of 0.0001 none of 200 runs converges in 300 steps; at 0.005 all do
        Path out = run("sweep", """
                name: sweep
                objective: {builtin: himmelblau}
                starts: {count: 200, sampler: halton}
                optimizer: {method: gd, learning_rate: [0.0001, 0.005], max_iterations: 300}
                output: {runs: none, charts: false, trajectories: 0}
                """);
        Map<String, Object> slow = census(out, 0);
        Map<String, Object> quick = census(out, 1);
        assertThat(quick.get("likely_complete")).isEqualTo(true);
        assertThat(number(quick, "minima_found")).isEqualTo(4);
        // none of the slow combo's runs got to a minimum: nothing to estimate from
        assertThat(number(slow, "runs_at_minima")).isZero();
        assertThat(slow.get("expected_minima")).isNull();
        assertThat(slow.get("runs_for_complete")).isNull();
        assertThat(slow.get("likely_complete")).isEqualTo(false);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("**All minima found?** Under some combos: ")
                .contains("under 1 of the 2 combos, not under combo 0 (learning_rate 0.0001), where no run ended at a"
                        + " confirmed minimum.");
    }
}
