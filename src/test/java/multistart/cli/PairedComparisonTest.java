package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import multistart.analysis.PairedOutcomesTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Combos compared with the first start by start: result.json's paired_comparison and the
 * sentence under the sweep table, checked against counts taken here from runs.csv (which start
 * succeeded under which combo), McNemar's test in exact arithmetic and Holm's step-down written
 * out again; the same at 1 and 3 threads. Peaks has a known optimum (each run's success is kept
 * as a bit during the sweep); the quartic does not (its values are kept and judged at the end
 * against the best found).
 */
class PairedComparisonTest {

    @TempDir
    Path tmp;

    static final String PEAKS = """
            name: pk
            seed: 3
            objective: {builtin: peaks}
            starts: {count: 600, sampler: halton}
            optimizer:
              method: momentum
              learning_rate: [0.01, 0.05]
              momentum: [0, 0.5, 0.9]
              max_iterations: 400
            output: {trajectories: 0}
            """;

    /** x^4 - 3x^2 + x has minima -3.5139 (x = -1.30) and -1.0702 (x = 1.13); y^2 a bowl. */
    static final String QUARTIC = """
            name: ex
            seed: 5
            objective:
              expression: "x^4 - 3*x^2 + x + (y - 0.5)^2"
              variables: [x, y]
            domain: {x: [-2.5, 2.5], y: [-1, 1]}
            starts: {count: 300}
            optimizer:
              method: [gd, momentum]
              momentum: 0.9
              learning_rate: [0.01, 0.05]
              max_iterations: 600
            output: {trajectories: 0}
            """;

