package multistart.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import multistart.analysis.Findings;
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

    public static void minima(RunRecord r, Writer w) throws IOException {
        List<String> header = new ArrayList<>(List.of("basin"));
        header.addAll(r.plan().config().objective().variables());
        header.addAll(List.of("value", "kind", "hits", "share", "best_run"));
        CSVPrinter p = new CSVPrinter(w, FORMAT);
        p.printRecord(texts(header));
        p.flush();
        // rows hold numbers and fixed keys only, which never need quoting: written directly,
        // as runs.csv is (CSVPrinter's per-cell scan was most of the cost for 10^5 rows)
        StringBuilder row = new StringBuilder(256);
        for (Findings.Minimum m : r.findings().minima()) {
            row.setLength(0);
            row.append(m.basin());
            for (double x : m.point()) {
                row.append(',').append(Numbers.exact(x));
            }
            row.append(',').append(Numbers.exact(m.value()));
            row.append(',').append(m.kind().key());
            row.append(',').append(m.hits());
            row.append(',').append(Numbers.exact(m.share()));
            row.append(',').append(m.bestRun());
            row.append('\n');
            w.append(row);
        }
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
