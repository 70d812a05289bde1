package multistart.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import multistart.analysis.Aggregator;
import multistart.config.Combo;
import multistart.config.OptimizerConfig;
import multistart.engine.Batch;
import multistart.engine.Journal;
import multistart.engine.Plan;
import multistart.engine.ThreadCpu;
import multistart.optimizer.Status;

/**
 * Writes {@code runs.csv}, a row per run in run order, holding nothing per run in memory. A row's
 * basin number is only final once all runs are in (basin 1 is the best), so during the sweep
 * only each run's provisional basin id is kept, four bytes a run in a file of the sweep's state
 * ({@link #write}); the journal already holds the rest of the row. {@link #finish} then writes
 * the file once, block by block: each block's journal records and ids read, its start points
 * recomputed, its rows formatted on a pool of threads and written in order.
 *
 * <p>It wrote the rows during the sweep before, with provisional ids, and rewrote the file with
 * the final numbers at the end: the row formatting and writing took the workers and the merge
 * thread about 1 us of a thread per run (W2 in one-step runs on 2 cores), and the rewrite read
 * and wrote every byte again.
 */
public final class RunsFile implements AutoCloseable {

    public static final String NAME = "runs.csv";
    /** Most runs in one block of {@link #finish} (about 0.7 MB of rows at 2-d). */
    static final int BLOCK = 4096;
    /**
     * Most formatting threads: at 0.3-0.5 us a row on one thread, four format more than a disk
     * takes, and each keeps two blocks in memory.
     */
    static final int MAX_THREADS = 4;

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final Plan plan;
    private final Path ids;
    private final Path target;
    private final OutputStream idsOut;
    private byte[] idBytes = new byte[0];
    /** Per combo, its swept columns' text, each after a comma (the same on every row), UTF-8. */
    private final byte[][] comboColumns;
    private final int maxComboBytes;
    private final double sign;

