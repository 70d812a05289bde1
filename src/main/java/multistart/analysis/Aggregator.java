package multistart.analysis;

import java.util.Arrays;
import java.util.List;
import multistart.config.ExperimentConfig;
import multistart.engine.Batch;
import multistart.engine.Engine;
import multistart.engine.Plan;
import multistart.objective.Box;
import multistart.optimizer.Status;

/**
 * Folds finished runs, in run order, into basins and per-combo statistics. Basins are kept
 * with provisional ids in order of discovery ({@link #basinOf} reports them for the runs
 * file); {@link #finish} ranks them, best first. Not thread-safe: fed by the merge thread, or
 * by two, one per stage (see {@link #first}).
 */
public final class Aggregator implements Engine.Sink {

    private final Plan plan;
    private final ExperimentConfig config;
    private final int n;
    private final int comboCount;
    private final double sign;

    /** Released by {@link #finish} when no chart will ask {@link #basinAt} (it is the largest part left). */
    private BasinIndex index;

    // per provisional basin, side by side so that a run's basin costs one or two cache misses:
    // hits, best run, best value (its bits), and its hits per combo, sparse: the combo of its
    // latest hit, that combo's hits, and where its earlier combos' are in `earlier` (-1: none).
    // Runs arrive in run order, combo by combo, so a basin's combos come in increasing order and
    // each once: when a hit comes from a later combo, the current pair moves to `earlier`. A
    // dense block of comboCount longs per basin took 800 bytes a basin with 100 combos, and a
    // sweep of short runs (one basin per run) of 2e6 runs ran out of a 512 MiB heap.
    private static final int HITS = 0;
    private static final int BEST_RUN = 1;
    private static final int BEST_VALUE = 2;
    private static final int COMBO = 3;
    private static final int COMBO_HITS = 4;
    private static final int EARLIER = 5;
    private static final int STRIDE = 6;
    // These three grow with the distinct end points, a page at a time (see Paged), and go once
    // finish has read them.
    private Paged<long[]> basins = Paged.longs(STRIDE);
    /** Earlier (combo, hits) pairs of the basins, with the index of the basin's pair before (-1: none). */
    private Paged<long[]> earlier = Paged.longs(3);
    private int earlierCount;
    /** Best point of each basin, n doubles each. */
    private Paged<double[]> bestPoints;
    private int basinCount;

    // per combo
    private final ComboAccumulator[] combos;
    /** Which starts succeed under which combo, or null (one combo, or too many runs to keep). */
    private final PairedOutcomes paired;
    /** The plan's starts: run r is start r - combo * startCount of its combo. */
    private final long startCount;
    /** Starts 0 .. explicitStarts - 1 are the config's explicit points, not drawn at random. */
    private final int explicitStarts;
    /** (combo, provisional basin) of each run from an explicit start that has a basin, for the census. */
    private int[] explicitRuns = new int[0];
    private int explicitRunCount;

    private long lastBatchFirst = -1;
    private int[] lastBasins = new int[0];
    private long runsSeen;
    /**
     * Starts whose values are kept in memory (a double each, 1 MiB at most); a sweep of more keeps
     * them in a file (see {@link StartValues}), so that memory stays flat with the starts.
     */
    public static final long START_VALUES_IN_MEMORY = StartValues.IN_MEMORY;
    /**
     * Each start's value, evaluated once on the worker that ran the start's first run ({@link
     * #prepare}; every combo runs from the same starts), to compare each run's end value with (the
     * runs that climbed, per combo) and to find the lowest start.
     */
    private final StartValues startValues;
    /** Each thread's copy of the objective for the starts' values. */
    private final ThreadLocal<StartEvaluator> startEvaluators;
    private final double climbTolerance;
    /** Runs that diverged at their start point, before a step (the objective not finite there). */
    private long divergedAtStart;
    /** Runs that diverged on the way at a point where the objective is not defined ({@link #undefinedAt}). */
    private long divergedUndefined;
    /**
     * Runs that diverged on the way with a value past the divergence limit in the goal's direction
     * (below -limit, as minimised): the objective falls without bound along their way.
     */
    private long divergedUnbounded;
    /**
     * Runs that diverged on the way with a value past the divergence limit against the goal's
     * direction (above +limit, as minimised): steps that overshoot, landing ever higher.
     */
    private long divergedOvershooting;
    private String firstFailure;

    /** An aggregator that keeps the starts' values, beyond {@link #START_VALUES_IN_MEMORY}, in a temporary file. */
    public Aggregator(Plan plan) {
        this(plan, null);
    }

