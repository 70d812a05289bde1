package multistart.objective.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import multistart.objective.Objective;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact derivatives of random formulas against Commons Math's automatic differentiation
 * ({@link DerivativeStructure}), and the compiled code against the interpreter.
 */
class ExpressionDerivativeTest {

    static final List<String> VARS = List.of("x", "y", "z");

    /** A random formula as text and as a DerivativeStructure program over (x, y, z). */
    record Random(String text, java.util.function.Function<DerivativeStructure[], DerivativeStructure> ds) {
    }

    static Random random(SplittableRandom r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            if (r.nextBoolean()) {
                int v = r.nextInt(3);
                return new Random(VARS.get(v), a -> a[v]);
            }
            double c = Math.round((r.nextDouble() * 4 - 1) * 100) / 100.0 + 0.5;
            return new Random(Double.toString(c), a -> a[0].getField().getZero().add(c));
        }
        Random a = random(r, depth - 1);
        Random b = random(r, depth - 1);
        switch (r.nextInt(12)) {
            case 0: return new Random("(" + a.text + " + " + b.text + ")", v -> a.ds.apply(v).add(b.ds.apply(v)));
            case 1: return new Random("(" + a.text + " - " + b.text + ")", v -> a.ds.apply(v).subtract(b.ds.apply(v)));
            case 2: return new Random("(" + a.text + " * " + b.text + ")", v -> a.ds.apply(v).multiply(b.ds.apply(v)));
            case 3: return new Random("(" + a.text + ") / (2 + sin(" + b.text + "))",
                    v -> a.ds.apply(v).divide(b.ds.apply(v).sin().add(2)));
            case 4: return new Random("sin(" + a.text + ")", v -> a.ds.apply(v).sin());
            case 5: return new Random("cos(" + a.text + ")", v -> a.ds.apply(v).cos());
            case 6: return new Random("exp(" + a.text + " / 4)", v -> a.ds.apply(v).divide(4).exp());
            case 7: return new Random("log(1 + (" + a.text + ")^2)", v -> a.ds.apply(v).pow(2).add(1).log());
            case 8: return new Random("(" + a.text + ")^3", v -> a.ds.apply(v).pow(3));
            case 9: return new Random("sqrt(1 + (" + a.text + ")^2)", v -> a.ds.apply(v).pow(2).add(1).sqrt());
            case 10: return new Random("atan2(" + a.text + ", 1 + (" + b.text + ")^2)",
                    v -> DerivativeStructure.atan2(a.ds.apply(v), b.ds.apply(v).pow(2).add(1)));
            default: return new Random("tanh(" + a.text + ") * hypot(" + b.text + ", 1)",
                    v -> a.ds.apply(v).tanh().multiply(DerivativeStructure.hypot(b.ds.apply(v),
                            a.ds.apply(v).getField().getOne())));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomFormulasMatchAutomaticDifferentiation(int seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 25; k++) {
            Random f = random(r, 4);
            Formula formula = Formula.of(f.text, VARS);
            Objective compiled = formula.compile();
            for (int p = 0; p < 5; p++) {
                double[] x = {r.nextDouble() * 4 - 2, r.nextDouble() * 4 - 2, r.nextDouble() * 4 - 2};
                DerivativeStructure[] v = new DerivativeStructure[3];
                for (int i = 0; i < 3; i++) {
                    v[i] = new DerivativeStructure(3, 1, i, x[i]);
                }
                DerivativeStructure ds = f.ds.apply(v);
                double[] g = new double[3];
                double value = compiled.evaluate(x, g);
                // the same operations in possibly different order: agreement to ~1e-12 relative
                double scale = 1 + Math.abs(ds.getValue());
                assertThat(value).as(f.text).isCloseTo(ds.getValue(),
                        org.assertj.core.api.Assertions.within(1e-12 * scale));
                assertThat(value).as("compiled vs interpreted " + f.text).isEqualTo(Exprs.eval(formula.value(), x));
                for (int i = 0; i < 3; i++) {
                    int[] order = new int[3];
                    order[i] = 1;
                    double expected = ds.getPartialDerivative(order);
                    assertThat(g[i]).as("d/d%s of %s at %s", VARS.get(i), f.text, java.util.Arrays.toString(x))
                            .isCloseTo(expected,
                                    org.assertj.core.api.Assertions.within(1e-9 * (1 + Math.abs(expected))));
                }
            }
        }
    }

