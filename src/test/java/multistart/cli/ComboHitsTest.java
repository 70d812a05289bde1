package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The basins' hits per combo (result.json's share_per_combo, and basins_found per combo in the
 * sweep) against runs.csv, which names every run's combo and final basin: counted from its
 * rows, independently of how the sweep keeps them (sparsely, combo by combo).
 */
class ComboHitsTest {

    @TempDir
    Path tmp;

    /**
     * Eight combos of 120 starts on Himmelblau: those with 3000 iterations end in the four
     * minima, each reached from several combos; those with 3 iterations end at points of their
     * own, each reached from one.
     */
    static final String CONFIG = """
            name: combo-hits
            seed: 3
            objective:
              builtin: himmelblau
            starts:
              count: 120
              sampler: uniform
            optimizer:
              method: momentum
              learning_rate: [0.005, 0.01]
              momentum: [0.0, 0.5]
              max_iterations: [3, 3000]
              stop:
                gradient_norm: 1.0e-9
            basins:
              tolerance: 1.0e-4
            output:
              runs: all
              trajectories: 0
              charts: false
            """;

    @Test
    void sharesPerComboAndBasinsPerComboAgreeWithRunsCsv() throws IOException {
        Map<Integer, Map<Integer, Integer>> counted = check(CONFIG, 120, 0);
        // the case the sparse bookkeeping is for: basins reached from several combos, and many
        // reached from one
        assertThat(counted.values().stream().filter(m -> m.size() >= 3).count()).isGreaterThanOrEqualTo(4);
        assertThat(counted.values().stream().filter(m -> m.size() == 1).count()).isGreaterThan(400);
    }

    /**
     * Past the unresolved points result.json lists in full (the best 1000 of them), the sweep
     * gathers no per-combo hits; those it lists still have theirs, counted right. 4 x 300 short
     * runs end at 1200 points of their own.
     */
    @Test
    void theListedUnresolvedPointsKeepTheirSharesPastTheCap() throws IOException {
        int omitted = 1200 - multistart.analysis.Aggregator.DETAILED_UNRESOLVED;
        Map<Integer, Map<Integer, Integer>> counted = check(CONFIG.replace("count: 120", "count: 300"), 300, omitted);
        assertThat(counted).hasSize(1204);
    }

    /**
     * Combos whose rate decays stop some runs short of a minimum, at points scattered around it
     * within about the tolerance: basins formed around two such points more than the tolerance
     * apart had best points at the same minimum, and Himmelblau came out with six minima. Its
     * four, once each, at the literature's points, with every merged basin's runs and combos
     * still agreeing with runs.csv.
     */
    @Test
    void aMinimumReachedFromTwoBasinsIsListedOnce() throws IOException {
        String config = """
                name: himmelblau-short
                seed: 2
                objective:
                  builtin: himmelblau
                starts:
                  count: 400
                optimizer:
                  method: momentum
                  learning_rate: [0.002, 0.01]
                  decay: [1.0, 0.995]
                  momentum: [0.0, 0.9]
                  max_iterations: 2000
                output:
                  runs: all
                  trajectories: 0
                  charts: false
                """;
        check(config, 400, 0);
        double[][] literature = {{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
        List<double[]> minima = new ArrayList<>();
        for (Object o : (List<?>) parse(tmp.resolve("out").resolve("result.json")).get("minima")) {
            Map<?, ?> m = (Map<?, ?>) o;
            if (m.get("kind").equals("minimum")) {
                Map<?, ?> point = (Map<?, ?>) m.get("point");
                minima.add(new double[] {(Double) point.get("x"), (Double) point.get("y")});
            }
        }
        assertThat(minima).hasSize(4);
        for (double[] x : literature) {
            assertThat(minima).filteredOn(p -> Math.hypot(p[0] - x[0], p[1] - x[1]) < 1e-5).hasSize(1);
        }
    }

    /**
     * Runs the config (starts per combo as given) and checks result.json's shares per combo and
     * basins per combo against runs.csv; returns basin -> combo -> runs, from runs.csv.
     */
    private Map<Integer, Map<Integer, Integer>> check(String yaml, int starts, long omitted) throws IOException {
        Path config = tmp.resolve("combo-hits.yaml");
        Files.writeString(config, yaml);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();

        // basin -> combo -> runs, from runs.csv
        Map<Integer, Map<Integer, Integer>> counted = new TreeMap<>();
        Map<Integer, Set<Integer>> basinsOfCombo = new HashMap<>();
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int comboColumn = header.indexOf("combo");
        int basinColumn = header.indexOf("basin");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            if (f[basinColumn].isEmpty()) {
                continue;
            }
            int combo = Integer.parseInt(f[comboColumn]);
            int basin = Integer.parseInt(f[basinColumn]);
            counted.computeIfAbsent(basin, k -> new TreeMap<>()).merge(combo, 1, Integer::sum);
            basinsOfCombo.computeIfAbsent(combo, k -> new HashSet<>()).add(basin);
        }
        Map<String, Object> json = parse(out.resolve("result.json"));
        assertThat(json.get("unresolved_omitted")).isEqualTo(omitted);
        List<?> minima = (List<?>) json.get("minima");
        assertThat(minima).hasSize((int) (counted.size() - omitted));
        for (Object o : minima) {
            Map<?, ?> m = (Map<?, ?>) o;
            int basin = ((Long) m.get("basin")).intValue();
            Map<String, Double> expected = new LinkedHashMap<>();
            counted.get(basin).forEach((combo, hits) -> expected.put(Integer.toString(combo), hits / (double) starts));
            assertThat(m.get("share_per_combo")).as("basin %d", basin).isEqualTo(expected);
            assertThat(m.get("hits")).isEqualTo((long) counted.get(basin).values().stream().mapToInt(i -> i).sum());
        }
        for (Object o : (List<?>) json.get("sweep")) {
            Map<?, ?> s = (Map<?, ?>) o;
            int combo = ((Long) s.get("combo")).intValue();
            assertThat(s.get("basins_found")).as("combo %d", combo)
                    .isEqualTo((long) basinsOfCombo.getOrDefault(combo, Set.of()).size());
        }
        return counted;
    }

    /** result.json as maps (in order), lists, longs, doubles, strings, booleans and nulls. */
    static Map<String, Object> parse(Path file) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            p.nextToken();
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) value(p);
            return m;
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}
