package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasinIndexTest {

    /** The spatial hash gives the same answer as a scan over all representatives. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6})
    void agreesWithALinearScan(int n) {
        double tol = 0.05;
        BasinIndex index = new BasinIndex(n, tol);
        java.util.List<double[]> reps = new java.util.ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(n);
        for (int k = 0; k < 4000; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // points cluster on a coarse lattice so many fall within tolerance of each other
                x[i] = Math.round(rnd.nextDouble() * 4) * 0.25 + rnd.nextGaussian() * 0.01;
            }
            int expected = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int id = 0; id < reps.size(); id++) {
                double d = 0;
                for (int i = 0; i < n; i++) {
                    d += (reps.get(id)[i] - x[i]) * (reps.get(id)[i] - x[i]);
                }
                if (d <= tol * tol && d < bestD) {
                    bestD = d;
                    expected = id;
                }
            }
            if (expected < 0) {
                expected = reps.size();
                reps.add(x.clone());
            }
            assertThat(index.assign(x, 0)).isEqualTo(expected);
        }
        assertThat(index.size()).isEqualTo(reps.size());
    }
}