    /** peaks' minimum, as MATLAB's function has it (the known optimum runs are judged against). */
    static final double PEAKS_MINIMUM = -6.551133332835837;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"peaks", "quartic"})
    void theFirstIsComparedWithEveryOtherOnTheStartsWhereOnlyOneSucceeds(String which) throws IOException {
        boolean peaks = which.equals("peaks");
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, peaks ? PEAKS : QUARTIC);
        String reference = null;
        for (int threads : new int[] {1, 3}) {
            Path out = tmp.resolve("out" + threads);
            Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--threads",
                    Integer.toString(threads));
            assertThat(r.code()).as(r.err()).isZero();
            Map<String, Object> json = ComboHitsTest.parse(out.resolve("result.json"));
            String paired = String.valueOf(json.get("paired_comparison"));
            if (reference == null) {
                reference = paired;
                check(out, json, peaks);
            } else {
                assertThat(paired).as("at %d threads", threads).isEqualTo(reference);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(Path out, Map<String, Object> json, boolean peaks) throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = Arrays.asList(rows.get(0).split(","));
        int startCol = header.indexOf("start");
        int comboCol = header.indexOf("combo");
        int valueCol = header.indexOf("value");
        int statusCol = header.indexOf("status");
        int combos = 4;
        int starts = peaks ? 600 : 300;
        if (peaks) {
            combos = 6;
        }
        double[][] value = new double[combos][starts];
        boolean[][] ended = new boolean[combos][starts];
        double best = Double.POSITIVE_INFINITY;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            int c = Integer.parseInt(f[comboCol]);
            int s = Integer.parseInt(f[startCol]);
            value[c][s] = Double.parseDouble(f[valueCol]);
            ended[c][s] = !f[statusCol].equals("diverged") && !f[statusCol].equals("failed");
            if (ended[c][s]) {
                best = Math.min(best, value[c][s]);
            }
        }
        double target = (peaks ? PEAKS_MINIMUM : best) + 1e-6;
        boolean[][] success = new boolean[combos][starts];
        int[] count = new int[combos];
        for (int c = 0; c < combos; c++) {
            for (int s = 0; s < starts; s++) {
                success[c][s] = ended[c][s] && value[c][s] <= target;
                count[c] += success[c][s] ? 1 : 0;
            }
        }
        Map<String, Object> pc = (Map<String, Object>) json.get("paired_comparison");
        int first = ((Number) pc.get("first")).intValue();
        assertThat(count[first]).isEqualTo(Arrays.stream(count).max().getAsInt());
        List<Map<String, Object>> against = (List<Map<String, Object>>) pc.get("against");
        assertThat(against).hasSize(combos - 1);
        double[] p = new double[against.size()];
        for (int i = 0; i < against.size(); i++) {
            Map<String, Object> a = against.get(i);
            int o = ((Number) a.get("combo")).intValue();
            int b = 0;
            int c = 0;
            for (int s = 0; s < starts; s++) {
                b += success[first][s] && !success[o][s] ? 1 : 0;
                c += success[o][s] && !success[first][s] ? 1 : 0;
            }
            assertThat(((Number) a.get("first_only")).intValue()).as("combo %d", o).isEqualTo(b);
            assertThat(((Number) a.get("this_only")).intValue()).as("combo %d", o).isEqualTo(c);
            assertThat(((Number) a.get("common_starts")).intValue()).isEqualTo(starts);
            p[i] = PairedOutcomesTest.exactMcNemar(b, c);
            assertThat(((Number) a.get("p_value")).doubleValue()).as("combo %d", o).isCloseTo(p[i], within(1e-10));
        }
        // Holm, written out again: sort, compare the k-th smallest with 0.05 / (m - k), stop at the first that fails
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
        boolean[] apart = new boolean[p.length];
        for (int k = 0; k < p.length && p[order[k]] <= 0.05 / (p.length - k); k++) {
            apart[order[k]] = true;
        }
        List<Integer> close = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            assertThat(against.get(i).get("apart")).isEqualTo(apart[i]);
            // the sweep table's cell for the combo: its starts won, those lost, the p-value
            String cell = "| +" + against.get(i).get("this_only") + " -" + against.get(i).get("first_only") + ", p ";
            assertThat(Files.readString(out.resolve("summary.md"))).contains(cell);
            boolean isApart = apart[i];
            assertThat(Files.readString(out.resolve("summary.md")).lines().filter(l -> l.contains(cell))
                    .allMatch(l -> l.endsWith(isApart ? ", apart |" : " |") && (isApart || !l.contains("apart"))))
                    .isTrue();
            if (!apart[i]) {
                close.add(i);
            }
        }
        String summary = Files.readString(out.resolve("summary.md"));
        String html = Files.readString(out.resolve("report.html"));
        String family = "(McNemar's exact test; 5% level after Holm's adjustment for " + p.length + " comparisons)";
        assertThat(summary).contains(family);
        assertThat(html).contains(family.replace("'", "&#39;"));
        // the headline under the best minimum: the first, and those as good start by start
        assertThat(summary).contains("\n\nBest settings: combo " + first + " (");
        assertThat(html).contains("<br>Best settings: combo " + first + " (");
        if (close.isEmpty()) {
            assertThat(summary).contains("succeeds more often than every other combo, compared start by start")
                    .contains("; every other combo succeeds less often, start by start.");
        } else {
            assertThat(summary).contains(close.size() == 1 ? " is not clearly apart from the first, combo " + first
                    : close.size() + " combos are not clearly apart from the first, combo " + first + " (");
            List<String> numbers = new ArrayList<>();
            for (int i : close) {
                numbers.add(String.valueOf(against.get(i).get("combo")));
            }
            assertThat(summary).contains(close.size() == p.length ? "; start by start, no other combo is clearly apart"
                    : "; as good start by start: " + (close.size() == 1 ? "combo " + numbers.get(0) : "combos "
                            + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and "
                            + numbers.get(numbers.size() - 1)));
            for (int i : close) {
                Map<String, Object> a = against.get(i);
                String split = close.size() == 1 ? a.get("first_only") + " go the first's way and " + a.get("this_only")
                        : ") " + a.get("first_only") + " to " + a.get("this_only") + " (p ";
                assertThat(summary).contains(split);
            }
        }
    }

    /**
     * gd under a second momentum repeats gd under the first, run for run: the same split and p,
     * apart exactly where its twin is, and not counted again in Holm's family.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aComboThatRepeatsAnothersRunsIsItsTwinsComparisonAndCountsOnce() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, SettingsOneAtATimeTest.SWEEP);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", cfg.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> pc = (Map<String, Object>) ComboHitsTest.parse(out.resolve("result.json"))
                .get("paired_comparison");
        List<Map<String, Object>> against = (List<Map<String, Object>>) pc.get("against");
        // combos: method x learning_rate x momentum, momentum fastest: gd's repeats are 1 and 3
        Map<Integer, Map<String, Object>> byCombo = new java.util.HashMap<>();
        for (Map<String, Object> a : against) {
            byCombo.put(((Number) a.get("combo")).intValue(), a);
        }
        int repeats = 0;
        for (int twin : new int[] {0, 2}) {
            Map<String, Object> original = byCombo.get(twin);
            Map<String, Object> repeat = byCombo.get(twin + 1);
            if (original == null || repeat == null) {
                continue; // one of them is the first
            }
            assertThat(repeat.get("repeats_earlier_combo")).isEqualTo(true);
            assertThat(original.get("repeats_earlier_combo")).isEqualTo(false);
            assertThat(repeat.get("first_only")).isEqualTo(original.get("first_only"));
            assertThat(repeat.get("this_only")).isEqualTo(original.get("this_only"));
            assertThat(repeat.get("apart")).isEqualTo(original.get("apart"));
            repeats++;
        }
        assertThat(repeats).isPositive();
        long family = against.stream().filter(a -> a.get("repeats_earlier_combo").equals(false)).count();
        assertThat(family).isEqualTo(against.size() - repeats);
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("5% level after Holm's adjustment for " + family + " comparisons)");
    }
}
