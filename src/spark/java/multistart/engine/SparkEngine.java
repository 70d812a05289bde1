package multistart.engine;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import multistart.config.Combo;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;
import multistart.config.ObjectiveConfig;
import multistart.objective.data.DataSet;
import multistart.simd.Lanes;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * {@code execution.engine: spark}: the sweep's runs stepped as Spark tasks, each a contiguous
 * chunk of runs that an executor steps with the local engine's {@link Worker} (SIMD lanes
 * included, where the executor's JVM has the Vector API), the chunks coming back to the driver
 * and going to the sink strictly in run order, a window of them at a time. A run's result depends
 * only on its start and combo, so the files are the same as the local engine's, byte for byte.
 *
 * <p>An executor rebuilds the plan from the config's text (shipped with each task; the
 * objective, expression or data set, is made there as {@code run} makes it) and keeps it for the
 * tasks after; a model's data set is the table the driver read, sent to each executor once (a
 * Spark broadcast), so that no machine but the driver's needs the file. In {@code local[N]} the
 * driver's own plan is used. The master is Spark's own
 * setting ({@code spark-submit --master}, or {@code -Dspark.master=...}), else
 * {@code local[threads]} on this machine. Memory on the driver does not grow with the runs: at
 * most three windows of chunks (128 MB of results) are held.
 */
public final class SparkEngine implements Engine.Remote {

    private static final Logger LOG = LogManager.getLogger(SparkEngine.class);

    /** The most bytes of results one task sends back: chunks are cut to stay below it. */
    static final long CHUNK_BYTES = 4L << 20;

    /** The most bytes of results the driver holds, in all the windows of chunks in flight. */
    static final long WINDOW_BYTES = 128L << 20;

    /** Spark jobs (windows of chunks) submitted at a time. */
    static final int IN_FLIGHT = 3;

    private final ExperimentConfig config;
    private final boolean vectorLanes;

    public SparkEngine(ExperimentConfig config, boolean vectorLanes) {
        this.config = config;
        this.vectorLanes = vectorLanes;
    }

    private JavaSparkContext jsc;

    @Override
    public void start() {
        long t0 = System.nanoTime();
        jsc = context(config.execution().threads());
        LOG.info("{}: Spark started in {} s (master {}, {} slots)", config.name(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9), jsc.master(),
                jsc.defaultParallelism());
    }

