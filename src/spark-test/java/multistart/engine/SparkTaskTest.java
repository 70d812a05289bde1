package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;
import multistart.simd.Lanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Spark task as an executor on another machine runs it: the task and its results go through
 * Java serialization, and the executor, which has no plan yet, builds it from the config's text,
 * giving the same runs as the driver's plan does.
 */
class SparkTaskTest {

    @TempDir
    Path tmp;

    static final String WD = Path.of("").toAbsolutePath().toString();

    static final String[] CONFIGS = {
        // an expression: compiled again on the executor's side
        """
        name: t-expression
        seed: 3
        objective:
          expression: "2*x^2*cos(x) - 5*x + y^2"
          variables: [x, y]
        domain: {x: [-6, 6], y: [-2, 2]}
        starts: {count: 200, sampler: halton}
        optimizer: {method: [gd, adam], learning_rate: [0.001, 0.01], max_iterations: 200}
        """,
        // a built-in with a lane kernel, a swept momentum
        """
        name: t-rastrigin
        seed: 1
        objective: {builtin: rastrigin, dimension: 3}
        starts: {count: 200}
        optimizer: {method: momentum, learning_rate: 0.002, momentum: [0.5, 0.9], max_iterations: 300}
        """,
        // a data set, mini-batches drawn from the seed and the start
        """
        name: t-model
        seed: 5
        objective: {model: linear_regression, data: DATA, target: y}
        starts: {count: 100}
        optimizer: {method: momentum, learning_rate: 0.05, momentum: 0.5, batch_size: [8, full], max_iterations: 40}
        """,
    };

    /** Config {@code which} of {@link #CONFIGS} in a file, its data set named by its absolute path. */
    Path config(int which) throws java.io.IOException {
        Path file = tmp.resolve("c" + which + ".yaml");
        Files.writeString(file, CONFIGS[which].replace("DATA",
                Path.of("configs/data/linear.csv").toAbsolutePath().toString()));
        return file;
    }

    @ParameterizedTest(name = "config {0}")
    @ValueSource(ints = {0, 1, 2})
    void anExecutorWithoutThePlanGetsTheDriversRuns(int which) throws Exception {
        Path file = config(which);
        long seed = 99;
        // the driver's plan, with the seed the command line gave
        ExperimentConfig config = ConfigLoader.load(file).with(null, null, seed);
        Plan plan = Plan.of(config);
        boolean lanes = Lanes.available();
        int chunk = 136;
        for (long first : new long[] {0, 136, plan.runCount() - 64}) {
            int size = (int) Math.min(chunk, plan.runCount() - first);
            Batch expected = new Worker(plan, lanes, new java.util.concurrent.atomic.AtomicBoolean(),
                    new java.util.concurrent.ConcurrentLinkedQueue<>()).run(first, size);
            SparkEngine.Task task = roundTrip(new SparkEngine.Task(Files.readAllBytes(file), file.toString(), WD, seed,
                    lanes, chunk, null));
            // nothing registered under the task's key: it reads the config as an executor does
            SparkEngine.Plans.remove(task.key);
            Batch got = roundTrip(task.call(first)).toBatch();
            assertThat(got.firstRun).isEqualTo(first);
            assertThat(got.size).isEqualTo(Math.min(chunk, (int) (plan.runCount() - first)));
            assertThat(got.start).isEqualTo(java.util.Arrays.copyOf(expected.start, got.size * got.dimension));
            assertThat(got.end).isEqualTo(java.util.Arrays.copyOf(expected.end, got.size * got.dimension));
            assertThat(got.value).isEqualTo(java.util.Arrays.copyOf(expected.value, got.size));
            assertThat(got.gradientNorm).isEqualTo(java.util.Arrays.copyOf(expected.gradientNorm, got.size));
            assertThat(got.iterations).isEqualTo(java.util.Arrays.copyOf(expected.iterations, got.size));
            assertThat(got.status).isEqualTo(java.util.Arrays.copyOf(expected.status, got.size));
            assertThat(got.gradientSteps()).isPositive();
        }
        SparkEngine.Plans.remove(new SparkEngine.Task(Files.readAllBytes(file), file.toString(), WD, seed, lanes,
                chunk, null).key);
    }

    /** A data set as the engine ships it, without Spark's broadcast around it. */
    record Held(multistart.objective.data.DataSet data) implements SparkEngine.Shipped {
        @Override
        public multistart.objective.data.DataSet get() {
            return data;
        }
    }

