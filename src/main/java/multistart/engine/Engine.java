package multistart.engine;

import com.google.common.util.concurrent.Uninterruptibles;
import java.util.ArrayDeque;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import multistart.config.Combo;
import multistart.simd.Lanes;

/**
 * Executes a plan on a pool it owns. Runs are cut into chunks; at most a few chunks per
 * thread are in flight, and finished chunks are handed to the sink strictly in run order on
 * the calling thread, so memory does not grow with the number of runs and the sink sees the
 * same sequence whatever the thread count. A run that throws is recorded as FAILED; the sweep
 * goes on.
 */
public final class Engine {

    private static final org.apache.logging.log4j.Logger LOG =
            org.apache.logging.log4j.LogManager.getLogger(Engine.class);

    /**
     * Receives finished chunks in run order, on the thread that called {@link #execute}. The
     * batch's buffers are reused once {@code accept} returns: copy what must be kept.
     */
    public interface Sink {
        void accept(Batch batch) throws Exception;

        /**
         * Called on the worker thread that ran the batch, before it goes to the merge: work
         * that depends on this batch alone (encoding its journal records, hashing its end
         * points for the basin lookup) is done there in parallel. It may only read the batch
         * and fill the fields meant for that work.
         */
        default void prepare(Batch batch) {
        }

        /**
         * Whether {@link #accept} has a first stage, {@link #first}, that must see the batches in
         * run order and may run on another thread than the rest. The engine, on
         * {@value #STAGED_THREADS} threads or more, then calls {@code first} on the merge thread
         * and {@code accept} on a second one, each batch by batch in run order, so that the two
         * overlap; otherwise it calls {@code accept} alone, which then does both.
         */
        default boolean staged() {
            return false;
        }

        /** The first stage of {@link #accept} (see {@link #staged}). */
        default void first(Batch batch) throws Exception {
        }

        /**
         * From this many threads on the engine splits a {@link #staged} sink over two threads. At
         * 2 threads on 2 cores too: a one-step sweep with runs.csv took 3.46-3.79 s of run phase
         * for 5.4e6 runs staged, 3.65-4.92 s not (five alternating pairs), W1 and W2 the same or
         * faster. At 1 thread it made no difference, and stays unstaged.
         */
        int STAGED_THREADS = 2;
    }

    /**
     * Steps a plan's runs somewhere other than this engine's pool (the spark engine, in the
     * build with Spark: {@code mvn -Pspark package}), handing the finished chunks to the sink in
     * run order as {@link Engine#execute} does, so the results are the same.
     */
    public interface Remote {
        /** As {@link Engine#execute(Plan, long, Sink, Progress, java.util.function.BooleanSupplier)}. */
        long execute(Plan plan, long firstRun, Sink sink, Progress progress,
                java.util.function.BooleanSupplier cancelled)
                throws Exception;

        /**
         * Makes ready to take runs (Spark: starts its context, a few seconds), before the run
         * phase and its clock begin.
         */
        void start() throws Exception;

        /**
         * Steps the basin map's rows of {@code combo} ({@link BasinRaster#stepRow}) where the
         * sweep's runs went, handing each row's end points to {@code rows} on the calling thread
         * as they come back, in any order; stops early once {@code cancelled} says so. False
         * where this engine leaves the map to this machine's threads.
         */
        default boolean mapRows(Plan plan, Combo combo, int resolution, double[] through,
                java.util.function.BooleanSupplier cancelled, java.util.function.Consumer<BasinRaster.RowEnds> rows)
                throws Exception {
            return false;
        }
    }

    /** The class of the spark engine, in the build with Spark only. */
    static final String SPARK_ENGINE = "multistart.engine.SparkEngine";

