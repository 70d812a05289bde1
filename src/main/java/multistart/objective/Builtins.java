package multistart.objective;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The catalogue of built-in objectives. Every known minimum below was polished with Newton's
 * method in 50-digit arithmetic from the literature's approximate location and rounded once to
 * the nearest double (several published tables are off in the last digits; for example
 * Branin's 5/(4 pi) is 0.3978873577297383, not ...816 as evaluating the formula in doubles
 * gives).
 */
public final class Builtins {

    /** The root of 2x^3 - 16x + 2.5 near -2.9, polished in 50 digits. */
    static final double STYBLINSKI_TANG_ARGMIN = -2.903534027771177;
    /** (x^4 - 16x^2 + 5x)/2 at that root, per coordinate: the nearest double ... */
    static final double STYBLINSKI_TANG_MIN_PER_DIMENSION = -39.16616570377141;
    /**
     * ... and what that leaves out (the value is -39.166165703771415463893169739476865...): n
     * times the double alone is 1-2 ulps off the nearest double to n times the value for most n
     * from 3 on (10 dimensions: -391.6616570377141 against -391.6616570377142).
     */
    static final double STYBLINSKI_TANG_MIN_PER_DIMENSION_LOW = -3.3095827868368547e-15;

    private static final Map<String, Builtin> CATALOGUE;

    static {
        Map<String, Builtin> m = new LinkedHashMap<>();
        add(m, fixed("quadratic", "(x-1)^2", 1, Functions.Quadratic::new, box(-5, 5),
                min(0.0, new double[] {1.0})));
        add(m, any("sphere", "sum x_i^2", 1, Functions.Sphere::new, -5.12, 5.12,
                n -> new Builtin.Minimum(0.0, List.of(new double[n]))));
        add(m, fixed("sine", "sin x", 1, Functions.Sine::new, box(-6, 6),
                min(-1.0, new double[] {-Math.PI / 2}, new double[] {3 * Math.PI / 2})));
        add(m, fixed("xcosx", "x cos x (unbounded below: local minima only)", 1,
                Functions.XCosX::new, box(-10, 10), n -> null));
        add(m, fixed("cubic-cos", "2x^2 cos x - 5x (unbounded below: local minima only)", 1,
                Functions.CubicCos::new, box(-6, 6), n -> null));
        add(m, fixed("arctan", "arctan(x)^2", 1, Functions.ArctanSquared::new, box(-10, 10),
                min(0.0, new double[] {0.0})));
        add(m, fixed("peaks", "MATLAB peaks", 2, Functions.Peaks::new, box(-3, 3, -3, 3),
                min(-6.551133332835837, new double[] {0.22827892055636909, -1.6255349574999964})));
        add(m, any("rastrigin", "10n + sum (x_i^2 - 10 cos 2 pi x_i)", 1, Functions.Rastrigin::new,
                -5.12, 5.12, n -> new Builtin.Minimum(0.0, List.of(new double[n]))));
        add(m, any("ackley", "-20 exp(-0.2 sqrt(mean x^2)) - exp(mean cos 2 pi x) + 20 + e", 1,
                Functions.Ackley::new, -32.768, 32.768,
                n -> new Builtin.Minimum(0.0, List.of(new double[n]))));
        add(m, any("rosenbrock", "sum 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2", 2,
                Functions.Rosenbrock::new, -2.048, 2.048, n -> new Builtin.Minimum(0.0, List.of(ones(n)))));
        add(m, fixed("himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", 2, Functions.Himmelblau::new,
                box(-5, 5, -5, 5),
                min(0.0, new double[] {3.0, 2.0},
                        new double[] {-2.805118086952745, 3.131312518250573},
                        new double[] {-3.779310253377747, -3.2831859912861696},
                        new double[] {3.5844283403304917, -1.8481265269644036})));
        add(m, fixed("six-hump-camel", "(4 - 2.1x^2 + x^4/3) x^2 + xy + (-4 + 4y^2) y^2", 2,
                Functions.SixHumpCamel::new, box(-3, 3, -2, 2),
                min(-1.0316284534898774, new double[] {0.08984201310031806, -0.7126564030207396},
                        new double[] {-0.08984201310031806, 0.7126564030207396})));
        add(m, fixed("branin", "(y - 5.1x^2/(4 pi^2) + 5x/pi - 6)^2 + 10 (1 - 1/(8 pi)) cos x + 10", 2,
                Functions.Branin::new, box(-5, 10, 0, 15),
                min(0.3978873577297383, new double[] {-Math.PI, 12.275}, new double[] {Math.PI, 2.275},
                        new double[] {3 * Math.PI, 2.475})));
        add(m, fixed("goldstein-price", "Goldstein-Price", 2, Functions.GoldsteinPrice::new,
                box(-2, 2, -2, 2), min(3.0, new double[] {0.0, -1.0})));
        add(m, any("styblinski-tang", "sum (x_i^4 - 16 x_i^2 + 5 x_i) / 2", 1, Functions.StyblinskiTang::new,
                -5, 5, n -> {
                    double[] p = new double[n];
                    Arrays.fill(p, STYBLINSKI_TANG_ARGMIN);
                    // n hi + n lo in one rounding: the nearest double to n times the value
                    return new Builtin.Minimum(Math.fma(n, STYBLINSKI_TANG_MIN_PER_DIMENSION,
                            n * STYBLINSKI_TANG_MIN_PER_DIMENSION_LOW), List.of(p));
                }));
        add(m, any("levy", "Levy (w_i = 1 + (x_i - 1)/4)", 1, Functions.Levy::new, -10, 10,
                n -> new Builtin.Minimum(0.0, List.of(ones(n)))));
        add(m, any("griewank", "1 + sum x_i^2/4000 - prod cos(x_i/sqrt(i))", 1, Functions.Griewank::new,
                -600, 600, n -> new Builtin.Minimum(0.0, List.of(new double[n]))));
        add(m, fixed("beale", "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2", 2,
                Functions.Beale::new, box(-4.5, 4.5, -4.5, 4.5), min(0.0, new double[] {3.0, 0.5})));
        add(m, fixed("booth", "(x + 2y - 7)^2 + (2x + y - 5)^2", 2, Functions.Booth::new,
                box(-10, 10, -10, 10), min(0.0, new double[] {1.0, 3.0})));
        CATALOGUE = Collections.unmodifiableMap(m);
    }