    @Test
    void anExecutorWithoutTheDataFileUsesTheTableTheDriverRead() throws Exception {
        // the driver's machine has the file, named relative to the config; the executor's has not
        Path data = tmp.resolve("data/linear.csv");
        Files.createDirectories(data.getParent());
        Files.copy(Path.of("configs/data/linear.csv"), data);
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, CONFIGS[2].replace("DATA", "data/linear.csv"));
        ExperimentConfig config = ConfigLoader.load(file);
        Plan plan = Plan.of(config);
        Batch expected = new Worker(plan, false, new java.util.concurrent.atomic.AtomicBoolean(),
                new java.util.concurrent.ConcurrentLinkedQueue<>()).run(0, 64);
        Files.delete(data);
        byte[] text = Files.readAllBytes(file);
        SparkEngine.Task task = roundTrip(new SparkEngine.Task(text, file.toString(), WD, config.seed(), false, 64,
                new Held(config.objective().model().data())));
        SparkEngine.Plans.remove(task.key);
        try {
            Batch got = roundTrip(task.call(0L)).toBatch();
            assertThat(got.end).isEqualTo(java.util.Arrays.copyOf(expected.end, got.size * got.dimension));
            assertThat(got.value).isEqualTo(java.util.Arrays.copyOf(expected.value, got.size));
            assertThat(got.iterations).isEqualTo(java.util.Arrays.copyOf(expected.iterations, got.size));
        } finally {
            SparkEngine.Plans.remove(task.key);
        }
        // what the executor would do without it: look for the file, and fail
        SparkEngine.Task without = roundTrip(new SparkEngine.Task(text, file.toString(), WD, config.seed(), false, 64,
                null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> without.call(0L))
                .hasMessageContaining("no such file: data/linear.csv");
    }

    @ParameterizedTest(name = "{0} runs")
    @ValueSource(longs = {1, 63, 1000, 1_000_000, 10_000_000_000L})
    void chunksKeepEverySlotBusyAndEachTasksResultsSmall(long runs) {
        for (int dimension : new int[] {1, 2, 10, 2000}) {
            for (int slots : new int[] {1, 2, 16, 512}) {
                int c = SparkEngine.chunkSize(runs, slots, 8, dimension);
                assertThat(c % 8).isZero();
                assertThat(c).isPositive();
                long perRun = (2L * dimension + 3) * Double.BYTES;
                // no more than one lane group beyond the byte limit, and no task that is a mere handful of runs
                assertThat((long) c * perRun).isLessThanOrEqualTo(SparkEngine.CHUNK_BYTES + 8 * perRun);
                if (runs >= 16L * slots * 64) {
                    assertThat(c).isGreaterThanOrEqualTo(64);
                }
                if (runs >= 1_000_000 && dimension <= 10) {
                    // at least 16 tasks per slot, so that uneven run lengths even out
                    assertThat((runs + c - 1) / c).isGreaterThanOrEqualTo(Math.min(16L * slots, runs / 64));
                }
            }
        }
    }

    /**
     * A row of the basin map stepped by an executor that reads the config itself: the end points
     * the driver's own raster labels, the same bits, for each config (lanes where available).
     */
    @ParameterizedTest(name = "config {0}")
    @ValueSource(ints = {0, 1, 2})
    void anExecutorStepsTheBasinMapsRowsAsTheDriverWould(int which) throws Exception {
        Path file = config(which);
        ExperimentConfig config = ConfigLoader.load(file);
        Plan plan = Plan.of(config);
        boolean lanes = Lanes.available();
        int resolution = 7;
        int combo = plan.combos().size() - 1;
        double[] through = new double[plan.starts().dimension()];
        java.util.Arrays.fill(through, 0.25);
        // the driver's raster, each end point labelled by its bits
        java.util.function.ToIntFunction<double[]> label = java.util.Arrays::hashCode;
        BasinRaster local = BasinRaster.compute(plan, plan.combos().get(combo), resolution, through, 2, label, lanes);
        SparkEngine.Task task = new SparkEngine.Task(Files.readAllBytes(file), file.toString(), WD, config.seed(),
                lanes,
                1, which == 2 ? new Held(config.objective().model().data()) : null);
        SparkEngine.MapTask map = roundTrip(new SparkEngine.MapTask(task, combo, resolution, through));
        SparkEngine.Plans.remove(task.key);
        try {
            int n = plan.starts().dimension();
            for (int row = resolution - 1; row >= 0; row--) {
                BasinRaster.RowEnds ends = roundTrip(map.call(row));
                assertThat(ends.row()).isEqualTo(row);
                for (int col = 0; col < resolution; col++) {
                    multistart.optimizer.Status s = multistart.optimizer.Status.of(ends.status()[col]);
                    int expected = s == multistart.optimizer.Status.DIVERGED || s == multistart.optimizer.Status.FAILED
                            ? -1 : label.applyAsInt(java.util.Arrays.copyOfRange(ends.end(), col * n, (col + 1) * n));
                    assertThat(local.cells()[row * resolution + col]).as("row %d col %d", row, col).isEqualTo(expected);
                }
            }
        } finally {
            SparkEngine.Plans.remove(task.key);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