    @Test
    void theGradientOnlyMethodWritesTheSameGradient() throws Exception {
        Objective total = Formula.of("3*(1-x)^2*exp(-x^2 - (y+1)^2) - 10*(x/5 - x^3 - y^5)*exp(-x^2-y^2)",
                List.of("x", "y")).compile();
        Objective partial = Formula.of("log(x) + y^2", List.of("x", "y")).compile();
        double[] g1 = new double[2];
        double[] g2 = new double[2];
        double[] p = {0.3, -1.2};
        total.evaluate(p, g1);
        assertThat(total.gradient(p, g2)).isEqualTo(0.0);
        assertThat(g2).isEqualTo(g1);
        // a formula with a partial function keeps returning its value, so NaN shows
        assertThat(partial.gradient(new double[] {-1, 0}, g2)).isNaN();
    }

    @Test
    void precedenceAndAssociativity() throws Exception {
        double[] x = {3.0};
        assertThat(eval("-x^2", x)).isEqualTo(-9.0);
        assertThat(eval("2^3^2", x)).isEqualTo(512.0);
        assertThat(eval("2^-1", x)).isEqualTo(0.5);
        assertThat(eval("x - 1 - 1", x)).isEqualTo(1.0);
        assertThat(eval("12 / x / 2", x)).isEqualTo(2.0);
        assertThat(eval(".5e1 + 1e-3 * 1000", x)).isEqualTo(6.0);
        assertThat(eval("pi + e", x)).isEqualTo(Math.PI + Math.E);
        assertThat(eval("min(x, 1) + max(x, 1) + abs(-x) + pow(x, 2) + log10(100)", x)).isEqualTo(1 + 3 + 3 + 9 + 2);
    }

    static double eval(String text, double[] x) throws ExpressionException {
        return Exprs.eval(Parser.parse(text, List.of("x")), x);
    }

    @Test
    void derivativesPrintInTextbookForm() throws Exception {
        Formula f = Formula.of("2*x^2*cos(x) - 5*x", List.of("x"));
        assertThat(Exprs.format(f.gradient().get(0))).isEqualTo("2*2*x*cos(x) - 2*x^2*sin(x) - 5");
        Formula g = Formula.of("x^2*cos(x) - 5*x", List.of("x"));
        assertThat(Exprs.format(g.gradient().get(0))).isEqualTo("2*x*cos(x) - x^2*sin(x) - 5");
    }

    @Test
    void derivativesOfMinMaxAbsFollowTheSelectedBranch() throws Exception {
        Objective f = Formula.of("min(x, 2*x) + max(x, 0) + abs(x - 1)", List.of("x")).compile();
        double[] g = new double[1];
        f.evaluate(new double[] {3}, g);
        // x > 0: min picks x (1), max picks x (1), abs slope +1
        assertThat(g[0]).isEqualTo(3.0);
        f.evaluate(new double[] {-3}, g);
        // x < 0: min picks 2x (2), max picks 0 (0), abs slope -1
        assertThat(g[0]).isEqualTo(1.0);
    }

    /**
     * A part made only of numbers that comes out NaN or infinite is named where it is, not passed
     * to the compiler (which had no literal for it and failed with "internal error") or to a sweep
     * whose every run would diverge.
     */
    @Test
    void aConstantPartThatIsNotAFiniteNumberIsNamedAtItsOperator() throws Exception {
        String[][] cases = {
            {"x^2 + (-8)^(1/3)", "10", "not a number"},
            {"x + 1/0", "5", "infinite"},
            {"x * (0/0)", "6", "not a number"},
            {"x + log(-1)", "4", "not a number"},
            {"x + sqrt(-2) * 3", "4", "not a number"},
            {"x - 1e300 * 1e300", "10", "infinite"},
            {"x + 0^-1", "5", "infinite"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> Parser.parse(c[0], List.of("x"))).as(c[0])
                    .isInstanceOfSatisfying(ExpressionException.class, e -> {
                        assertThat(e.position()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
                        assertThat(e.getMessage()).as(c[0]).startsWith("this part is " + c[2]
                                + " whatever the variables");
                    });
        }
        // where a variable is involved the value is only NaN somewhere: the formula stands, and
        // the runs that reach such points are marked diverged
        assertThat(eval("log(x - 4)", new double[] {3})).isNaN();
        assertThat(eval("x^(1/3)", new double[] {8})).isCloseTo(2.0, within(1e-15));
        assertThat(Formula.of("x + (-8)^3", List.of("x")).compile().evaluate(new double[] {1}, new double[1]))
                .isEqualTo(-511.0);
    }

    @Test
    void unknownNamesGetSuggestions() {
        assertThatThrownBy(() -> Parser.parse("sqr(x)", List.of("x"))).hasMessage(
                "unknown function 'sqr', did you mean 'sqrt'?");
        assertThatThrownBy(() -> Parser.parse("xx + 1", List.of("x", "y"))).hasMessageContaining("unknown name 'xx'");
    }
}
