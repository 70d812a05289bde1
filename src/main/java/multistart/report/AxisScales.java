package multistart.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Where XChart's axes go wrong, and what every chart does about it: ticks that never end when an
 * axis's values step evenly, axes too narrow for their place, values a few ulps apart.
 */
final class AxisScales {

    private AxisScales() {
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

    /**
     * The powers of ten in [lo, hi] (0 < lo <= hi): what XChart labels on a log axis, which by
     * default it labels at powers of ten only.
     */
    static int powersOfTen(double lo, double hi) {
        if (!(lo > 0) || !(hi >= lo) || Double.isInfinite(hi)) {
            return 0;
        }
        return (int) (Math.floor(Math.log10(hi)) - Math.ceil(Math.log10(lo)) + 1);
    }

    /**
     * Whether a log axis over [lo, hi] reads well labelled at powers of ten only (XChart's
     * default): where it holds three of them or more. With fewer (a convergence chart of a few
     * slow steps, rates from 0.002 to 0.03) it showed two labels, one or none, and the charts
     * label the values within decades too (setYAxisLogarithmicDecadeOnly(false)).
     */
    static boolean decadesLabelled(double lo, double hi) {
        return powersOfTen(lo, hi) >= 3;
    }

    /**
     * A log axis's tick label where it is labelled within decades: 1, 2 and 5 times a power of
     * ten ("0.002", "0.005", "0.01", "2E-12"), nothing at the ticks between them, whose labels
     * ran into one another (0.006 0.007 0.008 on a panel's width).
     */
    static String oneTwoFive(double v) {
        long m = mantissa(v);
        return m == 1 || m == 2 || m == 5 || m == 10 ? tick(v) : "";
    }

    /** A within-decades tick's label, whatever its mantissa (for an axis too short for 1-2-5). */
    static String tick(double v) {
        if (mantissa(v) < 0) {
            return "";
        }
        int e = (int) Math.floor(Math.log10(v));
        BigDecimal b = new BigDecimal(v).round(new MathContext(1)).stripTrailingZeros();
        return e >= -4 && e < 6 ? b.toPlainString() : b.toString().replace("E+", "E");
    }

    /** v's leading digit where v is a whole digit times a power of ten (10 for a rounded-up one); else -1. */
    private static long mantissa(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return -1;
        }
        double m = v / Math.pow(10, Math.floor(Math.log10(v)));
        long r = Math.round(m);
        return Math.abs(m - r) > 1e-6 * m ? -1 : r;
    }

    /** How many of 1, 2 and 5 times a power of ten lie in [lo, hi] (0 < lo <= hi). */
    static int oneTwoFives(double lo, double hi) {
        int count = 0;
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.floor(Math.log10(hi)); e++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * A log axis over [lo, hi], labelled at powers of ten where it holds three of them or more, else
     * at 1, 2 and 5 times one where it holds two of those, else at every tick (a span under 2.5x,
     * a few ticks).
     */
    static void labelLogAxis(org.knowm.xchart.style.AxesChartStyler styler, boolean x, double lo, double hi) {
        boolean decades = decadesLabelled(lo, hi);
        java.util.function.Function<Double, String> labels = oneTwoFives(lo, hi) >= 2 ? AxisScales::oneTwoFive
                : AxisScales::tick;
        if (x) {
            styler.setXAxisLogarithmicDecadeOnly(decades);
            if (!decades) {
                styler.setXAxisTickLabelsFormattingFunction(labels);
            }
        } else {
            styler.setYAxisLogarithmicDecadeOnly(decades);
            if (!decades) {
                styler.setYAxisTickLabelsFormattingFunction(labels);
            }
        }
    }
}
