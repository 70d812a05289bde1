package multistart.objective.data;

import com.google.common.hash.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
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
 */
public record DataSet(List<String> features, double[] x, double[] y, List<String> ignored, String sha256) {

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
        byte[] bytes = Files.readAllBytes(file);
        String sha = Hashing.sha256().hashBytes(bytes).toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .build();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        String[] header;
        long headerLine;
        // a byte order mark (Excel writes one) is not part of the first column's name
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes, skip, bytes.length - skip), decoder);
                CSVParser p = CSVParser.parse(r, format)) {
            var it = p.iterator();
            if (!it.hasNext()) {
                throw new DataException(0, "the file is empty: it needs a header line naming the columns, then"
                        + " one line per example");
            }
            CSVRecord h = it.next();
            headerLine = p.getCurrentLineNumber();
            header = h.values();
            long cells = 0;
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                long line = p.getCurrentLineNumber();
                if (rec.size() != header.length) {
                    throw new DataException(line, "has " + rec.size() + " field" + (rec.size() == 1 ? "" : "s")
                            + ", the header " + header.length);
                }
                cells += rec.size();
                if (cells > MAX_CELLS) {
                    throw new DataException(line, "the data set holds more than " + MAX_CELLS
                            + " cells, the limit");
                }
                rows.add(rec.values());
                lines.add(line);
            }
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
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < header.length; j++) {
            if (header[j].isEmpty()) {
                throw new DataException(headerLine, "column " + (j + 1) + " of the header has no name");
            }
            if (!seen.add(header[j])) {
                throw new DataException(headerLine, "column '" + header[j] + "' is named twice in the header");
            }
        }
        int t = List.of(header).indexOf(target);
        if (t < 0) {
            String sep = header.length > 1 ? "" : header[0].contains(";") ? "';'" : header[0].contains("\t") ? "tabs" : "";
            throw new DataException(headerLine, "has no column '" + target + "' (the target); its columns: "
                    + String.join(", ", header) + (sep.isEmpty() ? "" : " (its fields look separated by " + sep
                            + ", but a data file's are separated by commas)"));
        }
        if (rows.isEmpty()) {
            throw new DataException(headerLine, "has a header but no examples");
        }
        // which columns hold numbers: any number makes a column numeric, and then every cell must be one
        int cols = header.length;
        boolean[] numeric = new boolean[cols];
        for (String[] row : rows) {
            for (int j = 0; j < cols; j++) {
                numeric[j] |= number(row[j]) != null;
            }
        }
        List<String> features = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<Integer> featureColumns = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            if (j == t) {
                continue;
            }
            if (numeric[j]) {
                features.add(header[j]);
                featureColumns.add(j);
            } else {
                ignored.add(header[j]);
            }
        }
        if (!numeric[t]) {
            throw new DataException(lines.get(0), "the target column '" + target + "' holds no numbers (got '"
                    + abbreviate(rows.get(0)[t]) + "'); a model predicts a number, or 0 and 1 for two classes");
        }
        if (features.isEmpty()) {
            throw new DataException(headerLine, "has no numeric column besides the target '" + target
                    + "' to predict it from");
        }
        int n = rows.size();
        int p = features.size();
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            for (int k = 0; k < p; k++) {
                x[i * p + k] = cell(row, featureColumns.get(k), header, lines.get(i));
            }
            y[i] = cell(row, t, header, lines.get(i));
        }
        return new DataSet(features, x, y, ignored, sha);
    }

    private static double cell(String[] row, int j, String[] header, long line) throws DataException {
        Double v = number(row[j]);
        if (v == null) {
            throw new DataException(line, "column '" + header[j] + "' (" + (j + 1) + "): "
                    + (row[j].isEmpty() ? "the cell is empty (a missing value); fill it or drop the row"
                            : "not a number: '" + abbreviate(row[j]) + "', where the column's other cells are numbers"));
        }
        return v;
    }

    /** The cell as a finite number, or null (text, an empty cell, NaN or an infinity). */
    private static Double number(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(s.length() - 1);
        // Double.parseDouble also takes "1d", "1f" and hex: a data file means none of them
        if (!(c >= '0' && c <= '9' || c == '.') || s.startsWith("0x") || s.startsWith("-0x")) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
