package multistart.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.config.Combo;
import multistart.config.ExperimentConfig;
import multistart.engine.BasinRaster;
import multistart.engine.Trajectory;
import multistart.objective.Box;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * basins.png: the domain coloured by the minimum each start of the basin map's grid drains into,
 * one panel per combo drawn, the minima marked.
 */
public final class BasinMap {

    /** Basins given their own colour; the rest share one. */
    static final int COLOURED_BASINS = 12;
    private static final Color OTHER = new Color(200, 200, 200);
    private static final Color DIVERGED = new Color(60, 60, 60);

    private BasinMap() {
    }

    /**
     * Whether a basin map would show anything: its colours are the confirmed minima (maxima)
     * the grid's runs end at, which are the sweep's; without one, a map shows only where runs
     * diverge, end on a flat-bottomed valley or, in 2-d, the sample runs' paths. Where the sweep
     * had none of these every cell would be grey: a 100-d rosenbrock sweep whose runs all stopped
     * short spent 2.8 s of its 7 on such a map, an expression whose runs walked off 1.2 s.
     */
    static boolean showsAnything(Findings f, int dimension, boolean paths) {
        return f.minima().count(Kind.MINIMUM) > 0 || f.diverged() > 0 || f.flatBottomed().points() > 0
                || (dimension == 2 && paths);
    }

    /** Whether {@code plan} asks for a basin map that {@code f} leaves nothing to show ({@link #showsAnything}). */
    public static boolean greyOnly(multistart.engine.Plan plan, Findings f) {
        return plan.mapPanels() > 0 && f.best() != null && !showsAnything(f, plan.starts().dimension(),
                plan.config().output().trajectories() > 0);
    }

    /** The basin map: one panel per raster (one per combo when there are a handful). */
    public static byte[] draw(RunRecord r, List<BasinRaster> rasters) throws IOException {
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
        double[] from = {AxisScales.axisOffset(box.low(0), box.high(0)),
            AxisScales.axisOffset(box.low(1), box.high(1))};
        List<XYChart> panels = new ArrayList<>();
        for (BasinRaster raster : rasters) {
            Combo combo = r.plan().combos().get(raster.comboIndex());
            String title = "Basins, combo " + combo.index() + Charts.describe(c.optimizer(), combo);
            // where the slice lies goes under the plot: in the title it made the line too long
            // for the panel, which cut it off at both ends
            String xTitle = AxisScales.offsetTitle(vars.get(0), from[0])
                    + (vars.size() > 2 ? "      (slice through basin 1: " + slice(vars, raster.through()) + ")" : "");
            // wide enough for a title of four swept settings or more, which XChart centres over
            // the plot and cut off at both ends
            int legend = Math.max("other end points (100.0%)".length(), VALLEY_LEGEND.length());
            if (vars.size() == 2 && r.trajectories().stream().anyMatch(t -> t.combo() == raster.comboIndex())) {
                legend = PATHS_LEGEND.length();
            }
            for (int b : coloured) {
                legend = Math.max(legend, (b + ": " + Numbers.brief(f.minima().get(b - 1).value()) + " (100.0%)")
                        .length());
            }
            int width = Math.max(Charts.PANEL_WIDTH + 160,
                    Charts.fitTitle(title, legend * Charts.LEGEND_CHARACTER_WIDTH));
            XYChart chart = new XYChartBuilder().width(width).height(Charts.PANEL_HEIGHT).title(title)
                    .xAxisTitle(xTitle).yAxisTitle(AxisScales.offsetTitle(vars.get(1), from[1])).build();
            Charts.style(chart.getStyler());
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
                s.setMarker(SeriesMarkers.SQUARE).setMarkerColor(Charts.PALETTE[i % Charts.PALETTE.length]);
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
            List<double[]> valley = valleyEnds(f.minima(), raster.through(), box, c.basins().tolerance());
            if (!valley.isEmpty()) {
                addPoints(chart, VALLEY_LEGEND, valley, from).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(VALLEY);
            }
            if (vars.size() == 2) {
                addPaths(chart, r.trajectories(), raster.comboIndex(), box, from);
            }
            panels.add(chart);
        }
        return Charts.png(panels);
    }

    /** The legend's entry for the end points on a flat-bottomed valley. */
    static final String VALLEY_LEGEND = "end points on a flat-bottomed valley";
    private static final Color VALLEY = new Color(150, 30, 30);
    /** End points on a flat-bottomed valley drawn at most (the best ranked). */
    static final int VALLEY_POINTS = 5000;

