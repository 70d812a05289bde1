package multistart.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.config.OptimizerConfig;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code minima.csv} and {@code sweep.csv}: rows sorted, numbers exact. */
public final class CsvTables {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CsvTables() {
    }

    /**
     * A text cell a spreadsheet will not execute: one starting with = + - @ or a tab or carriage
     * return gets a leading apostrophe (the OWASP advice for CSV injection). Numbers are never
     * passed through here, so "-6.55" stays a number.
     */
    public static String text(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static List<String> texts(List<String> cells) {
        return cells.stream().map(CsvTables::text).toList();
    }

    /**
     * minima.csv, one row per distinct end point: a sweep can have 10^5 or more of them, so the
     * rows go out as bytes, numbers through {@link ShortestDouble} as runs.csv's do (rows hold
     * numbers and fixed keys only, which never need quoting; the header, with the user's
     * variable names, goes through CSVPrinter).
     */
    public static void minima(RunRecord r, OutputStream os) throws IOException {
        List<String> header = new ArrayList<>(List.of("basin"));
        header.addAll(r.plan().config().objective().variables());
        header.addAll(List.of("value", "kind", "hits", "share", "best_run"));
        StringBuilder head = new StringBuilder();
        new CSVPrinter(head, FORMAT).printRecord(texts(header));
        os.write(head.toString().getBytes(StandardCharsets.UTF_8));
        int n = r.plan().objective().dimension();
        // a row at most: three integers, n + 2 numbers, the kind, commas and the newline
        int rowMax = 3 * 21 + (n + 2) * (ShortestDouble.MAX_BYTES + 1) + 12 + 8;
        byte[] buf = new byte[Math.max(1 << 16, 2 * rowMax)];
        byte[][] kinds = new byte[Kind.values().length][];
        for (Kind k : Kind.values()) {
            kinds[k.ordinal()] = (k.key() + ",").getBytes(StandardCharsets.US_ASCII);
        }
        int at = 0;
        for (Findings.Minimum m : r.findings().minima()) {
            if (at + rowMax > buf.length) {
                os.write(buf, 0, at);
                at = 0;
            }
            at = row(m, kinds, buf, at);
        }
        os.write(buf, 0, at);
    }

    /**
     * One row of minima.csv at {@code buf[at]}; returns where it ends. A method of its own so
     * that the JIT compiles it after a few hundred rows: as the body of the one long loop it
     * would wait for an on-stack replacement and run interpreted for most of a 10^5-row table.
     */
    private static int row(Findings.Minimum m, byte[][] kinds, byte[] buf, int at) {
        at = Numbers.digits(m.basin(), buf, at);
        for (double x : m.point()) {
            buf[at++] = ',';
            at = ShortestDouble.write(x, buf, at);
        }
        buf[at++] = ',';
        at = ShortestDouble.write(m.value(), buf, at);
        buf[at++] = ',';
        byte[] kind = kinds[m.kind().ordinal()];
        System.arraycopy(kind, 0, buf, at, kind.length);
        at += kind.length;
        at = Numbers.digits(m.hits(), buf, at);
        buf[at++] = ',';
        at = ShortestDouble.write(m.share(), buf, at);
        buf[at++] = ',';
        at = Numbers.digits(m.bestRun(), buf, at);
        buf[at++] = '\n';
        return at;
    }

    public static void sweep(RunRecord r, Writer w) throws IOException {
        List<String> swept = r.plan().config().optimizer().sweptColumns();
        List<String> header = new ArrayList<>(List.of("combo"));
        header.addAll(swept);
        header.addAll(List.of("runs", "converged", "diverged", "success_rate", "best_value", "median_value",
                "median_iterations", "basins_found"));
        try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
            p.printRecord(texts(header));
            for (Findings.ComboSummary c : r.findings().combos()) {
                p.print(c.combo().index());
                for (String col : swept) {
                    p.print(text(OptimizerConfig.columnValue(c.combo(), col)));
                }
                p.print(c.runs());
                p.print(c.converged());
                p.print(c.diverged());
                p.print(Numbers.exact(c.successRate()));
                p.print(Numbers.exact(c.bestValue()));
                p.print(Numbers.exact(c.medianValue()));
                p.print(Numbers.exact(c.medianIterations()));
                p.print(c.basinsFound());
                p.println();
            }
        }
    }
}