    /**
     * An aggregator for {@code plan}'s runs; {@code startValuesFile}: where the starts' values go
     * in a sweep of more than {@link #START_VALUES_IN_MEMORY} starts (created when needed, removed
     * by {@link #finish}); null: a temporary file.
     */
    public Aggregator(Plan plan, java.nio.file.Path startValuesFile) {
        this.plan = plan;
        this.config = plan.config();
        this.n = plan.starts().dimension();
        this.comboCount = plan.combos().size();
        this.sign = config.objective().goal().sign();
        this.index = new BasinIndex(n, config.basins().tolerance());
        this.combos = new ComboAccumulator[comboCount];
        this.bestPoints = Paged.doubles(n);
        boolean known = config.objective().knownOptimum().isPresent();
        double knownTarget = known ? sign * config.objective().knownOptimum().getAsDouble() : Double.NaN;
        for (int c = 0; c < comboCount; c++) {
            combos[c] = new ComboAccumulator(knownTarget, config.basins().successTolerance(), config.seed(), c);
        }
        this.startCount = plan.startCount();
        this.explicitStarts = plan.starts().explicitCount();
        startValues = StartValues.create(startCount, startValuesFile);
        startEvaluators = ThreadLocal.withInitial(() -> new StartEvaluator(plan));
        this.climbTolerance = config.basins().successTolerance();
        this.paired = PairedOutcomes.create(startCount, comboCount, knownTarget,
                config.basins().successTolerance());
    }

    /**
     * Computes, on the worker thread that ran the batch, the cells each end point's basin lookup
     * will read (see {@link BasinIndex}): the merge thread, which alone assigns basins, then
     * only looks them up.
     */
    @Override
    public void prepare(Batch b) {
        int k = index.hashed();
        long[] cell = new long[k];
        long[] probe = new long[k];
        int[] options = new int[k];
        if (b.probeFrom.length < b.size) {
            b.probeFrom = new int[b.size];
            b.probeCount = new int[b.size];
        }
        int at = 0;
        for (int i = 0; i < b.size; i++) {
            if (!hasBasin(Status.of(b.status[i]))) {
                b.probeCount[i] = 0;
                continue;
            }
            if (b.probes.length < at + BasinIndex.MAX_PROBES) {
                b.probes = Arrays.copyOf(b.probes, Math.max(2 * b.probes.length, at + BasinIndex.MAX_PROBES));
            }
            int count = index.probes(b.end, i * n, b.probes, at, cell, probe, options);
            b.probeFrom[i] = at;
            b.probeCount[i] = count;
            at += count == BasinIndex.SCAN ? 1 : count;
        }
        b.probeTotal = at;
        if (b.firstRun < startCount) {
            startValues(b);
        }
        b.probesReady = true;
    }

    /**
     * The values of the batch's runs of the first combo (run k starts from start k) into {@code
     * b.startValue}, minimised, for {@link #startValues}: one evaluation a start, as the run's
     * first step made it (NaN where not finite, which no comparison passes). A run that failed
     * may have failed there, so its start's value is NaN, as it is where the objective throws.
     */
    private void startValues(Batch b) {
        StartEvaluator e = startEvaluators.get();
        for (int i = 0; i < b.size && b.firstRun + i < startCount; i++) {
            double v = Double.NaN;
            if (Status.of(b.status[i]) != Status.FAILED) {
                System.arraycopy(b.start, i * n, e.x, 0, n);
                try {
                    v = e.f.evaluate(e.x, e.gradient);
                } catch (RuntimeException | StackOverflowError x) {
                    // as the worker records a run that throws (Worker.runOne): not a value
                }
            }
            b.startValue[i] = v;
        }
    }

    /** Both stages, {@link #first} then the statistics, on the calling thread. */
    @Override
    public void accept(Batch b) {
        if (!b.basinsReady) {
            first(b);
        }
        tally(b);
    }

    @Override
    public boolean staged() {
        return true;
    }

    /**
     * The first stage of {@link #accept}: each run's basin (provisional id, -1 for a run that
     * diverged or failed) into {@code b.basin}, in run order. It uses the basin index alone, and
     * the second stage ({@link #accept} of a batch so marked) never touches the index, so the
     * engine may run the two stages on two threads, each batch by batch in run order.
     */
    @Override
    public void first(Batch b) {
        if (!b.probesReady) {
            // a batch read back from the journal, or fed here directly
            prepare(b);
        }
        index.touch(b.probes, 0, b.probeTotal);
        if (b.basin.length < b.size) {
            b.basin = new int[Math.max(b.size, b.value.length)];
        }
        for (int i = 0; i < b.size; i++) {
            b.basin[i] = hasBasin(Status.of(b.status[i]))
                    ? index.assign(b.end, i * n, b.probes, b.probeFrom[i], b.probeCount[i]) : -1;
        }
        b.basinsReady = true;
    }

    /** Variables up to which {@link #curvature} forms the Hessian at a built-in's known minimiser. */
    public static final int CURVATURE_DIMENSION = 100;

    /**
     * The known minimum at which {@link #curvature} takes the Hessian where no run confirmed one:
     * that of a built-in being minimised in up to {@value #CURVATURE_DIMENSION} variables (a dense
     * Hessian, formed once: in 10 000 it alone would take 800 MB); null otherwise.
     */
    public static multistart.objective.Builtin.Minimum knownMinimum(ExperimentConfig config) {
        multistart.objective.Builtin builtin = config.objective().builtin();
        int n = config.objective().dimension();
        if (builtin == null || config.objective().goal() != multistart.config.Goal.MINIMIZE
                || n > CURVATURE_DIMENSION) {
            return null;
        }
        multistart.objective.Builtin.Minimum known = builtin.minimum(n);
        return known == null || known.points().isEmpty() ? null : known;
    }

