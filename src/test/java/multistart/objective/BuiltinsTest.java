package multistart.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BuiltinsTest {

    /** Every built-in at its default dimension, and the any-dimension ones at 1 (where allowed), 3 and 7. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Builtin b : Builtins.all()) {
            out.add(Arguments.of(b.name(), b.defaultDimension()));
            if (b.anyDimension()) {
                if (b.minDimension() == 1) {
                    out.add(Arguments.of(b.name(), 1));
                }
                out.add(Arguments.of(b.name(), 3));
                out.add(Arguments.of(b.name(), 7));
            }
        }
        return out.stream();
    }

    @Test
    void catalogueHasEverySpecFunction() {
        assertThat(Builtins.names()).containsExactlyInAnyOrder("quadratic", "sphere", "sine", "xcosx", "cubic-cos",
                "arctan", "peaks", "rastrigin", "ackley", "rosenbrock", "himmelblau", "six-hump-camel", "branin",
                "goldstein-price", "styblinski-tang", "levy", "griewank", "beale", "booth");
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(String name, int n) {
        Builtin b = Builtins.find(name).orElseThrow();
        Objective f = b.create(n);
        Box box = b.domain(n);
        SplittableRandom rnd = new SplittableRandom(name.hashCode() * 31L + n);
        double[] g = new double[n];
        for (int trial = 0; trial < 25; trial++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = box.low(i) + rnd.nextDouble() * (box.high(i) - box.low(i));
            }
            double fx = f.evaluate(x, g);
            assertThat(f.value(x)).isEqualTo(fx);
            for (int i = 0; i < n; i++) {
                double numeric = richardson(f, x, i);
                // Richardson-extrapolated differences are accurate to ~1e-9 relative on these scales
                double scale = Math.max(1.0, Math.max(Math.abs(numeric), Math.abs(fx) * 1e-3));
                assertThat(g[i]).as("%s d/dx%d at %s", name, i, java.util.Arrays.toString(x))
                        .isCloseTo(numeric, within(1e-6 * scale));
            }
        }
    }

    /** Central difference with one Richardson step: error O(h^4). */
    private static double richardson(Objective f, double[] x, int i) {
        // a fixed step: the oscillating functions (ackley, griewank, rastrigin) have periods ~1
        double h = 1e-3;
        return (4 * central(f, x, i, h / 2) - central(f, x, i, h)) / 3;
    }

    private static double central(Objective f, double[] x, int i, double h) {
        double[] p = x.clone();
        double[] m = x.clone();
        p[i] += h;
        m[i] -= h;
        return (f.value(p) - f.value(m)) / (2 * h);
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("cases")
    void knownMinimumIsAStationaryPointWithTheStatedValue(String name, int n) {
        Builtin b = Builtins.find(name).orElseThrow();
        Builtin.Minimum m = b.minimum(n);
        if (m == null) {
            // xcosx and cubic-cos are unbounded below: no global minimum to state
            assertThat(name).isIn("xcosx", "cubic-cos");
            return;
        }
        Objective f = b.create(n);
        for (double[] p : m.points()) {
            double[] polished = newton(f, p);
            double[] g = new double[n];
            double v = f.evaluate(polished, g);
            // the stored minimiser is the polished one to ~1e-9 (Newton in doubles is that sharp)
            for (int i = 0; i < n; i++) {
                assertThat(polished[i]).as("%s coordinate %d", name, i).isCloseTo(p[i], within(1e-8));
            }
            // the stored value agrees with the function at the polished point to a few ulps;
            // ackley's formula leaves 4.4e-16 at the origin (20 + e - 20 - e in doubles)
            assertThat(v).as("%s value", name).isCloseTo(m.value(), within(1e-14 * Math.max(1, Math.abs(m.value()))
                    + (name.equals("ackley") ? 5e-16 : 0)));
        }
    }

    @Test
    void polishedValuesAgainstHighPrecisionReferences() {
        // 50-digit values (mpmath), independent of these formulas' double evaluation
        assertThat(Builtins.find("peaks").orElseThrow().minimum(2).value()).isEqualTo(-6.551133332835837);
        assertThat(Builtins.find("branin").orElseThrow().minimum(2).value()).isEqualTo(0.3978873577297383);
        assertThat(Builtins.find("six-hump-camel").orElseThrow().minimum(2).value()).isEqualTo(-1.0316284534898774);
        assertThat(Builtins.find("styblinski-tang").orElseThrow().minimum(1).value()).isEqualTo(-39.16616570377141);
    }

    /**
     * Styblinski-Tang's minimum in n dimensions is n times the per-coordinate value (50 digits,
     * mpmath), rounded once: not n times its nearest double, which is 1-2 ulps off from 3
     * dimensions on (-391.6616570377141 in 10, where the value rounds to -391.6616570377142).
     */
    @Test
    void styblinskiTangsMinimumInEveryDimensionIsTheValueRoundedOnce() {
        java.math.BigDecimal perCoordinate = new java.math.BigDecimal(
                "-39.166165703771415463893169739476865340319395486043");
        Builtin f = Builtins.find("styblinski-tang").orElseThrow();
        for (int n = 1; n <= 2000; n++) {
            double expected = perCoordinate.multiply(java.math.BigDecimal.valueOf(n)).doubleValue();
            assertThat(f.minimum(n).value()).as("n = %d", n).isEqualTo(expected);
        }
        assertThat(f.minimum(10).value()).isEqualTo(-391.6616570377142);
    }

    /** Newton's method with a Hessian from central differences of the exact gradient. */
    static double[] newton(Objective f, double[] start) {
        int n = f.dimension();
        double[] x = start.clone();
        double[] g = new double[n];
        for (int it = 0; it < 20; it++) {
            f.evaluate(x, g);
            double[][] h = new double[n][n];
            for (int j = 0; j < n; j++) {
                double step = 1e-6 * Math.max(1, Math.abs(x[j]));
                double[] gp = new double[n];
                double[] gm = new double[n];
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += step;
                xm[j] -= step;
                f.evaluate(xp, gp);
                f.evaluate(xm, gm);
                for (int i = 0; i < n; i++) {
                    h[i][j] = (gp[i] - gm[i]) / (2 * step);
                }
            }
            var lu = new LUDecomposition(new Array2DRowRealMatrix(h));
            if (!lu.getSolver().isNonSingular()) {
                break;
            }
            double[] d = lu.getSolver().solve(new ArrayRealVector(g)).toArray();
            for (int i = 0; i < n; i++) {
                x[i] -= d[i];
            }
        }
        return x;
    }

    /**
     * Every global minimiser in the default domain is listed (as `multistart functions` prints
     * them): a grid over the domain (20001 points in 1-d, 801 x 801 in 2-d) finds the grid's
     * local minima, each within a few spacings of a true one; those close to the known value
     * are polished by Newton's method, and each that lands inside the domain at the known value
     * must be one of the stated points. The any-dimension functions are checked at 1 and 2.
     */
    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("lowDimensional")
    void everyGlobalMinimiserInTheDomainIsListed(String name, int n) {
        Builtin b = Builtins.find(name).orElseThrow();
        Builtin.Minimum m = b.minimum(n);
        if (m == null) {
            return;
        }
        Objective f = b.create(n);
        Box box = b.domain(n);
        int k = n == 1 ? 20001 : 801;
        double[] grid = new double[n == 1 ? k : k * k];
        double[] x = new double[n];
        for (int c = 0; c < grid.length; c++) {
            grid[c] = f.value(at(box, n, k, c, x));
        }
        double scale = Math.max(1, Math.abs(m.value()));
        List<double[]> found = new ArrayList<>();
        for (int c = 0; c < grid.length; c++) {
            if (grid[c] > m.value() + 0.05 * scale || !lowest(grid, n, k, c)) {
                continue;
            }
            double[] p = newton(f, at(box, n, k, c, x));
            boolean inside = true;
            for (int i = 0; i < n; i++) {
                inside &= p[i] >= box.low(i) && p[i] <= box.high(i);
            }
            if (inside && Math.abs(f.value(p) - m.value()) <= 1e-12 * scale) {
                found.add(p);
            }
        }
        for (double[] p : found) {
            assertThat(near(p, m.points())).as("%s: %s at the known value %s is not listed", name,
                    java.util.Arrays.toString(p), m.value()).isTrue();
        }
        // and the other way: the grid finds each listed one (all lie in the default domain)
        for (double[] q : m.points()) {
            assertThat(near(q, found)).as("%s: listed %s not found on the grid", name, java.util.Arrays.toString(q))
                    .isTrue();
        }
    }

    /** Whether {@code p} lies within 1e-6 of one of {@code points} in every coordinate. */
    private static boolean near(double[] p, List<double[]> points) {
        for (double[] q : points) {
            double d = 0;
            for (int i = 0; i < p.length; i++) {
                d = Math.max(d, Math.abs(p[i] - q[i]));
            }
            if (d <= 1e-6) {
                return true;
            }
        }
        return false;
    }

    static Stream<Arguments> lowDimensional() {
        List<Arguments> out = new ArrayList<>();
        for (Builtin b : Builtins.all()) {
            if (!b.anyDimension()) {
                out.add(Arguments.of(b.name(), b.defaultDimension()));
            } else {
                for (int n = Math.max(1, b.minDimension()); n <= 2; n++) {
                    out.add(Arguments.of(b.name(), n));
                }
            }
        }
        return out.stream();
    }

    /** The grid point of cell {@code c} (first axis fastest), into {@code x}. */
    private static double[] at(Box box, int n, int k, int c, double[] x) {
        for (int i = 0, r = c; i < n; i++, r /= k) {
            x[i] = box.low(i) + (box.high(i) - box.low(i)) * (r % k) / (k - 1);
        }
        return x.clone();
    }

    /** Whether cell {@code c} is no higher than any of its neighbours (up to 8 in 2-d). */
    private static boolean lowest(double[] grid, int n, int k, int c) {
        int i = c % k;
        int j = n == 1 ? 0 : c / k;
        for (int dj = n == 1 ? 0 : -1; dj <= (n == 1 ? 0 : 1); dj++) {
            for (int di = -1; di <= 1; di++) {
                int a = i + di;
                int b = j + dj;
                if ((di != 0 || dj != 0) && a >= 0 && a < k && b >= 0 && b < (n == 1 ? 1 : k)
                        && grid[b * k + a] < grid[c]) {
                    return false;
                }
            }
        }
        return true;
    }
}
