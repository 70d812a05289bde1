package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import multistart.objective.Builtins;
import multistart.objective.Objective;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierTest {

    /**
     * The quick test skips the eigendecomposition only where the full test says unresolved too:
     * random points (most plainly not stationary) and points next to the known minima, on
     * functions with minima, saddles and flat regions.
     */
    @ParameterizedTest(name = "{0} {1}-d")
    @CsvSource({"rosenbrock, 10, 2", "rastrigin, 3, 5.12", "himmelblau, 2, 5", "peaks, 2, 3", "ackley, 4, 5",
        "six-hump-camel, 2, 2"})
    void quickVerdictsAgreeWithTheFullTest(String name, int n, double half) {
        Objective f = Builtins.find(name).orElseThrow().create(n);
        Classifier c = new Classifier(f, 1e-6);
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        int skipped = 0;
        for (int k = 0; k < 400; k++) {
            double[] x = new double[n];
            // every fourth point close to a stationary point of the coordinate grid (rastrigin's
            // minima and saddles sit near integers), the rest anywhere in the box
            for (int i = 0; i < n; i++) {
                x[i] = k % 4 == 0 ? Math.rint(rnd.nextDouble(-half, half)) * 0.995 + rnd.nextDouble(-1e-9, 1e-9)
                        : rnd.nextDouble(-half, half);
            }
            Classifier.Verdict quick = c.classify(x, true);
            Classifier.Verdict full = c.classify(x, false);
            assertThat(quick.kind()).as("%s at %s", name, java.util.Arrays.toString(x)).isEqualTo(full.kind());
            assertThat(full.eigenvalues()).isNotNull();
            if (quick.eigenvalues() == null) {
                skipped++;
                assertThat(quick.kind()).isEqualTo(Kind.UNRESOLVED);
            } else {
                assertThat(quick.eigenvalues()).containsExactly(full.eigenvalues());
            }
        }
        // the point of the quick test: most random points need no eigendecomposition
        assertThat(skipped).isGreaterThan(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"himmelblau, 3.0, 2.0", "rosenbrock, 1.0, 1.0"})
    void aMinimumIsNeverSkipped(String name, double x, double y) {
        Objective f = Builtins.find(name).orElseThrow().create(2);
        Classifier.Verdict v = new Classifier(f, 1e-6).classify(new double[] {x, y}, true);
        assertThat(v.kind()).isEqualTo(Kind.MINIMUM);
        assertThat(v.eigenvalues()).hasSize(2);
        assertThat(v.eigenvalues()[0]).isPositive();
    }
}