    /**
     * The Hessian's largest eigenvalue at the best confirmed minimum (from its check), or, where
     * no run confirmed one, at the first point of {@link #knownMinimum} (the classifier's Hessian
     * there); null where neither is known. What a constant rate must stay under (twice its
     * inverse, for gd) to settle there.
     */
    private Findings.Curvature curvature(Minima minima) {
        for (int r = 0; r < minima.size(); r++) {
            if (minima.kind(r) == Kind.MINIMUM) {
                Findings.Minimum m = minima.get(r);
                double[] e = m.hessianExtremes();
                return e.length == 2 ? new Findings.Curvature(Classifier.largestInSize(e), "basin " + m.basin()) : null;
            }
        }
        multistart.objective.Builtin.Minimum known = knownMinimum(config);
        if (known == null) {
            return null;
        }
        double largest = new Classifier(plan.objective(), config.basins().tolerance())
                .curvatureAtMinimum(known.points().get(0));
        // (ackley's minimum is a cone's tip: no curvature to speak of)
        return Double.isFinite(largest) ? new Findings.Curvature(largest, "the known minimum") : null;
    }

    /**
     * Whether diverged run {@code i} of the batch ended where the objective is not defined: its
     * value or gradient is NaN at an end point whose coordinates are all finite and within the
     * divergence limit, so it neither grew without bound nor walked off to infinity but stepped
     * across the edge of the function's domain (a log, a root or a fractional power of a
     * negative number; 0/0).
     */
    private static boolean undefinedAt(Batch b, int i, double limit) {
        if (!Double.isNaN(b.value[i]) && !Double.isNaN(b.gradientNorm[i])) {
            return false;
        }
        for (int k = i * b.dimension, end = k + b.dimension; k < end; k++) {
            if (!(Math.abs(b.end[k]) <= limit)) {
                return false;
            }
        }
        return true;
    }

    /** The second stage: counts, best points and per-combo statistics, given the basins. */
    private void tally(Batch b) {
        startValuesOf(b);
        if (lastBasins.length < b.size) {
            lastBasins = new int[b.size];
        }
        lastBatchFirst = b.firstRun;
        for (int i = 0; i < b.size; i++) {
            long run = b.firstRun + i;
            int c = plan.comboOf(run);
            Status s = Status.of(b.status[i]);
            runsSeen++;
            ComboAccumulator acc = combos[c];
            acc.runs++;
            int it = b.iterations[i];
            acc.steps += it;
            acc.stepsSquared += (double) it * it;
            acc.count[s.ordinal()]++;
            if (s == Status.DIVERGED) {
                diverged(b, i, c);
            }
            if (s == Status.FAILED && firstFailure == null && b.failure != null) {
                firstFailure = failure(run, b.failure[i]);
            }
            int id = b.basin[i];
            if (paired != null) {
                // a run with no end point (diverged, failed) fails
                paired.add(c, run - (long) c * startCount, id < 0 ? Double.NaN : b.value[i]);
            }
            if (id < 0) {
                lastBasins[i] = -1;
                continue;
            }
            double v = b.value[i];
            // the first run of a new basin? (ids are given in run order)
            boolean fresh = id == basinCount;
            if (fresh) {
                newBasin(b, i, id, run, c);
            }
            long[] row = basins.page(id);
            int at = basins.at(id);
            if (!fresh) {
                if (v < Double.longBitsToDouble(row[at + BEST_VALUE])) {
                    System.arraycopy(b.end, i * n, bestPoints.page(id), bestPoints.at(id), n);
                    row[at + BEST_VALUE] = Double.doubleToRawLongBits(v);
                    row[at + BEST_RUN] = run;
                }
                if (row[at + COMBO] != c) {
                    nextCombo(row, at, c);
                }
            }
            row[at + HITS]++;
            row[at + COMBO_HITS]++;
            acc.add(v, b.iterations[i]);
            double sv = b.startValue[i];
            // beyond rounding too, where the tolerance is finer
            if (v - sv > climbTolerance && v - sv > ExperimentConfig.BasinsConfig.roundingAllowance(sv)) {
                acc.climbed++;
            }
            lastBasins[i] = id;
        }
        if (explicitStarts > 0) {
            explicitRuns(b);
        }
    }

    /*
     * tally's rare paths, methods of their own: inlined, they more than doubled what C2 compiled
     * for tally (twice: on-stack, then whole) while a sweep's workers were running.
     */

    /**
     * Keeps the start values of the batch's runs of the first combo ({@link #startValues(Batch)}
     * evaluated them) and gives those of later combos' runs theirs, read back, so that {@code
     * b.startValue} holds every run's. Start by start in run order, a combo's stretch at a time.
     */
    private void startValuesOf(Batch b) {
        for (int i = 0; i < b.size;) {
            long run = b.firstRun + i;
            int c = plan.comboOf(run);
            long k = run - (long) c * startCount;
            int len = (int) Math.min(b.size - i, startCount - k);
            if (c == 0) {
                startValues.put(k, b.startValue, i, len);
            } else {
                startValues.get(k, b.startValue, i, len);
            }
            i += len;
        }
    }