    /**
     * Starts a sweep's {@code runs.csv} in {@code dir}, its provisional basin ids in the file
     * {@code ids} (replaced if it exists).
     */
    public RunsFile(Plan plan, Path dir, Path ids) throws IOException {
        this.plan = plan;
        this.ids = ids;
        this.target = dir.resolve(NAME);
        this.idsOut = new BufferedOutputStream(Files.newOutputStream(ids), 1 << 16);
        List<String> swept = plan.config().optimizer().sweptColumns();
        this.comboColumns = new byte[plan.combos().size()][];
        int longest = 0;
        for (int c = 0; c < comboColumns.length; c++) {
            comboColumns[c] = sweptText(swept, plan.combos().get(c)).getBytes(StandardCharsets.UTF_8);
            longest = Math.max(longest, comboColumns[c].length);
        }
        this.maxComboBytes = longest;
        this.sign = plan.config().objective().goal().sign();
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
     * A shortest-form coordinate and its comma, as rows of random end points average (17-18 digits, a dot, a sign for
     * half of them).
     */
    static final int BYTES_PER_COORDINATE = 20;
    /**
     * At least this big, {@code runs.csv} is worth a word before the sweep (validate's plan, run's
     * log): a sweep in 2000-d writes 80 KB a row, 800 MB for 10 000 starts.
     */
    public static final long LARGE = 100_000_000L;

    /**
     * About how many bytes {@code runs.csv} will take: the start and end coordinates at
     * {@value #BYTES_PER_COORDINATE} bytes each, the value and gradient norm likewise, the swept
     * settings' text and the counters as they will be written.
     */
    public static long estimateBytes(Plan plan) {
        int n = plan.starts().dimension();
        List<String> swept = plan.config().optimizer().sweptColumns();
        double settings = 0;
        for (Combo c : plan.combos()) {
            settings += sweptText(swept, c).length();
        }
        settings /= plan.combos().size();
        long runs = plan.runCount();
        double row = Long.toString(runs).length() + 1 + Long.toString(plan.startCount()).length() + 1
                + Integer.toString(plan.combos().size()).length() + settings
                + (2.0 * n + 2) * BYTES_PER_COORDINATE + 6 + 12 + 6;
        return (long) Math.min(Long.MAX_VALUE, header(plan).length() + 1 + runs * row);
    }

    /** A combo's swept columns as its rows hold them, each after a comma. */
    private static String sweptText(List<String> swept, Combo c) {
        StringBuilder t = new StringBuilder();
        for (String col : swept) {
            t.append(',').append(OptimizerConfig.columnField(c, col));
        }
        return t.toString();
    }

    /** Keeps the provisional basins of the batch that {@code basins} has just accepted. */
    public void write(Batch b, Aggregator basins) throws IOException {
        if (idBytes.length < 4 * b.size) {
            idBytes = new byte[4 * b.size];
        }
        for (int i = 0; i < b.size; i++) {
            INTS.set(idBytes, 4 * i, basins.basinOf(b, i));
        }
        idsOut.write(idBytes, 0, 4 * b.size);
    }

    @Override
    public void close() throws IOException {
        idsOut.close();
    }

    /**
     * Writes {@code runs.csv} with the final basin numbers ({@code basins} finished) from the
     * closed {@code journal}, which holds every run, formatting on as many threads as the sweep
     * ran on (at most {@link #MAX_THREADS}), and moves it into place; the ids' file is removed.
     * Call it on a thread named {@value #THREADS}: it returns the CPU seconds that this thread
     * and the formatting threads spent (NaN where not known; see {@link ThreadCpu}).
     */
    public double finish(Aggregator basins, Path journal, int sweepThreads) throws IOException, InterruptedException {
        idsOut.close();
        double cpu0 = ThreadCpu.seconds(THREADS);
        int threads = Math.max(1, Math.min(sweepThreads, MAX_THREADS));
        int block = blockRuns();
        Path tmp = target.resolveSibling("." + NAME + ".tmp");
        ArrayBlockingQueue<Formatter> formatters = new ArrayBlockingQueue<>(threads);
        double[] cpu = {Double.NaN};
        List<Formatter> opened = new ArrayList<>();
        try (OutputStream w = Files.newOutputStream(tmp)) {
            for (int i = 0; i < threads; i++) {
                opened.add(new Formatter(journal, basins, block));
            }
            formatters.addAll(opened);
            w.write((header(plan) + "\n").getBytes(StandardCharsets.UTF_8));
            // blocks formatted ahead of the writer, written in run order; the CPU counted while
            // the formatting threads are idle, not yet gone
            BlockWriter.write(w, plan.runCount(), block, threads, THREADS + "-rows", (first, count, spare) -> {
                Formatter f = formatters.take();
                try {
                    return f.rows(first, count, spare);
                } finally {
                    formatters.add(f);
                }
            }, () -> cpu[0] = ThreadCpu.seconds(THREADS) - cpu0);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            for (Formatter f : opened) {
                f.close();
            }
        }
        OutputFolder.moveIntoPlace(tmp, target);
        Files.deleteIfExists(ids);
        return cpu[0];
    }

    /**
     * The name of the thread the pass is called on (SideTasks names it so); its formatting
     * threads are {@value}-rows.
     */
    public static final String THREADS = "multistart-" + NAME;

    /** One formatting thread's readers of the journal and the ids, and its buffer of ids. */
    private final class Formatter implements AutoCloseable {
        private final Journal.Reader journal;
        private final FileChannel idsIn;
        private final Aggregator basins;
        private final ByteBuffer idBlock;

        Formatter(Path journalPath, Aggregator basins, int block) throws IOException {
            this.idBlock = ByteBuffer.allocate(4 * block).order(ByteOrder.LITTLE_ENDIAN);
            this.journal = new Journal.Reader(journalPath, plan);
            this.idsIn = FileChannel.open(ids, StandardOpenOption.READ);
            this.basins = basins;
        }

        BlockWriter.Rows rows(long first, int count, byte[] reuse) throws IOException {
            Batch b = journal.read(first, count);
            idBlock.clear().limit(4 * count);
            while (idBlock.hasRemaining()) {
                if (idsIn.read(idBlock, 4 * first + idBlock.position()) < 0) {
                    throw new IOException("the basin ids end before run " + (first + idBlock.position() / 4));
                }
            }
            return format(b, idBlock, basins, reuse == null ? new byte[count * rowMax()] : reuse);
        }

        @Override
        public void close() throws IOException {
            try (journal) {
                idsIn.close();
            }
        }
    }

    /** The longest a row can be, in bytes. */
    private int rowMax() {
        // three integers, the swept columns, 2n + 2 doubles, the status, a basin, commas and the newline
        return 3 * 21 + maxComboBytes + (2 * plan.starts().dimension() + 2) * (ShortestDouble.MAX_BYTES + 1) + 11
                + 16 + 12 + 2;
    }

    /**
     * Runs per block: up to {@link #BLOCK}, fewer where rows are long, so that a block's rows
     * stay within about 1 MiB (2 600-d rows are 40-60 KB each).
     */
    int blockRuns() {
        return Math.max(16, Math.min(BLOCK, (1 << 20) / rowMax()));
    }

    /**
     * The batch's rows, UTF-8, into {@code out} (grown if needed); run i's provisional basin id
     * is the i-th int of {@code idBlock}. Numbers are written straight into the bytes
     * ({@link ShortestDouble}: no String per number).
     */
    BlockWriter.Rows format(Batch b, ByteBuffer idBlock, Aggregator basins, byte[] out) {
        int n = b.dimension;
        int rowMax = rowMax();
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
            int id = idBlock.getInt(4 * i);
            if (id >= 0) {
                at = Numbers.digits(basins.finalBasin(id), out, at);
            }
            out[at++] = '\n';
        }
        return new BlockWriter.Rows(out, at);
    }

    /** Each status's key, by ordinal. */
    private static final byte[][] STATUS = new byte[Status.values().length][];

    static {
        for (Status s : Status.values()) {
            STATUS[s.ordinal()] = s.key().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Removes the ids' file (runs.csv not wanted, or the run failed). */
    public void discard() throws IOException {
        idsOut.close();
        Files.deleteIfExists(ids);
    }
}
