package multistart.objective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.SimplePointChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The counts of local minima in the built-ins' default domains, recounted on a grid: the grid
 * points lower than all their neighbours (2 in 1-d, 8 in 2-d), each taken down to the minimum
 * near it by Nelder and Mead's simplex (function values only, none of the built-in's gradient), those that
 * end closer than a thousandth of the domain's widest side taken as one, those that end outside
 * the domain left out. A narrow valley's floor can hold several grid points lower than their
 * neighbours about one minimum (as Branin's does near (-pi, 12.275)) or about none (Goldstein and
 * Price's near (1.2, -0.2), a saddle whose valley falls on to (1.8, 0.2)).
 */
class LocalMinimaTest {

    @ParameterizedTest
    @CsvSource({"quadratic, 1", "arctan, 1", "sine, 1", "sphere, 2", "booth, 2", "peaks, 2", "himmelblau, 2",
        "six-hump-camel, 2", "branin, 2", "rastrigin, 1", "rastrigin, 2", "styblinski-tang, 1", "styblinski-tang, 2",
        "xcosx, 1", "cubic-cos, 1", "goldstein-price, 2", "ackley, 1", "ackley, 2"})
    void theGridCountsAsMany(String name, int n) {
        Builtin b = Builtins.find(name).orElseThrow();
        Objective f = b.create(n);
        Box box = b.domain(n);
        int points = n == 1 ? 200_001 : 1_201;
        List<double[]> minima = new ArrayList<>();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] index = new int[n];
        int total = (int) Math.pow(points, n);
        for (int k = 0; k < total; k++) {
            for (int i = 0, rest = k; i < n; i++, rest /= points) {
                index[i] = rest % points;
            }
            boolean interior = true;
            for (int i = 0; i < n; i++) {
                interior &= index[i] > 0 && index[i] < points - 1;
                x[i] = at(box, i, index[i], points);
            }
            if (!interior) {
                continue;
            }
            double v = f.value(x);
            boolean lowest = true;
            // every neighbour on the grid: offsets in {-1, 0, 1}^n but the centre
            for (int m = 0; m < (int) Math.pow(3, n) && lowest; m++) {
                boolean centre = true;
                for (int i = 0, rest = m; i < n; i++, rest /= 3) {
                    int d = rest % 3 - 1;
                    centre &= d == 0;
                    y[i] = at(box, i, index[i] + d, points);
                }
                lowest = centre || v < f.value(y);
            }
            double[] p = lowest ? polish(f, x, box, points) : null;
            if (p != null && inside(box, p) && minima.stream().noneMatch(q -> distance(p, q) < 1e-3 * box.widest())) {
                minima.add(p);
            }
        }
        LocalMinima.Count count = LocalMinima.inDefaultDomain(name, n);
        assertThat(count).isNotNull();
        assertThat(minima).as(name + " in " + n + "-d").hasSize((int) count.minima());
    }

    /** Nelder and Mead's simplex from a grid point, its first steps a grid spacing: it stays local. */
    private static double[] polish(Objective f, double[] start, Box box, int points) {
        double[] steps = new double[start.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = (box.high(i) - box.low(i)) / (points - 1);
        }
        PointValuePair end = new SimplexOptimizer(new SimplePointChecker<>(1e-12, 1e-14)).optimize(
            new MaxEval(100_000), new ObjectiveFunction(f::value), GoalType.MINIMIZE,
            new InitialGuess(start.clone()), new NelderMeadSimplex(steps));
        return end.getPoint();
    }

    private static boolean inside(Box box, double[] x) {
        boolean in = true;
        for (int i = 0; i < x.length; i++) {
            in &= x[i] >= box.low(i) && x[i] <= box.high(i);
        }
        return in;
    }

    private static double at(Box box, int i, int index, int points) {
        return box.low(i) + (box.high(i) - box.low(i)) * index / (points - 1);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
