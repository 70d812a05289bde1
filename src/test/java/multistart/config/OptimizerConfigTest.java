package multistart.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each method reads, and the combos a sweep repeats where a method ignores a swept setting. */
class OptimizerConfigTest {

    static ExperimentConfig config(String optimizer) throws ConfigException {
        return ConfigLoaderTest.parse("""
                name: o
                objective: {builtin: himmelblau}
                starts: {count: 4}
                optimizer: %s
                """.formatted(optimizer));
    }

    @Test
    void eachMethodReadsItsOwnSettings() {
        // the update rules of Descent: heavy ball and nesterov read momentum, adam momentum as
        // beta1 with beta2 and epsilon, rmsprop beta2 as rho with epsilon, adagrad epsilon
        assertThat(Method.GD.uses(Setting.MOMENTUM) || Method.GD.uses(Setting.BETA2) || Method.GD.uses(Setting.EPSILON))
                .isFalse();
        assertThat(Method.MOMENTUM.uses(Setting.MOMENTUM)).isTrue();
        assertThat(Method.NESTEROV.uses(Setting.MOMENTUM)).isTrue();
        assertThat(Method.MOMENTUM.uses(Setting.BETA2) || Method.MOMENTUM.uses(Setting.EPSILON)).isFalse();
        assertThat(Method.ADAGRAD.uses(Setting.EPSILON)).isTrue();
        assertThat(Method.ADAGRAD.uses(Setting.MOMENTUM) || Method.ADAGRAD.uses(Setting.BETA2)).isFalse();
        assertThat(Method.RMSPROP.uses(Setting.BETA2) && Method.RMSPROP.uses(Setting.EPSILON)).isTrue();
        assertThat(Method.RMSPROP.uses(Setting.MOMENTUM)).isFalse();
        assertThat(Method.ADAM.uses(Setting.MOMENTUM) && Method.ADAM.uses(Setting.BETA2)
                && Method.ADAM.uses(Setting.EPSILON)).isTrue();
        for (Method m : Method.values()) {
            for (Setting s : List.of(Setting.LEARNING_RATE, Setting.DECAY, Setting.MAX_ITERATIONS,
                    Setting.GRADIENT_NORM, Setting.VALUE_CHANGE, Setting.DIVERGENCE)) {
                assertThat(m.uses(s)).as(m + " " + s).isTrue();
            }
        }
    }

    @Test
    void combosThatDifferOnlyInASettingTheirMethodIgnoresAreNamed() throws Exception {
        OptimizerConfig o = config("{method: [gd, momentum, adam], learning_rate: 0.01, momentum: [0.5, 0.9], "
                + "beta2: [0.99, 0.999]}").optimizer();
        // per method, momentum then beta2, beta2 fastest: gd 0-3 are one run set, momentum's 4-5
        // and 6-7 two, adam's 8-11 four
        assertThat(o.repeats(o.combos())).isEqualTo("gd does not use momentum or beta2; momentum does not use "
                + "beta2, so 5 of the 12 combos (1, 2, 3, 5, 7) repeat the runs of another");
        OptimizerConfig one = config("{method: gd, learning_rate: [0.01, 0.02], momentum: [0.0, 0.5]}").optimizer();
        assertThat(one.repeats(one.combos()))
                .isEqualTo("gd does not use momentum, so 2 of the 4 combos (1, 3) repeat the runs of another");
    }

