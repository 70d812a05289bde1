package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep one setting at a time: each swept setting's values with their combos pooled, checked
 * against sums taken here from sweep.csv (runs, success_rate x runs, diverged, the median of the
 * combos' median iterations; the best combo by the ranking's order: success rate, then median
 * iterations, then combo), in result.json and in
 * summary.md's table; a setting that does not apply to a combo (momentum under gd) counts that
 * combo under none of its values.
 */
class SettingsOneAtATimeTest {

    @TempDir
    Path tmp;

    static final String SWEEP = """
            name: one
            seed: 4
            objective: {builtin: himmelblau}
            starts: {count: 150, sampler: halton}
            optimizer:
              method: [gd, momentum]
              learning_rate: [0.005, 0.02]
              momentum: [0.5, 0.9]
              max_iterations: 300
            output: {trajectories: 0}
            """;

    /** A value as the reports write it (0.5) and as sweep.csv does (0.5, or 1.0 for 1): the same number, or name. */
    static boolean same(String reported, String csv) {
        try {
            return Double.parseDouble(reported) == Double.parseDouble(csv);
        } catch (NumberFormatException e) {
            return reported.equals(csv);
        }
    }

    @Test
    void eachValueOfEachSweptSettingPoolsItsCombos() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, SWEEP);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        List<String> header = Arrays.asList(rows.get(0).split(","));
        List<String[]> combos = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            combos.add(row.split(","));
        }
        // the ranking's order, from the file
        int rate = header.indexOf("success_rate");
        int iterations = header.indexOf("median_iterations");
        List<String[]> ranked = new ArrayList<>(combos);
        ranked.sort(Comparator.comparingDouble((String[] c) -> -Double.parseDouble(c[rate]))
                .thenComparingDouble(c -> Double.parseDouble(c[iterations]))
                .thenComparingInt(c -> Integer.parseInt(c[0])));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = (List<Map<String, Object>>) ComboHitsTest.parse(out.resolve("result.json"))
                .get("settings_one_at_a_time");
        // each combo's gradient steps (result.json's, which StepsPerSuccessTest checks against runs.csv)
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sweep = (List<Map<String, Object>>) ComboHitsTest.parse(out.resolve("result.json"))
                .get("sweep");
        String summary = Files.readString(out.resolve("summary.md"));
        int checked = 0;
        for (String setting : List.of("method", "learning_rate", "momentum")) {
            int col = header.indexOf(setting);
            Map<String, List<String[]>> byValue = new LinkedHashMap<>();
            java.util.Set<String> gdRates = new java.util.HashSet<>();
            for (String[] c : combos) {
                boolean gd = c[header.indexOf("method")].equals("gd");
                // momentum is not a value gd has (sweep.csv leaves it blank there); and gd's second combo
                // at a rate (under momentum 0.9) repeats its first, run for run: counted once
                if (gd && (setting.equals("momentum") || !gdRates.add(c[header.indexOf("learning_rate")]))) {
                    continue;
                }
                byValue.computeIfAbsent(c[col], v -> new ArrayList<>()).add(c);
            }
            for (Map.Entry<String, List<String[]>> e : byValue.entrySet()) {
                long runs = 0;
                long successes = 0;
                long diverged = 0;
                long steps = 0;
                for (String[] c : e.getValue()) {
                    steps += ((Number) sweep.get(Integer.parseInt(c[0])).get("gradient_steps")).longValue();
                    long n = Long.parseLong(c[header.indexOf("runs")]);
                    runs += n;
                    successes += Math.round(Double.parseDouble(c[rate]) * n);
                    diverged += Long.parseLong(c[header.indexOf("diverged")]);
                }
                String[] best = ranked.stream().filter(e.getValue()::contains).findFirst().orElseThrow();
                Map<String, Object> level = levels.stream().filter(l -> l.get("setting").equals(setting)
                        && same((String) l.get("value"), e.getKey()))
                        .findFirst().orElseThrow(() -> new AssertionError(setting + " " + e.getKey()));
                assertThat(((Number) level.get("combos")).intValue()).as("%s %s", setting, e.getKey())
                        .isEqualTo(e.getValue().size());
                assertThat(((Number) level.get("runs")).longValue()).isEqualTo(runs);
                assertThat(((Number) level.get("successes")).longValue()).as("%s %s", setting, e.getKey())
                        .isEqualTo(successes);
                assertThat(((Number) level.get("diverged")).longValue()).isEqualTo(diverged);
                assertThat(successes).isPositive();
                assertThat(((Number) level.get("steps_per_success")).doubleValue())
                        .isEqualTo((double) steps / successes);
                assertThat(((Number) level.get("best_combo")).intValue()).isEqualTo(Integer.parseInt(best[0]));
                double[] medians = e.getValue().stream().mapToDouble(c -> Double.parseDouble(c[iterations])).sorted()
                        .toArray();
                int k = medians.length;
                double median = k % 2 == 1 ? medians[k / 2] : (medians[k / 2 - 1] + medians[k / 2]) / 2;
                assertThat(((Number) level.get("median_of_median_iterations")).doubleValue()).isEqualTo(median);
                assertThat(summary).contains("| " + setting + " | " + level.get("value") + " | " + e.getValue().size()
                        + " | ");
                checked++;
            }
        }
        // gd, momentum; two rates; two momenta (under momentum alone: 2 combos each, gd's not counted);
        // gd's repeated combos once: gd 2 combos, each rate 3
        assertThat(checked).isEqualTo(6).isEqualTo(levels.size());
        assertThat(levels.stream().filter(l -> l.get("setting").equals("momentum"))
                .allMatch(l -> ((Number) l.get("combos")).intValue() == 2)).isTrue();
        assertThat(levels.stream().filter(l -> l.get("setting").equals("learning_rate"))
                .allMatch(l -> ((Number) l.get("combos")).intValue() == 3)).isTrue();
    }
}
