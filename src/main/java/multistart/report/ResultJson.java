package multistart.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import multistart.analysis.Findings;
import multistart.config.Combo;
import multistart.config.ExperimentConfig;
import multistart.config.OptimizerConfig;
import multistart.config.Setting;
import multistart.objective.Box;

/**
 * {@code result.json}: everything in the other files plus the resolved config, version,
 * threads and timing. Non-finite numbers are written as null (JSON has no NaN).
 */
public final class ResultJson {

    /** Unresolved end points written in full; the rest are counted (minima.csv has them all). */
    static final int MAX_UNRESOLVED = multistart.analysis.Aggregator.DETAILED_UNRESOLVED;

    private ResultJson() {
    }

    public static void write(RunRecord r, Writer w) throws IOException {
        ExperimentConfig c = r.plan().config();
        Findings f = r.findings();
        List<String> vars = c.objective().variables();
        multistart.config.Goal goal = c.objective().goal();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("version", r.version());
            g.writeNumberField("seed", c.seed());
            g.writeNumberField("threads", r.threads());
            g.writeBooleanField("complete", r.complete());
            // every result but basins.png written; --resume draws it
            g.writeBooleanField("basin_map_interrupted", r.mapInterrupted());
            config(g, r);
            g.writeObjectFieldStart("timing");
            number(g, "wall_seconds", r.wallSeconds());
            number(g, "total_seconds", r.totalSeconds());
            number(g, "basin_map_seconds", r.mapSeconds());
            g.writeNumberField("gradient_steps", f.gradientSteps());
            number(g, "steps_per_second", r.stepsPerSecond());
            g.writeNumberField("threads", r.threads());
            g.writeNumberField("vector_lanes", r.lanes());
            g.writeEndObject();
            // the machine and the JVM behind the timing, and when the command ran
            Environment env = Environment.here();
            g.writeObjectFieldStart("environment");
            g.writeStringField("java", env.java());
            g.writeStringField("java_vendor", env.vendor());
            g.writeStringField("os", env.os());
            g.writeNumberField("cores", env.cores());
            if (env.started() == null) {
                g.writeNullField("started");
            } else {
                g.writeStringField("started", env.started().toString());
            }
            g.writeStringField("written", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                    .toString());
            g.writeEndObject();

            g.writeObjectFieldStart("runs");
            g.writeNumberField("total", f.runs());
            g.writeNumberField("converged", f.converged());
            g.writeNumberField("stalled", f.stalled());
            g.writeNumberField("max_iterations", f.maxIterations());
            g.writeNumberField("diverged", f.diverged());
            // of them, those that diverged at their start point, before a step
            g.writeNumberField("diverged_at_start", f.divergedAtStart());
            // and those that stepped on the way to where the objective or its gradient is NaN
            g.writeNumberField("diverged_undefined", f.divergedUndefined());
            // past the divergence limit in value: in the goal's direction (unbounded), or against it
            // (steps that overshoot)
            g.writeNumberField("diverged_unbounded", f.divergedUnbounded());
            g.writeNumberField("diverged_overshooting", f.divergedOvershooting());
            g.writeNumberField("failed", f.failed());
            if (f.firstFailure() != null) {
                g.writeStringField("first_failure", f.firstFailure());
            }
            g.writeEndObject();
            g.writeNumberField("hessian_unchecked", f.hessianUnchecked());
            // unresolved points a short Newton step from a minimum (Findings.NearMinima)
            g.writeObjectFieldStart("near_minima");
            Findings.NearMinima near = f.nearMinima();
            g.writeNumberField("points", near.points());
            g.writeNumberField("runs", near.runs());
            // null where there are none
            number(g, "largest_newton_step", near.points() > 0 ? near.largestStep() : Double.NaN);
            g.writeEndObject();
            // unresolved points on a flat-bottomed valley (Findings.FlatBottomed)
            g.writeObjectFieldStart("flat_bottomed");
            g.writeNumberField("points", f.flatBottomed().points());
            g.writeNumberField("runs", f.flatBottomed().runs());
            g.writeEndObject();
            // unresolved points beside a kink (Findings.Kinks), of the best-ranked ones tested
            g.writeObjectFieldStart("kinks");
            g.writeNumberField("points", f.kinks().points());
            g.writeNumberField("runs", f.kinks().runs());
            g.writeNumberField("checked", f.kinks().checked());
            g.writeEndObject();
            // the Hessian's largest eigenvalue at the best confirmed minimum (or a built-in's known
            // one), and the constant rate gd must stay under to settle there: null where not known
            if (f.curvature() == null) {
                g.writeNullField("curvature");
            } else {
                g.writeObjectFieldStart("curvature");
                g.writeStringField("at", f.curvature().where());
                number(g, "largest_eigenvalue", f.curvature().largest());
                number(g, "gd_learning_rate_limit", 2 / f.curvature().largest());
                g.writeEndObject();
            }

            number(g, "target", f.target());
            g.writeStringField("target_source", f.targetKnown() ? "known_optimum"
                    : f.targetConfirmed() ? "best_confirmed" : "best_found");

            // the start with the best value, and whether it beats every end point (Findings.LowestStart)
            Findings.LowestStart low = f.lowestStart();
            if (low == null) {
                g.writeNullField("lowest_start");
            } else {
                g.writeObjectFieldStart("lowest_start");
                g.writeNumberField("start", low.start());
                point(g, vars, low.point());
                number(g, "value", low.value());
                g.writeBooleanField("beats_every_end_point", low.beatsEnds());
                g.writeEndObject();
            }

            // every minimum and saddle in full; unresolved points (often one per run that stopped
            // short) only up to a cap, since minima.csv lists them all
            g.writeNumberField("minima_total", f.minima().size());
            long unresolvedSeen = 0;
            long omitted = 0;
            g.writeArrayFieldStart("minima");
            for (int rank = 0; rank < f.minima().size(); rank++) {
                if (f.minima().kind(rank) == multistart.analysis.Kind.UNRESOLVED && ++unresolvedSeen > MAX_UNRESOLVED) {
                    omitted++;
                    continue;
                }
                Findings.Minimum m = f.minima().get(rank);
                g.writeStartObject();
                g.writeNumberField("basin", m.basin());
                point(g, vars, m.point());
                number(g, "value", m.value());
                g.writeStringField("kind", m.kind().key(goal));
                g.writeNumberField("hits", m.hits());
                number(g, "share", m.share());
                g.writeNumberField("best_run", m.bestRun());
                number(g, "gradient_norm", m.gradientNorm());
                // the user's function's Hessian: when maximising, the negated function's negated
                numbers(g, "hessian_eigenvalues", usersSign(m.eigenvalues(), goal));
                numbers(g, "hessian_extremes", usersSign(m.hessianExtremes(), goal));
                // at a minimum (a maximum when maximising): the constant rate gd must stay under to settle
                // there, 2 / the Hessian's largest eigenvalue in size
                double[] e = m.hessianExtremes();
                if (m.kind() == multistart.analysis.Kind.MINIMUM && e.length == 2) {
                    number(g, "gd_learning_rate_limit", 2 / multistart.analysis.Classifier.largestInSize(e));
                }
                if (m.atKink()) {
                    // no curvature to give: the Hessian's differences straddle the gradient's jump
                    g.writeBooleanField("at_kink", true);
                }
                g.writeBooleanField("on_boundary", m.onBoundary());
                g.writeBooleanField("outside_domain", m.outsideDomain());
                // sparse: combo number -> share of that combo's runs, only combos that reached it
                g.writeObjectFieldStart("share_per_combo");
                long[] pairs = m.comboHits();
                for (int k = 0; k < pairs.length; k += 2) {
                    int combo = (int) pairs[k];
                    long runs = f.combos().get(combo).runs();
                    if (pairs[k + 1] > 0 && runs > 0) {
                        number(g, Integer.toString(combo), (double) pairs[k + 1] / runs);
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeNumberField("unresolved_omitted", omitted);

            g.writeArrayFieldStart("sweep");
            for (Findings.ComboSummary s : f.combos()) {
                g.writeStartObject();
                g.writeNumberField("combo", s.combo().index());
                comboSettings(g, s.combo(), r.plan().config().objective().model() != null);
                g.writeNumberField("runs", s.runs());
                g.writeNumberField("converged", s.converged());
                g.writeNumberField("stalled", s.stalled());
                g.writeNumberField("max_iterations_reached", s.maxIterations());
                g.writeNumberField("diverged", s.diverged());
                g.writeNumberField("failed", s.failed());
                // runs that ended worse than their start (null where the sweep has too many starts to track it)
                g.writeNumberField("climbed", s.climbed());
                g.writeNumberField("successes", s.successes());
                number(g, "success_rate", s.successRate());
                g.writeArrayFieldStart("success_rate_wilson95");
                number(g, s.wilsonLow());
                number(g, s.wilsonHigh());
                g.writeEndArray();
                number(g, "best_value", s.bestValue());
                number(g, "median_value", s.medianValue());
                // over every run, a diverged or failed one counted as the worst: null where half or more did
                number(g, "median_value_all_runs", s.medianAllRuns());
                number(g, "median_iterations", s.medianIterations());
                g.writeNumberField("basins_found", s.basinsFound());
                g.writeNumberField("gradient_steps", s.steps());
                number(g, "steps_per_success", s.stepsPerSuccess());
                double[] costRange = s.stepsPerSuccessInterval();
                g.writeArrayFieldStart("steps_per_success_ci95");
                number(g, costRange[0]);
                number(g, costRange[1]);
                g.writeEndArray();
                if (!f.census().isEmpty()) {
                    census(g, f.census().get(s.combo().index()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            // the order of the reports' sweep tables: by success, or by end value where no run succeeded
            g.writeStringField("sweep_ranked_by", Ranking.noneSucceeded(f.combos()) ? "median_value"
                    : "success_rate, median_iterations");
            g.writeArrayFieldStart("sweep_ranking");
            for (Findings.ComboSummary s : Ranking.rank(f.combos())) {
                g.writeNumber(s.combo().index());
            }
            g.writeEndArray();

            pairedComparison(g, f, r.plan().config().optimizer());
            endValueComparison(g, f, r.plan().config().optimizer());

            // each swept setting's values, the combos with each pooled (two swept settings or more)
            g.writeArrayFieldStart("settings_one_at_a_time");
            for (Effects.Level l : Effects.of(f.combos(), r.plan().config().optimizer())) {
                g.writeStartObject();
                g.writeStringField("setting", l.setting());
                g.writeStringField("value", l.value());
                g.writeNumberField("combos", l.combos());
                g.writeNumberField("runs", l.runs());
                g.writeNumberField("successes", l.successes());
                number(g, "success_rate", l.successRate());
                g.writeNumberField("diverged", l.diverged());
                g.writeNumberField("climbed", l.climbed());
                number(g, "median_of_median_iterations", l.iterations());
                number(g, "steps_per_success", l.stepsPerSuccess());
                // the median of the combos' median_value_all_runs: null where half of those are null
                number(g, "median_of_median_values_all_runs", l.medianValue());
                g.writeNumberField("best_combo", l.best().combo().index());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("trajectories");
            for (multistart.engine.Trajectory t : r.trajectories()) {
                g.writeStartObject();
                g.writeNumberField("run", t.run());
                g.writeNumberField("start", t.start());
                g.writeNumberField("combo", t.combo());
                integers(g, "iterations", t.iterations());
                numbers(g, "values", t.values());
                // in high dimension fewer points than values (Trajectory.maxPoints)
                integers(g, "point_iterations", t.pointIterations());
                points(g, "points", java.util.Arrays.asList(t.points()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void config(JsonGenerator g, RunRecord r) throws IOException {
        ExperimentConfig c = r.plan().config();
        g.writeObjectFieldStart("config");
        g.writeStringField("name", c.name());
        g.writeNumberField("seed", c.seed());
        g.writeObjectFieldStart("objective");
        var model = c.objective().model();
        if (model != null) {
            g.writeStringField("model", model.model().key());
            g.writeStringField("data", model.file());
            g.writeStringField("data_sha256", model.data().sha256());
            g.writeStringField("target", model.target());
            g.writeNumberField("rows", model.data().rows());
            g.writeArrayFieldStart("features");
            for (String f : model.data().features()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ignored_columns");
            for (String f : model.data().ignored()) {
                g.writeString(f);
            }
            g.writeEndArray();
            if (model.fit() != null && model.fit().curvatures() != null) {
                // the Hessian's eigenvalues, smallest first: gd diverges above 2 / the largest
                g.writeArrayFieldStart("hessian_eigenvalues");
                for (double k : model.fit().curvatures()) {
                    number(g, k);
                }
                g.writeEndArray();
                number(g, "gd_learning_rate_limit", model.fit().gdLimit());
                // the unit eigenvector of the smallest: the columns' nearest linear relation
                g.writeArrayFieldStart("flattest_direction");
                for (double v : model.fit().flattest()) {
                    number(g, v);
                }
                g.writeEndArray();
            }
            if (model.exact() != null) {
                // the weights, then the bias, that known_optimum was solved at, and how
                g.writeStringField("solved_by", model.fit().newton() ? "newton" : "least squares");
                g.writeArrayFieldStart("solved_at");
                for (double w : model.exact()) {
                    number(g, w);
                }
                g.writeEndArray();
            }
        } else if (c.objective().builtin() != null) {
            g.writeStringField("builtin", c.objective().builtin().name());
        } else {
            g.writeStringField("expression", c.objective().expression());
        }
        g.writeNumberField("dimension", c.objective().dimension());
        g.writeArrayFieldStart("variables");
        for (String v : c.objective().variables()) {
            g.writeString(v);
        }
        g.writeEndArray();
        g.writeStringField("goal", c.objective().goal().key());
        g.writeStringField("derivatives", c.objective().derivatives().name().toLowerCase(java.util.Locale.ROOT));
        number(g, "difference_step", c.objective().differenceStep());
        if (c.objective().knownOptimum().isPresent()) {
            number(g, "known_optimum", c.objective().knownOptimum().getAsDouble());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("domain");
        Box b = c.domain();
        for (int i = 0; i < b.dimension(); i++) {
            g.writeArrayFieldStart(c.objective().variables().get(i));
            number(g, b.low(i));
            number(g, b.high(i));
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("starts");
        g.writeNumberField("count", c.starts().count());
        g.writeNumberField("total", c.starts().total());
        g.writeStringField("sampler", c.starts().sampler().key());
        g.writeBooleanField("scramble", c.starts().scramble());
        points(g, "points", c.starts().points());
        g.writeEndObject();
        g.writeObjectFieldStart("optimizer");
        OptimizerConfig o = c.optimizer();
        g.writeArrayFieldStart("method");
        for (var m : o.methods()) {
            g.writeString(m.key());
        }
        g.writeEndArray();
        for (Setting s : Setting.values()) {
            double[] v = o.values(s);
            if (v == null && s == Setting.BATCH_SIZE) {
                continue; // not a data-set objective
            }
            if (v == null) {
                g.writeStringField(s.key(), "method default");
                continue;
            }
            g.writeArrayFieldStart(s.key());
            for (double x : v) {
                if (s == Setting.BATCH_SIZE && x == multistart.config.Combo.FULL_BATCH) {
                    g.writeString("full");
                } else if (s.integer()) { // max_iterations [3000], as the combos and sweep.csv write it, not [3000.0]
                    g.writeNumber((long) x);
                } else {
                    number(g, x);
                }
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("basins");
        number(g, "tolerance", c.basins().tolerance());
        number(g, "success_tolerance", c.basins().successTolerance());
        g.writeEndObject();
        g.writeObjectFieldStart("output");
        g.writeStringField("dir", c.output().dir().toString());
        g.writeStringField("runs", c.output().runs() ? "all" : "none");
        g.writeNumberField("trajectories", c.output().trajectories());
        g.writeBooleanField("charts", c.output().charts());
        // as drawn: the default is lowered in high dimension (Plan.mapResolution)
        g.writeNumberField("basin_resolution", r.plan().mapResolution());
        if (c.output().basinCombo() < 0) {
            g.writeStringField("basin_combo", "best");
        } else {
            g.writeNumberField("basin_combo", c.output().basinCombo());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("execution");
        g.writeNumberField("threads", c.execution().threads());
        g.writeStringField("engine", c.execution().engine());
        g.writeEndObject();
        g.writeNumberField("combos", r.plan().combos().size());
        g.writeNumberField("runs", r.plan().runCount());
        // what is valid but likely not meant (file:line:column: key: message; ExperimentConfig.warnings)
        g.writeArrayFieldStart("warnings");
        for (multistart.config.Problem w : c.warnings()) {
            g.writeString(w.toString());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The first-ranked combo against each other, start by start (see {@link Ranking#compared}):
     * null where no run's outcome was kept per start (one combo, no success, or a sweep of more
     * runs than are kept for it).
     */
    private static void pairedComparison(JsonGenerator g, Findings f, OptimizerConfig optimizer) throws IOException {
        List<Ranking.Comparison> compared = Ranking.compared(f.combos(), optimizer, f.paired());
        if (compared.isEmpty()) {
            g.writeNullField("paired_comparison");
            return;
        }
        g.writeObjectFieldStart("paired_comparison");
        g.writeStringField("test", "McNemar exact, two-sided; Holm's adjustment over the comparisons with the first");
        number(g, "level", Ranking.ALPHA);
        g.writeNumberField("first", Ranking.rank(f.combos()).get(0).combo().index());
        g.writeArrayFieldStart("against");
        for (Ranking.Comparison c : compared) {
            g.writeStartObject();
            g.writeNumberField("combo", c.other().combo().index());
            g.writeNumberField("common_starts", c.common());
            g.writeNumberField("first_only", c.firstOnly());
            g.writeNumberField("this_only", c.otherOnly());
            number(g, "p_value", c.p());
            g.writeBooleanField("apart", c.apart());
            // the same runs as an earlier combo's: its comparison, not counted again by Holm's adjustment
            g.writeBooleanField("repeats_earlier_combo", c.repeat());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Where no run succeeded, the first two combos as ranked compared start by start on which
     * ends better ({@link Ranking#endValues}); null otherwise, or where the sweep has more runs
     * than their values are kept for.
     */
    private static void endValueComparison(JsonGenerator g, Findings f, OptimizerConfig optimizer)
            throws IOException {
        Ranking.EndValueSplit e = Ranking.endValues(f.combos(), optimizer, f.paired());
        if (e == null) {
            g.writeNullField("paired_end_values");
            return;
        }
        g.writeObjectFieldStart("paired_end_values");
        g.writeStringField("test", "sign test, two-sided, on the starts where one combo ends better than the other by"
                + " more than basins.success_tolerance (a diverged run worse than any)");
        g.writeNumberField("first", e.first().combo().index());
        g.writeNumberField("next", e.next().combo().index());
        g.writeNumberField("first_better", e.firstBetter());
        g.writeNumberField("next_better", e.nextBetter());
        number(g, "p_value", e.p());
        g.writeEndObject();
    }

    /** A combo's settings; {@code model}: a data-set objective, whose combos have a batch size. */
    private static void comboSettings(JsonGenerator g, Combo c, boolean model) throws IOException {
        g.writeStringField("method", c.method().key());
        for (Setting s : Setting.values()) {
            String key = s.column();
            if (s == Setting.BATCH_SIZE) {
                if (!model) {
                    continue;
                }
                if (c.batchSize() == Combo.FULL_BATCH) {
                    g.writeStringField(key, "full");
                } else {
                    g.writeNumberField(key, c.batchSize());
                }
            } else if (!c.method().uses(s)) {
                // gd's momentum, say: no value was applied
                g.writeNullField(key);
            } else if (s.integer()) {
                g.writeNumberField(key, (long) c.value(s));
            } else {
                number(g, key, c.value(s));
            }
        }
    }

    private static void integers(JsonGenerator g, String field, int[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private static void numbers(JsonGenerator g, String field, double[] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (double v : values) {
            number(g, v);
        }
        g.writeEndArray();
    }

    private static void points(JsonGenerator g, String field, List<double[]> points) throws IOException {
        g.writeArrayFieldStart(field);
        for (double[] p : points) {
            g.writeStartArray();
            for (double x : p) {
                number(g, x);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /**
     * Ascending eigenvalues (all of them, or the least and the greatest) of the function
     * descended on, as the user's function has them: negated and so in reverse order when
     * maximising; as they are otherwise (null stays null).
     */
    static double[] usersSign(double[] ascending, multistart.config.Goal goal) {
        if (ascending == null || goal == multistart.config.Goal.MINIMIZE) {
            return ascending;
        }
        double[] out = new double[ascending.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = -ascending[ascending.length - 1 - i];
        }
        return out;
    }

    /** {"point": {var: value, ...}}, the coordinates named. */
    private static void point(JsonGenerator g, List<String> vars, double[] p) throws IOException {
        g.writeObjectFieldStart("point");
        for (int i = 0; i < vars.size(); i++) {
            number(g, vars.get(i), p[i]);
        }
        g.writeEndObject();
    }

    /** A count, or null where it is negative (not counted). */
    private static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        number(g, v);
    }

    /**
     * A finite double in the CSV files' digits (Numbers.exact, the shortest that reads back), or
     * null. Written as Numbers.exact writes it rather than by Jackson's own conversion (the same
     * algorithm, the same digits): one conversion for the JIT to compile in a short command,
     * not two (W3's command 2% shorter, stop 26).
     */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(Numbers.exact(v));
        } else {
            g.writeNull();
        }
    }

    /**
     * A combo's {@link multistart.analysis.MinimaCensus}: the runs and minima it rests on, Chao's
     * and Good and Turing's estimates and the verdict from them, and Boender and Rinnooy Kan's
     * (null where the posterior has none).
     */
    private static void census(JsonGenerator g, multistart.analysis.MinimaCensus m) throws IOException {
        g.writeObjectFieldStart("minima_census");
        g.writeStringField("counted", "runs from sampled starts that ended at a confirmed minimum (maximum, when "
                + "maximising)");
        g.writeNumberField("runs_at_minima", m.runs());
        g.writeNumberField("minima_found", m.found());
        g.writeNumberField("reached_once", m.once());
        g.writeNumberField("reached_twice", m.twice());
        number(g, "chao1_minima", m.chao());
        number(g, "good_turing_unseen_share", m.goodTuringUnseen());
        g.writeBooleanField("likely_complete", m.likelyComplete());
        g.writeObjectFieldStart("boender_rinnooy_kan");
        number(g, "expected_minima", m.expected());
        number(g, "all_found_probability", m.allFound());
        number(g, "unseen_share", m.unseenShare());
        g.writeBooleanField("stopping_rule_holds", m.bayesianComplete());
        if (m.found() > 0) {
            g.writeNumberField("runs_for_rule", m.runsForComplete());
        } else {
            g.writeNullField("runs_for_rule");
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
