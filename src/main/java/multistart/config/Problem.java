package multistart.config;

/**
 * One thing wrong with a config: where (1-based line and column), which key, and what.
 * Printed as {@code file:line:column: key: message}.
 */
public record Problem(String file, int line, int column, String key, String message) {

    /** File order: by line, then column (problems and warnings are listed so). */
    public static final java.util.Comparator<Problem> FILE_ORDER =
            java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(message).toString();
    }
}