    /** One thread's copy of the objective, and its buffers, for {@link #startValues(Batch)}. */
    private static final class StartEvaluator {
        final multistart.objective.Objective f;
        final double[] x;
        final double[] gradient;

        StartEvaluator(Plan plan) {
            f = plan.objective().forWorker();
            x = new double[plan.starts().dimension()];
            gradient = new double[x.length];
        }
    }

    /** Counts diverged run {@code i} of {@code b} (combo {@code c}) by how it diverged. */
    private void diverged(Batch b, int i, int c) {
        if (b.iterations[i] == 0) {
            divergedAtStart++;
            return;
        }
        double limit = plan.combos().get(c).divergence();
        if (undefinedAt(b, i, limit)) {
            divergedUndefined++;
        } else if (b.value[i] <= -limit) {
            divergedUnbounded++;
        } else if (b.value[i] >= limit) {
            divergedOvershooting++;
        }
    }

    private static String failure(long run, String why) {
        return "run " + run + ": " + why;
    }

    /** Opens basin {@code id} (the next one) with run {@code i} of {@code b}, its first run. */
    private void newBasin(Batch b, int i, int id, long run, int c) {
        basins.ensure(id);
        bestPoints.ensure(id);
        basinCount++;
        long[] row = basins.page(id);
        int at = basins.at(id);
        System.arraycopy(b.end, i * n, bestPoints.page(id), bestPoints.at(id), n);
        row[at + BEST_VALUE] = Double.doubleToRawLongBits(b.value[i]);
        row[at + BEST_RUN] = run;
        row[at + COMBO] = c;
        row[at + EARLIER] = -1;
    }

    /**
     * Notes the batch's runs from explicit starts that ended in a basin, for the census: a pass of
     * its own after tally's loop, which it leaves as it was (the merge's per-run loop is hot).
     */
    private void explicitRuns(Batch b) {
        for (int i = 0; i < b.size; i++) {
            long run = b.firstRun + i;
            int c = plan.comboOf(run);
            if (run - (long) c * startCount >= explicitStarts || lastBasins[i] < 0) {
                continue;
            }
            if (explicitRuns.length < 2 * explicitRunCount + 2) {
                explicitRuns = Arrays.copyOf(explicitRuns, Math.max(16, 2 * explicitRuns.length));
            }
            explicitRuns[2 * explicitRunCount] = c;
            explicitRuns[2 * explicitRunCount + 1] = lastBasins[i];
            explicitRunCount++;
        }
    }

    /**
     * Each combo's {@link MinimaCensus}, from its runs from sampled starts; empty when every
     * start is explicit. Call once the basins are ranked and merged ({@link #rank} final).
     */
    private List<MinimaCensus> census(Minima minima) {
        if (startCount == explicitStarts) {
            return List.of();
        }
        java.util.Map<Long, Integer> explicit = new java.util.HashMap<>();
        for (int k = 0; k < explicitRunCount; k++) {
            explicit.merge((long) rank[explicitRuns[2 * k + 1]] * comboCount + explicitRuns[2 * k], 1, Integer::sum);
        }
        return MinimaCensus.of(minima, comboCount, explicit);
    }

    /** Whether a run that ended so is assigned a basin: not when it diverged or failed. */
    private static boolean hasBasin(Status s) {
        return s != Status.DIVERGED && s != Status.FAILED;
    }

    /** Provisional basin of slot {@code i} of the batch just accepted, -1 for diverged or failed. */
    public int basinOf(Batch b, int i) {
        if (b.firstRun != lastBatchFirst) {
            throw new IllegalStateException("basins are only known for the last batch");
        }
        return lastBasins[i];
    }

    /**
     * Moves a basin's current (combo, hits) pair (its row at {@code at}) to {@link #earlier};
     * combo {@code c} starts.
     */
    private void nextCombo(long[] row, int at, int c) {
        if (c < row[at + COMBO]) {
            throw new IllegalStateException("runs out of order: combo " + c + " after " + row[at + COMBO]);
        }
        int k = earlierCount++;
        earlier.ensure(k);
        long[] e = earlier.page(k);
        int ea = earlier.at(k);
        e[ea] = row[at + COMBO];
        e[ea + 1] = row[at + COMBO_HITS];
        e[ea + 2] = row[at + EARLIER];
        row[at + COMBO] = c;
        row[at + COMBO_HITS] = 0;
        row[at + EARLIER] = k;
    }

    /** Pair {@code k} of {@link #earlier}'s field {@code field}: 0 its combo, 1 its hits, 2 the pair before. */
    private long earlier(long k, int field) {
        return earlier.page((int) k)[earlier.at((int) k) + field];
    }

