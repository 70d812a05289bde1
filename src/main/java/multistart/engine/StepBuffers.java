package multistart.engine;

import java.lang.ref.WeakReference;
import multistart.objective.Objective;
import multistart.optimizer.Descent;
import multistart.simd.Lanes;

/**
 * One thread's step buffers: the objective's scratch, the descent's and the lane runner's arrays,
 * all written at every step. Their owner allocates a new set, on its own thread, once a garbage
 * collection has run since these were allocated ({@link #moved}): the collector copies the
 * objects that survive it side by side, so that one thread's arrays can end up sharing cache
 * lines with another's, and two cores writing one line at every step take turns owning it.
 * Allocated again by their own thread, they lie in its allocation buffer, among its own objects.
 *
 * <p>On the 16-core machine, W1 with 10x the starts at 16 threads, the young generation made
 * small (-Xmn32m) so that the collector runs during every run phase: 5.4-6.1e8 steps/s, the
 * workers' CPU 24-27 s, when the buffers stayed where the collector put them; 1.1-1.4e9 and
 * 9.2-9.7 s allocated again (three alternating pairs). With the default heap a collection falls
 * inside the run phase in some processes only, and those ran 2-3 times slower to their end.
 */
final class StepBuffers {
    final Descent descent;
    /** Null on the scalar path, or where the objective has no lane kernel. */
    final Lanes.Runner lanes;
    final double[] x;
    /** Cleared by the first garbage collection after the buffers were allocated. */
    private final WeakReference<Object> home = new WeakReference<>(new Object());

    StepBuffers(Plan plan, boolean vectorLanes) {
        Objective f = plan.objective().forWorker();
        this.descent = new Descent(f);
        this.lanes = vectorLanes ? Lanes.create(f) : null;
        this.x = new double[plan.starts().dimension()];
    }

    /** Whether a garbage collection has run since these were allocated, so that a new set is due. */
    boolean moved() {
        return home.get() == null;
    }
}
