package multistart.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.config.Combo;
import multistart.config.ExperimentConfig;
import multistart.config.OptimizerConfig;
import multistart.engine.BasinRaster;
import multistart.engine.Trajectory;
import multistart.objective.Box;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The pictures: basin map, convergence, sweep (heat map and waterfall). Each returns PNG
 * bytes; panels of one picture are laid out in a grid by XChart's encoder.
 */
public final class Charts {

    /** Size of one panel in pixels. */
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 560;
    /** Basins given their own colour; the rest share one. */
    static final int COLOURED_BASINS = 12;

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(188, 189, 34),
        new Color(23, 190, 207), new Color(174, 199, 232), new Color(255, 187, 120), new Color(152, 223, 138)};
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color OTHER = new Color(200, 200, 200);
    private static final Color DIVERGED = new Color(60, 60, 60);

    private Charts() {
    }

    /** Columns and rows of a grid of k panels. */
    static int[] grid(int k) {
        int cols = Math.min(3, k);
        return new int[] {cols, (k + cols - 1) / cols};
    }

    /**
     * Renders the panels and tiles them row by row into one PNG (XChart's own grid encoder
     * fails when the last row is not full). Cells are as large as the largest panel.
     */
    static byte[] png(List<? extends Chart<?, ?>> panels) throws IOException {
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        int cellW = 0;
        int cellH = 0;
        for (Chart<?, ?> c : panels) {
            if (c instanceof XYChart xy) {
                widenNarrowAxis(xy);
                breakEvenSpacing(xy);
            }
            java.awt.image.BufferedImage img = BitmapEncoder.getBufferedImage(c);
            images.add(img);
            cellW = Math.max(cellW, img.getWidth());
            cellH = Math.max(cellH, img.getHeight());
        }
        int[] g = grid(images.size());
        java.awt.image.BufferedImage all = new java.awt.image.BufferedImage(g[0] * cellW, g[1] * cellH,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D gr = all.createGraphics();
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < images.size(); i++) {
            gr.drawImage(images.get(i), (i % g[0]) * cellW, (i / g[0]) * cellH, null);
        }
        gr.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(all, "png", out);
        return out.toByteArray();
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(TITLE_FONT);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAntiAlias(true);
    }

    /** The basin map: one panel per raster (one per combo when there are a handful). */
    public static byte[] basins(RunRecord r, List<BasinRaster> rasters) throws IOException {
        ExperimentConfig c = r.plan().config();
        Findings f = r.findings();
        List<String> vars = c.objective().variables();
        Box box = c.domain();
        int[] coloured = colouredBasins(f.minima(), rasters);
        Map<Integer, Integer> colourOf = new java.util.HashMap<>();
        for (int i = 0; i < coloured.length; i++) {
            colourOf.put(coloured[i], i);
        }
        // a domain narrow for its place (1e20 to 1e20 + 1e5) is drawn from its low corner, which
        // the axis titles name: at its own place XChart's ticks never ended
        double[] from = {axisOffset(box.low(0), box.high(0)), axisOffset(box.low(1), box.high(1))};
        List<XYChart> panels = new ArrayList<>();
        for (BasinRaster raster : rasters) {
            Combo combo = r.plan().combos().get(raster.comboIndex());
            String title = "Basins, combo " + combo.index() + describe(c.optimizer(), combo);
            // where the slice lies goes under the plot: in the title it made the line too long
            // for the panel, which cut it off at both ends
            String xTitle = offsetTitle(vars.get(0), from[0]) + (vars.size() > 2 ? "      (slice through basin 1: "
                    + slice(vars, raster.through()) + ")" : "");
            // wide enough for a title of four swept settings or more, which XChart centres over
            // the plot and cut off at both ends
            int legend = "other end points (100.0%)".length();
            for (int b : coloured) {
                legend = Math.max(legend, (b + ": " + Numbers.brief(f.minima().get(b - 1).value()) + " (100.0%)")
                        .length());
            }
            int width = Math.max(PANEL_WIDTH + 160, fitTitle(title, legend * LEGEND_CHARACTER_WIDTH));
            XYChart chart = new XYChartBuilder().width(width).height(PANEL_HEIGHT).title(title)
                    .xAxisTitle(xTitle).yAxisTitle(offsetTitle(vars.get(1), from[1])).build();
            style(chart.getStyler());
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
            chart.getStyler().setXAxisMin(box.low(0) - from[0]).setXAxisMax(box.high(0) - from[0]);
            chart.getStyler().setYAxisMin(box.low(1) - from[1]).setYAxisMax(box.high(1) - from[1]);
            chart.getStyler().setMarkerSize(Math.max(2, 420 / raster.resolution()));
            Map<Integer, List<double[]>> byBasin = new LinkedHashMap<>();
            int res = raster.resolution();
            for (int row = 0; row < res; row++) {
                for (int col = 0; col < res; col++) {
                    int b = raster.cells()[row * res + col];
                    int key = b < 0 ? -1 : colourOf.containsKey(b) ? b : 0;
                    double[] centre = {BasinRaster.centre(box.low(0), box.high(0), col, res),
                        BasinRaster.centre(box.low(1), box.high(1), row, res)};
                    byBasin.computeIfAbsent(key, k -> new ArrayList<>()).add(centre);
                }
            }
            int total = res * res;
            for (int i = 0; i < coloured.length; i++) {
                int b = coloured[i];
                List<double[]> pts = byBasin.get(b);
                if (pts == null) {
                    continue;
                }
                Findings.Minimum m = f.minima().get(b - 1);
                XYSeries s = addPoints(chart, b + ": " + Numbers.brief(m.value()) + " ("
                        + Numbers.percent((double) pts.size() / total) + ")", pts, from);
                s.setMarker(SeriesMarkers.SQUARE).setMarkerColor(PALETTE[i % PALETTE.length]);
            }
            if (byBasin.containsKey(0)) {
                addPoints(chart, "other end points (" + Numbers.percent((double) byBasin.get(0).size() / total) + ")",
                        byBasin.get(0), from).setMarker(SeriesMarkers.SQUARE).setMarkerColor(OTHER);
            }
            if (byBasin.containsKey(-1)) {
                addPoints(chart, "diverged (" + Numbers.percent((double) byBasin.get(-1).size() / total) + ")",
                        byBasin.get(-1), from).setMarker(SeriesMarkers.SQUARE).setMarkerColor(DIVERGED);
            }
            // the minima, marked and labelled with their values, or with their numbers alone
            // where the labels would run into each other (rastrigin's minima a unit apart: the
            // legend has the values)
            List<double[]> marks = new ArrayList<>();
            List<Findings.Minimum> marked = new ArrayList<>();
            for (int b : coloured) {
                Findings.Minimum m = f.minima().get(b - 1);
                double[] p = m.point();
                if (!m.outsideDomain() && inSlice(p, raster.through(), c.basins().tolerance())) {
                    marks.add(new double[] {p[0], p[1]});
                    marked.add(m);
                }
            }
            boolean crowded = crowded(marks, box);
            for (Findings.Minimum m : marked) {
                double[] p = m.point();
                chart.addAnnotation(new org.knowm.xchart.AnnotationText(
                        crowded ? Integer.toString(m.basin()) : m.basin() + ": " + Numbers.brief(m.value()),
                        p[0] - from[0], p[1] - from[1] + 0.035 * (box.high(1) - box.low(1)), false));
            }
            if (!marks.isEmpty()) {
                XYSeries s = addPoints(chart, c.objective().goal().extrema(), marks, from);
                s.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(Color.BLACK);
            }
            panels.add(chart);
        }
        return png(panels);
    }

    /**
     * Whether two of the marked minima lie so close that labels of "basin: value" (up to about
     * 100 px wide, 14 px tall, on a plot about 560 px square) over them would overlap.
     */
    static boolean crowded(List<double[]> marks, Box box) {
        double w = (box.high(0) - box.low(0)) * LABEL_WIDTH;
        double h = (box.high(1) - box.low(1)) * LABEL_HEIGHT;
        for (int i = 0; i < marks.size(); i++) {
            for (int j = 0; j < i; j++) {
                double[] a = marks.get(i);
                double[] b = marks.get(j);
                if (Math.abs(a[0] - b[0]) < w && Math.abs(a[1] - b[1]) < h) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A "basin: value" label's width and height as fractions of the basin map's plot. */
    static final double LABEL_WIDTH = 0.18;
    static final double LABEL_HEIGHT = 0.04;

    /**
     * The basins the map gives a colour of their own, by number (rank + 1): the best
     * {@value #COLOURED_BASINS} minima (maxima when maximising) that some start of the rasters
     * drains into, the same colour for a basin in every panel. Unresolved end points rank among
     * the minima by value, often one per run that stopped short: when the first twelve ranks were
     * coloured, a sweep with many of them (Styblinski-Tang in 5-d, whose minima ranked 1, 111,
     * 112, ...) showed its global basin alone, the others grey with them.
     */
    static int[] colouredBasins(multistart.analysis.Minima minima, List<BasinRaster> rasters) {
        java.util.BitSet drained = new java.util.BitSet();
        for (BasinRaster raster : rasters) {
            for (int b : raster.cells()) {
                if (b > 0 && minima.kind(b - 1) == Kind.MINIMUM) {
                    drained.set(b);
                }
            }
        }
        int[] out = new int[Math.min(COLOURED_BASINS, drained.cardinality())];
        for (int i = 0, b = drained.nextSetBit(0); i < out.length; i++, b = drained.nextSetBit(b + 1)) {
            out[i] = b;
        }
        return out;
    }

    /**
     * Whether {@code p} lies in the plane of a slice through {@code through} (its coordinates
     * after the first two within {@code tolerance} of it): only such minima are marked, since
     * the others, projected onto the plane, would sit where they are not.
     */
    static boolean inSlice(double[] p, double[] through, double tolerance) {
        double s = 0;
        for (int i = 2; i < p.length; i++) {
            double d = p[i] - through[i];
            s += d * d;
        }
        return s <= tolerance * tolerance;
    }

    /** The points as a series, less {@code from} (see {@link #axisOffset}). */
    private static XYSeries addPoints(XYChart chart, String name, List<double[]> pts, double[] from) {
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0] - from[0];
            y[i] = pts.get(i)[1] - from[1];
        }
        return chart.addSeries(name, x, y);
    }

    /**
     * What an axis from {@code lo} to {@code hi} is drawn less: {@code lo} where the range is
     * narrower than {@link #NARROWEST} of its size (a domain from 1e20 to 1e20 + 1e5, on which
     * XChart's tick placement never ended: few doubles lie there, so no value breaks their even
     * spacing, and their labels take 21 characters), else 0.
     */
    static double axisOffset(double lo, double hi) {
        return narrow(lo, hi) ? lo : 0;
    }

    /** An axis's title, saying what it is drawn less where that is not 0. */
    static String offsetTitle(String name, double offset) {
        return offset == 0 ? name : offset > 0 ? name + " - " + Numbers.exact(offset)
                : name + " + " + Numbers.exact(-offset);
    }

    private static String slice(List<String> vars, double[] through) {
        StringBuilder s = new StringBuilder();
        for (int i = 2; i < Math.min(through.length, 5); i++) {
            s.append(i > 2 ? ", " : "").append(vars.get(i)).append(" = ").append(Numbers.brief(through[i]));
        }
        return through.length > 5 ? s + ", ..." : s.toString();
    }

    static String describe(OptimizerConfig o, Combo c) {
        StringBuilder s = new StringBuilder();
        for (String col : o.sweptColumns()) {
            if (OptimizerConfig.applies(c, col)) {
                s.append(s.length() == 0 ? ": " : ", ").append(col).append(' ').append(Numbers.setting(c, col));
            }
        }
        return s.toString();
    }

    /** Legend entries up to this long fit the convergence chart's usual width. */
    static final int LEGEND_CHARACTERS = 50;
    /** Pixels a legend character takes, about (12 px sans-serif). */
    static final int LEGEND_CHARACTER_WIDTH = 7;

    /** Room around a chart's title besides the legend: the value axis's labels, margins. */
    static final int TITLE_MARGIN = 60;

    /** Width in pixels of a chart title in the charts' title font. */
    static int titleWidth(String title) {
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, false);
        return (int) Math.ceil(TITLE_FONT.getStringBounds(title, frc).getWidth());
    }

    /**
     * A panel's width, at least {@link #PANEL_WIDTH}, that holds its title: XChart centres a title
     * over the plot, right of {@code side} pixels of labels (and the legend's, where it stands to
     * the right), and cuts off at the picture's edges what does not fit.
     */
    static int fitTitle(String title, int side) {
        return Math.max(PANEL_WIDTH, titleWidth(title) + side + TITLE_MARGIN);
    }

    /** Value (or its distance to the best value, log-scaled) against iteration, one colour per combo. */
    public static byte[] convergence(RunRecord r) throws IOException {
        ExperimentConfig c = r.plan().config();
        Findings f = r.findings();
        double best = f.best() == null ? Double.NaN : f.best().value();
        boolean log = Double.isFinite(best);
        // wider where the legend's entries are long (four swept settings: 90 characters), which
        // XChart cuts off at the picture's edge otherwise
        int longest = 0;
        for (Trajectory t : r.trajectories()) {
            longest = Math.max(longest, ("combo " + t.combo() + describe(c.optimizer(),
                    r.plan().combos().get(t.combo()))).length());
        }
        // the lines first: whether one ends early, and how high they reach, go into the title
        List<double[]> lines = new ArrayList<>();
        boolean ended = false;
        // the largest gap at a start, and the largest anywhere: a diverging run climbs to 1e18
        // and more, which squeezed every other run's decades together
        double startTop = 0;
        double top = 0;
        for (Trajectory t : r.trajectories()) {
            double[] y = plotted(t.values(), best, log);
            lines.add(y);
            ended |= y.length < t.values().length;
            if (y.length > 0) {
                startTop = Math.max(startTop, y[0]);
            }
            for (double v : y) {
                top = Math.max(top, v);
            }
        }
        double cap = convergenceCap(log, startTop, top);
        String title = "Convergence of " + r.trajectories().size() + " sample runs"
                + (!ended ? "" : log ? " (a line ends where its run's value stops being finite)"
                        : " (a line ends where its run's value passes 1e300 or stops being finite)")
                + (cap > 0 ? " (diverging runs leave the top)" : "");
        int legend = Math.max(longest, LEGEND_CHARACTERS) * LEGEND_CHARACTER_WIDTH;
        // XChart centres the title over the plot, between the value axis's labels and the
        // legend, and cuts off at the picture's edges what does not fit
        int width = Math.max(PANEL_WIDTH * 3 / 2 + Math.max(0, longest - LEGEND_CHARACTERS) * LEGEND_CHARACTER_WIDTH,
                titleWidth(title) + legend + TITLE_MARGIN);
        XYChart chart = new XYChartBuilder().width(width).height(PANEL_HEIGHT).title(title)
                .xAxisTitle("iteration").yAxisTitle(log ? "|value - best value found| (log scale)" : "value").build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisLogarithmic(log);
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
            String name = first ? "combo " + t.combo() + describe(c.optimizer(), combo) : "run " + t.run() + " #" + k;
            XYSeries s = chart.addSeries(name, x, y);
            Color colour = PALETTE[colours.get(t.combo()) % PALETTE.length];
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
        for (int i = 0; i < lengths.length; i++) {
            int[] its = r.trajectories().get(i).iterations();
            lengths[i] = its.length == 0 ? 0 : its[its.length - 1];
        }
        int right = iterationCap(lengths);
        if (right > 0) {
            chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) right);
            chart.setXAxisTitle("iteration      (runs longer than " + right + " leave the right edge)");
        }
        return png(List.of(chart));
    }

    /** XChart's tolerance when it asks whether an axis's values are equally spaced (absolute). */
    static final double EVEN_TOLERANCE = 1e-4;
    /** Where in its range a point that breaks an equal spacing is tried, as fractions. */
    private static final double[] BREAKS = {0.381966, 0.145898, 0.763932, 0.055728};
    /** The name of the series that holds that point: it draws nothing and is not in the legend. */
    static final String SPACING_BREAK = "\u00a0";

    /**
     * Keeps XChart off its ticks for equally spaced values. Where the axis's two ends and the
     * distinct x (or y) values of all series between them, in the order they first appear, step
     * by one amount (to within {@link #EVEN_TOLERANCE}), XChart puts its ticks at those values
     * and drops every k-th, k growing until their labels fit; where no label fits (one longer
     * than 20 characters, such as {@code -5.7203098394970356E299}, or two alike), k grows for
     * ever and the chart is never drawn: two sample runs' single values, or one value in the
     * middle of an axis widened about it. Nor was it pretty where it ended: every 53rd of 1000
     * iterations, basin-map cells' centres (-0.85333), final values a few ulps apart as 16-digit
     * labels. A series of one point, drawn as nothing, at a value that breaks the spacing inside
     * the axis's range sends XChart to its round ticks; it adds no value to an axis that was not
     * equally spaced, nor to one labelled by a function of its own.
     */
    static void breakEvenSpacing(XYChart chart) {
        double[] at = new double[2];
        boolean needed = false;
        for (int axis = 0; axis < 2; axis++) {
            List<Double> data = new ArrayList<>();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (XYSeries s : chart.getSeriesCollection()) {
                for (double v : axis == 0 ? s.getXData() : s.getYData()) {
                    data.add(v);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (data.isEmpty()) {
                return;
            }
            at[axis] = data.get(0);
            // an axis labelled by a function of its own (the sweep's categories at 0, 1, 2, ...)
            // is ticked at its values on purpose
            boolean named = (axis == 0 ? chart.getStyler().getXAxisTickLabelsFormattingFunction()
                    : chart.getStyler().getYAxisTickLabelsFormattingFunction()) != null;
            Double setLow = axis == 0 ? chart.getStyler().getXAxisMin() : chart.getStyler().getYAxisMin();
            Double setHigh = axis == 0 ? chart.getStyler().getXAxisMax() : chart.getStyler().getYAxisMax();
            lo = setLow != null ? setLow : lo;
            hi = setHigh != null ? setHigh : hi;
            if (named || !evenlySpaced(axisValues(lo, data, hi))) {
                continue;
            }
            for (double f : BREAKS) {
                double c = lo + (hi - lo) * f;
                data.add(c);
                if (!evenlySpaced(axisValues(lo, data, hi))) {
                    at[axis] = c;
                    needed = true;
                    break;
                }
                data.remove(data.size() - 1);
            }
        }
        if (needed) {
            XYSeries s = chart.addSeries(SPACING_BREAK, new double[] {at[0]}, new double[] {at[1]});
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }
    }

    /** The values XChart judges an axis by: its low end, the data's distinct values in order, its high end. */
    static List<Double> axisValues(double lo, List<Double> data, double hi) {
        java.util.LinkedHashSet<Double> values = new java.util.LinkedHashSet<>();
        values.add(lo);
        values.addAll(data);
        values.add(hi);
        return new ArrayList<>(values);
    }

    /**
     * XChart's test of {@link #axisValues}, without its check of the range (a break where none was needed is harmless).
     */
    static boolean evenlySpaced(List<Double> values) {
        if (values.size() < 2) {
            return false;
        }
        double step = values.get(1) - values.get(0);
        for (int i = 1; i < values.size(); i++) {
            if (!(Math.abs(values.get(i) - values.get(i - 1) - step) < EVEN_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /** The narrowest linear value axis, relative to the size of its values (see {@link #widenNarrowAxis}). */
    static final double NARROWEST = 1e-9;

    /** Whether {@code lo} to {@code hi} is narrower than {@link #NARROWEST} of the values' size. */
    static boolean narrow(double lo, double hi) {
        return hi - lo < NARROWEST * Math.max(Math.abs(lo), Math.abs(hi));
    }

    /**
     * Widens a linear value axis whose values differ by less than {@link #NARROWEST} of their
     * size (a flat line far from 0: 1e20 and 1e20 + 1e5) to that width about their middle. On
     * such an axis XChart's tick step falls below the values' rounding, and its tick placement
     * never ended. Axes whose ends are set, and logarithmic ones, are left as they are.
     */
    static void widenNarrowAxis(XYChart chart) {
        if (chart.getStyler().isYAxisLogarithmic() || chart.getStyler().getYAxisMin() != null
                || chart.getStyler().getYAxisMax() != null) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesCollection()) {
            for (double v : s.getYData()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi >= lo) || !narrow(lo, hi)) {
            return;
        }
        double mid = lo / 2 + hi / 2;
        double half = NARROWEST * Math.max(Math.abs(lo), Math.abs(hi));
        chart.getStyler().setYAxisMin(mid - half).setYAxisMax(mid + half);
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
        if (lengths.length < 4) {
            return 0;
        }
        int[] sorted = lengths.clone();
        java.util.Arrays.sort(sorted);
        int most = Math.max(1, sorted[(int) Math.ceil(0.75 * sorted.length) - 1]);
        if (sorted[sorted.length - 1] <= 4L * most) {
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

    /** Success rate over the swept settings (heat map, faceted) and the waterfall of final values. */
    public static byte[] sweep(RunRecord r, double[] waterfall) throws IOException {
        List<Chart<?, ?>> panels = new ArrayList<>(successPanels(r.plan().config().optimizer().sweptColumns(),
                r.findings().combos()));
        panels.add(waterfallPanel(waterfall));
        return png(panels);
    }

    /** The success panels of a sweep over {@code swept} (the config's swept columns). */
    static List<Chart<?, ?>> successPanels(List<String> swept, List<Findings.ComboSummary> combos) {
        List<String> axes = panelAxes(swept, combos);
        List<Chart<?, ?>> out = new ArrayList<>();
        double most = 0;
        for (Findings.ComboSummary cs : combos) {
            most = Math.max(most, 100 * cs.successRate());
        }
        // one scale for every panel, ending at a round figure above the best rate
        double top = colourTop(most);
        if (axes.size() < 2) {
            XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                    .title("Success rate (%) by " + (axes.isEmpty() ? "combo" : axes.get(0)))
                    .xAxisTitle(axes.isEmpty() ? "combo" : axes.get(0) + unread(combos, axes.get(0)))
                    .yAxisTitle("success rate (%)").build();
            style(chart.getStyler());
            // in percent, as the heat maps and the tables (a fraction's ticks read .05, .1, ...)
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(top);
            chart.getStyler().setLegendVisible(false);
            double[] x = new double[combos.size()];
            double[] y = new double[combos.size()];
            // the method, and batch sizes (whose "full" has no place on a number line), are categories
            boolean numeric = !axes.isEmpty() && !axes.get(0).equals("method")
                    && !axes.get(0).equals(multistart.config.Setting.BATCH_SIZE.column());
            for (int i = 0; i < x.length; i++) {
                String v = axes.isEmpty() ? "" : OptimizerConfig.columnValue(combos.get(i).combo(), axes.get(0));
                x[i] = numeric ? Double.parseDouble(v) : i;
                y[i] = 100 * combos.get(i).successRate();
            }
            // a setting swept over decades (a log range of rates) on a log axis, where its points
            // are evenly spaced instead of crowding at the left
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (double v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (numeric && lo < hi && narrow(lo, hi)) {
                // values closer than a number line can tell apart (0.1 and 0.10000000000000002):
                // XChart drew no ticks at all; they are categories, by name
                numeric = false;
                for (int i = 0; i < x.length; i++) {
                    x[i] = i;
                }
            }
            chart.getStyler().setXAxisLogarithmic(numeric && lo > 0 && hi >= 100 * lo);
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
            chart.addSeries("success rate", x, y).setMarker(SeriesMarkers.CIRCLE);
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
        int rowLabels = longest(distinct(combos, yLabel)) * LEGEND_CHARACTER_WIDTH;
        int width = PANEL_WIDTH;
        for (String facet : facetValues) {
            width = Math.max(width, fitTitle(heatTitle(axes, facet, top), rowLabels));
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
                sum[i][j] += cs.successRate();
                count[i][j]++;
            }
            List<Number[]> cells = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                for (int j = 0; j < ys.size(); j++) {
                    if (count[i][j] > 0) {
                        cells.add(new Number[] {i, j, Math.round(1000 * sum[i][j] / count[i][j]) / 10.0});
                    }
                }
            }
            String title = heatTitle(axes, facet, top);
            HeatMapChart chart = new HeatMapChartBuilder().width(width).height(PANEL_HEIGHT).title(title)
                    .xAxisTitle(ax + unread(panel, ax) + drawn).yAxisTitle(ay + unread(panel, ay)).build();
            style(chart.getStyler());
            // each cell's rate written in it where cells are wide and tall enough for "46.7";
            // in a 100 x 100 grid the figures covered every cell in black (and took most of
            // the 29 s that a million combos' charts took)
            chart.getStyler().setShowValue(showValues(xs.size(), ys.size()));
            labelEveryCell(chart, xs);
            chart.getStyler().setHeatMapValueDecimalPattern("0.0");
            chart.getStyler().setMin(0);
            chart.getStyler().setMax(top);
            chart.getStyler().setRangeColors(new Color[] {new Color(215, 48, 39), new Color(254, 224, 139),
                new Color(26, 152, 80)});
            chart.getStyler().setLegendVisible(false);
            chart.addSeries("success", xs, ys, cells);
            out.add(chart);
        }
        return out;
    }

    /** A success heat map's title: the facet, the settings averaged over, where the colours end. */
    private static String heatTitle(List<String> axes, String facet, double top) {
        return "Success rate (%)"
                + (axes.size() >= 3 ? ", " + axes.get(2) + " = " + facet : "")
                + (axes.size() > 3 ? ", mean over " + String.join(", ", axes.subList(3, axes.size())) : "")
                + (top < 100 ? "; colours 0-" + Numbers.brief(top) + "%" : "");
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
        double column = 0.75 * PANEL_WIDTH / Math.max(1, columns.size());
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

    /**
     * How the waterfall writes values whose spread is tiny next to 1 or to the values themselves,
     * {offset, unit}: plotted as (value - offset) / unit, the axis title saying so, as plotting
     * libraries' offset and scale notes do. XChart's ticks fail below a spread of about 1e-10 (one
     * label, or none: every run reaching 0 to within 1e-12, or one minimum's value to its last
     * digits). {0, 1} where the values plot as they are.
     */
    static double[] valueScale(double lo, double hi) {
        double spread = hi - lo;
        if (!(spread > 0) || !(spread < 1e-6 * Math.max(1, Math.max(Math.abs(lo), Math.abs(hi))))) {
            return new double[] {0, 1};
        }
        double unit = Math.pow(10, Math.floor(Math.log10(spread)));
        // near zero, a scale alone (0 to 3 x 1e-12); elsewhere from the lowest value (0 to 9.8 x 1e-15 above -6.55...)
        double offset = Math.abs(lo) <= 10 * spread ? 0 : lo;
        return new double[] {offset, unit};
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
            scale = valueScale(lo, hi);
        }
        String axis = "final value";
        if (scale[1] != 1) {
            String unit = "1e" + (int) Math.round(Math.log10(scale[1]));
            axis = scale[0] == 0 ? "final value (x " + unit + ")"
                    : "final value - (" + Numbers.exact(scale[0]) + "), x " + unit;
        }
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(title).xAxisTitle("fraction of runs").yAxisTitle(axis).build();
        style(chart.getStyler());
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
        s.setLineColor(PALETTE[0]);
        return chart;
    }
}