    /**
     * The sweep's end points that lie on a flat-bottomed valley ({@link
     * multistart.analysis.Minima#flatBottomed}) within the map's domain and slice, best ranked
     * first, at most {@value #VALLEY_POINTS}; {@code through} is the point the map's slice
     * passes through (the best end point). Where the minima are not isolated (a ring or a line
     * of them) no basin has a colour of its own: every run ends at a point of the valley of its
     * own, and the map is grey throughout; these points draw the valley itself.
     */
    static List<double[]> valleyEnds(multistart.analysis.Minima minima, double[] through, Box box,
            double tolerance) {
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < minima.size() && out.size() < VALLEY_POINTS; r++) {
            // flatBottomed holds of unresolved points only
            if (minima.outsideDomain(r) || !minima.flatBottomed(r, tolerance)) {
                continue;
            }
            double[] p = minima.point(r);
            if (inside(p, box) && inSlice(p, through, tolerance)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The legend's entry for the paths (and its width in the panel's). */
    static final String PATHS_LEGEND = "sample runs' paths, from their starts";

    /** Steps of a sample path drawn on the map at most: a 1000-step path drawn every 5th step. */
    static final int PATH_POINTS = 200;

    /**
     * The paths of the sample runs under {@code combo} over its map, as black lines from their
     * starts (circles): how the runs cross the basins they do not end in, which the colours
     * alone do not show. Only a 2-d map holds a path whole (a higher-dimensional one is a slice
     * the paths leave). Each path is thinned to {@link #PATH_POINTS} points, the last kept, and
     * cut at the domain's edges (XChart draws a line past its axes, over the legend); a path that
     * leaves the domain and comes back is drawn in pieces. Returns how many paths were drawn.
     */
    static int addPaths(XYChart chart, List<Trajectory> trajectories, int combo, Box box, double[] from) {
        List<double[]> starts = new ArrayList<>();
        int drawn = 0;
        for (Trajectory t : trajectories) {
            double[][] pts = t.points();
            if (t.combo() != combo || pts.length == 0) {
                continue;
            }
            int stride = Math.max(1, (pts.length + PATH_POINTS - 2) / (PATH_POINTS - 1));
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < pts.length; i += stride) {
                kept.add(pts[i]);
            }
            if ((pts.length - 1) % stride != 0) {
                kept.add(pts[pts.length - 1]);
            }
            List<List<double[]>> pieces = clip(kept, box);
            for (int k = 0; k < pieces.size(); k++) {
                List<double[]> piece = pieces.get(k);
                double[] xs = new double[piece.size()];
                double[] ys = new double[piece.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = piece.get(i)[0] - from[0];
                    ys[i] = piece.get(i)[1] - from[1];
                }
                XYSeries s = chart.addSeries("sample run " + t.run() + " path " + k, xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
                        .setLineColor(Color.BLACK).setLineStyle(new java.awt.BasicStroke(1.0f));
                s.setShowInLegend(false);
            }
            if (!pieces.isEmpty()) {
                drawn++;
                if (inside(pts[0], box)) {
                    starts.add(pts[0]);
                }
            }
        }
        if (!starts.isEmpty()) {
            XYSeries s = addPoints(chart, drawn == 1 ? "sample run's path, from its start" : PATHS_LEGEND, starts,
                    from);
            s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Color.BLACK);
        }
        return drawn;
    }

    private static boolean inside(double[] p, Box box) {
        return p[0] >= box.low(0) && p[0] <= box.high(0) && p[1] >= box.low(1) && p[1] <= box.high(1);
    }

    /**
     * The polyline through {@code points} (their first two coordinates) within the box: each
     * segment clipped to it (Liang and Barsky's parametric test), consecutive clipped segments
     * that meet joined into one piece. Non-finite points break the line.
     */
    static List<List<double[]>> clip(List<double[]> points, Box box) {
        List<List<double[]>> pieces = new ArrayList<>();
        List<double[]> current = null;
        if (points.size() == 1 && inside(points.get(0), box)) {
            pieces.add(List.of(new double[] {points.get(0)[0], points.get(0)[1]}));
            return pieces;
        }
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1);
            double[] b = points.get(i);
            double[] seg = segment(a[0], a[1], b[0], b[1], box);
            if (seg == null) {
                current = null;
                continue;
            }
            double[] from = {seg[0], seg[1]};
            double[] to = {seg[2], seg[3]};
            if (current == null || !java.util.Arrays.equals(current.get(current.size() - 1), from)) {
                current = new ArrayList<>();
                current.add(from);
                pieces.add(current);
            }
            current.add(to);
        }
        return pieces;
    }

    /** The part of the segment from (x0, y0) to (x1, y1) inside the box, {x0, y0, x1, y1}, or null. */
    private static double[] segment(double x0, double y0, double x1, double y1, Box box) {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            return null;
        }
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - box.low(0), box.high(0) - x0, y0 - box.low(1), box.high(1) - y0};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {t0 == 0 ? x0 : x0 + t0 * dx, t0 == 0 ? y0 : y0 + t0 * dy,
            t1 == 1 ? x1 : x0 + t1 * dx, t1 == 1 ? y1 : y0 + t1 * dy};
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

    /** The points as a series, less {@code from} (see {@link AxisScales#axisOffset}). */
    private static XYSeries addPoints(XYChart chart, String name, List<double[]> pts, double[] from) {
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0] - from[0];
            y[i] = pts.get(i)[1] - from[1];
        }
        return chart.addSeries(name, x, y);
    }

    private static String slice(List<String> vars, double[] through) {
        StringBuilder s = new StringBuilder();
        for (int i = 2; i < Math.min(through.length, 5); i++) {
            s.append(i > 2 ? ", " : "").append(vars.get(i)).append(" = ").append(Numbers.brief(through[i]));
        }
        return through.length > 5 ? s + ", ..." : s.toString();
    }
}