    /**
     * Basin {@code id}'s hits per combo, sparse: (combo, hits) pairs in increasing combo order,
     * combos without hits left out.
     */
    private long[] comboHits(int id) {
        long[] row = basins.page(id);
        int at = basins.at(id);
        int pairs = 1;
        for (long k = row[at + EARLIER]; k >= 0; k = earlier(k, 2)) {
            pairs++;
        }
        long[] out = new long[2 * pairs];
        out[2 * pairs - 2] = row[at + COMBO];
        out[2 * pairs - 1] = row[at + COMBO_HITS];
        int p = pairs - 1;
        for (long k = row[at + EARLIER]; k >= 0; k = earlier(k, 2)) {
            p--;
            out[2 * p] = earlier(k, 0);
            out[2 * p + 1] = earlier(k, 1);
        }
        return out;
    }

    /** Rank of each provisional basin (0 = best), after {@link #finish}. */
    private int[] rank = new int[0];

    /** Final basin number (1 = best) of a provisional id; empty string for -1. */
    public int finalBasin(int provisional) {
        return rank[provisional] + 1;
    }

    /**
     * The final basin number of an end point found outside the sweep (the basin map's raster),
     * or 0 when it is within tolerance of no basin the sweep found. Call after {@link #finish}.
     */
    public int basinAt(double[] endPoint) {
        if (index == null) {
            throw new IllegalStateException("the basin index was released: output.charts is false");
        }
        int id = index.find(endPoint, 0);
        return id < 0 ? 0 : rank[id] + 1;
    }

