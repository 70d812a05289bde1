package multistart.engine;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import multistart.config.Combo;
import multistart.optimizer.Descent;
import multistart.optimizer.Status;
import multistart.sampling.StartPoints;
import multistart.simd.Lanes;

/**
 * One worker thread's buffers and generators, reused for every chunk it runs: the engine's, and
 * the lane warm-up's (Warmup), which must be the same class for the code C2 compiles during the
 * warm-up to stay valid in the sweep. No logger here: the warm-up runs before logging starts.
 *
 * <p>It stops starting runs once {@code halt} is set: a flag read where the lane runner asks
 * {@link #cancelled}, not a caller's BooleanSupplier called there, whose class would differ
 * between the warm-up and the sweep and make C2 drop the compiled lane code at the sweep's first
 * chunk.
 *
 * <p>Its step buffers are allocated again after each garbage collection ({@link StepBuffers}).
 */
final class Worker implements Lanes.Runs {
    private final Plan plan;
    private final boolean vectorLanes;
    private StepBuffers buffers;
    private StartPoints.Cursor cursor;
    /** How many times the buffers were allocated (for tests). */
    int allocations;
    private final int n;
    private final AtomicBoolean halt;
    /** A data-set objective: each run's mini-batches are keyed by its start. */
    private final boolean batches;
    private final Queue<Batch> free;
    // the stretch of runs the lane runner is working on: run k is slot offset + k of batch
    private Batch batch;
    private int offset;

    Worker(Plan plan, boolean vectorLanes, AtomicBoolean halt, Queue<Batch> free) {
        this.plan = plan;
        this.vectorLanes = vectorLanes;
        this.halt = halt;
        this.free = free;
        this.n = plan.starts().dimension();
        this.batches = plan.config().objective().model() != null;
        allocate();
    }

    /** The buffers every step or run writes, allocated on the calling thread. */
    private void allocate() {
        buffers = new StepBuffers(plan, vectorLanes);
        cursor = plan.starts().cursor();
        allocations++;
    }

    /** The plan this worker runs. */
    Plan plan() {
        return plan;
    }

    /** Whether a garbage collection has run since the buffers were allocated (for tests). */
    boolean collectedSinceAllocation() {
        return buffers.moved();
    }

    /** The runs in one chunk of a sweep of {@code runs} runs on {@code threads} threads. */
    static int chunkSize(long runs, int threads, int lanes) {
        // enough chunks to balance uneven run lengths, few enough to keep merging cheap; whole
        // multiples of the lanes, so that no lane idles for want of runs
        long c = Math.max(1, Math.min(512, runs / ((long) threads * 32)));
        return (int) ((c + lanes - 1) / lanes * lanes);
    }

    /** The runs stepped at once: 1 on the scalar path. */
    int lanes() {
        return buffers.lanes == null ? 1 : buffers.lanes.lanes();
    }

    /** Runs {@code size} runs from {@code first} on into a batch (one from {@code free} when it fits). */
    Batch run(long first, int size) {
        if (buffers.moved()) {
            allocate();
        }
        Batch b = free.poll();
        if (b == null || b.capacity() < size) {
            b = new Batch(first, size, n);
        } else {
            b.reset(first, size);
        }
        int i = 0;
        while (i < size) {
            // the runs of one combo that fall into this chunk
            int combo = plan.comboOf(first + i);
            int end = (int) Math.min(size, (combo + 1) * plan.startCount() - first);
            Combo c = plan.combos().get(combo);
            Lanes.Runner lanes = buffers.lanes;
            if (lanes != null) {
                batch = b;
                offset = i;
                lanes.run(c, end - i, this);
                batch = null;
            } else {
                for (int j = i; j < end; j++) {
                    if (halt.get()) {
                        // the merge thread has stopped the sweep and drops this unfinished chunk
                        return b;
                    }
                    runOne(b, j, c);
                }
            }
            i = end;
        }
        return b;
    }

    private void runOne(Batch b, int i, Combo combo) {
        Descent descent = buffers.descent;
        double[] x = buffers.x;
        long r = b.firstRun + i;
        cursor.point(plan.startOf(r), x);
        System.arraycopy(x, 0, b.start, i * n, n);
        try {
            if (batches) {
                descent.batchKey(plan.batchKey(plan.startOf(r)));
            }
            Status s = descent.run(x, combo);
            b.status[i] = (byte) s.ordinal();
            b.value[i] = descent.value();
            b.gradientNorm[i] = descent.gradientNorm();
            b.iterations[i] = descent.iterations();
        } catch (RuntimeException | StackOverflowError e) {
            b.status[i] = (byte) Status.FAILED.ordinal();
            b.value[i] = Double.NaN;
            b.gradientNorm[i] = Double.NaN;
            if (b.failure == null) {
                b.failure = new String[b.size];
            }
            b.failure[i] = String.valueOf(e);
        }
        System.arraycopy(x, 0, b.end, i * n, n);
    }

    @Override
    public void start(int k, double[] p) {
        int i = offset + k;
        cursor.point(plan.startOf(batch.firstRun + i), p);
        System.arraycopy(p, 0, batch.start, i * n, n);
    }

    @Override
    public void finish(int k, double[] end, Status status, double value, double gradientNorm, int iterations) {
        int i = offset + k;
        System.arraycopy(end, 0, batch.end, i * n, n);
        batch.status[i] = (byte) status.ordinal();
        batch.value[i] = value;
        batch.gradientNorm[i] = gradientNorm;
        batch.iterations[i] = iterations;
    }

    @Override
    public boolean cancelled() {
        return halt.get();
    }
}
