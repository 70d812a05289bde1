package multistart.engine;

/**
 * The results of a contiguous block of runs, in structure-of-arrays form: what a chunk task
 * hands back to the merge. Run {@code firstRun + i} is slot i.
 */
public final class Batch {

    public final long firstRun;
    public final int size;
    public final int dimension;
    public final double[] start;
    public final double[] end;
    public final double[] value;
    public final double[] gradientNorm;
    public final int[] iterations;
    public final byte[] status;
    /** Messages of failed runs, null while none failed. */
    public String[] failure;

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
    }

    public long gradientSteps() {
        long s = 0;
        for (int i = 0; i < size; i++) {
            s += iterations[i];
        }
        return s;
    }
}