    private Builtins() {
    }

    public static Optional<Builtin> find(String name) {
        return Optional.ofNullable(CATALOGUE.get(name));
    }

    public static List<Builtin> all() {
        return List.copyOf(CATALOGUE.values());
    }

    public static List<String> names() {
        return List.copyOf(CATALOGUE.keySet());
    }

    private static void add(Map<String, Builtin> m, Builtin b) {
        m.put(b.name(), b);
    }

    private static Builtin fixed(String name, String formula, int dim,
            Supplier<Objective> make, IntFunction<Box> domain,
            IntFunction<Builtin.Minimum> minimum) {
        return new Builtin(name, formula, dim, dim, n -> make.get(), domain, minimum);
    }

    private static Builtin any(String name, String formula, int minDim,
            IntFunction<Objective> make, double lo, double hi,
            IntFunction<Builtin.Minimum> minimum) {
        return new Builtin(name, formula, 0, minDim, make, n -> Box.cube(n, lo, hi), minimum);
    }

    private static IntFunction<Box> box(double... bounds) {
        int n = bounds.length / 2;
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = bounds[2 * i];
            hi[i] = bounds[2 * i + 1];
        }
        return d -> new Box(lo, hi);
    }

    private static IntFunction<Builtin.Minimum> min(double value, double[]... points) {
        List<double[]> list = List.of(points);
        return n -> new Builtin.Minimum(value, list);
    }

    private static double[] ones(int n) {
        double[] p = new double[n];
        Arrays.fill(p, 1.0);
        return p;
    }
}
