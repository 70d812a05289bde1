package multistart.engine;

/**
 * The results of a contiguous block of runs, in structure-of-arrays form: what a chunk task
 * hands back to the merge. Run {@code firstRun + i} is slot i.
 */
public final class Batch {

    public long firstRun;
    public int size;
    public final int dimension;
    public final double[] start;
    public final double[] end;
    public final double[] value;
    public final double[] gradientNorm;
    public final int[] iterations;
    public final byte[] status;
    /** Messages of failed runs, null while none failed. */
    public String[] failure;
    /**
     * Hashes the sink computed on the worker thread for the merge (the basin index's cells):
     * run i's are {@code probeCount[i]} longs from {@code probes[probeFrom[i]]}, the first
     * {@code probeTotal} of {@code probes} in all. Valid while {@code probesReady}.
     */
    public long[] probes = new long[0];
    public int[] probeFrom = new int[0];
    public int[] probeCount = new int[0];
    public int probeTotal;
    public boolean probesReady;
    /**
     * The basin of each run, as the sink's first stage found it ({@link Engine.Sink#first}), for
     * its second; valid while {@code basinsReady}.
     */
    public int[] basin = new int[0];
    public boolean basinsReady;
    /**
     * Each run's start value (minimised), for the aggregator: those of the first combo's runs
     * evaluated by the sink's preparation ({@code Aggregator.prepare}), the later combos' read
     * back from those when the batch is folded in.
     */
    public final double[] startValue;
    /** The batch's journal records, encoded on the worker thread ({@link Journal#encode}). */
    byte[] records = new byte[0];
    boolean recordsReady;

    Batch(long firstRun, int size, int dimension) {
        this.firstRun = firstRun;
        this.size = size;
        this.dimension = dimension;
        this.start = new double[size * dimension];
        this.end = new double[size * dimension];
        this.value = new double[size];
        this.gradientNorm = new double[size];
        this.iterations = new int[size];
        this.status = new byte[size];
        this.startValue = new double[size];
    }

    /** Reuses this batch's buffers (sized for at least {@code size} runs) for another block. */
    void reset(long firstRun, int size) {
        this.firstRun = firstRun;
        this.size = size;
        this.failure = null;
        this.recordsReady = false;
        this.probesReady = false;
        this.basinsReady = false;
    }

    int capacity() {
        return value.length;
    }

    /** The first {@code k} runs of this batch, as a batch of their own (copies). */
    Batch prefix(int k) {
        Batch p = new Batch(firstRun, k, dimension);
        System.arraycopy(start, 0, p.start, 0, k * dimension);
        System.arraycopy(end, 0, p.end, 0, k * dimension);
        System.arraycopy(value, 0, p.value, 0, k);
        System.arraycopy(gradientNorm, 0, p.gradientNorm, 0, k);
        System.arraycopy(iterations, 0, p.iterations, 0, k);
        System.arraycopy(status, 0, p.status, 0, k);
        return p;
    }

    public long gradientSteps() {
        long s = 0;
        for (int i = 0; i < size; i++) {
            s += iterations[i];
        }
        return s;
    }
}
