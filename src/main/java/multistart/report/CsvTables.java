package multistart.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.analysis.Minima;
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
     * variable names, goes through CSVPrinter). From {@link #PARALLEL_ROWS} rows on, blocks of
     * rows are formatted on up to {@link #MAX_THREADS} threads (no more than the sweep had) and
     * written in order: the same bytes. On one thread the table of a sweep of short runs, where
     * every run ends at a point of its own, took 3.5 s for 5.75e6 rows, while the other reports,
     * written beside it, were done in half a second.
     */
    public static void minima(RunRecord r, OutputStream os) throws IOException {
        List<String> columns = multistart.config.ConfigLoader.MINIMA_COLUMNS;
        List<String> header = new ArrayList<>(columns.subList(0, 1));
        header.addAll(r.plan().config().objective().variables());
        header.addAll(columns.subList(1, columns.size()));
        StringBuilder head = new StringBuilder();
        new CSVPrinter(head, FORMAT).printRecord(texts(header));
        os.write(head.toString().getBytes(StandardCharsets.UTF_8));
        int n = r.plan().objective().dimension();
        // a row at most: three integers, n + 2 numbers, the kind, commas and the newline
        int rowMax = 3 * 21 + (n + 2) * (ShortestDouble.MAX_BYTES + 1) + 12 + 8;
        byte[][] kinds = new byte[Kind.values().length][];
        for (Kind k : Kind.values()) {
            kinds[k.ordinal()] = (k.key(r.plan().config().objective().goal()) + ",")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        Minima all = r.findings().minima();
        int threads = Math.max(1, Math.min(r.threads(), MAX_THREADS));
        if (threads > 1 && all.size() >= PARALLEL_ROWS) {
            minimaInBlocks(all, kinds, rowMax, threads, os);
            return;
        }
        byte[] buf = new byte[Math.max(1 << 16, 2 * rowMax)];
        int at = 0;
        for (int i = 0; i < all.size(); i++) {
            if (at + rowMax > buf.length) {
                os.write(buf, 0, at);
                at = 0;
            }
            at = row(all, i, kinds, buf, at);
        }
        os.write(buf, 0, at);
    }

    /** Rows of minima.csv formatted a block at a time. */
    static final int BLOCK_ROWS = 4096;
    /** From this many rows on, minima.csv is formatted on several threads. */
    public static final int PARALLEL_ROWS = 2 * BLOCK_ROWS;
    /** Most threads formatting minima.csv. */
    static final int MAX_THREADS = 4;

    /**
     * The rows of {@code all}, blocks of {@link #BLOCK_ROWS} formatted on {@code threads}
     * threads and written in order (see {@link BlockWriter}).
     */
    private static void minimaInBlocks(Minima all, byte[][] kinds, int rowMax, int threads,
            OutputStream os) throws IOException {
        try {
            BlockWriter.write(os, all.size(), BLOCK_ROWS, threads, "multistart-minima-rows", (first, count, spare) -> {
                byte[] bytes = spare != null ? spare : new byte[BLOCK_ROWS * rowMax];
                int at = 0;
                for (int i = (int) first; i < first + count; i++) {
                    at = row(all, i, kinds, bytes, at);
                }
                return new BlockWriter.Rows(bytes, at);
            }, () -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("minima.csv: interrupted");
        }
    }

    /**
     * Row {@code r} of minima.csv (basin r + 1) at {@code buf[at]}; returns where it ends. A method of its own so
     * that the JIT compiles it after a few hundred rows: as the body of the one long loop it
     * would wait for an on-stack replacement and run interpreted for most of a 10^5-row table.
     */
    private static int row(Minima all, int r, byte[][] kinds, byte[] buf, int at) {
        at = Numbers.digits(r + 1, buf, at);
        for (int i = 0; i < all.dimension(); i++) {
            buf[at++] = ',';
            at = ShortestDouble.write(all.coordinate(r, i), buf, at);
        }
        buf[at++] = ',';
        at = ShortestDouble.write(all.value(r), buf, at);
        buf[at++] = ',';
        byte[] kind = kinds[all.kind(r).ordinal()];
        System.arraycopy(kind, 0, buf, at, kind.length);
        at += kind.length;
        at = Numbers.digits(all.hits(r), buf, at);
        buf[at++] = ',';
        at = ShortestDouble.write(all.share(r), buf, at);
        buf[at++] = ',';
        at = Numbers.digits(all.bestRun(r), buf, at);
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
                    p.print(text(OptimizerConfig.columnField(c.combo(), col)));
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
