package multistart.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import multistart.analysis.Findings;
import multistart.config.Combo;
import multistart.config.ExperimentConfig;
import multistart.engine.Trajectory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * convergence.png: the sample runs' values (or their distance to the best value found, on a log
 * scale) against the iteration, one colour per combo; for a function of one variable, beside it,
 * the runs' steps on the function itself.
 */
public final class ConvergenceChart {

    private ConvergenceChart() {
    }

    /**
     * The combos every one of whose sample lines a later-drawn line of another combo covers (the
     * same iterations, values within a millionth), each with that combo; their legend entries say
     * so. gd at rates 0.1 and 0.9 on (x - 1)^2 multiply the distance to the minimum by 0.8 a step
     * alike (one from one side, one zig-zagging), and the step-size example's chart showed three
     * lines for four combos.
     */
    static Map<Integer, Integer> hidden(List<Trajectory> runs, List<double[]> lines) {
        Map<Integer, Integer> under = new LinkedHashMap<>();
        Map<Integer, Boolean> all = new LinkedHashMap<>();
        for (int j = 0; j < lines.size(); j++) {
            Trajectory t = runs.get(j);
            Integer cover = null;
            for (int i = j + 1; i < lines.size() && cover == null; i++) {
                Trajectory o = runs.get(i);
                if (o.combo() != t.combo() && java.util.Arrays.equals(o.iterations(), t.iterations())
                        && close(lines.get(i), lines.get(j))) {
                    cover = o.combo();
                }
            }
            if (lines.get(j).length == 0) {
                continue;
            }
            all.merge(t.combo(), cover != null, Boolean::logicalAnd);
            if (cover != null) {
                under.putIfAbsent(t.combo(), cover);
            }
        }
        under.keySet().removeIf(combo -> !all.get(combo));
        return under;
    }

    /** "combo 0: learning_rate 0.1", and " (under combo 2's line)" where its lines are hidden. */
    private static String legendEntry(ExperimentConfig c, Combo combo, Map<Integer, Integer> under) {
        Integer cover = under.get(combo.index());
        return "combo " + combo.index() + Charts.describe(c.optimizer(), combo)
                + (cover == null ? "" : " (under combo " + cover + "'s line)");
    }

