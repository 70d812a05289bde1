package multistart.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import multistart.config.Combo;
import multistart.config.Method;
import multistart.objective.Batched;
import multistart.objective.data.DataLoss;
import multistart.objective.data.DataSet;
import multistart.objective.data.Model;
import org.junit.jupiter.api.Test;

/** Stochastic and mini-batch descent on data-set objectives, against hand-computed steps. */
class MiniBatchDescentTest {

    /** A gd combo with the given rate, steps and batch size, no stop test but divergence. */
    static Combo gd(double rate, int steps, int batch) {
        return new Combo(0, Method.GD, rate, 1.0, 0.0, 0.999, 1e-8, steps, 0.0, 0.0, 1e8, batch);
    }

    /**
     * Linear regression on two rows with x = 0 and targets 1 and 3: only the bias moves, and a gd
     * step of rate 1/4 on row i takes b to (b + y_i) / 2. From 0 one pass of batches of 1 ends at
     * 1.75 (rows 1 then 3) or 1.25 (3 then 1); the full batch goes to 1 then 1.5.
     */
    static final DataSet TWO = new DataSet(List.of("x"), new double[] {0, 0}, new double[] {1, 3}, List.of(), "");

    @Test
    void onePassOfSingleRowsEndsWhereTheHandComputedOrdersLead() {
        Descent d = new Descent(new DataLoss(Model.LINEAR_REGRESSION, TWO));
        Set<Double> ends = new HashSet<>();
        for (long key = 0; key < 40; key++) {
            double[] x = {0, 0};
            d.batchKey(key);
            assertThat(d.run(x, gd(0.25, 2, 1))).isEqualTo(Status.MAX_ITERATIONS);
            assertThat(x[0]).isZero();
            ends.add(x[1]);
            // the value reported is the loss over every row at the end point
            assertThat(d.value()).isEqualTo(((x[1] - 1) * (x[1] - 1) + (x[1] - 3) * (x[1] - 3)) / 2);
        }
        // both orders occur, and nothing else
        assertThat(ends).containsExactlyInAnyOrder(1.75, 1.25);
    }

    @Test
    void aBatchOfEveryRowIsTheFullGradient() {
        Descent d = new Descent(new DataLoss(Model.LINEAR_REGRESSION, TWO));
        for (int batch : new int[] {2, 3, Combo.FULL_BATCH}) {
            double[] x = {0, 0};
            d.batchKey(5);
            d.run(x, gd(0.25, 2, batch));
            assertThat(x[1]).isEqualTo(1.5);
        }
    }

    @Test
    void theSameKeyGivesTheSameRunAndEveryPassReadsEachRowOnce() {
        DataSet data = new DataSet(List.of("x"), new double[] {1, 2, 3, 4, 5, 6, 7}, new double[] {2, 1, 4, 3, 6, 5, 8},
                List.of(), "");
        Spy spy = new Spy(new DataLoss(Model.LINEAR_REGRESSION, data));
        Descent d = new Descent(spy);
        // 7 rows in batches of 3: 3, 3, 1 per pass; 9 steps are three passes
        d.batchKey(42);
        double[] a = {0.5, -0.5};
        d.run(a, gd(0.01, 9, 3));
        List<Integer> first = new ArrayList<>(spy.rows);
        assertThat(spy.batches).containsExactly(3, 3, 1, 3, 3, 1, 3, 3, 1);
        for (int pass = 0; pass < 3; pass++) {
            assertThat(first.subList(pass * 7, pass * 7 + 7)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
        }
        // passes are shuffled anew
        assertThat(first.subList(0, 7)).isNotEqualTo(first.subList(7, 14));
        spy.rows.clear();
        spy.batches.clear();
        d.batchKey(42);
        double[] b = {0.5, -0.5};
        d.run(b, gd(0.01, 9, 3));
        assertThat(spy.rows).isEqualTo(first);
        assertThat(b).containsExactly(a);
        d.batchKey(43);
        spy.rows.clear();
        d.run(new double[] {0.5, -0.5}, gd(0.01, 9, 3));
        assertThat(spy.rows).isNotEqualTo(first);
    }

    @Test
    void stopTestsReadTheFullLossAtTheEndOfEachPass() {
        // rows 1 and 3 again with a small rate: after many passes the bias hovers near 2, the full
        // gradient 2 (b - 2) is small but a single row's, 2 (b - y_i), is about 2: the run converges
        // on the full gradient, at the end of a pass (an even step)
        Descent d = new Descent(new DataLoss(Model.LINEAR_REGRESSION, TWO));
        d.batchKey(1);
        double[] x = {0, 0};
        Combo c = new Combo(0, Method.GD, 0.01, 0.999, 0.0, 0.999, 1e-8, 100_000, 1e-3, 0.0, 1e8, 1);
        assertThat(d.run(x, c)).isEqualTo(Status.CONVERGED);
        assertThat(d.iterations() % 2).isZero();
        assertThat(d.gradientNorm()).isLessThan(1e-3);
        assertThat(Math.abs(2 * (x[1] - 2))).isEqualTo(d.gradientNorm());
    }

    @Test
    void aRunThatLeavesTheDivergenceLimitStopsAtThatStep() {
        Descent d = new Descent(new DataLoss(Model.LINEAR_REGRESSION, new DataSet(List.of("x"),
                new double[] {10, -10, 20}, new double[] {1, 2, 3}, List.of(), "")));
        d.batchKey(3);
        double[] x = {0, 0};
        Combo c = new Combo(0, Method.GD, 1.0, 1.0, 0.0, 0.999, 1e-8, 1000, 0.0, 0.0, 1e8, 1);
        assertThat(d.run(x, c)).isEqualTo(Status.DIVERGED);
        assertThat(d.iterations()).isLessThan(20);
    }

    /** Records which rows each batch read. */
    static final class Spy implements Batched {
        final DataLoss f;
        final List<Integer> rows = new ArrayList<>();
        final List<Integer> batches = new ArrayList<>();

        Spy(DataLoss f) {
            this.f = f;
        }

        @Override
        public int examples() {
            return f.examples();
        }

        @Override
        public double evaluate(double[] x, double[] grad, int[] order, int from, int to) {
            batches.add(to - from);
            for (int k = from; k < to; k++) {
                rows.add(order[k]);
            }
            return f.evaluate(x, grad, order, from, to);
        }

        @Override
        public int dimension() {
            return f.dimension();
        }

        @Override
        public double evaluate(double[] x, double[] grad) {
            return f.evaluate(x, grad);
        }
    }
}
