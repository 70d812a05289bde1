package multistart.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import multistart.analysis.Findings;
import multistart.config.Combo;
import multistart.config.OptimizerConfig;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * sweep.png: the success rate over the swept settings (heat maps faceted by a third setting, or a
 * line over one; where no run succeeded, the median end value instead) and the waterfall of every
 * run's final value.
 */
public final class SweepChart {

    private SweepChart() {
    }

    /** Success rate over the swept settings (heat map, faceted) and the waterfall of final values. */
    public static byte[] draw(RunRecord r, double[] waterfall) throws IOException {
        List<Chart<?, ?>> panels = new ArrayList<>(successPanels(r.plan().config().optimizer().sweptColumns(),
                r.findings().combos()));
        panels.add(waterfallPanel(waterfall));
        return Charts.png(panels);
    }

    /**
     * What the sweep's panels show: what the ranking goes by. Each combo's success rate in
     * percent, on one scale from 0 to a round figure above the best rate ({@code low} to {@code
     * high}); where no run of any combo succeeded (the rates all 0, a flat line), its median end
     * value over all runs, the best end ({@code lowBest}: minimising) green on a heat map, none
     * where half the runs or more diverged ({@code blanks}); where every combo succeeded equally
     * often (all at 100%: a flat line again, and the ranking goes by median iterations), its
     * median iterations, fewest green. {@code axis}: a line panel's y axis and series; {@code
     * note}: what the titles add ("" for success rates).
     */
    record Metric(Shows shows, String title, String axis,
            java.util.function.ToDoubleFunction<Findings.ComboSummary> value, double low, double high,
            boolean lowBest, boolean blanks, String note) {

        /** Which of the three figures the panels show. */
        enum Shows { SUCCESS, END_VALUE, ITERATIONS }

        static Metric of(List<Findings.ComboSummary> combos) {
            if (Ranking.noneSucceeded(combos)) {
                Metric m = spread(Shows.END_VALUE, "Median end value", "median end value",
                        Findings.ComboSummary::medianAllRuns,
                        combos, !combos.get(0).maximized(), "no run succeeded");
                if (m != null) {
                    return m;
                }
            }
            double most = 0;
            boolean equal = combos.size() > 1;
            for (Findings.ComboSummary cs : combos) {
                most = Math.max(most, 100 * cs.successRate());
                equal &= cs.runs() > 0 && cs.successRate() == combos.get(0).successRate() && cs.successes() > 0;
            }
            if (equal) {
                Metric m = spread(Shows.ITERATIONS, "Median iterations", "median iterations",
                        Findings.ComboSummary::medianIterations,
                        combos, true, "every combo's success " + Numbers.percent(combos.get(0).successRate()));
                if (m != null) {
                    return m;
                }
            }
            return new Metric(Shows.SUCCESS, "Success rate (%)", "success rate (%)", cs -> 100 * cs.successRate(), 0,
                    colourTop(most), false, false, "");
        }

        /**
         * A figure's panels from its least to its greatest finite value (null where none is
         * finite, or where all are equal: a flat line says nothing); infinite ones not drawn.
         */
        private static Metric spread(Shows shows, String title, String axis,
                java.util.function.ToDoubleFunction<Findings.ComboSummary> figure, List<Findings.ComboSummary> combos,
                boolean lowBest, String note) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            boolean blanks = false;
            for (Findings.ComboSummary cs : combos) {
                double v = figure.applyAsDouble(cs);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                } else {
                    blanks |= Double.isInfinite(v);
                }
            }
            if (!(lo < hi) && !(lo == hi && blanks)) {
                return null;
            }
            // one value beside blanks: a scale around it (a heat map's colours divide by the range)
            double pad = lo < hi ? 0 : lo == 0 ? 1 : Math.abs(lo) / 10;
            return new Metric(shows, title, axis + (blanks ? " (none: half the runs diverged)" : ""), cs -> {
                double v = figure.applyAsDouble(cs);
                return Double.isFinite(v) ? v : Double.NaN;
            }, lo - pad, hi + pad, lowBest, blanks, note);
        }

        boolean success() {
            return shows == Shows.SUCCESS;
        }

        /** A heat map cell's figure: success to a tenth of a percent, a median as it is. */
        double cell(double mean) {
            return success() ? Math.round(10 * mean) / 10.0 : mean;
        }

        /** A heat map's pattern for its cells' figures. */
        String pattern() {
            double size = Math.max(Math.abs(low), Math.abs(high));
            return success() ? "0.0" : size >= 1e5 || size < 1e-2 ? "0.##E0" : "0.###";
        }

        /** A heat map's colours from {@link #low} to {@link #high}: red for the worst, green for the best. */
        Color[] colours() {
            Color red = new Color(215, 48, 39);
            Color yellow = new Color(254, 224, 139);
            Color green = new Color(26, 152, 80);
            return lowBest ? new Color[] {green, yellow, red} : new Color[] {red, yellow, green};
        }
    }

    /** The success panels of a sweep over {@code swept} (the config's swept columns). */
    static List<Chart<?, ?>> successPanels(List<String> swept, List<Findings.ComboSummary> combos) {
        List<String> axes = panelAxes(swept, combos);
        List<Chart<?, ?>> out = new ArrayList<>();
        // one scale for every panel: for success, ending at a round figure above the best rate
        Metric metric = Metric.of(combos);
        double top = metric.high();
        if (axes.size() < 2) {
            XYChart chart = new XYChartBuilder().width(Charts.PANEL_WIDTH).height(Charts.PANEL_HEIGHT)
                    .title(metric.title() + " by " + (axes.isEmpty() ? "combo" : axes.get(0))
                            + (metric.success() ? "" : " (" + metric.note() + ")"))
                    .xAxisTitle(axes.isEmpty() ? "combo" : axes.get(0) + unread(combos, axes.get(0)))
                    .yAxisTitle(metric.axis()).build();
            Charts.style(chart.getStyler());
            // in percent, as the heat maps and the tables (a fraction's ticks read .05, .1, ...)
            if (metric.success()) {
                chart.getStyler().setYAxisMin(0.0).setYAxisMax(top);
            }
            chart.getStyler().setLegendVisible(false);
            double[] x = new double[combos.size()];
            double[] y = new double[combos.size()];
            // the method, and batch sizes (whose "full" has no place on a number line), are categories
            boolean numeric = !axes.isEmpty() && !axes.get(0).equals("method")
                    && !axes.get(0).equals(multistart.config.Setting.BATCH_SIZE.column());
            for (int i = 0; i < x.length; i++) {
                String v = axes.isEmpty() ? "" : OptimizerConfig.columnValue(combos.get(i).combo(), axes.get(0));
                x[i] = numeric ? Double.parseDouble(v) : i;
                y[i] = metric.value().applyAsDouble(combos.get(i));
            }
            // a setting swept over a decade or more (a log range of rates) on a log axis, where its
            // points are evenly spaced instead of crowding at the left
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (double v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (numeric && lo < hi && AxisScales.narrow(lo, hi)) {
                // values closer than a number line can tell apart (0.1 and 0.10000000000000002):
                // XChart drew no ticks at all; they are categories, by name
                numeric = false;
                for (int i = 0; i < x.length; i++) {
                    x[i] = i;
                }
            }
            boolean logX = numeric && lo > 0 && hi >= 10 * lo;
            chart.getStyler().setXAxisLogarithmic(logX);
            if (logX) {
                AxisScales.labelLogAxis(chart.getStyler(), true, lo, hi);
            }
            // with a leading zero (XChart's own pattern wrote 0.005 as ".005")
            chart.getStyler().setXAxisDecimalPattern("0.#########");
            if (!numeric) {
                // combos, methods or batch sizes at 0, 1, 2, ..., named where XChart ticks them;
                // brief where that tells the values apart, else in full (0.1, 0.10000000000000002)
                java.util.function.Function<Combo, String> name = axes.isEmpty() ? null : label(combos, axes.get(0));
                List<String> names = new ArrayList<>();
                for (Findings.ComboSummary cs : combos) {
                    names.add(name == null ? Integer.toString(cs.combo().index()) : name.apply(cs.combo()));
                }
                // half a step of room at each end: the last category's name, centred on the
                // axis's right end, was left out by XChart (it would cross the edge). XChart
                // draws no ticks at all where its two ends' labels are alike, so the right end's,
                // between categories, is a blank unlike the left end's empty one
                int n = x.length;
                chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> {
                    int i = (int) Math.round(v);
                    return i >= 0 && i < names.size() && Math.abs(v - i) < 1e-9 ? names.get(i) : v > n - 1 ? " " : "";
                });
                chart.getStyler().setXAxisMin(-0.5).setXAxisMax(n - 0.5);
            }
            chart.addSeries(metric.success() ? "success rate" : metric.title().toLowerCase(java.util.Locale.ROOT), x, y)
                    .setMarker(SeriesMarkers.CIRCLE);
            out.add(chart);
            return out;
        }
        String ax = axes.get(0);
        String ay = axes.get(1);
        java.util.function.Function<Combo, String> xLabel = label(combos, ax);
        java.util.function.Function<Combo, String> yLabel = label(combos, ay);
        java.util.function.Function<Combo, String> facetLabel = axes.size() >= 3 ? label(combos, axes.get(2)) : null;
        List<String> facetValues = facetLabel != null ? distinct(combos, facetLabel) : List.of("");
        String drawn = "";
        if (facetValues.size() > MAX_FACETS) {
            drawn = "      (" + MAX_FACETS + " of " + facetValues.size() + " " + axes.get(2) + " values, the best "
                    + "combo's among them)";
            facetValues = facets(facetValues, MAX_FACETS, facetLabel.apply(Ranking.rank(combos).get(0).combo()));
        }
        // every panel as wide as the widest title (a facet value in all its 16 digits, the
        // settings averaged over and the colour scale's end ran past the panel's right edge);
        // XChart centres it over the plot, right of the rows' labels
        int rowLabels = longest(distinct(combos, yLabel)) * Charts.LEGEND_CHARACTER_WIDTH;
        int width = Charts.PANEL_WIDTH;
        for (String facet : facetValues) {
            width = Math.max(width, Charts.fitTitle(heatTitle(metric, axes, facet), rowLabels));
        }
        for (String facet : facetValues) {
            List<Findings.ComboSummary> panel = combos;
            if (facetLabel != null) {
                panel = new ArrayList<>();
                for (Findings.ComboSummary cs : combos) {
                    if (facetLabel.apply(cs.combo()).equals(facet)) {
                        panel.add(cs);
                    }
                }
            }
            // each panel's own columns and rows: where its method reads no momentum (the gd panel
            // of a method x rate x momentum sweep), one column "-", not three that repeat one run set
            List<String> xs = distinct(panel, xLabel);
            List<String> ys = distinct(panel, yLabel);
            double[][] sum = new double[xs.size()][ys.size()];
            int[][] count = new int[xs.size()][ys.size()];
            for (Findings.ComboSummary cs : panel) {
                int i = xs.indexOf(xLabel.apply(cs.combo()));
                int j = ys.indexOf(yLabel.apply(cs.combo()));
                double v = metric.value().applyAsDouble(cs);
                if (!Double.isNaN(v)) {
                    sum[i][j] += v;
                    count[i][j]++;
                }
            }
            List<Number[]> cells = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                for (int j = 0; j < ys.size(); j++) {
                    if (count[i][j] > 0) {
                        cells.add(new Number[] {i, j, metric.cell(sum[i][j] / count[i][j])});
                    }
                }
            }
            String title = heatTitle(metric, axes, facet);
            HeatMapChart chart = new HeatMapChartBuilder().width(width).height(Charts.PANEL_HEIGHT).title(title)
                    .xAxisTitle(ax + unread(panel, ax) + drawn).yAxisTitle(ay + unread(panel, ay)).build();
            Charts.style(chart.getStyler());
            // each cell's rate written in it where cells are wide and tall enough for "46.7";
            // in a 100 x 100 grid the figures covered every cell in black (and took most of
            // the 29 s that a million combos' charts took)
            chart.getStyler().setShowValue(showValues(xs.size(), ys.size()));
            labelEveryCell(chart, xs);
            chart.getStyler().setHeatMapValueDecimalPattern(metric.pattern());
            chart.getStyler().setMin(metric.low());
            chart.getStyler().setMax(top);
            chart.getStyler().setRangeColors(metric.colours());
            chart.getStyler().setLegendVisible(false);
            chart.addSeries("success", xs, ys, cells);
            out.add(chart);
        }
        return out;
    }

    /** A heat map's title: what it shows, the facet, the settings averaged over, where the colours end. */
    private static String heatTitle(Metric metric, List<String> axes, String facet) {
        return metric.title()
                + (axes.size() >= 3 ? ", " + axes.get(2) + " = " + facet : "")
                + (axes.size() > 3 ? ", mean over " + String.join(", ", axes.subList(3, axes.size())) : "")
                + (metric.success() ? metric.high() < 100 ? "; colours 0-" + Numbers.brief(metric.high()) + "%" : ""
                        : "; green " + (metric.lowBest() ? "lowest" : "highest")
                                + (metric.blanks() ? ", none where half the runs diverged" : "")
                                + " (" + metric.note() + ")");
    }

    /** Up to this many columns and rows a heat map writes each cell's rate in it. */
    static final int MAX_VALUE_COLUMNS = 12;
    static final int MAX_VALUE_ROWS = 24;

    /** Whether a heat map of this many columns and rows writes each cell's rate in it. */
    static boolean showValues(int columns, int rows) {
        return columns <= MAX_VALUE_COLUMNS && rows <= MAX_VALUE_ROWS;
    }

    /** Pixels between the heat map's labels at least (a label is about 14 px tall). */
    static final int HEAT_LABEL_SPACING = 18;

    /**
     * Every row and column of a heat map labelled. XChart (4.0.3) labels a category axis at
     * most every X-axis tick spacing hint (74 px by default), the y axis too, which left every
     * other one of 8 rates unlabelled; with a hint of a label's height the columns' labels would
     * collide where they are wider than a column, so those are turned upright.
     */
    static void labelEveryCell(HeatMapChart chart, List<String> columns) {
        HeatMapStyler st = chart.getStyler();
        st.setXAxisTickMarkSpacingHint(HEAT_LABEL_SPACING).setYAxisTickMarkSpacingHint(HEAT_LABEL_SPACING);
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        double widest = 0;
        for (String c : columns) {
            widest = Math.max(widest, st.getAxisTickLabelsFont().getStringBounds(c, frc).getWidth());
        }
        // the plot is the panel less the y axis's labels and title, about a quarter of it
        double column = 0.75 * Charts.PANEL_WIDTH / Math.max(1, columns.size());
        if (widest + 8 > column) {
            st.setXAxisLabelRotation(90);
        }
    }

    /** Panels of the success heat map at most: one per value of the third swept setting. */
    static final int MAX_FACETS = 6;

    /**
     * The swept settings in the order the success panels use them: the two with the most values
     * on the axes (the one with the shorter labels along the bottom, where long ones collide),
     * the next one as the facet, one panel per value, any others averaged over. In config order,
     * a sweep of 2 methods x 10 rates x 10 momenta put the methods on an axis and drew six of the
     * ten momenta, and not the best combo's.
     */
    static List<String> panelAxes(List<String> swept, List<Findings.ComboSummary> combos) {
        List<String> order = new ArrayList<>(swept);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String col : swept) {
            values.put(col, distinct(combos, label(combos, col)));
        }
        // stable: ties keep the config's order
        order.sort(java.util.Comparator.comparingInt((String col) -> -values.get(col).size()));
        if (order.size() >= 2 && longest(values.get(order.get(0))) > longest(values.get(order.get(1)))) {
            java.util.Collections.swap(order, 0, 1);
        }
        return order;
    }

    private static int longest(List<String> labels) {
        int n = 0;
        for (String l : labels) {
            n = Math.max(n, l.length());
        }
        return n;
    }

    /**
     * {@code k} of the facet values, spread evenly from the first to the last, with {@code best}
     * among them (in place of the one nearest it), in their order.
     */
    static List<String> facets(List<String> all, int k, String best) {
        int n = all.size();
        java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
        for (int i = 0; i < k; i++) {
            picked.add((int) Math.round((double) i * (n - 1) / (k - 1)));
        }
        int b = all.indexOf(best);
        if (b >= 0 && !picked.contains(b)) {
            Integer below = picked.floor(b);
            Integer above = picked.ceiling(b);
            picked.remove(below == null || (above != null && above - b < b - below) ? above : below);
            picked.add(b);
        }
        List<String> out = new ArrayList<>();
        for (int i : picked) {
            out.add(all.get(i));
        }
        return out;
    }

    /**
     * Where the success heat map's colours end: the first of 1, 2, 5, 10, 20, 50, 100 (%) at or
     * above the best rate. At a fixed 0-100% a sweep whose rates all lie near 1% (rastrigin's) was
     * one red; the title says where the scale ends.
     */
    static double colourTop(double bestPercent) {
        for (double t : new double[] {1, 2, 5, 10, 20, 50}) {
            if (bestPercent <= t) {
                return t;
            }
        }
        return 100;
    }

    /**
     * How the success panels label a setting's values: as people read them ({@link Numbers#setting}),
     * unless two of its values would then share a label (and a heat-map cell), when every digit.
     */
    static java.util.function.Function<Combo, String> label(List<Findings.ComboSummary> combos, String column) {
        multistart.config.Setting s = multistart.config.Setting.ofColumn(column);
        if (s == null) {
            // the method: its name
            return c -> OptimizerConfig.columnValue(c, column);
        }
        // each value formatted once (a setting takes few values, a sweep may have a million
        // combos: formatting per combo and per pass took 27 s there), then looked up
        Map<Double, String> brief = new java.util.HashMap<>();
        Map<Double, String> exact = new java.util.HashMap<>();
        for (Findings.ComboSummary cs : combos) {
            double v = cs.combo().value(s);
            if (!brief.containsKey(v)) {
                brief.put(v, Numbers.setting(cs.combo(), column));
                exact.put(v, OptimizerConfig.columnValue(cs.combo(), column));
            }
        }
        Map<Double, String> use = new java.util.HashSet<>(brief.values()).size() == brief.size() ? brief : exact;
        // "-" where the combo's method does not read the setting, as in the tables
        return c -> c.method().uses(s) ? use.get(c.value(s)) : "-";
    }

    /**
     * Where no combo of {@code panel} has a method that reads setting {@code column}, what an
     * axis title adds to say so (" (gd does not read it)"); "" where one does, or for the method.
     */
    static String unread(List<Findings.ComboSummary> panel, String column) {
        java.util.Set<String> methods = new java.util.LinkedHashSet<>();
        for (Findings.ComboSummary cs : panel) {
            if (OptimizerConfig.applies(cs.combo(), column)) {
                return "";
            }
            methods.add(cs.combo().method().key());
        }
        return methods.isEmpty() ? "" : " (" + String.join(", ", methods)
                + (methods.size() == 1 ? " does not read it)" : " do not read it)");
    }

    /** The combos' labels, each once, in combo order. */
    private static List<String> distinct(List<Findings.ComboSummary> combos,
            java.util.function.Function<Combo, String> label) {
        List<String> out = new ArrayList<>();
        for (Findings.ComboSummary cs : combos) {
            String v = label.apply(cs.combo());
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Runs past this fraction of the waterfall may go off its scale (see {@link #waterfallRange}). */
    static final double WATERFALL_SHOWN = 0.95;

    /**
     * The waterfall's value axis, {lo, hi}, or null for the whole range. {@code values} run from
     * the best to the worst. A few far-off runs (diverging ones stopped at max_iterations, a
     * start on a steep wall) would flatten every level the others reached into the bottom row of
     * pixels (beale: 95% of the runs below 20, the worst at 1480): when the best 95% span less
     * than a fifth of the whole range, the axis ends a tenth past them, and the rest is off the
     * scale.
     */
    static double[] waterfallRange(double[] values) {
        int m = values.length;
        if (m < 2) {
            return null;
        }
        double best = values[0];
        double q = values[(int) (WATERFALL_SHOWN * (m - 1))];
        double worst = values[m - 1];
        double bulk = Math.abs(q - best);
        if (!(bulk > 0) || !(bulk < 0.2 * Math.abs(worst - best))) {
            return null;
        }
        double edge = q + 0.1 * (q - best);
        return new double[] {Math.min(best, edge), Math.max(best, edge)};
    }

    static XYChart waterfallPanel(double[] values) {
        double[] range = waterfallRange(values);
        String title = values.length == 0 ? "Waterfall: no run ended at a finite value"
                : "Waterfall: final values of all runs, sorted";
        if (range != null) {
            title = String.format(java.util.Locale.ROOT, "Waterfall: final values, sorted (worst %.0f%% off the "
                    + "scale, to %s)", 100 * (1 - WATERFALL_SHOWN), Numbers.brief(values[values.length - 1]));
        }
        double[] scale = {0, 1};
        if (values.length > 0) {
            double lo = range != null ? range[0] : Math.min(values[0], values[values.length - 1]);
            double hi = range != null ? range[1] : Math.max(values[0], values[values.length - 1]);
            scale = AxisScales.valueScale(lo, hi);
        }
        String axis = "final value";
        if (scale[1] != 1) {
            String unit = "1e" + (int) Math.round(Math.log10(scale[1]));
            axis = scale[0] == 0 ? "final value (x " + unit + ")"
                    : "final value - (" + Numbers.exact(scale[0]) + "), x " + unit;
        }
        XYChart chart = new XYChartBuilder().width(Charts.PANEL_WIDTH).height(Charts.PANEL_HEIGHT)
                .title(title).xAxisTitle("fraction of runs").yAxisTitle(axis).build();
        Charts.style(chart.getStyler());
        if (range != null) {
            chart.getStyler().setYAxisMin((range[0] - scale[0]) / scale[1])
                    .setYAxisMax((range[1] - scale[0]) / scale[1]);
        }
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisDecimalPattern("0.0#");
        int m = values.length;
        double[] x = new double[Math.max(1, m)];
        double[] y = new double[x.length];
        for (int i = 0; i < m; i++) {
            x[i] = m == 1 ? 0 : (double) i / (m - 1);
            y[i] = (values[i] - scale[0]) / scale[1];
        }
        XYSeries s = chart.addSeries("final values", x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.SOLID);
        s.setLineColor(Charts.PALETTE[0]);
        return chart;
    }
}