    /**
     * The count of repeated combos against a brute-force one (combos with the same method and the
     * same values of every setting it reads, all but the first of each group), over seeded random
     * sweeps of methods and settings; past ten the list ends in "...". Each repeat's twin (what
     * {@code validate} names) is its group's first.
     */
    @Test
    void theRepeatsCountedAreThoseABruteForceGroupingFinds() throws Exception {
        java.util.Random rnd = new java.util.Random(34);
        String[] methods = {"gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"};
        for (int trial = 0; trial < 60; trial++) {
            List<String> ms = new java.util.ArrayList<>();
            for (String m : methods) {
                if (rnd.nextInt(3) == 0) {
                    ms.add(m);
                }
            }
            if (ms.isEmpty()) {
                ms.add(methods[rnd.nextInt(methods.length)]);
            }
            StringBuilder y = new StringBuilder("{method: [" + String.join(", ", ms) + "], learning_rate: ["
                    + (rnd.nextBoolean() ? "0.01, 0.02" : "0.01") + "]");
            if (rnd.nextBoolean()) {
                y.append(", momentum: [0.5").append(rnd.nextBoolean() ? ", 0.7, 0.9]" : "]");
            }
            if (rnd.nextBoolean()) {
                y.append(", beta2: [0.9, 0.99").append(rnd.nextBoolean() ? ", 0.999]" : "]");
            }
            if (rnd.nextBoolean()) {
                y.append(", epsilon: [1.0e-8, 1.0e-6]");
            }
            OptimizerConfig o = config(y.append("}").toString()).optimizer();
            List<Combo> combos = o.combos();
            java.util.Map<List<Object>, Combo> groups = new java.util.HashMap<>();
            for (Combo c : combos) {
                List<Object> key = new java.util.ArrayList<>(List.of(c.method()));
                for (Setting st : Setting.values()) {
                    key.add(c.method().uses(st) ? c.value(st) : null);
                }
                Combo first = groups.putIfAbsent(key, c);
                // the combo whose runs it repeats: its group's first
                assertThat(o.twin(c, combos)).as(y + " combo " + c.index()).isSameAs(first);
            }
            long expected = combos.size() - groups.size();
            String said = o.repeats(combos);
            if (expected == 0) {
                assertThat(said).as(y.toString()).isEmpty();
            } else {
                assertThat(said).as(y.toString()).contains(", so " + expected + " of the " + combos.size()
                        + " combos (");
                assertThat(said.endsWith(", ...) repeat the runs of another")).as(said).isEqualTo(expected > 10);
            }
        }
    }

    /** A start beyond the divergence limit is marked diverged before a step: said before the sweep. */
    @Test
    void aDomainReachingBeyondTheDivergenceLimitIsNamed() throws Exception {
        ExperimentConfig far = ConfigLoaderTest.parse("""
                name: f
                objective: {builtin: rastrigin, dimension: 5}
                domain: {"*": [-1, 1], x2: [-2.0e9, 0], x4: [0, 5.0e8], x5: [-3.0e8, 3.0e8]}
                starts: {count: 4}
                optimizer: {learning_rate: 0.01, divergence: [1.0e10, 1.0e8]}
                """);
        // the smallest of the swept limits; the farthest reach of the coordinates past it
        assertThat(far.beyondDivergence()).isEqualTo("the domain of x2, x4, x5 reaches 2.0E9, beyond "
                + "optimizer.divergence (1.0E8): runs that start beyond it are marked diverged before their first"
                + " step");
        ExperimentConfig near = ConfigLoaderTest.parse("""
                name: n
                objective: {builtin: rastrigin, dimension: 5}
                domain: {"*": [-1.0e8, 1.0e8]}
                starts: {count: 4}
                optimizer: {learning_rate: 0.01}
                """);
        assertThat(near.beyondDivergence()).isEmpty();
    }

    /** How validate and summary.md name where the starts come from; count 0 draws none from the sampler. */
    @Test
    void theStartsAreDescribedByWhatMadeThem() throws Exception {
        String base = """
                name: s
                objective: {builtin: himmelblau}
                starts: %s
                optimizer: {learning_rate: 0.01}
                """;
        assertThat(ConfigLoaderTest.parse(base.formatted("{count: 5}")).starts().describe()).isEqualTo("uniform");
        assertThat(ConfigLoaderTest.parse(base.formatted("{count: 5, sampler: sobol, points: [[0, 0], [1, 1]]}"))
                .starts().describe()).isEqualTo("sobol, 2 explicit");
        assertThat(ConfigLoaderTest.parse(base.formatted("{count: 0, points: [[0, 0]]}")).starts().describe())
                .isEqualTo("1 explicit");
    }

    @Test
    void nothingRepeatsWhereEveryMethodReadsWhatIsSwept() throws Exception {
        OptimizerConfig o = config("{method: [momentum, adam], learning_rate: [0.01, 0.02], momentum: [0.5, 0.9]}")
                .optimizer();
        assertThat(o.repeats(o.combos())).isEmpty();
        // a setting given once is not swept: gd's combos differ in the rate alone
        OptimizerConfig g = config("{method: gd, learning_rate: [0.01, 0.02], momentum: 0.5, beta2: 0.9}")
                .optimizer();
        assertThat(g.repeats(g.combos())).isEmpty();
    }
}