    /** Final values of all finished runs, sorted best first, thinned to at most {@code max} (user's sign). */
    public double[] waterfall(int max) {
        int total = 0;
        for (ComboAccumulator c : combos) {
            total += c.kept;
        }
        double[] all = new double[total];
        int k = 0;
        for (ComboAccumulator c : combos) {
            System.arraycopy(c.values, 0, all, k, c.kept);
            k += c.kept;
        }
        Arrays.sort(all);
        int m = Math.min(max, total);
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            int j = m == 1 ? 0 : (int) ((long) i * (total - 1) / (m - 1));
            out[i] = sign * all[j];
        }
        return out;
    }

    /**
     * Unresolved end points (ranked by value) whose Hessian eigenvalues and per-combo hits are
     * gathered for the reports (result.json lists these in full, the rest as a count); beyond
     * these, a point plainly not stationary skips the eigendecomposition, and its per-combo hits
     * are left empty.
     */
    public static final int DETAILED_UNRESOLVED = 1000;
    /**
     * An unresolved end point whose Hessian is positive definite and whose Newton step to the
     * minimum is at most this fraction of the domain's widest side counts as near a minimum
     * ({@link Findings.NearMinima}): a run that stopped short of it by more than the basin
     * tolerance, which the reports then say.
     */
    static final double NEAR_MINIMUM = 1e-3;
    /**
     * How far from an unresolved end point a kink is looked for ({@link Classifier#besideKink}),
     * as a fraction of the domain's widest side: the runs that oscillate across one end within a
     * step of it.
     */
    static final double KINK_REACH = 1e-2;

    /** Ranks the basins, classifies them, and summarises the combos. */
    public Findings finish() {
        return finish(1);
    }

    /**
     * As {@link #finish()}, classifying the basins on {@code threads} threads (each basin's
     * verdict depends only on its point, so the result is the same for any thread count).
     */
    public Findings finish(int threads) {
        if (!config.output().charts()) {
            // the basin map alone looks points up after the sweep: without charts the index's
            // memory (about a third of what each distinct end point holds) goes before the
            // findings, which take as much again, are built
            index = null;
        }
        int m = basinCount;
        double[] bestValue = new double[m];
        for (int id = 0; id < m; id++) {
            bestValue[id] = Double.longBitsToDouble(basins.page(id)[basins.at(id) + BEST_VALUE]);
        }
        int[] order = byValue(bestValue, m);
        rank = new int[m];
        // the points in rank order: every pass below (the checks, the columns, the reports after
        // them) then walks memory forwards instead of jumping about it by basin id (with 9e5
        // distinct end points that took a second of a sweep's finish)
        double[] points = new double[m * n];
        for (int r = 0; r < m; r++) {
            int id = order[r];
            rank[id] = r;
            System.arraycopy(bestPoints.page(id), bestPoints.at(id), points, r * n, n);
        }
        // finish runs once: what the basins held is in the columns from here on
        bestPoints = null;
        byte[] kinds = new byte[m];
        double[] gradientNorms = new double[m];
        double[][] eigenvalues = new double[m][];
        boolean[] extremesOnly = new boolean[m];
        double[] toMinimum = new double[m];
        java.util.Arrays.fill(toMinimum, Double.NaN);
        double best = m == 0 ? Double.NaN : bestValue[order[0]];
        boolean known = config.objective().knownOptimum().isPresent();
        double knownTarget = known ? sign * config.objective().knownOptimum().getAsDouble() : Double.NaN;
        double tol = config.basins().successTolerance();
        // basins each combo reached, in one pass over the blocks
        // (each basin's combos are distinct: its current one and those in `earlier`)
        int[] reached = new int[comboCount];
        for (int id = 0; id < m; id++) {
            reached[(int) basins.page(id)[basins.at(id) + COMBO]]++;
        }
        for (int k = 0; k < earlierCount; k++) {
            reached[(int) earlier(k, 0)]++;
        }
        long unchecked;
        long nearPoints = 0;
        long nearRuns = 0;
        double nearStep = 0;
        long flatPoints = 0;
        long flatRuns = 0;
        long kinkPoints = 0;
        long kinkRuns = 0;
        int kinkChecked;
        boolean[] kinked = new boolean[m];
        Minima minima;
        // the target, once the end points are classified
        double target;
        int confirmed;
        Findings.ComboSummary[] summaries = new Findings.ComboSummary[comboCount];
        Findings.LowestStart lowestStart;
        // the pool's threads end with this block, however it ends (a sweep that ran out of memory
        // here must fail, not wait on them)
        try (multistart.engine.WatchedPool pool = new multistart.engine.WatchedPool(threads, "multistart-analysis")) {
            Verdicts verdicts = new Verdicts(plan.objective(), config.basins().tolerance(), points);
            unchecked = verdicts.fill(kinds, gradientNorms, eigenvalues, extremesOnly, toMinimum, pool);
            kinkChecked = verdicts.kinks(kinds, KINK_REACH * config.domain().widest(), kinked, pool);
            Box box = config.domain();
            double edge = config.basins().tolerance();
            // each basin's figures in rank order, gathered in basin order: the rows are read
            // front to back and the figures scattered (stores, which the processor overlaps),
            // where reading the rows in rank order was a chain of cache misses (1.5 s for 5.75e6
            // end points)
            long[] hitsOf = new long[m];
            long[] bestRunOf = new long[m];
            double[] valueOf = new double[m];
            for (int id = 0; id < m; id++) {
                int r = rank[id];
                long[] row = basins.page(id);
                int at = basins.at(id);
                hitsOf[r] = row[at + HITS];
                bestRunOf[r] = row[at + BEST_RUN];
                valueOf[r] = sign * bestValue[id];
            }
            // unresolved points a Newton step from a minimum, a step short against the domain:
            // minima the runs stopped short of by more than the tolerance (see Findings)
            double nearLimit = NEAR_MINIMUM * config.domain().widest();
            for (int r = 0; r < m; r++) {
                // a point beside a kink is said to be that: near a cone's tip (ackley's) the
                // differenced Hessian is positive definite and its Newton step short, but more
                // iterations at a constant rate take such runs no closer
                if (toMinimum[r] <= nearLimit && !kinked[r]) {
                    nearPoints++;
                    nearRuns += hitsOf[r];
                    nearStep = Math.max(nearStep, toMinimum[r]);
                }
                // on a flat-bottomed valley (see Findings.FlatBottomed), from the verdict's columns
                if (kinds[r] == Kind.UNRESOLVED.ordinal() && Classifier.flatBottomed(Kind.UNRESOLVED, eigenvalues[r],
                        gradientNorms[r], config.basins().tolerance())) {
                    flatPoints++;
                    flatRuns += hitsOf[r];
                }
                if (kinked[r]) {
                    kinkPoints++;
                    kinkRuns += hitsOf[r];
                }
            }
            boolean[] onBoundary = new boolean[m];
            boolean[] outside = new boolean[m];
            long[][] comboHits = new long[m][];
            double[] p = new double[n];
            int unresolved = 0;
            for (int r = 0; r < m; r++) {
                System.arraycopy(points, r * n, p, 0, n);
                double dist = box.distanceToBoundary(p);
                onBoundary[r] = dist <= edge;
                outside[r] = dist < 0;
                // the per-combo hits of the points result.json details (see
                // DETAILED_UNRESOLVED): walking a basin's list of earlier combos costs a cache miss
                // a combo, and for 9e5 distinct end points of one-step runs under 18 combos that
                // took 0.7 s for figures no report showed
                if (kinds[r] != Kind.UNRESOLVED.ordinal() || unresolved++ < DETAILED_UNRESOLVED) {
                    comboHits[r] = comboHits(order[r]);
                }
            }
            // finish runs once: the basins' rows are in the columns now
            basins = null;
            earlier = null;
            // shares are over the runs folded in: all of them, or those finished before an interruption
            minima = mergeStationary(new Minima(n, runsSeen, points, valueOf, kinds, hitsOf, bestRunOf,
                    gradientNorms, eigenvalues, extremesOnly, comboHits, onBoundary, outside), reached);
            confirmed = known ? -1 : confirmedPastWalkOff(minima);
            target = known ? knownTarget : confirmed >= 0 ? sign * minima.value(confirmed) : best;
            // the combos' summaries side by side: each sorts up to KEEP (65 536) values for its
            // medians, 0.13 s for 18 such combos on one thread
            if (paired != null) {
                paired.resolve(target);
            }
            // where every run's outcome was kept, successes are counted from it, not from a sample
            pool.forEach(comboCount, c -> summaries[c] = combos[c].summary(plan.combos().get(c), target, tol, sign,
                    reached[c], paired == null ? -1 : paired.successes(c)));
            lowestStart = lowestStart(best, tol);
        }

        // read for the last time by lowestStart (a file of them is removed)
        startValues.close();
        long[] totals = new long[Status.values().length];
        long gradientSteps = 0;
        for (int c = 0; c < comboCount; c++) {
            // the sweep's steps, counted per combo (one sum a run in the merge's loop, not two)
            gradientSteps += combos[c].steps;
            for (int s = 0; s < totals.length; s++) {
                totals[s] += combos[c].count[s];
            }
        }
        return new Findings(minima, List.of(summaries), sign * target, known, confirmed >= 0, runsSeen,
                totals[Status.CONVERGED.ordinal()], totals[Status.STALLED.ordinal()],
                totals[Status.MAX_ITERATIONS.ordinal()], totals[Status.DIVERGED.ordinal()],
                totals[Status.FAILED.ordinal()], divergedAtStart, divergedUndefined, divergedUnbounded,
                divergedOvershooting, gradientSteps, firstFailure, unchecked,
                new Findings.NearMinima(nearPoints, nearRuns, nearStep),
                new Findings.FlatBottomed(flatPoints, flatRuns),
                new Findings.Kinks(kinkPoints, kinkRuns, kinkChecked), curvature(minima), paired, census(minima),
                lowestStart);
    }

    /**
     * The start with the lowest finite value of the minimised objective among those whose runs
     * were folded in (every combo runs from the same starts, and runs merge in order, so those
     * are starts 0 .. min(starts, runs) - 1), in the user's sign, read from the values the merge
     * kept ({@link StartValues}); the lowest index among ties, so the same for any thread count.
     * NaN and the infinities never count: a start where the objective is not finite diverges at
     * once. Null where no start has a finite value.
     */
    private Findings.LowestStart lowestStart(double bestEnd, double tol) {
        long count = Math.min(plan.starts().size(), runsSeen);
        double low = Double.POSITIVE_INFINITY;
        long at = -1;
        double[] values = new double[(int) Math.min(count, 1 << 13)];
        for (long first = 0; first < count; first += values.length) {
            int len = (int) Math.min(values.length, count - first);
            startValues.get(first, values, 0, len);
            for (int i = 0; i < len; i++) {
                if (values[i] < low && values[i] > Double.NEGATIVE_INFINITY) {
                    low = values[i];
                    at = first + i;
                }
            }
        }
        return lowest(at, low, bestEnd, tol);
    }

    /** Start {@code at} (none where negative), of minimised value {@code low}, as the findings hold it. */
    private Findings.LowestStart lowest(long at, double low, double bestEnd, double tol) {
        if (at < 0) {
            return null;
        }
        double[] x = new double[n];
        plan.starts().cursor().point(at, x);
        return new Findings.LowestStart(at, sign * low, x,
                low < bestEnd - Math.max(tol, ExperimentConfig.BasinsConfig.roundingAllowance(bestEnd)));
    }

    /**
     * Without a known optimum, runs are judged against the best value found; but where that
     * best end point is unresolved and outside the domain, it is a run that walked out without
     * settling (the objective falls on without bound, or keeps falling towards an asymptote, as
     * x cos x does), and the value it stopped at is only where max_iterations caught it: a
     * success rate measured against it counts the runs that went as far, 1 of 1600 in a sweep
     * of an objective unbounded along x. There, the best confirmed minimum is the target, and a
     * run succeeds at it or beyond (as against a known optimum): a run that crawled towards a
     * better minimum outside the domain and stopped short of it did better than the target, and
     * is not failed for that. Returns the rank of that minimum, or -1 where the best end point
     * is no such walk-off or no minimum is confirmed.
     */
    static int confirmedPastWalkOff(Minima minima) {
        if (minima.size() == 0 || minima.kind(0) != Kind.UNRESOLVED || !minima.outsideDomain(0)) {
            return -1;
        }
        for (int r = 1; r < minima.size(); r++) {
            if (minima.kind(r) == Kind.MINIMUM) {
                return r;
            }
        }
        return -1;
    }

    /**
     * Stationary end points (minima and saddles) within {@code basins.tolerance} of a better
     * one, merged into it: its runs, and its combos' hits, count for the better one, whose
     * figures (point, value, best run, verdict) stand. Basins form around their first end point,
     * so when some runs stop short of a minimum (at max_iterations, or with a decayed rate) their
     * end points scatter around it and two basins' first points can be more than the tolerance
     * apart while their best points, both at the minimum, are not: Himmelblau was reported with
     * six minima, two of them its own minima a second time, 8e-5 from the first. Unresolved
     * points are left as they are (a sweep of short runs has millions of them, and no point of
     * convergence to merge them at). Adjusts {@code reached}, the distinct basins per combo, and
     * {@link #rank}; returns the merged columns.
     */
    private Minima mergeStationary(Minima all, int[] reached) {
        int m = all.size();
        int stationary = (int) (all.count(Kind.MINIMUM) + all.count(Kind.SADDLE));
        if (stationary < 2) {
            return all;
        }
        // in rank order: a group's first point is its best
        BasinIndex groups = new BasinIndex(n, config.basins().tolerance());
        int[] rowOf = new int[stationary];
        int[] leader = new int[stationary];
        int[] into = new int[stationary];
        long[] hits = new long[stationary];
        long[][] pairs = new long[stationary][];
        double[] p = new double[n];
        int s = 0;
        int merged = 0;
        for (int r = 0; r < m; r++) {
            if (all.kind(r) == Kind.UNRESOLVED) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                p[i] = all.coordinate(r, i);
            }
            rowOf[s] = r;
            hits[s] = all.hits(r);
            pairs[s] = all.comboHitsOf(r);
            int before = groups.size();
            int g = groups.assign(p, 0);
            if (groups.size() > before) {
                leader[g] = s;
                into[s] = s;
            } else {
                int l = leader[g];
                into[s] = l;
                hits[l] += hits[s];
                pairs[l] = mergePairs(pairs[l], pairs[s], reached);
                merged++;
            }
            s++;
        }
        if (merged == 0) {
            return all;
        }
        // row[r]: where row r goes, or -1 - the row it was merged into
        int[] row = new int[m];
        for (int r = 0; r < m; r++) {
            row[r] = r;
        }
        for (int k = 0; k < stationary; k++) {
            if (into[k] != k) {
                row[rowOf[k]] = -1 - rowOf[into[k]];
            }
        }
        int kept = 0;
        for (int r = 0; r < m; r++) {
            if (row[r] >= 0) {
                row[r] = kept++;
            }
        }
        for (int id = 0; id < rank.length; id++) {
            int r = row[rank[id]];
            rank[id] = r >= 0 ? r : row[-1 - r];
        }
        // the groups' totals, at their leaders' rows (before the rows move)
        int[] leaderRows = new int[groups.size()];
        long[] leaderHits = new long[groups.size()];
        long[][] leaderPairs = new long[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            leaderRows[g] = rowOf[leader[g]];
            leaderHits[g] = hits[leader[g]];
            leaderPairs[g] = pairs[leader[g]];
        }
        return all.compact(row, kept, leaderRows, leaderHits, leaderPairs);
    }

    /**
     * Two basins' (combo, hits) pairs as one basin's, in combo order; a combo both reached
     * counts one distinct basin fewer in {@code reached}.
     */
    private static long[] mergePairs(long[] a, long[] b, int[] reached) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || i < a.length && a[i] < b[j]) {
                out[k++] = a[i++];
                out[k++] = a[i++];
            } else if (i == a.length || b[j] < a[i]) {
                out[k++] = b[j++];
                out[k++] = b[j++];
            } else {
                reached[(int) a[i]]--;
                out[k++] = a[i];
                out[k++] = a[i + 1] + b[j + 1];
                i += 2;
                j += 2;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /**
     * The indices 0 .. m-1 ordered by {@code values} as {@link Double#compare} orders them,
     * equal values in index order: a least-significant-digit radix sort of (key, index) pairs,
     * 11 bits a pass, passes whose digit all keys share skipped; each pass keeps the order of
     * equal digits, so equal values stay in index order. Sorting boxed indices with a comparator
     * took 0.05 s for W2's 82 870 end points and most of a second for 10^6; a merge sort of the
     * indices by their keys 0.22 s for 9e5 (a cache miss a comparison, looking keys up through
     * the indices); this about a sixth of that.
     */
    static int[] byValue(double[] values, int m) {
        long[] key = new long[m];
        int[] a = new int[m];
        for (int i = 0; i < m; i++) {
            // Double.compare's order as unsigned longs: negative values' magnitude bits
            // reversed (signed order), then the sign bit flipped
            long b = Double.doubleToLongBits(values[i]);
            key[i] = (b < 0 ? b ^ Long.MAX_VALUE : b) ^ Long.MIN_VALUE;
            a[i] = i;
        }
        long[] tk = new long[m];
        int[] t = new int[m];
        int[] next = new int[1 << RADIX_BITS];
        for (int shift = 0; shift < Long.SIZE && m > 1; shift += RADIX_BITS) {
            Arrays.fill(next, 0);
            for (int i = 0; i < m; i++) {
                next[(int) (key[i] >>> shift) & RADIX_MASK]++;
            }
            if (next[(int) (key[0] >>> shift) & RADIX_MASK] == m) {
                // every key has this digit: the pass would change nothing
                continue;
            }
            int start = 0;
            for (int d = 0; d < next.length; d++) {
                int c = next[d];
                next[d] = start;
                start += c;
            }
            for (int i = 0; i < m; i++) {
                int at = next[(int) (key[i] >>> shift) & RADIX_MASK]++;
                tk[at] = key[i];
                t[at] = a[i];
            }
            long[] sk = key;
            key = tk;
            tk = sk;
            int[] sa = a;
            a = t;
            t = sa;
        }
        return a;
    }

    private static final int RADIX_BITS = 11;
    private static final int RADIX_MASK = (1 << RADIX_BITS) - 1;
}
