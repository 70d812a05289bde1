package multistart.objective.data;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table of examples read from a CSV file with a header: the target column, and every other
 * column whose cells are all numbers as a feature. A column with no number in it (a species
 * name, say) is left out and listed in {@link #ignored}; a column that mixes numbers with text or
 * empty cells is an error at its first such cell, since leaving it out would change the model in
 * silence. Rows are kept row-major, features then target, in the file's order.
 *
 * @param features the feature columns' names, in the file's order
 * @param x        rows x features values, row-major
 * @param y        the target of each row
 * @param ignored  the columns left out for holding no numbers
 * @param sha256   the file's SHA-256, hex: a resumed run checks the data did not change
 *
 * <p>Serializable: the Spark engine ships the table the driver read to its executors, so that
 * a cluster's machines need no copy of the file.
 */
public record DataSet(List<String> features, double[] x, double[] y, List<String> ignored, String sha256)
        implements java.io.Serializable {

    /** Cells (rows x columns read) a data set may hold at most: 80 MB of doubles. */
    public static final long MAX_CELLS = 10_000_000L;
    /** Largest data file read. */
    public static final long MAX_BYTES = 512L << 20;

    public DataSet {
        features = List.copyOf(features);
        ignored = List.copyOf(ignored);
    }

    public int rows() {
        return y.length;
    }

    /**
     * Reads {@code file}, predicting {@code target}.
     *
     * @throws DataException naming the line and the column of the first problem
     * @throws IOException   when the file cannot be read
     */
    public static DataSet read(Path file, String target) throws DataException, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new DataException(0, "the file has " + size + " bytes, more than the limit of " + MAX_BYTES);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .get();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // read as a stream, each cell parsed as it comes: the file's text is never held whole (a
        // String per cell took twelve times the memory of its number)
        try (HashingInputStream hashed = new HashingInputStream(Hashing.sha256(), Files.newInputStream(file))) {
            BufferedInputStream in = new BufferedInputStream(hashed, 1 << 16);
            // a byte order mark (Excel writes one) is not part of the first column's name
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
            Table table;
            try (Reader r = new InputStreamReader(in, decoder); CSVParser p = CSVParser.parse(r, format)) {
                table = Table.read(p, target);
                // the parser stopped at the end; whatever it left is hashed too
                in.transferTo(OutputStream.nullOutputStream());
            } catch (java.io.UncheckedIOException e) {
                // commons-csv reports a malformed file (an unclosed quote) this way
                Throwable c = e.getCause() != null ? e.getCause() : e;
                if (c instanceof java.nio.charset.CharacterCodingException) {
                    throw new DataException(0, "is not UTF-8 text");
                }
                throw new DataException(0, "is not a readable CSV file: " + c.getMessage());
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new DataException(0, "is not UTF-8 text");
            }
            return table.dataSet(target, hashed.hash().toString());
        }
    }

    /**
     * The cells as numbers, row-major (NaN where a cell is not one), and for each column whether
     * it holds any number and where its first other cell is.
     */
    private static final class Table {
        final String[] header;
        final long headerLine;
        double[] cells = new double[1024];
        int rows;
        final boolean[] numbers;
        final long[] textLine; // 0: none
        final String[] text;

        Table(String[] header, long headerLine) {
            this.header = header;
            this.headerLine = headerLine;
            numbers = new boolean[header.length];
            textLine = new long[header.length];
            text = new String[header.length];
        }

        static Table read(CSVParser p, String target) throws DataException {
            var it = p.iterator();
            if (!it.hasNext()) {
                throw new DataException(0, "the file is empty: it needs a header line naming the columns, then"
                        + " one line per example");
            }
            String[] header = it.next().values();
            Table t = new Table(header, p.getCurrentLineNumber());
            t.checkHeader(target);
            int cols = header.length;
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                long line = p.getCurrentLineNumber();
                if (rec.size() != cols) {
                    throw new DataException(line, "has " + rec.size() + " field" + (rec.size() == 1 ? "" : "s")
                            + ", the header " + cols);
                }
                if ((long) (t.rows + 1) * cols > MAX_CELLS) {
                    throw new DataException(line, "the data set holds more than " + MAX_CELLS + " cells, the limit");
                }
                if ((t.rows + 1) * cols > t.cells.length) {
                    t.cells = java.util.Arrays.copyOf(t.cells, (int) Math.min(MAX_CELLS, 2L * t.cells.length
                            + cols));
                }
                int at = t.rows * cols;
                for (int j = 0; j < cols; j++) {
                    String s = rec.get(j);
                    Double v = number(s);
                    if (v != null) {
                        t.cells[at + j] = v;
                        t.numbers[j] = true;
                    } else {
                        t.cells[at + j] = Double.NaN;
                        if (t.textLine[j] == 0) {
                            t.textLine[j] = line;
                            t.text[j] = s;
                        }
                    }
                }
                t.rows++;
            }
            return t;
        }

        void checkHeader(String target) throws DataException {
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < header.length; j++) {
                if (header[j].isEmpty()) {
                    throw new DataException(headerLine, "column " + (j + 1) + " of the header has no name");
                }
                if (!seen.add(header[j])) {
                    throw new DataException(headerLine, "column '" + header[j] + "' is named twice in the header");
                }
            }
            if (!seen.contains(target)) {
                String sep = header.length > 1 ? "" : header[0].contains(";") ? "';'"
                        : header[0].contains("\t") ? "tabs" : "";
                throw new DataException(headerLine, "has no column '" + target + "' (the target); its columns: "
                        + String.join(", ", header) + (sep.isEmpty() ? "" : " (its fields look separated by " + sep
                                + ", but a data file's are separated by commas)"), true);
            }
        }

        DataSet dataSet(String target, String sha) throws DataException {
            if (rows == 0) {
                throw new DataException(headerLine, "has a header but no examples");
            }
            int cols = header.length;
            int t = List.of(header).indexOf(target);
            if (!numbers[t]) {
                throw new DataException(textLine[t], "the target column '" + target + "' holds no numbers (got '"
                        + abbreviate(text[t]) + "'); a model predicts a number, or 0 and 1 for two classes");
            }
            // a column of numbers with another cell in it: the first such cell in the file
            int worst = -1;
            for (int j = 0; j < cols; j++) {
                if (numbers[j] && textLine[j] != 0 && (worst < 0 || textLine[j] < textLine[worst])) {
                    worst = j;
                }
            }
            if (worst >= 0) {
                throw new DataException(textLine[worst], "column '" + header[worst] + "' (" + (worst + 1) + "): "
                        + (text[worst].isEmpty() ? "the cell is empty (a missing value); fill it or drop the row"
                                : (overflows(text[worst]) ? "beyond the range of a double (about 1.8e308): '"
                                        : "not a number: '") + abbreviate(text[worst])
                                        + "', where the column's other cells are numbers"));
            }
            List<String> features = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            List<Integer> featureColumns = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                if (j == t) {
                    continue;
                }
                if (numbers[j]) {
                    features.add(header[j]);
                    featureColumns.add(j);
                } else {
                    ignored.add(header[j]);
                }
            }
            if (features.isEmpty()) {
                throw new DataException(headerLine, "has no numeric column besides the target '" + target
                        + "' to predict it from");
            }
            int p = features.size();
            double[] x = new double[rows * p];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < p; k++) {
                    x[i * p + k] = cells[i * cols + featureColumns.get(k)];
                }
                y[i] = cells[i * cols + t];
            }
            return new DataSet(features, x, y, ignored, sha);
        }
    }

    /**
     * The cell as a finite number, or null (text, an empty cell, NaN or an infinity); true and
     * false (any case, as pandas writes a boolean column) are 1 and 0.
     */
    private static Double number(String s) {
        if (s.equalsIgnoreCase("true")) {
            return 1.0;
        }
        if (s.equalsIgnoreCase("false")) {
            return 0.0;
        }
        double d = decimal(s);
        return Double.isFinite(d) ? d : null;
    }

    /** Whether a cell is written as a number whose magnitude no double holds ("1e999"). */
    private static boolean overflows(String s) {
        return Double.isInfinite(decimal(s));
    }

    /** The cell read as a decimal number (an infinity where it overflows), or NaN where it is none. */
    private static double decimal(String s) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        char c = s.charAt(s.length() - 1);
        // Double.parseDouble also takes "1d", "1f" and hex: a data file means none of them
        if (!(c >= '0' && c <= '9' || c == '.') || s.startsWith("0x") || s.startsWith("-0x")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
