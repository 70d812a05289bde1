package multistart.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import multistart.analysis.Aggregator;
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
    /** Per combo, its swept columns' text, each after a comma (the same on every row), UTF-8. */
    private final byte[][] comboColumns;
    private final int maxComboBytes;
    private final double sign;
    /** A basin id's digits and the newline. */
    private final byte[] digits = new byte[12];

    public RunsFile(Plan plan, Path dir) throws IOException {
        this.plan = plan;
        this.partial = dir.resolve("." + NAME + ".partial");
        this.target = dir.resolve(NAME);
        this.out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
        List<String> swept = plan.config().optimizer().sweptColumns();
        this.comboColumns = new byte[plan.combos().size()][];
        int longest = 0;
        for (int c = 0; c < comboColumns.length; c++) {
            StringBuilder t = new StringBuilder();
            for (String col : swept) {
                t.append(',').append(OptimizerConfig.columnValue(plan.combos().get(c), col));
            }
            comboColumns[c] = t.toString().getBytes(StandardCharsets.UTF_8);
            longest = Math.max(longest, comboColumns[c].length);
        }
        this.maxComboBytes = longest;
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
     * Formats the batch's rows up to their basin column, UTF-8, into the batch's {@code bytes};
     * safe on any thread (the engine calls it on the worker that ran the batch, so that a sweep
     * writing a row per run does not format them all on the merge thread). Numbers are written
     * straight into the bytes ({@link ShortestDouble}: no String per number).
     */
    public void prepare(Batch b) {
        int n = b.dimension;
        // a row at most: three integers, the swept columns, 2n + 2 doubles, the status, commas
        int rowMax = 3 * 21 + maxComboBytes + (2 * n + 2) * (ShortestDouble.MAX_BYTES + 1) + 11 + 16 + 2;
        if (b.textEnds.length < b.size) {
            b.textEnds = new int[b.size];
        }
        byte[] out = b.bytes;
        int at = 0;
        for (int i = 0; i < b.size; i++) {
            if (out.length < at + rowMax) {
                out = java.util.Arrays.copyOf(out, Math.max(2 * out.length, at + rowMax));
            }
            long run = b.firstRun + i;
            int c = plan.comboOf(run);
            at = Numbers.digits(run, out, at);
            out[at++] = ',';
            at = Numbers.digits(plan.startOf(run), out, at);
            out[at++] = ',';
            at = Numbers.digits(c, out, at);
            byte[] combo = comboColumns[c];
            System.arraycopy(combo, 0, out, at, combo.length);
            at += combo.length;
            for (int k = 0; k < n; k++) {
                out[at++] = ',';
                at = ShortestDouble.write(b.start[i * n + k], out, at);
            }
            for (int k = 0; k < n; k++) {
                out[at++] = ',';
                at = ShortestDouble.write(b.end[i * n + k], out, at);
            }
            out[at++] = ',';
            at = ShortestDouble.write(sign * b.value[i], out, at);
            out[at++] = ',';
            at = ShortestDouble.write(b.gradientNorm[i], out, at);
            out[at++] = ',';
            at = Numbers.digits(b.iterations[i], out, at);
            out[at++] = ',';
            byte[] status = STATUS[b.status[i]];
            System.arraycopy(status, 0, out, at, status.length);
            at += status.length;
            out[at++] = ',';
            b.textEnds[i] = at;
        }
        b.bytes = out;
        b.textReady = true;
    }

    /** Each status's key, by ordinal. */
    private static final byte[][] STATUS = new byte[Status.values().length][];

    static {
        for (Status s : Status.values()) {
            STATUS[s.ordinal()] = s.key().getBytes(StandardCharsets.US_ASCII);
        }
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
            out.write(digits, 0, endRow(basins.basinOf(b, i), digits, 0));
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * Replaces provisional basin ids by final basin numbers and moves the file into place. Works
     * on bytes, a block at a time: a row is copied up to its last comma, and only the id after
     * it is parsed and rewritten (UTF-8 never puts a comma or a newline inside a character).
     */
    public void finish(Aggregator basins) throws IOException {
        out.close();
        Path tmp = target.resolveSibling("." + NAME + ".tmp");
        try (InputStream in = Files.newInputStream(partial); OutputStream w = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[1 << 16];
            // rows rewritten, flushed when the next might not fit (a row grows by at most the
            // ten digits of a basin number)
            byte[] to = new byte[buf.length + 16];
            int len = 0;
            boolean header = true;
            for (int r; (r = in.read(buf, len, buf.length - len)) > 0;) {
                len += r;
                int at = 0;
                int start = 0;
                for (int i; (i = newline(buf, start, len)) >= 0;) {
                    if (at + (i + 1 - start) + 12 > to.length) {
                        w.write(to, 0, at);
                        at = 0;
                    }
                    if (header) {
                        System.arraycopy(buf, 0, to, 0, i + 1);
                        at = i + 1;
                        header = false;
                    } else {
                        at = rewriteRow(buf, start, i, basins, to, at);
                    }
                    start = i + 1;
                }
                w.write(to, 0, at);
                // the unfinished row moves to the front; a row longer than the buffer grows it
                System.arraycopy(buf, start, buf, 0, len - start);
                len -= start;
                if (len == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, 2 * buf.length);
                    to = new byte[buf.length + 16];
                }
            }
            w.write(buf, 0, len);
        }
        OutputFolder.moveIntoPlace(tmp, target);
        Files.deleteIfExists(partial);
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * The index of the first newline in {@code b[from, to)}, or -1: eight bytes per step (a
     * byte-by-byte loop made the rewrite of a 300 MB runs.csv take 0.4 s more). A byte of
     * {@code v ^ '\n'...} is zero where b has a newline; {@code (v - 0x01..) & ~v & 0x80..}
     * flags the lowest such byte exactly (borrows only disturb the bytes above it).
     */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long t = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Copies the row in {@code buf[from, newline)} to {@code to} at {@code at} with its final
     * basin number and the newline; returns where the copy ends.
     */
    private static int rewriteRow(byte[] buf, int from, int newline, Aggregator basins, byte[] to, int at) {
        int comma = newline - 1;
        while (buf[comma] != ',') {
            comma--;
        }
        int prefix = comma + 1 - from;
        System.arraycopy(buf, from, to, at, prefix);
        at += prefix;
        int provisional = 0;
        for (int i = comma + 1; i < newline; i++) {
            provisional = provisional * 10 + (buf[i] - '0');
        }
        return endRow(comma + 1 < newline ? basins.finalBasin(provisional) : -1, to, at);
    }

    /**
     * Writes a row's end at {@code to[at]}: the basin's digits (none when it is negative: a run
     * in no basin) and the newline; returns where it ends.
     */
    private static int endRow(int basin, byte[] to, int at) {
        if (basin >= 0) {
            at = Numbers.digits(basin, to, at);
        }
        to[at++] = '\n';
        return at;
    }

    /** Removes the partial file (runs.csv not wanted, or the run failed). */
    public void discard() throws IOException {
        out.close();
        Files.deleteIfExists(partial);
    }
}