    @Override
    public long execute(Plan plan, long firstRun, Engine.Sink sink, Engine.Progress progress,
            BooleanSupplier cancelled) throws Exception {
        long runs = plan.runCount();
        if (firstRun >= runs) {
            return 0;
        }
        if (jsc == null) {
            start();
        }
        int slots = Math.max(1, jsc.defaultParallelism());
        int lanes = Engine.lanes(plan, vectorLanes);
        int chunk = chunkSize(runs - firstRun, slots, lanes, plan.starts().dimension());
        List<Long> firsts = new ArrayList<>();
        for (long r = firstRun; r < runs; r += chunk) {
            firsts.add(r);
        }
        Broadcast<DataSet> data = shipData();
        Task task = task(plan, chunk, data);
        LOG.info("{}: {} tasks of up to {} runs each", config.name(), firsts.size(), chunk);
        JavaSparkContext jsc = this.jsc;
        // a Spark job per window of chunks: several tasks per slot, so that a job's start-up weighs little;
        // IN_FLIGHT jobs submitted at a time, in run order (Spark runs jobs first come first served, and a
        // slot that finishes the last tasks of one job takes the next one's), WINDOW_BYTES of results in all
        long chunkBytes = chunk * resultBytes(plan.starts().dimension());
        int window = (int) Math.max(slots, Math.min(8L * slots, WINDOW_BYTES / IN_FLIGHT / Math.max(1, chunkBytes)));
        int windows = (firsts.size() + window - 1) / window;
        String group = "multistart-" + config.name() + "-" + System.nanoTime();
        jsc.setJobGroup(group, "multistart runs of " + config.name(), true);
        java.util.ArrayDeque<JavaFutureAction<List<Chunk>>> inFlight = new java.util.ArrayDeque<>();
        long steps = 0;
        long merging = 0;
        long begin = System.nanoTime();
        // the merge as the local engine's: what depends on one chunk alone (its journal records, the
        // hashes its basin lookups read) on the driver's cores, chunks ahead of the one merged; the
        // basin lookups on this thread and the rest on a second one, each in run order. Preparing a
        // chunk costs less than its lookups: a few threads keep ahead of them (and bound the batches held)
        int cores = Math.max(1, Math.min(PREPARING, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService preparing = java.util.concurrent.Executors.newFixedThreadPool(cores,
                r -> {
                    Thread t = new Thread(r, PREPARE);
                    t.setDaemon(true);
                    return t;
                });
        Engine.SecondStage second = sink.staged() ? new Engine.SecondStage(sink, null, 2) : null;
        try {
            int submitted = 0;
            for (int w = 0; w < windows; w++) {
                while (submitted < windows && inFlight.size() < IN_FLIGHT) {
                    List<Long> part = firsts.subList(submitted * window, Math.min(firsts.size(), (submitted
                            + 1) * window));
                    inFlight.add(jsc.parallelize(part, part.size()).map(task).collectAsync());
                    submitted++;
                }
                Chunk[] got = await(inFlight.poll(), cancelled).toArray(new Chunk[0]);
                long m0 = System.nanoTime();
                // as many chunks prepared ahead as there are cores to prepare them, so that the
                // driver holds few more batches than chunks
                java.util.ArrayDeque<Future<Batch>> ready = new java.util.ArrayDeque<>();
                int next = 0;
                while (next < got.length || !ready.isEmpty()) {
                    while (next < got.length && ready.size() <= cores) {
                        Chunk c = got[next];
                        // each chunk let go once it is a batch
                        got[next++] = null;
                        ready.add(preparing.submit(() -> {
                            Batch b = c.toBatch();
                            sink.prepare(b);
                            return b;
                        }));
                    }
                    if (cancelled.getAsBoolean()) {
                        throw new InterruptedException("interrupted");
                    }
                    Batch b = done(ready.poll());
                    steps += b.gradientSteps();
                    Engine.merge(b, sink, second, null, progress);
                }
                merging += System.nanoTime() - m0;
            }
            if (second != null) {
                second.finish();
            }
            LOG.debug("{}: {} Spark jobs of up to {} tasks; the driver merged for {} s of the {} s{}", config.name(),
                    windows, window, String.format(Locale.ROOT, "%.3f", merging / 1e9),
                    String.format(Locale.ROOT, "%.3f", (System.nanoTime() - begin) / 1e9),
                    second == null ? "" : String.format(Locale.ROOT, " (its second stage busy %.3f s)",
                            second.busy() / 1e9));
            return steps;
        } catch (InterruptedException e) {
            jsc.cancelJobGroup(group);
            throw e;
        } finally {
            for (JavaFutureAction<List<Chunk>> f : inFlight) {
                f.cancel(true);
            }
            jsc.clearJobGroup();
            preparing.shutdownNow();
            if (second != null) {
                // what passed the first stage goes through the second (journalled), however the sweep ends
                second.close();
            }
            Plans.remove(task.key);
            if (data != null) {
                data.destroy();
            }
        }
    }

    /** A model's data set sent to the executors once, or null for other objectives. */
    private Broadcast<DataSet> shipData() {
        ObjectiveConfig.DataModel model = config.objective().model();
        return model == null ? null : jsc.broadcast(model.data());
    }

    /**
     * The task for {@code plan}'s runs, {@code chunk} of them each, registered for executors in
     * this JVM ({@code local[N]}), which take the driver's plan instead of reading the config again.
     */
    private Task task(Plan plan, int chunk, Broadcast<DataSet> data) throws java.io.IOException {
        Path source = config.source();
        if (source == null) {
            throw new IllegalStateException("the spark engine ships the config file to its executors; this config"
                    + " was not read from a file");
        }
        Task task = new Task(Files.readAllBytes(source), source.toAbsolutePath().toString(),
                Path.of("").toAbsolutePath().toString(), config.seed(), vectorLanes, chunk,
                data == null ? null : new Broadcasted(data));
        Plans.put(task.key, plan);
        return task;
    }

    /**
     * The basin map's rows, a Spark task each: the executors step them ({@link BasinRaster#stepRow},
     * the same runs as on this machine) and send back the end points; a window of rows per job,
     * two jobs in flight. Not on a local master ({@code local[N]}), whose executors are this
     * machine's threads anyway: the map then runs on them directly, without Spark's cost per job
     * (half a second for a 2-d map of 6 400 short runs).
     */
    @Override
    public boolean mapRows(Plan plan, Combo combo, int resolution, double[] through, BooleanSupplier cancelled,
            Consumer<BasinRaster.RowEnds> rows) throws Exception {
        if (localMaster()) {
            return false;
        }
        if (jsc == null) {
            start();
        }
        int slots = Math.max(1, jsc.defaultParallelism());
        Broadcast<DataSet> data = shipData();
        Task task = task(plan, 1, data);
        MapTask map = new MapTask(task, combo.index(), resolution, through);
        // jobs of several rows per slot (a job costs Spark some milliseconds), eight or so in all for progress
        int window = Math.max(1, Math.min(resolution, Math.max(slots, (resolution + 7) / 8)));
        String group = "multistart-map-" + config.name() + "-" + System.nanoTime();
        jsc.setJobGroup(group, "multistart basin map of " + config.name(), true);
        java.util.ArrayDeque<JavaFutureAction<List<BasinRaster.RowEnds>>> inFlight = new java.util.ArrayDeque<>();
        try {
            int next = 0;
            while (next < resolution || !inFlight.isEmpty()) {
                while (next < resolution && inFlight.size() < 2) {
                    List<Integer> part = new ArrayList<>();
                    for (int r = next; r < Math.min(resolution, next + window); r++) {
                        part.add(r);
                    }
                    inFlight.add(jsc.parallelize(part, part.size()).map(map).collectAsync());
                    next += part.size();
                }
                List<BasinRaster.RowEnds> got;
                try {
                    got = await(inFlight.poll(), cancelled);
                } catch (InterruptedException e) {
                    // the map is left out; the caller sees its rows missing
                    jsc.cancelJobGroup(group);
                    return true;
                }
                for (BasinRaster.RowEnds r : got) {
                    rows.accept(r);
                }
            }
            return true;
        } finally {
            for (JavaFutureAction<List<BasinRaster.RowEnds>> f : inFlight) {
                f.cancel(true);
            }
            jsc.clearJobGroup();
            Plans.remove(task.key);
            if (data != null) {
                data.destroy();
            }
        }
    }

    /** One row of the basin map, stepped on an executor. */
    static final class MapTask implements Function<Integer, BasinRaster.RowEnds> {
        private static final long serialVersionUID = 1L;
        final Task task;
        final int combo;
        final int resolution;
        final double[] through;

        MapTask(Task task, int combo, int resolution, double[] through) {
            this.task = task;
            this.combo = combo;
            this.resolution = resolution;
            this.through = through.clone();
        }

        @Override
        public BasinRaster.RowEnds call(Integer row) throws Exception {
            Plan plan = Plans.get(task);
            return BasinRaster.stepRow(plan, plan.combos().get(combo), resolution, through, row,
                    task.vectorLanes && Lanes.available());
        }
    }

    /** The threads that prepare the chunks on the driver, at most {@link #PREPARING} of them. */
    static final String PREPARE = "multistart-prepare";
    static final int PREPARING = 4;

    /** A chunk prepared on the driver, or what it failed with. */
    private static Batch done(Future<Batch> f) throws Exception {
        try {
            return com.google.common.util.concurrent.Uninterruptibles.getUninterruptibly(f);
        } catch (ExecutionException e) {
            throw cause(e);
        }
    }

    /** What a task failed with, as the exception to throw on. */
    private static Exception cause(ExecutionException e) {
        Throwable cause = e.getCause();
        return cause instanceof Exception x ? x : new RuntimeException(cause);
    }

    /** Waits for a window's results, giving up with InterruptedException once {@code cancelled} says so. */
    private static <T> List<T> await(Future<List<T>> f, BooleanSupplier cancelled) throws Exception {
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("interrupted");
            }
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // ask again
            } catch (ExecutionException e) {
                throw cause(e);
            }
        }
    }

    /**
     * Runs per task: enough tasks to keep every slot busy with uneven run lengths (16 per slot),
     * no task's results above {@link #CHUNK_BYTES} (beyond one lane group), whole multiples of
     * the lanes.
     */
    static int chunkSize(long runs, int slots, int lanes, int dimension) {
        long perRun = resultBytes(dimension);
        long fit = Math.max(1, CHUNK_BYTES / perRun);
        long c = Math.min(runs / (16L * slots), fit);
        // but no task of a mere handful of runs, whose scheduling would cost more than its steps
        c = Math.max(c, Math.min(Math.min(runs, 64), fit));
        c = Math.min(Math.max(c, 1), Integer.MAX_VALUE / 2);
        return (int) Math.max(lanes, c / lanes * lanes);
    }

    /** The bytes of one run's results in a {@link Chunk}: its start and end points and three numbers. */
    static long resultBytes(int dimension) {
        return (2L * dimension + 3) * Double.BYTES;
    }

    /**
     * The application's Spark context, made on first use: Spark's settings as the system
     * properties give them (spark-submit sets them), else {@code local[threads]} (0: every
     * core), no web UI; one for the command's configs, stopped at its end (else as the JVM exits).
     */
    static synchronized JavaSparkContext context(int threads) {
        if (context != null) {
            return context;
        }
        SparkConf conf = new SparkConf();
        if (!conf.contains("spark.master")) {
            conf.setMaster(threads > 0 ? "local[" + threads + "]" : "local[*]");
        }
        if (!conf.contains("spark.app.name")) {
            conf.setAppName("multistart");
        }
        if (!conf.contains("spark.ui.enabled")) {
            conf.set("spark.ui.enabled", "false");
        }
        context = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
        return context;
    }

    /** Whether the runs go to this JVM's threads: {@code local} or {@code local[N]} (not local-cluster). */
    private boolean localMaster() {
        if (jsc != null) {
            return jsc.isLocal();
        }
        String master = new SparkConf().get("spark.master", "local[*]");
        return master.equals("local") || master.startsWith("local[");
    }

    /** The context {@link #context} made, until {@link #stop}. */
    private static JavaSparkContext context;

    /** Stops the context {@link #context} made, if any (Engine.stopSpark, at the end of `run`). */
    public static synchronized void stop() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }

    /** Plans by task key, for the tasks an executor runs (a few configs at most). */
    static final class Plans {
        private static final Map<String, Plan> PLANS = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
                return size() > 4;
            }
        };

        static synchronized void put(String key, Plan plan) {
            PLANS.put(key, plan);
        }

        static synchronized void remove(String key) {
            PLANS.remove(key);
        }

        static synchronized Plan get(Task task) throws Exception {
            Plan p = PLANS.get(task.key);
            if (p == null) {
                // a data file named relative to where the command started is read from there
                ExperimentConfig c = ConfigLoader.parse(task.text, task.source, Path.of(task.source),
                        Path.of(task.workingDirectory), task.data == null ? null : task.data.get())
                        .with(null, null, task.seed);
                p = Plan.of(c);
                PLANS.put(task.key, p);
            }
            return p;
        }
    }

    /** A model's data set on its way to the executors. */
    interface Shipped extends Serializable {
        DataSet get();
    }

    /** Through a Spark broadcast: to each executor once, whatever the number of its tasks. */
    private static final class Broadcasted implements Shipped {
        private static final long serialVersionUID = 1L;
        private final Broadcast<DataSet> data;

        Broadcasted(Broadcast<DataSet> data) {
            this.data = data;
        }

        @Override
        public DataSet get() {
            return data.value();
        }
    }

    /** Each executor thread's worker, for the plan of its last task. */
    private static final ThreadLocal<Worker> WORKERS = new ThreadLocal<>();

    /** One task: the runs of one chunk, from its first run's number. */
    static final class Task implements Function<Long, Chunk> {
        private static final long serialVersionUID = 1L;
        final byte[] text;
        final String source;
        /** The driver's working directory. */
        final String workingDirectory;
        final long seed;
        final boolean vectorLanes;
        final int chunk;
        /** A model's data set as the driver read it; null for other objectives. */
        final Shipped data;
        final String key;

        Task(byte[] text, String source, String workingDirectory, long seed, boolean vectorLanes, int chunk,
                Shipped data) {
            this.text = text;
            this.data = data;
            this.source = source;
            this.workingDirectory = workingDirectory;
            this.seed = seed;
            this.vectorLanes = vectorLanes;
            this.chunk = chunk;
            this.key = com.google.common.hash.Hashing.sha256().hashBytes(text) + ":" + seed + ":" + source;
        }

        @Override
        public Chunk call(Long first) throws Exception {
            Plan plan = Plans.get(this);
            int size = (int) Math.min(chunk, plan.runCount() - first);
            Worker w = WORKERS.get();
            if (w == null || w.plan() != plan) {
                // one per executor thread and plan: its buffers, and the lane code's profile, carry over
                w = new Worker(plan, vectorLanes && Lanes.available(), new AtomicBoolean(),
                        new ArrayBlockingQueue<>(1));
                WORKERS.set(w);
            }
            return new Chunk(w.run(first, size));
        }
    }

    /** A chunk's results on their way to the driver: a {@link Batch}'s arrays, trimmed to its runs. */
    static final class Chunk implements Serializable {
        private static final long serialVersionUID = 1L;
        final long firstRun;
        final int size;
        final int dimension;
        final double[] start;
        final double[] end;
        final double[] value;
        final double[] gradientNorm;
        final int[] iterations;
        final byte[] status;
        final String[] failure;

        Chunk(Batch b) {
            firstRun = b.firstRun;
            size = b.size;
            dimension = b.dimension;
            int n = size * dimension;
            start = java.util.Arrays.copyOf(b.start, n);
            end = java.util.Arrays.copyOf(b.end, n);
            value = java.util.Arrays.copyOf(b.value, size);
            gradientNorm = java.util.Arrays.copyOf(b.gradientNorm, size);
            iterations = java.util.Arrays.copyOf(b.iterations, size);
            status = java.util.Arrays.copyOf(b.status, size);
            failure = b.failure == null ? null : java.util.Arrays.copyOf(b.failure, size);
        }

        Batch toBatch() {
            Batch b = new Batch(firstRun, size, dimension);
            System.arraycopy(start, 0, b.start, 0, start.length);
            System.arraycopy(end, 0, b.end, 0, end.length);
            System.arraycopy(value, 0, b.value, 0, size);
            System.arraycopy(gradientNorm, 0, b.gradientNorm, 0, size);
            System.arraycopy(iterations, 0, b.iterations, 0, size);
            System.arraycopy(status, 0, b.status, 0, size);
            b.failure = failure;
            return b;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "runs %d-%d", firstRun, firstRun + size - 1);
        }
    }
}
