package multistart.objective.expression;

/** A formula that cannot be used; {@code position} is the 0-based offset in the text, or -1. */
public final class ExpressionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    public ExpressionException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
