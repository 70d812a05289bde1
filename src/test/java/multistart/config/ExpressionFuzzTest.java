package multistart.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Formulas nobody wrote: random strings of the expression language's tokens and of others (stray
 * operators, unknown names, unbalanced brackets, quotes, tabs, non-ASCII), and pathological ones
 * (3 000 nested brackets, a chain of 2 000 powers). Each either compiles into an objective that
 * evaluates, or is refused with problems that name a line and a column; nothing else is thrown.
 */
class ExpressionFuzzTest {

    static final String[] TOKENS = {"x", "y", "z", "1", "2.5", "1e308", "1e-320", "0", "+", "-", "*", "/", "^", "(",
        ")", ",", "sin", "cos", "exp", "log", "sqrt", "abs", "tanh", "atan2", "min", "max", "pi", "e", " ", "**", "%",
        "!", "x1", "ln", "pow", "..", "1.", ".5", "E", "\u00e9", "\t", "\\", "'", "\"", "[", "]", "sinh", "floor",
        "hypot", "1e", "--", "+-"};

    /** Formulas per seed: about a second in all. */
    static final int FORMULAS = 3000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void anyFormulaCompilesOrNamesWhereItIsWrong(long seed) {
        Random random = new Random(seed);
        int compiled = 0;
        for (int n = 0; n < FORMULAS; n++) {
            String formula = formula(random);
            // the formula inside a YAML double-quoted string, using both variables whatever it says
            String quoted = formula.replace("\\", "\\\\").replace("\"", "\\\"");
            String gradient = random.nextInt(4) == 0 ? "  gradient: [\"" + quoted + "\", \"1\"]\n" : "";
            String text = "name: e\nobjective:\n  expression: \"(" + quoted + ") + x*y\"\n  variables: [x, y]\n"
                    + gradient + "domain: {x: [-1, 1], y: [-1, 1]}\nstarts: {count: 3}\n"
                    + "optimizer: {method: gd, learning_rate: 0.01}\n";
            try {
                ExperimentConfig c = ConfigLoader.parse(text.getBytes(StandardCharsets.UTF_8), "e.yaml", null);
                double[] g = new double[2];
                c.objective().function().evaluate(new double[] {0.3, -0.2}, g);
                compiled++;
            } catch (ConfigException e) {
                for (Problem p : e.problems()) {
                    assertThat(p.line()).as("%s\n%s", p, formula).isPositive();
                    assertThat(p.column()).as("%s\n%s", p, formula).isPositive();
                    assertThat(p.message()).isNotBlank();
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail("threw " + e + " for " + formula.substring(0, Math.min(200, formula.length())), e);
            }
        }
        // some of them are formulas: the test reaches the compiler's output, not only its errors
        assertThat(compiled).isGreaterThan(FORMULAS / 200);
    }

    static String formula(Random random) {
        StringBuilder sb = new StringBuilder();
        switch (random.nextInt(60)) {
            case 0 -> sb.append("(".repeat(3000)).append('x').append(")".repeat(3000));
            case 1 -> sb.append('x').append("^x".repeat(2000));
            default -> {
                int tokens = 1 + random.nextInt(random.nextBoolean() ? 8 : 40);
                for (int i = 0; i < tokens; i++) {
                    sb.append(TOKENS[random.nextInt(TOKENS.length)]);
                    if (random.nextBoolean()) {
                        sb.append(' ');
                    }
                }
            }
        }
        return sb.toString();
    }
}