    /**
     * The spark engine for {@code config} (its seed and threads as the command line left them),
     * stepping runs in SIMD lanes where {@code vectorLanes} and the objective allow. Only when
     * {@code config.execution().engine()} is spark, which the config reader accepts only in the
     * build with Spark.
     */
    public static Remote spark(multistart.config.ExperimentConfig config, boolean vectorLanes) throws Exception {
        sparkUsed = true;
        return (Remote) Class.forName(SPARK_ENGINE)
                .getConstructor(multistart.config.ExperimentConfig.class, boolean.class)
                .newInstance(config, vectorLanes);
    }

    /** Whether {@link #spark} was called in this process. */
    private static volatile boolean sparkUsed;

    /**
     * Stops the Spark context that the spark engine started, if it did (at the end of `run`, after
     * every config): the application ends as finished, its executors let go, rather than killed
     * by the JVM's exit.
     */
    public static void stopSpark() {
        if (!sparkUsed) {
            return;
        }
        sparkUsed = false;
        try {
            Class.forName(SPARK_ENGINE).getMethod("stop").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.debug("stopping Spark", e);
        }
    }

    /** Whether this engine steps runs in SIMD lanes where the objective has a kernel. */
    public boolean vectorLanes() {
        return vectorLanes;
    }

    /** Called after each chunk with the number of runs done so far. */
    public interface Progress {
        void update(long runsDone);
    }

    private final int threads;
    private final boolean vectorLanes;

    /** An engine on {@code threads} threads that steps runs in SIMD lanes unless {@link Lanes#wanted} says not. */
    public Engine(int threads) {
        this(threads, Lanes.wanted());
    }

    /**
     * An engine on {@code threads} threads (0: all cores) that steps runs in SIMD lanes when
     * {@code vectorLanes} is set and the objective has a lane kernel (see {@link Lanes}).
     */
    public Engine(int threads, boolean vectorLanes) {
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.vectorLanes = vectorLanes;
    }

    /** The most runs stepped at once by each thread for {@code plan}: 1 on the scalar path. */
    public int lanes(Plan plan) {
        return lanes(plan, vectorLanes);
    }

    /** As {@link #lanes(Plan)}, for an engine that steps runs in lanes when {@code vectorLanes} is set. */
    static int lanes(Plan plan, boolean vectorLanes) {
        Lanes.Runner r = vectorLanes ? Lanes.create(plan.objective()) : null;
        return r == null ? 1 : r.lanes();
    }

    /**
     * The runs each thread steps at once under each of {@code plan}'s combos, fewest and most:
     * a kernel may step more lanes on some paths (peaks: two vectors where no stop test reads the
     * gradient) than on others. {1, 1} on the scalar path.
     */
    public int[] laneRange(Plan plan) {
        Lanes.Runner r = vectorLanes ? Lanes.create(plan.objective()) : null;
        if (r == null) {
            return new int[] {1, 1};
        }
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        for (Combo c : plan.combos()) {
            int k = r.lanes(c);
            fewest = Math.min(fewest, k);
            most = Math.max(most, k);
        }
        return new int[] {fewest, most};
    }

    public int threads() {
        return threads;
    }

    /** Runs every run of the plan from {@code firstRun} on; returns the gradient steps taken. */
    public long execute(Plan plan, long firstRun, Sink sink, Progress progress) throws Exception {
        return execute(plan, firstRun, sink, progress, () -> false);
    }

