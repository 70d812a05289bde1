package multistart.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import multistart.config.Combo;
import multistart.config.ExperimentConfig;
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
 *
 * <p>The launcher's {@code bin/c2-directives.json} shortens the wait from the other side: it keeps
 * C2 from compiling the Vector API's fallback code, which the lane code runs until C2 has it.
 * The helper only calls the lane code: workers stepping runs one at a time until it was fast
 * (a gate the helper opened) were tried, and C2 reached the lane code later with fewer callers.
 */
public final class Warmup implements AutoCloseable {

    /** The helper's runs stop after this many steps, so that it stops soon after being told. */
    static final int ITERATIONS = 200;
    /** It gives up after this long whatever happens. */
    static final long LIMIT_NANOS = 3_000_000_000L;

    /** System property that, set to {@code off}, disables the warm-up (for measurements). */
    public static final String PROPERTY = "multistart.warmup";

    /** Set when the run phase begins; the helper's worker then starts no more runs. */
    private final AtomicBoolean halt = new AtomicBoolean();

    private Warmup() {
    }

    /** A helper that does nothing, for the scalar path and objectives without a lane kernel. */
    public static Warmup none() {
        Warmup w = new Warmup();
        w.halt.set(true);
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

    /**
     * Runs chunks of the plan's own runs, each combo in turn (so that the compiled code has seen
     * the branches the sweep takes), on a {@link Worker} as the engine's are: the same class
     * behind the lane runner's callbacks, and more runs per call than lanes. With a
     * callback class of its own, or one lane-full of runs per call, C2 compiled the lane code for
     * what it had seen and threw it away at the sweep's first chunk (a class check in refill and
     * finish, a never-taken branch in stops), and the sweep waited for it to be compiled again.
     */
    private void run(ExperimentConfig config) {
        try {
            Plan full = Plan.of(config);
            List<Combo> capped = new ArrayList<>();
            for (Combo c : full.combos()) {
                capped.add(new Combo(c.index(), c.method(), c.learningRate(), c.decay(), c.momentum(), c.beta2(),
                        c.epsilon(), Math.min(c.maxIterations(), ITERATIONS), c.gradientNorm(), c.valueChange(),
                        c.divergence()));
            }
            Plan plan = new Plan(full.config(), full.objective(), full.starts(), List.copyOf(capped));
            java.util.Queue<Batch> free = new java.util.ArrayDeque<>();
            Worker worker = new Worker(plan, true, halt, free);
            if (worker.lanes() == 1) {
                return;
            }
            // a few lane-fulls per call: refill then finds a next run as in the sweep's chunks,
            // and the combos come round quickly (each its own branches) even while the lane code
            // is still slow
            int size = (int) Math.min(2L * worker.lanes(), plan.startCount());
            long begin = System.nanoTime();
            int combos = plan.combos().size();
            long round = 0;
            while (!halt.get() && System.nanoTime() - begin < LIMIT_NANOS) {
                // chunks of each combo in turn, from the start of its runs on
                long combo = round % combos;
                long within = (round / combos * size) % Math.max(1, plan.startCount() - size + 1);
                free.add(worker.run(combo * plan.startCount() + within, size));
                round++;
            }
        } catch (RuntimeException | LinkageError e) {
            // only a warm-up: the sweep itself meets and reports whatever went wrong here
        }
    }

    /** Stops the helper (the run phase begins); it finishes its current lanes and exits. */
    @Override
    public void close() {
        halt.set(true);
    }
}
