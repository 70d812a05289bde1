package multistart.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import multistart.engine.Plan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Configs nobody wrote: the example configs with lines deleted, doubled, cut short, their values
 * swapped for hostile ones, or keys added. Whatever the text, the loader either gives a config
 * that plans, or problems that each name a line, a column, a key and what is wrong; it never
 * throws anything else (which the command would report as a failure, exit 1, not bad input).
 */
class ConfigFuzzTest {

    /** Values a config may be handed in place of its own: out of range, of the wrong kind, YAML oddities. */
    static final String[] VALUES = {"-1", "0", "1e400", "-1e400", ".nan", ".inf", "-.inf", "[]", "{}", "abc", "",
        "~", "[1, 2]", "{from: 1}", "{from: 0.1, to: 0.2, steps: 99999999}", "99999999999999999999", "0x10",
        "1_000", "true", "null", "\"\"", "[[1]]", "{a: b}", "-0.0", "4.9e-324", "1.7976931348623157e308",
        "!!float 1", "[-1, 1]", "[1, -1]", "[0, 0]", "full", "[full, 1]", "gd", "[gd, adam]", "sobol",
        "{from: 1, to: 0, steps: 3, scale: log}", "{from: -1, to: 1, steps: 3, scale: log}", "*x", "&x 1",
        "'unclosed", "[1, [2, [3]]]", "\"\\u0000\""};

    /** Mutations per seed: a few seconds in all. */
    static final int MUTATIONS = 1500;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void anyTextLoadsOrNamesWhereItIsWrong(long seed) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("configs"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Random random = new Random(seed);
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            Path file = files.get(random.nextInt(files.size()));
            String text = mutate(Files.readAllLines(file), random);
            try {
                ExperimentConfig c = ConfigLoader.parse(text.getBytes(StandardCharsets.UTF_8), "fz.yaml",
                        file.toAbsolutePath());
                Plan.of(c);
                loaded++;
            } catch (ConfigException e) {
                refused++;
                assertThat(e.problems()).as(text).isNotEmpty();
                for (Problem p : e.problems()) {
                    assertThat(p.file()).isEqualTo("fz.yaml");
                    assertThat(p.line()).as("%s\n%s", p, text).isPositive();
                    assertThat(p.column()).as("%s\n%s", p, text).isPositive();
                    assertThat(p.key()).as("%s\n%s", p, text).isNotNull();
                    assertThat(p.message()).as("%s\n%s", p, text).isNotBlank();
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail("threw " + e + " for\n" + text, e);
            }
        }
        // both kinds occur: the mutations neither always break a config nor never do
        assertThat(loaded).isPositive();
        assertThat(refused).isPositive();
    }

    /** One to three of: a line deleted, doubled, cut short, its value replaced, a key added after it. */
    static String mutate(List<String> original, Random random) {
        List<String> lines = new ArrayList<>(original);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            int colon = line.indexOf(':');
            switch (random.nextInt(5)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> lines.set(i, line.isEmpty() ? line : line.substring(0, random.nextInt(line.length())));
                case 3 -> {
                    if (colon >= 0) {
                        lines.set(i, line.substring(0, colon + 1) + " " + VALUES[random.nextInt(VALUES.length)]);
                    }
                }
                default -> {
                    String indent = line.substring(0, line.length() - line.stripLeading().length());
                    lines.add(i + 1, indent + (random.nextBoolean() ? "  " : "") + "extra_key: 1");
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
