package multistart.objective.data;

/** A data file that cannot be used: what is wrong, and where (line 0 when no line is to blame). */
public final class DataException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final boolean target;

    public DataException(long line, String message) {
        this(line, message, false);
    }

    /** {@code target}: the problem is the target column named in the config, not the file. */
    public DataException(long line, String message, boolean target) {
        super(message);
        this.line = line;
        this.target = target;
    }

    /** Whether the config's objective.target is to blame (a column the file does not have). */
    public boolean target() {
        return target;
    }

    /** The file's line (1 is the header), or 0. */
    public long line() {
        return line;
    }
}
