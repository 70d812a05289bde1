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
        try (CSVPrinter p = new CSVPrinter(w, FORMAT)) {
            p.printRecord(texts(header));
            for (Findings.Minimum m : r.findings().minima()) {
                p.print(m.basin());
                for (double x : m.point()) {
                    p.print(Numbers.exact(x));
                }
                p.print(Numbers.exact(m.value()));
                p.print(text(m.kind().key()));
                p.print(m.hits());
                p.print(Numbers.exact(m.share()));
                p.print(m.bestRun());
                p.println();
            }
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
