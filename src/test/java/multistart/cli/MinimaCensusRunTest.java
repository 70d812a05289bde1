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
 * "All minima found?": the census of each combo's runs (Chao's, Good and Turing's and Boender and
 * Rinnooy Kan's estimates), on objectives whose minima the literature counts: Himmelblau's four,
 * and Rastrigin's 11^n in [-5.12, 5.12]^n (one near each integer point with every |x_i| <= 5; gd
 * at a rate well under 2 / f'' = 2 / (2 + 40 pi^2) takes every start to the minimum of the cell
 * it starts in, the cells at the box's edge reaching to the maxima at +-5.5, outside it).
 */
class MinimaCensusRunTest {

    @TempDir
    Path tmp;

    private Path run(String name, String yaml) throws IOException {
        return Cli.runConfig(tmp, name, yaml);
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
    @SuppressWarnings("unchecked")
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
        assertThat(number(census, "reached_once")).isZero();
        assertThat(((Number) census.get("chao1_minima")).doubleValue()).isEqualTo(4.0);
        assertThat(census.get("likely_complete")).isEqualTo(true);
        Map<String, Object> bayes = (Map<String, Object>) census.get("boender_rinnooy_kan");
        double expected = 4.0 * (n - 1) / (n - 6);
        assertThat(((Number) bayes.get("expected_minima")).doubleValue()).isCloseTo(expected, within(1e-12));
        assertThat(bayes.get("stopping_rule_holds")).isEqualTo(true);
        double p = 1;
        for (int j = 0; j < 4; j++) {
            p *= (double) (n - 5 + j) / (n + j);
        }
        assertThat(((Number) bayes.get("all_found_probability")).doubleValue()).isCloseTo(p, within(1e-12));
        assertThat(Files.readString(out.resolve("summary.md"))).contains("**All minima found?** Likely: the " + n
                + " runs that ended at a confirmed minimum (from sampled starts: the explicit start points are left"
                + " out) reached 4 distinct minima, each at least twice, so Chao's estimate (1984) is 4 in all")
                .contains("The literature counts 4 minima in this domain (Himmelblau's four minima, all global): the"
                        + " runs ended at every one.");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<b>All minima found?</b> Likely: the " + n)
                .doesNotContain("spread more evenly than random draws");
    }

    private static final String RASTRIGIN = """
            name: rastrigin
            objective: {builtin: rastrigin, dimension: %d}
            starts: {count: %d, sampler: sobol}
            optimizer: {method: gd, learning_rate: 0.002, max_iterations: 3000}
            output: {runs: none, charts: false, trajectories: 0}
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bayes(Map<String, Object> census) {
        return (Map<String, Object>) census.get("boender_rinnooy_kan");
    }

    @Test
    void rastriginsMinimaAreCountedAsTheLiteratureCountsThem() throws IOException {
        // 3-d, 11^3 = 1331 minima, 40 000 starts: every one reached, each at least twice (the
        // corner cells, a quarter of an inner cell's volume, get about 7 runs)
        Path many = run("many", String.format(RASTRIGIN, 3, 40_000));
        Map<String, Object> all = census(many, 0);
        assertThat(number(all, "minima_found")).isEqualTo(1331);
        assertThat(number(all, "reached_once")).isZero();
        assertThat(((Number) all.get("chao1_minima")).doubleValue()).isEqualTo(1331.0);
        assertThat(all.get("likely_complete")).isEqualTo(true);
        long n = number(all, "runs_at_minima");
        assertThat(n).isBetween(39_000L, 40_000L);
        // the Bayesian prior, expecting unequal basins, wants 2 W (W+1) + W + 2 = 3.5 million runs
        assertThat(bayes(all).get("stopping_rule_holds")).isEqualTo(false);
        assertThat(number(bayes(all), "runs_for_rule")).isEqualTo(2L * 1331 * 1332 + 1331 + 2);
        assertThat(((Number) bayes(all).get("expected_minima")).doubleValue())
                .isCloseTo(1331.0 * (n - 1) / (n - 1333), within(1e-9));
        assertThat(Files.readString(many.resolve("summary.md"))).contains("**All minima found?** Likely: the " + n
                + " runs that ended at a confirmed minimum reached 1331 distinct minima, each at least twice, so "
                + "Chao's estimate (1984) is 1331 in all").contains("The literature counts 1331 minima in this"
                + " domain (one near each integer point, 11 values per coordinate): the runs ended at every one.");

        // 2-d, 11^2 = 121 minima, 400 starts: some not reached, some reached once (so likely not
        // complete); Chao's estimate from those lands near 121, the Bayesian one far above it
        Path few = run("few", String.format(RASTRIGIN, 2, 400));
        Map<String, Object> some = census(few, 0);
        long w = number(some, "minima_found");
        long m = number(some, "runs_at_minima");
        long once = number(some, "reached_once");
        long twice = number(some, "reached_twice");
        assertThat(w).isBetween(90L, 120L);
        assertThat(once).isPositive();
        double chao = ((Number) some.get("chao1_minima")).doubleValue();
        assertThat(chao).isCloseTo(w + (m - 1.0) / m * once * (once - 1) / (2.0 * (twice + 1)), within(1e-9))
                .isBetween(110.0, 135.0);
        assertThat(((Number) some.get("good_turing_unseen_share")).doubleValue()).isEqualTo((double) once / m);
        assertThat(some.get("likely_complete")).isEqualTo(false);
        assertThat(((Number) bayes(some).get("expected_minima")).doubleValue()).isGreaterThan(140.0);
        assertThat(Files.readString(few.resolve("summary.md"))).contains("**All minima found?** Likely not: the " + m
                + " runs that ended at a confirmed minimum reached " + w + " distinct minima, " + once
                + " of them once and " + twice + " twice")
                .contains("more starts would find more.").contains("The literature counts 121 minima in this domain"
                        + " (one near each integer point, 11 values per coordinate): the runs ended at " + w
                        + " of them.")
                // Chao's lower bound from evenly spread starts stays near the count they found
                .contains("The starts are sobol points, spread more evenly than random draws: fewer minima are"
                        + " reached by one run only than random starts would leave, so these estimates can read low.");
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
        assertThat(slow.get("chao1_minima")).isNull();
        assertThat(bayes(slow).get("expected_minima")).isNull();
        assertThat(bayes(slow).get("runs_for_rule")).isNull();
        assertThat(slow.get("likely_complete")).isEqualTo(false);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("**All minima found?** Under some combos: ")
                .contains("each minimum was reached by two runs or more under 1 of the 2 combos, not under combo 0 "
                        + "(learning_rate 0.0001), where no run ended at a confirmed minimum.")
                .contains(" The starts are halton points, spread more evenly than random draws");
    }
}
