package multistart.engine;

import multistart.config.Combo;
import multistart.config.ExperimentConfig;
import multistart.optimizer.Status;
import multistart.sampling.StartPoints;
import multistart.simd.Lanes;

/**
 * Gets the SIMD lane code compiled while the command is still starting up.
 *
 * <p>Vector API code runs 20-50 times slower than scalar code until C2 has compiled it, and on
 * a fresh JVM that takes C2 a few hundred milliseconds (it compiles the JDK's and the Vector
 * API's internals first). A sweep of a second or two would spend a good part of its run phase
 * there. Meanwhile start-up (logging, output folder, journal) keeps one core busy and leaves
 * the others idle; this helper uses one of them to step some of the plan's own runs in lanes,
 * results thrown away, until the run phase begins ({@link #close}) or a few seconds have
 * passed. It changes no result (the work is discarded, and lanes give the same bits as the
 * scalar path either way), only when the lane code reaches full speed.
 */
public final class Warmup implements AutoCloseable {

    /** The helper's runs stop after this many steps, so that it stops soon after being told. */
    static final int ITERATIONS = 200;
    /** It gives up after this long whatever happens. */
    static final long LIMIT_NANOS = 3_000_000_000L;

    /** System property that, set to {@code off}, disables the warm-up (for measurements). */
    public static final String PROPERTY = "multistart.warmup";

    private volatile boolean stopped;

    private Warmup() {
    }

    /** A helper that does nothing, for the scalar path and objectives without a lane kernel. */
    public static Warmup none() {
        Warmup w = new Warmup();
        w.stopped = true;
        return w;
    }

    /**
     * Starts warming up the lanes for {@code config} on a daemon thread, unless lanes are off
     * ({@code --scalar}) or unavailable for its objective.
     */
    public static Warmup start(ExperimentConfig config, boolean lanes) {
        if (!lanes || "off".equals(System.getProperty(PROPERTY)) || !Lanes.available()
                || config.objective().function().laneKernel() == null) {
            return none();
        }
        Warmup w = new Warmup();
        // one thread: with three, on the 16-core machine, W1's long sweeps at 16 threads ran
        // 1.2-3.8x slower in four runs of six (the lane code compiled from profiles that several
        // threads had filled at once, we suppose); with one, 1.71-1.85e9 steps/s in four of four
        Thread t = new Thread(() -> w.run(config), "multistart-warmup");
        t.setDaemon(true);
        t.start();
        return w;
    }

    private void run(ExperimentConfig config) {
        try {
            Plan plan = Plan.of(config);
            Lanes.Runner runner = Lanes.create(plan.objective().forWorker());
            if (runner == null) {
                return;
            }
            StartPoints.Cursor cursor = plan.starts().cursor();
            long[] next = {0};
            Lanes.Runs runs = new Lanes.Runs() {
                @Override
                public void start(int k, double[] x) {
                    cursor.point(next[0], x);
                    next[0] = (next[0] + 1) % plan.startCount();
                }

                @Override
                public void finish(int k, double[] x, Status status, double value, double gradientNorm,
                        int iterations) {
                    // discarded: the engine computes every run itself
                }

                @Override
                public boolean cancelled() {
                    return stopped;
                }
            };
            long begin = System.nanoTime();
            int combo = 0;
            while (!stopped && System.nanoTime() - begin < LIMIT_NANOS) {
                // the plan's combos in turn, so that the compiled code sees the branches it will take
                Combo c = plan.combos().get(combo);
                combo = (combo + 1) % plan.combos().size();
                runner.run(new Combo(c.index(), c.method(), c.learningRate(), c.decay(), c.momentum(), c.beta2(),
                        c.epsilon(), Math.min(c.maxIterations(), ITERATIONS), c.gradientNorm(), c.valueChange(),
                        c.divergence()), runner.lanes(), runs);
            }
        } catch (RuntimeException | LinkageError e) {
            // only a warm-up: the sweep itself meets and reports whatever went wrong here
        }
    }

    /** Stops the helper (the run phase begins); it finishes its current lanes and exits. */
    @Override
    public void close() {
        stopped = true;
    }
}