    /**
     * As {@link #execute(Plan, long, Sink, Progress)}, stopping with an
     * {@link InterruptedException} between chunks once {@code cancelled} says so; every chunk
     * handed to the sink before then is complete.
     */
    public long execute(Plan plan, long firstRun, Sink sink, Progress progress,
            java.util.function.BooleanSupplier cancelled) throws Exception {
        long runs = plan.runCount();
        int chunk = Worker.chunkSize(runs - firstRun, threads, lanes(plan));
        int window = threads * 4;
        WatchedPool watched = new WatchedPool(threads, WORKER);
        ForkJoinPool pool = watched.pool();
        // finished batches go back to the workers once the sink is done with them (sinks copy
        // what they keep), so a long sweep allocates no new buffers per chunk
        java.util.concurrent.ConcurrentLinkedQueue<Batch> free = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // the workers stop starting runs once this is set: when the sweep ends, however it ends
        // (below, finally), so also when `cancelled` says so (see await)
        AtomicBoolean halt = new AtomicBoolean();
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(plan, vectorLanes, halt, free));
        ArrayDeque<ForkJoinTask<Batch>> inFlight = new ArrayDeque<>();
        long steps = 0;
        // the CPU the run phase takes, by whom (the log's DEBUG line; Linux only)
        boolean cpu = LOG.isDebugEnabled();
        double compiling = cpu ? ThreadCpu.seconds(ThreadCpu.COMPILERS) : Double.NaN;
        // (the second stage's thread starts below, at none)
        double merging0 = cpu ? ThreadCpu.ofThisThread() : Double.NaN;
        long begin = System.nanoTime();
        // time in the sink, the part of the sweep that runs on one thread
        long merging = 0;
        // the sink's second stage, on a thread of its own: fed in run order, batches recycled there
        SecondStage second = sink.staged() && threads >= Sink.STAGED_THREADS ? new SecondStage(sink, free, window)
                : null;
        try {
            long next = firstRun;
            while (next < runs && inFlight.size() < window) {
                inFlight.add(submit(pool, workers, sink, next, (int) Math.min(chunk, runs - next)));
                next += chunk;
            }
            while (!inFlight.isEmpty()) {
                ForkJoinTask<Batch> head = inFlight.poll();
                // a worker that died (of a heap run out) leaves its chunk undone: fail, not wait
                watched.await(head, cancelled);
                Batch b = head.join();
                if (cancelled.getAsBoolean()) {
                    throw new InterruptedException("interrupted");
                }
                if (next < runs) {
                    inFlight.add(submit(pool, workers, sink, next, (int) Math.min(chunk, runs - next)));
                    next += chunk;
                }
                long m0 = System.nanoTime();
                steps += b.gradientSteps();
                merge(b, sink, second, free, progress);
                merging += System.nanoTime() - m0;
            }
            if (second != null) {
                second.finish();
            }
            if (LOG.isDebugEnabled()) {
                double wall = (System.nanoTime() - begin) / 1e9;
                long r = Math.max(1, runs - firstRun);
                LOG.debug("merge thread busy {} s of the run phase's {} s ({} us per run){}",
                        String.format(java.util.Locale.ROOT, "%.3f", merging / 1e9),
                        String.format(java.util.Locale.ROOT, "%.3f", wall),
                        String.format(java.util.Locale.ROOT, "%.3f", merging / 1e3 / r),
                        second == null ? "" : String.format(java.util.Locale.ROOT,
                                "; its second stage busy %.3f s (%.3f us per run)", second.busy / 1e9,
                                second.busy / 1e3 / r));
                // the workers are idle now, not yet gone
                double working = ThreadCpu.seconds(WORKER);
                double merge = ThreadCpu.ofThisThread() + ThreadCpu.seconds(SecondStage.NAME) - merging0;
                double jit = ThreadCpu.seconds(ThreadCpu.COMPILERS) - compiling;
                if (!Double.isNaN(working + merge + jit)) {
                    int cores = Runtime.getRuntime().availableProcessors();
                    LOG.debug("run phase CPU: workers {} s, merging {} s, JIT compilers {} s (of {} cores' {} s)",
                            String.format(java.util.Locale.ROOT, "%.2f", working),
                            String.format(java.util.Locale.ROOT, "%.2f", merge),
                            String.format(java.util.Locale.ROOT, "%.2f", jit), cores,
                            String.format(java.util.Locale.ROOT, "%.2f", wall * cores));
                }
            }
        } finally {
            halt.set(true);
            for (ForkJoinTask<Batch> t : inFlight) {
                t.cancel(true);
            }
            watched.close();
            if (second != null) {
                // whatever passed the first stage is taken through the second (journalled),
                // also when the sweep stops early; a failure there is thrown by finish above
                second.close();
            }
        }
        return steps;
    }

    /**
     * Hands a finished batch, the next in run order, to the sink: its first stage here and the
     * rest to {@code second} where the sink is split over two threads, else the whole of it here
     * (the batch then back to {@code free} for reuse, where given); then the progress.
     */
    static void merge(Batch b, Sink sink, SecondStage second, java.util.Queue<Batch> free, Progress progress)
            throws Exception {
        if (second != null) {
            sink.first(b);
            second.put(b);
        } else {
            sink.accept(b);
            if (free != null) {
                free.add(b);
            }
        }
        if (progress != null) {
            progress.update(b.firstRun + b.size);
        }
    }

    /**
     * A staged sink's second stage on a thread of its own, fed batches in run order through a
     * bounded queue (the merge thread waits when it is full). A failure there is kept, the
     * batches after it dropped, and thrown to the merge thread by the next {@link #put} or by
     * {@link #finish}. The spark engine's driver merges through one too.
     */
    static final class SecondStage implements AutoCloseable {
        static final String NAME = "multistart-merge-2";
        private static final Batch END = new Batch(-1, 0, 0);
        private final Sink sink;
        private final java.util.Queue<Batch> free;
        private final java.util.concurrent.BlockingQueue<Batch> queue;
        private final Thread thread;
        private volatile Throwable failure;
        private volatile long busy;
        private boolean ended;

        /** {@code free}: where batches go once through, for reuse; null: nowhere. */
        SecondStage(Sink sink, java.util.Queue<Batch> free, int capacity) {
            this.sink = sink;
            this.free = free;
            this.queue = new java.util.concurrent.ArrayBlockingQueue<>(capacity);
            this.thread = new Thread(this::drain, NAME);
            thread.setDaemon(true);
            thread.start();
        }

        private void drain() {
            long spent = 0;
            while (true) {
                Batch b = takeUninterruptibly();
                if (b == END) {
                    break;
                }
                // whatever happens, this thread goes on taking batches until END: the merge
                // thread waits on the queue, and a thread that died (a heap run out, say) would
                // leave it waiting forever; the failure is kept as it is (wrapping it needs memory)
                try {
                    if (failure == null) {
                        long t0 = System.nanoTime();
                        sink.accept(b);
                        spent += System.nanoTime() - t0;
                        busy = spent;
                    }
                    if (free != null) {
                        free.add(b);
                    }
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        }

        private Batch takeUninterruptibly() {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    // only END ends this thread, so that no batch that passed the first stage is lost
                }
            }
        }

        /** Nanoseconds spent in the sink's {@code accept} so far. */
        long busy() {
            return busy;
        }

        void put(Batch b) throws Exception {
            rethrow();
            queue.put(b);
        }

        /** Waits until every batch put has been through the second stage; throws its failure. */
        void finish() throws Exception {
            close();
            rethrow();
        }

        private void rethrow() throws Exception {
            Throwable e = failure;
            if (e instanceof Exception x) {
                throw x;
            }
            if (e != null) {
                throw new RuntimeException(e);
            }
        }

        @Override
        public void close() {
            if (ended) {
                return;
            }
            ended = true;
            Uninterruptibles.putUninterruptibly(queue, END);
            Uninterruptibles.joinUninterruptibly(thread);
        }
    }

    /** The workers' names: {@value}-1, -2, ... (a run phase's workers are the only threads so named). */
    static final String WORKER = "multistart-worker";

    private static ForkJoinTask<Batch> submit(ForkJoinPool pool, ThreadLocal<Worker> workers, Sink sink, long first,
            int size) {
        return pool.submit(() -> {
            Batch b = workers.get().run(first, size);
            sink.prepare(b);
            return b;
        });
    }
}