    private static boolean close(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= 1e-6 * Math.max(Math.abs(a[i]), Math.abs(b[i])))) {
                return false;
            }
        }
        return true;
    }

    /** Value (or its distance to the best value, log-scaled) against iteration, one colour per combo. */
    public static byte[] draw(RunRecord r) throws IOException {
        ExperimentConfig c = r.plan().config();
        Findings f = r.findings();
        // the gap to the known optimum where there is one: to the best value found, a run that
        // found it (a one-run sweep's only run) dived to 1e-16 at its last step however far it
        // was from the optimum (quadratic-article's run, 0.07 above it)
        String from = gapName(f, c.objective().goal());
        double best = gapFrom(f);
        boolean log = Double.isFinite(best);
        // the lines first: whether one ends early, and how high they reach, go into the title
        List<double[]> lines = new ArrayList<>();
        boolean ended = false;
        // the largest gap at a start, and the largest anywhere: a diverging run climbs to 1e18
        // and more, which squeezed every other run's decades together
        double startTop = 0;
        double top = 0;
        double bottom = Double.POSITIVE_INFINITY;
        for (Trajectory t : r.trajectories()) {
            double[] y = plotted(t.values(), best, log);
            lines.add(y);
            ended |= y.length < t.values().length;
            if (y.length > 0) {
                startTop = Math.max(startTop, y[0]);
            }
            for (double v : y) {
                top = Math.max(top, v);
                if (v > 0) {
                    bottom = Math.min(bottom, v);
                }
            }
        }
        Map<Integer, Integer> under = hidden(r.trajectories(), lines);
        // wider where the legend's entries are long (four swept settings: 90 characters), which
        // XChart cuts off at the picture's edge otherwise
        int longest = 0;
        for (Trajectory t : r.trajectories()) {
            longest = Math.max(longest, legendEntry(c, r.plan().combos().get(t.combo()), under).length());
        }
        double cap = convergenceCap(log, startTop, top);
        String title = "Convergence of " + Numbers.count(r.trajectories().size(), "sample run", "sample runs")
                + (!ended ? "" : log ? " (a line ends where its run's value stops being finite)"
                        : " (a line ends where its run's value passes 1e300 or stops being finite)")
                + (cap > 0 ? " (diverging runs leave the top)" : "");
        int legend = Math.max(longest, Charts.LEGEND_CHARACTERS) * Charts.LEGEND_CHARACTER_WIDTH;
        // XChart centres the title over the plot, between the value axis's labels and the
        // legend, and cuts off at the picture's edges what does not fit
        int longer = Math.max(0, longest - Charts.LEGEND_CHARACTERS) * Charts.LEGEND_CHARACTER_WIDTH;
        int width = Math.max(Charts.PANEL_WIDTH * 3 / 2 + longer,
                Charts.titleWidth(title) + legend + Charts.TITLE_MARGIN);
        XYChart chart = new XYChartBuilder().width(width).height(Charts.PANEL_HEIGHT).title(title)
                .xAxisTitle("iteration").yAxisTitle(!log ? "value" : "|value - " + from + "| (log scale)").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisLogarithmic(log);
        // XChart labels a log axis at powers of ten only: lines between two of them (a short run,
        // a slow rate) were drawn against an axis with no label at all
        if (log) {
            AxisScales.labelLogAxis(chart.getStyler(), false, bottom, top);
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        // markers only on runs of one point (a line of one point draws nothing)
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setXAxisDecimalPattern("#");
        // each combo its colour, in the order the combos first appear (combo numbers modulo the
        // palette gave two of a 200-combo sweep's samples one colour)
        Map<Integer, Integer> colours = new LinkedHashMap<>();
        int k = 0;
        for (int j = 0; j < lines.size(); j++) {
            Trajectory t = r.trajectories().get(j);
            double[] y = lines.get(j);
            if (y.length == 0) {
                continue;
            }
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = t.iterations()[i];
            }
            Combo combo = r.plan().combos().get(t.combo());
            boolean first = !colours.containsKey(t.combo());
            if (first) {
                colours.put(t.combo(), colours.size());
            }
            String name = first ? legendEntry(c, combo, under) : "run " + t.run() + " #" + k;
            XYSeries s = chart.addSeries(name, x, y);
            Color colour = Charts.PALETTE[colours.get(t.combo()) % Charts.PALETTE.length];
            s.setMarker(y.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setMarkerColor(colour);
            s.setLineColor(colour);
            s.setLineStyle(new BasicStroke(1.2f));
            s.setShowInLegend(first);
            k++;
        }
        if (k == 0) {
            chart.addSeries("no sample runs (output.trajectories is 0)", new double[] {0}, new double[] {1})
                    .setMarker(SeriesMarkers.NONE);
        }
        if (cap > 0) {
            chart.getStyler().setYAxisMax(cap);
        }
        int[] lengths = new int[r.trajectories().size()];
        boolean[] stopped = new boolean[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            Trajectory t = r.trajectories().get(i);
            int[] its = t.iterations();
            lengths[i] = its.length == 0 ? 0 : its[its.length - 1];
            stopped[i] = lengths[i] < r.plan().combos().get(t.combo()).maxIterations();
        }
        int right = iterationCap(lengths, stopped);
        if (right > 0) {
            chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) right);
            chart.setXAxisTitle("iteration      (runs longer than " + right + " leave the right edge)");
        }
        if (r.plan().objective().dimension() == 1) {
            return Charts.png(List.of(chart, onTheFunction(r.plan(), r.trajectories(), colours)));
        }
        return Charts.png(List.of(chart));
    }

    /** Points of the function's curve on the 1-d panel. */
    static final int CURVE_POINTS = 400;

    /**
     * For a function of one variable, the picture the seed articles draw: the function over the
     * domain and every step of each sample run on it, in its combo's colour ({@code colours}, as
     * on the convergence panel), each run's start a black diamond. A step too large zig-zags
     * across a minimum, one too small crawls down the slope; the convergence panel alone shows
     * neither. Iterates beyond a domain's width on either side of it are left out of the view
     * (a diverging run's would flatten the curve), and the axis title says so.
     */
    static XYChart onTheFunction(multistart.engine.Plan plan, List<Trajectory> trajectories,
            Map<Integer, Integer> colours) {
        ExperimentConfig c = plan.config();
        multistart.objective.Objective f = plan.objective().forWorker();
        // the plan's objective is minimised: a maximised one is negated there
        double sign = c.objective().goal().sign();
        double lo = c.domain().low(0);
        double hi = c.domain().high(0);
        double width = hi - lo;
        double viewLo = lo;
        double viewHi = hi;
        boolean cut = false;
        for (Trajectory t : trajectories) {
            for (double[] p : t.points()) {
                double x = p[0];
                if (x >= lo - width && x <= hi + width) {
                    viewLo = Math.min(viewLo, x);
                    viewHi = Math.max(viewHi, x);
                } else {
                    cut = true;
                }
            }
        }
        // a view narrow for its place (1e20 to 1e20 + 1e5) drawn from its low end, as the basin
        // map's axes are: there XChart's tick placement never ended
        double from = AxisScales.axisOffset(viewLo, viewHi);
        XYChart chart = new XYChartBuilder().width(Charts.PANEL_WIDTH * 3 / 2).height(Charts.PANEL_HEIGHT)
                .title(trajectories.isEmpty()
                        ? "The function over the domain (no sample runs: output.trajectories is 0)"
                        : (trajectories.size() == 1 ? "The sample run's" : "The sample runs'")
                                + " steps on the function (colours as in the convergence panel)")
                .xAxisTitle(AxisScales.offsetTitle(c.objective().variables().get(0), from)
                        + (cut ? "      (iterates outside [" + Numbers.brief(lo - width) + ", "
                                + Numbers.brief(hi + width) + "] are not drawn)" : ""))
                .yAxisTitle("value").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(5);
        double[] g = new double[1];
        double[] at = new double[1];
        List<Double> cx = new ArrayList<>();
        List<Double> cy = new ArrayList<>();
        for (int i = 0; i < CURVE_POINTS; i++) {
            at[0] = viewLo + (viewHi - viewLo) * i / (CURVE_POINTS - 1);
            double v = sign * f.evaluate(at, g);
            if (Double.isFinite(v)) {
                cx.add(at[0] - from);
                cy.add(v);
            }
        }
        if (!cx.isEmpty()) {
            XYSeries curve = chart.addSeries("f", cx, cy);
            curve.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY).setLineStyle(new BasicStroke(1.5f));
        }
        List<Double> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        int k = 0;
        for (Trajectory t : trajectories) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (double[] p : t.points()) {
                at[0] = p[0];
                double v = sign * f.evaluate(at, g);
                if (p[0] >= viewLo && p[0] <= viewHi && Double.isFinite(v)) {
                    xs.add(p[0] - from);
                    ys.add(v);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            sx.add(xs.get(0));
            sy.add(ys.get(0));
            Color colour = Charts.PALETTE[colours.getOrDefault(t.combo(), 0) % Charts.PALETTE.length];
            XYSeries s = chart.addSeries("run " + t.run() + " #" + k++, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(colour).setLineColor(colour)
                    .setLineStyle(new BasicStroke(0.8f));
        }
        if (!sx.isEmpty()) {
            chart.addSeries("starts", sx, sy).setMarker(SeriesMarkers.DIAMOND).setMarkerColor(Color.BLACK)
                    .setLineStyle(SeriesLines.NONE);
        }
        return chart;
    }

    /**
     * What the log axis measures the runs' gaps from: the known optimum where there is a finite
     * one, else the best value found (NaN where neither: the values themselves are plotted).
     */
    static double gapFrom(boolean targetKnown, double target, double bestFound) {
        return targetKnown && Double.isFinite(target) ? target : bestFound;
    }

    /**
     * {@link #gapFrom(boolean, double, double)} for a sweep's findings: from the target runs are
     * judged against where it is not the best value found (the known optimum, or the best
     * confirmed minimum past a walk-off), else from the best value found.
     */
    static double gapFrom(Findings f) {
        return gapFrom(f.targetKnown() || f.targetConfirmed(), f.target(),
                f.best() == null ? Double.NaN : f.best().value());
    }

    /**
     * What the log axis measures from: the target the runs are judged against ({@link
     * SummaryMarkdown#target}), or the best value found where a known optimum is not finite.
     */
    static String gapName(Findings f, multistart.config.Goal goal) {
        return f.targetKnown() && !Double.isFinite(f.target()) ? "best value found" : SummaryMarkdown.target(f, goal);
    }

    /** The largest value a line on a linear value axis reaches (see {@link #plotted}). */
    static final double LINEAR_LIMIT = 1e300;

    /**
     * A sample run's values as the convergence chart plots them: on the log axis the gap to the
     * best value (at least 1e-16, so that exact hits stay on it; 1e16 where a value is not finite,
     * above any cap); on a value axis (no finite best value to measure gaps from) the values up to
     * the first that is not finite or passes {@link #LINEAR_LIMIT}, where the line ends (they
     * plunged to -1e16 and back).
     */
    static double[] plotted(double[] values, double best, boolean log) {
        double[] y = new double[values.length];
        for (int i = 0; i < y.length; i++) {
            double v = values[i];
            if (!log) {
                // past LINEAR_LIMIT the axis's range (top minus bottom) may overflow to infinity,
                // on which XChart's tick placement never ends
                if (!(Math.abs(v) <= LINEAR_LIMIT)) {
                    return java.util.Arrays.copyOf(y, i);
                }
                y[i] = v;
                continue;
            }
            double gap = Math.max(Math.abs(v - best), 1e-16);
            y[i] = Double.isFinite(gap) ? gap : 1e16;
        }
        return y;
    }

    /**
     * The iteration axis's end when a few sample runs last far longer than most: twice the length
     * three quarters of them stay within, rounded up to 1, 2 or 5 times a power of ten, when the
     * longest is more than four times that length; else 0 for the whole range. In the peaks
     * example one sample run of 5 000 iterations (momentum 0.9, rattling about a minimum) put
     * eleven that ended within 400 into the left twentieth of the chart.
     */
    static int iterationCap(int[] lengths) {
        boolean[] none = new boolean[lengths.length];
        return iterationCap(lengths, none);
    }

    /**
     * As {@link #iterationCap(int[])}, where {@code stopped} says which runs ended before their
     * max_iterations: when some did and others ran to it, the three quarters are of the runs
     * that stopped. Runs crawling over peaks' plateau to 5 000 steps were five of twelve sample
     * runs, so the rule over all of them kept the whole range, and the seven that converged
     * within 400 steps were squeezed into the left tenth.
     */
    static int iterationCap(int[] lengths, boolean[] stopped) {
        if (lengths.length < 4) {
            return 0;
        }
        int ended = 0;
        for (boolean b : stopped) {
            ended += b ? 1 : 0;
        }
        int[] sorted;
        if (ended >= 2 && ended < lengths.length) {
            sorted = new int[ended];
            for (int i = 0, j = 0; i < lengths.length; i++) {
                if (stopped[i]) {
                    sorted[j++] = lengths[i];
                }
            }
        } else {
            sorted = lengths.clone();
        }
        java.util.Arrays.sort(sorted);
        int most = Math.max(1, sorted[(int) Math.ceil(0.75 * sorted.length) - 1]);
        int longest = 0;
        for (int l : lengths) {
            longest = Math.max(longest, l);
        }
        if (longest <= 4L * most) {
            return 0;
        }
        long want = 2L * most;
        for (long p = 1; ; p *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * p >= want) {
                    return (int) Math.min(Integer.MAX_VALUE, m * p);
                }
            }
        }
    }

    /**
     * The log axis's top when a run climbs more than 1000 times above the largest gap any sample
     * run started with (a diverging one): that bound, beyond which the run leaves the chart; else 0
     * for the whole range.
     */
    static double convergenceCap(boolean log, double startTop, double top) {
        double cap = 1e3 * startTop;
        return log && startTop > 0 && top > cap ? cap : 0;
    }
}
