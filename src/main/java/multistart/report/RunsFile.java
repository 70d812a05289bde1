package multistart.report;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import multistart.analysis.Aggregator;
import multistart.config.Combo;
import multistart.config.OptimizerConfig;
import multistart.engine.Batch;
import multistart.engine.Plan;
import multistart.optimizer.Status;

/**
 * Streams {@code runs.csv} as runs finish, in run order, holding nothing per run. Basin
 * numbers are only final once all runs are in (basin 1 is the best), so rows are first
 * written with provisional basin ids to a temporary file, and {@link #finish} rewrites that
 * file line by line with the final numbers, then renames it into place.
 */
public final class RunsFile implements AutoCloseable {

    public static final String NAME = "runs.csv";

    private final Plan plan;
    private final Path partial;
    private final Path target;
    private final OutputStream out;
    private final List<String> swept;
    private final double sign;
    /** A basin id's digits and the newline, written from the end. */
    private final byte[] digits = new byte[12];

    public RunsFile(Plan plan, Path dir) throws IOException {
        this.plan = plan;
        this.partial = dir.resolve("." + NAME + ".partial");
        this.target = dir.resolve(NAME);
        this.out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
        this.swept = plan.config().optimizer().sweptColumns();
        this.sign = plan.config().objective().goal().sign();
        out.write((header(plan) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static String header(Plan plan) {
        List<String> cols = new ArrayList<>(List.of("run", "start", "combo"));
        cols.addAll(plan.config().optimizer().sweptColumns());
        List<String> vars = plan.config().objective().variables();
        for (String v : vars) {
            cols.add("start_" + v);
        }
        for (String v : vars) {
            cols.add("end_" + v);
        }
        cols.addAll(List.of("value", "gradient_norm", "iterations", "status", "basin"));
        return String.join(",", cols.stream().map(CsvTables::text).toList());
    }

    /**
     * Formats the batch's rows up to their basin column into the batch's {@code text}; safe on
     * any thread (the engine calls it on the worker that ran the batch, so that a sweep writing
     * a row per run does not format them all on the merge thread).
     */
    public void prepare(Batch b) {
        int n = b.dimension;
        StringBuilder line = b.text;
        line.setLength(0);
        if (b.textEnds.length < b.size) {
            b.textEnds = new int[b.size];
        }
        boolean ascii = true;
        for (int i = 0; i < b.size; i++) {
            long run = b.firstRun + i;
            int c = plan.comboOf(run);
            Combo combo = plan.combos().get(c);
            line.append(run).append(',').append(plan.startOf(run)).append(',').append(c);
            for (String col : swept) {
                line.append(',').append(OptimizerConfig.columnValue(combo, col));
            }
            for (int k = 0; k < n; k++) {
                line.append(',').append(Numbers.exact(b.start[i * n + k]));
            }
            for (int k = 0; k < n; k++) {
                line.append(',').append(Numbers.exact(b.end[i * n + k]));
            }
            line.append(',').append(Numbers.exact(sign * b.value[i]));
            line.append(',').append(Numbers.exact(b.gradientNorm[i]));
            line.append(',').append(b.iterations[i]);
            line.append(',').append(Status.of(b.status[i]).key());
            line.append(',');
            b.textEnds[i] = line.length();
        }
        // UTF-8 here too, off the merge thread; rows are ASCII (numbers, status and method
        // names), where a char is a byte and the row ends stay as they are
        int length = line.length();
        if (b.bytes.length < length) {
            b.bytes = new byte[Math.max(length, 2 * b.bytes.length)];
        }
        for (int k = 0; k < length; k++) {
            char ch = line.charAt(k);
            ascii &= ch < 0x80;
            b.bytes[k] = (byte) ch;
        }
        if (!ascii) {
            encodeRows(b);
        }
        b.textReady = true;
    }

    /** UTF-8 row by row, for the rare batch with a non-ASCII character. */
    private static void encodeRows(Batch b) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        int from = 0;
        for (int i = 0; i < b.size; i++) {
            byte[] row = b.text.substring(from, b.textEnds[i]).getBytes(StandardCharsets.UTF_8);
            all.write(row, 0, row.length);
            from = b.textEnds[i];
            b.textEnds[i] = all.size();
        }
        b.bytes = all.toByteArray();
    }

    /** Appends the batch's rows; {@code basins} has just accepted the same batch. */
    public void write(Batch b, Aggregator basins) throws IOException {
        if (!b.textReady) {
            // batches read back from the journal on --resume
            prepare(b);
        }
        int from = 0;
        for (int i = 0; i < b.size; i++) {
            out.write(b.bytes, from, b.textEnds[i] - from);
            from = b.textEnds[i];
            int basin = basins.basinOf(b, i);
            int k = digits.length;
            digits[--k] = '\n';
            if (basin >= 0) {
                do {
                    digits[--k] = (byte) ('0' + basin % 10);
                    basin /= 10;
                } while (basin > 0);
            }
            out.write(digits, k, digits.length - k);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Replaces provisional basin ids by final basin numbers and moves the file into place. */
    public void finish(Aggregator basins) throws IOException {
        out.close();
        Path tmp = target.resolveSibling("." + NAME + ".tmp");
        try (BufferedReader in = Files.newBufferedReader(partial, StandardCharsets.UTF_8);
                Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(in.readLine());
            w.write('\n');
            String row;
            while ((row = in.readLine()) != null) {
                int comma = row.lastIndexOf(',');
                w.write(row, 0, comma + 1);
                if (comma + 1 < row.length()) {
                    int provisional = Integer.parseInt(row.substring(comma + 1));
                    w.write(Integer.toString(basins.finalBasin(provisional)));
                }
                w.write('\n');
            }
        }
        OutputFolder.moveIntoPlace(tmp, target);
        Files.deleteIfExists(partial);
    }

    /** Removes the partial file (runs.csv not wanted, or the run failed). */
    public void discard() throws IOException {
        out.close();
        Files.deleteIfExists(partial);
    }
}
