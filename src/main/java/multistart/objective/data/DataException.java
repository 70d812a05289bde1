package multistart.objective.data;

/** A data file that cannot be used: what is wrong, and where (line 0 when no line is to blame). */
public final class DataException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;

    public DataException(long line, String message) {
        super(message);
        this.line = line;
    }

    /** The file's line (1 is the header), or 0. */
    public long line() {
        return line;
    }
}
