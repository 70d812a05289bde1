package multistart.objective;

/**
 * An objective that is a mean over examples (a model's loss over the rows of a data set), so that
 * a step may follow the gradient of a mini-batch of rows instead of all of them. {@link #evaluate}
 * of {@link Objective} is the mean over every row.
 */
public interface Batched extends Objective {

    /** Number of examples (rows). */
    int examples();

    /**
     * The mean loss over the rows {@code rows[from .. to)} at {@code x}, its gradient written into
     * {@code grad}. Allocates nothing; the rows are summed in the order given, so that a batch
     * gives the same bits on every thread.
     */
    double evaluate(double[] x, double[] grad, int[] rows, int from, int to);
}
