package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The charts' value axes: the whole range, unless a few far-off runs would flatten the rest
 * (the waterfall's worst 5%, a diverging sample run on the convergence chart).
 */
class ChartScalesTest {

    /**
     * The basin map labels its minima "basin: value" where the labels have room (Himmelblau's
     * four minima across [-5, 5]^2), and with the basin alone where they would run into each
     * other (rastrigin's, a unit apart across [-5.12, 5.12]^2: an 18%-wide label is 1.8 units).
     */
    @Test
    void basinMapLabelsShrinkToTheBasinNumberWhereMinimaCrowd() {
        java.util.List<double[]> himmelblau = java.util.List.of(new double[] {3, 2},
                new double[] {-2.805118, 3.131313}, new double[] {-3.779310, -3.283186},
                new double[] {3.584428, -1.848127});
        assertThat(BasinMap.crowded(himmelblau, multistart.objective.Box.cube(2, -5, 5))).isFalse();
        java.util.List<double[]> rastrigin = java.util.List.of(new double[] {0, 0}, new double[] {1, 0},
                new double[] {0, 2});
        multistart.objective.Box r = multistart.objective.Box.cube(2, -5.12, 5.12);
        assertThat(BasinMap.crowded(rastrigin, r)).isTrue();
        // a column of minima a unit apart does not crowd: labels are short in height
        assertThat(BasinMap.crowded(java.util.List.of(new double[] {0, 0}, new double[] {0, 1}), r)).isFalse();
        assertThat(BasinMap.crowded(java.util.List.of(new double[] {0, 0}), r)).isFalse();
    }

    /**
     * The waterfall's values when every run reached one level to rounding: XChart's ticks fail
     * below a spread of about 1e-10, so they are plotted in units of a power of ten at or below
     * the spread, from the lowest value where that is far from 0.
     */
    @Test
    void aTinySpreadIsPlottedInAUnitOfItsOwn() {
        // all runs at 0 to within 3e-12: a scale alone
        assertThat(AxisScales.valueScale(0, 3e-12)).containsExactly(0, 1e-12);
        assertThat(AxisScales.valueScale(-1e-16, 4.5e-12)).containsExactly(0, 1e-12);
        // peaks' minimum reached to its last digits: from the lowest value, in units of 1e-15
        // (the spread of the two doubles is 9.77e-15)
        double lo = -6.551133332835841;
        double hi = -6.551133332835831;
        double[] s = AxisScales.valueScale(lo, hi);
        assertThat(s[0]).isEqualTo(lo);
        assertThat(s[1]).isEqualTo(1e-15);
        assertThat((hi - s[0]) / s[1]).isBetween(1.0, 10.0);
        // spreads XChart ticks well are left as they are, a single value too
        assertThat(AxisScales.valueScale(0, 3e-3)).containsExactly(0, 1);
        assertThat(AxisScales.valueScale(100, 100.001)).containsExactly(0, 1);
        assertThat(AxisScales.valueScale(5, 5)).containsExactly(0, 1);
    }

    /**
     * XChart's test for an axis it ticks at its own values: the distinct values, in the order
     * they first appear, step by one amount to within 1e-4.
     */
    @Test
    void equalSpacingIsJudgedInTheOrderTheValuesAppear() {
        assertThat(AxisScales.evenlySpaced(java.util.List.of(0.0, 0.25, 0.5, 0.75))).isTrue();
        assertThat(AxisScales.evenlySpaced(java.util.List.of(3.0, 2.0, 1.0))).isTrue();
        // any two values are, one is not
        assertThat(AxisScales.evenlySpaced(java.util.List.of(-5.7203098394970356E299,
                -5.176583447326269E299))).isTrue();
        assertThat(AxisScales.evenlySpaced(java.util.List.of(1.0))).isFalse();
        // sorted they would be, in this order not
        assertThat(AxisScales.evenlySpaced(java.util.List.of(0.0, 2.0, 1.0))).isFalse();
        assertThat(AxisScales.evenlySpaced(java.util.List.of(0.0, 1.0, 2.00005))).isTrue();
        assertThat(AxisScales.evenlySpaced(java.util.List.of(0.0, 1.0, 2.0002))).isFalse();
        assertThat(AxisScales.evenlySpaced(java.util.List.of(0.0, Double.NaN))).isFalse();
    }

    /**
     * Two sample runs that each left the linear axis after their first value (-5.72e299 and
     * -5.18e299): equally spaced, their labels over 20 characters, XChart's tick placement never
     * ended. The chart gets a point that draws nothing, not in the legend, inside the range,
     * and draws; an axis that was not equally spaced gets none.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void equallySpacedValuesGetAPointThatBreaksTheSpacingAndTheChartDraws() throws java.io.IOException {
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(500).height(400).build();
        chart.addSeries("a", new double[] {0}, new double[] {-5.7203098394970356E299});
        chart.addSeries("b", new double[] {0}, new double[] {-5.176583447326269E299});
        assertThat(Charts.png(java.util.List.of(chart))).isNotEmpty();
        org.knowm.xchart.XYSeries extra = chart.getSeries(AxisScales.SPACING_BREAK);
        assertThat(extra).isNotNull();
        assertThat(extra.isShowInLegend()).isFalse();
        assertThat(extra.getMarker()).isEqualTo(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        // x had one value only, XChart's ends about it not equally spaced: the point takes it, adding none
        assertThat(extra.getXData()).containsExactly(0.0);
        assertThat(extra.getYData()[0]).isBetween(-5.7203098394970356E299, -5.176583447326269E299);
        // not equally spaced: left alone
        org.knowm.xchart.XYChart plain = new org.knowm.xchart.XYChartBuilder().width(500).height(400).build();
        plain.addSeries("a", new double[] {0, 1, 3}, new double[] {2, 7, 1});
        AxisScales.breakEvenSpacing(plain);
        assertThat(plain.getSeriesCollection()).hasSize(1);
        // a category axis labelled by a function: ticked at its values on purpose
        org.knowm.xchart.XYChart named = new org.knowm.xchart.XYChartBuilder().width(500).height(400).build();
        named.addSeries("a", new double[] {0, 1, 2}, new double[] {2, 7, 1});
        named.getStyler().setXAxisTickLabelsFormattingFunction(v -> "m" + v);
        AxisScales.breakEvenSpacing(named);
        assertThat(named.getSeriesCollection()).hasSize(1);
    }

    /**
     * Seeded charts of equally spaced x and y values (one to 40 points, in one series or
     * several, at magnitudes from 1e-300 to 1e300, steps from their size to 1e-7 of it) all
     * draw, and the point added lies inside every axis's range (the one set, where a narrow
     * axis was widened).
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void equallySpacedAxesOfAnyMagnitudeDraw() throws java.io.IOException {
        java.util.Random rnd = new java.util.Random(Long.getLong("fuzz.seed", 20261125L));
        for (int k = 0; k < 60; k++) {
            int n = 1 + rnd.nextInt(40);
            double[][] xy = new double[2][n];
            for (int axis = 0; axis < 2; axis++) {
                double size = Math.pow(10, rnd.nextInt(601) - 300);
                double first = (rnd.nextDouble() * 2 - 1) * size;
                double step = (rnd.nextBoolean() ? 1 : -1) * size * Math.pow(10, -rnd.nextInt(8)) * rnd.nextDouble();
                for (int i = 0; i < n; i++) {
                    xy[axis][i] = first + step * i;
                }
            }
            org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(400).height(300).build();
            int series = 1 + rnd.nextInt(3);
            for (int s = 0; s < series; s++) {
                int from = s * n / series;
                int to = (s + 1) * n / series;
                if (to > from) {
                    chart.addSeries("s" + s, java.util.Arrays.copyOfRange(xy[0], from, to),
                            java.util.Arrays.copyOfRange(xy[1], from, to)).setMarker(
                                    org.knowm.xchart.style.markers.SeriesMarkers.NONE);
                }
            }
            String what = "case " + k + ": x " + java.util.Arrays.toString(xy[0]) + ", y "
                    + java.util.Arrays.toString(xy[1]);
            assertThat(Charts.png(java.util.List.of(chart))).as(what).isNotEmpty();
            org.knowm.xchart.XYSeries extra = chart.getSeries(AxisScales.SPACING_BREAK);
            if (extra != null) {
                for (int axis = 0; axis < 2; axis++) {
                    double v = axis == 0 ? extra.getXData()[0] : extra.getYData()[0];
                    Double setLow = axis == 0 ? chart.getStyler().getXAxisMin() : chart.getStyler().getYAxisMin();
                    Double setHigh = axis == 0 ? chart.getStyler().getXAxisMax() : chart.getStyler().getYAxisMax();
                    double lo = setLow != null ? setLow : Math.min(xy[axis][0], xy[axis][n - 1]);
                    double hi = setHigh != null ? setHigh : Math.max(xy[axis][0], xy[axis][n - 1]);
                    assertThat(v).as(what).isBetween(lo, hi);
                }
            }
        }
    }

    @Test
    void aFewFarOffRunsGoOffTheScale() {
        // 95 runs from 0 to 9.4, five at 1000: the 95th percentile of 100 (index 94) is 9.4,
        // less than a fifth of the range, so the axis ends a tenth past it
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i < 95 ? 0.1 * i : 1000;
        }
        double[] range = SweepChart.waterfallRange(v);
        assertThat(range).isNotNull();
        assertThat(range[0]).isEqualTo(0.0);
        assertThat(range[1]).isCloseTo(9.4 * 1.1, within(1e-12));
    }

    /**
     * The longest title a waterfall has names the worst value in full ("to -1.2346e299", a
     * maximisation's worst): it fits the panel.
     */
    @Test
    void aWaterfallTitleNamingTheWorstValueFitsItsPanel() throws java.io.IOException {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i < 95 ? 10 - 0.1 * i : -1.2345678e299;
        }
        org.knowm.xchart.XYChart panel = SweepChart.waterfallPanel(v);
        assertThat(panel.getTitle()).endsWith("(worst 5% off the scale, to -1.2346e299)");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                Charts.png(java.util.List.of(panel))));
        assertThat(TitleEdges.touched(img, 1)).isFalse();
    }

    @Test
    void whenMaximisingTheBottomIsCutInstead() {
        // best first: 10 down to 0.6, then five far below
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i < 95 ? 10 - 0.1 * i : -500;
        }
        double[] range = SweepChart.waterfallRange(v);
        assertThat(range).isNotNull();
        assertThat(range[1]).isEqualTo(10.0);
        assertThat(range[0]).isCloseTo(0.6 - 0.1 * 9.4, within(1e-12));
    }

    @Test
    void anEvenStaircaseKeepsItsWholeRange() {
        // rastrigin's levels: the best 95% span 94 of 99
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i;
        }
        assertThat(SweepChart.waterfallRange(v)).isNull();
        // nearly every run at the best value, a few elsewhere: nothing to spread out
        double[] flat = new double[100];
        flat[99] = 50;
        assertThat(SweepChart.waterfallRange(flat)).isNull();
        assertThat(SweepChart.waterfallRange(new double[] {3})).isNull();
        assertThat(SweepChart.waterfallRange(new double[0])).isNull();
    }

    @Test
    void aDivergingSampleRunLeavesTheConvergenceChartsTop() {
        // runs started at most 6000 above the best; one climbed to 1e18: the axis ends at 6e6
        assertThat(ConvergenceChart.convergenceCap(true, 6000, 1e18)).isEqualTo(6e6);
        // no run climbed past 1000 times its start: the whole range
        assertThat(ConvergenceChart.convergenceCap(true, 6000, 5e6)).isZero();
        // a linear axis (no best value to measure gaps from) and no gap at all: the whole range
        assertThat(ConvergenceChart.convergenceCap(false, 6000, 1e18)).isZero();
        assertThat(ConvergenceChart.convergenceCap(true, 0, 1e18)).isZero();
    }

    /**
     * XChart labels a log axis at powers of ten only; the charts ask for labels within decades
     * where the axis holds fewer than three of them (a convergence chart from 4 down to 1.9: none
     * at all; rates from 0.002 to 0.03: only 0.01; gaps from 60 down to 1: 1 and 10).
     */
    @Test
    void aLogAxisWithFewerThanTwoPowersOfTenIsLabelledWithinDecades() {
        assertThat(AxisScales.powersOfTen(1.9, 4)).isZero();
        assertThat(AxisScales.powersOfTen(0.002, 0.03)).isEqualTo(1);
        assertThat(AxisScales.powersOfTen(0.05, 4)).isEqualTo(2);
        assertThat(AxisScales.powersOfTen(1e-16, 10)).isEqualTo(18);
        assertThat(AxisScales.powersOfTen(0, 10)).isZero();
        assertThat(AxisScales.decadesLabelled(1.9, 4)).isFalse();
        assertThat(AxisScales.decadesLabelled(0.002, 0.03)).isFalse();
        assertThat(AxisScales.decadesLabelled(1, 60)).isFalse();
        assertThat(AxisScales.decadesLabelled(0.001, 0.1)).isTrue();
        // within decades: at 1, 2 and 5 times a power of ten where two of those fall in the range
        // (0.002 to 0.03: 0.002, 0.005, 0.01, 0.02), else at every tick (1.9 to 4: only 2)
        assertThat(AxisScales.oneTwoFives(0.002, 0.03)).isEqualTo(4);
        assertThat(AxisScales.oneTwoFives(1.9, 4)).isEqualTo(1);
        assertThat(AxisScales.oneTwoFives(2.1, 4.5)).isZero();
        assertThat(AxisScales.oneTwoFive(0.005)).isEqualTo("0.005");
        assertThat(AxisScales.oneTwoFive(0.006)).isEmpty();
        assertThat(AxisScales.oneTwoFive(0.001 * 6)).isEmpty();
        assertThat(AxisScales.oneTwoFive(2e-12)).isEqualTo("2E-12");
        assertThat(AxisScales.oneTwoFive(1e6)).isEqualTo("1E6");
        assertThat(AxisScales.tick(0.07)).isEqualTo("0.07");
        assertThat(AxisScales.tick(3.0000000000000004)).isEqualTo("3");
        assertThat(AxisScales.tick(0.3 * 1.01)).isEmpty();
    }

    @Test
    void theSuccessColoursEndAtARoundFigureAboveTheBestRate() {
        // rastrigin's 0.6-1.2%: colours over 0-2%, so 1.2% stands out from 0.6%
        assertThat(SweepChart.colourTop(1.2)).isEqualTo(2.0);
        assertThat(SweepChart.colourTop(1.0)).isEqualTo(1.0);
        assertThat(SweepChart.colourTop(0.0)).isEqualTo(1.0);
        assertThat(SweepChart.colourTop(32.3)).isEqualTo(50.0);
        assertThat(SweepChart.colourTop(50.1)).isEqualTo(100.0);
        assertThat(SweepChart.colourTop(100.0)).isEqualTo(100.0);
    }

    /**
     * The iteration axis ends at twice what three quarters of the sample runs stay within (a round
     * figure) only when the longest run is over four times that: the peaks example's one run of
     * 5 000 iterations among eleven of at most 400.
     */
    @Test
    void aFewVeryLongSampleRunsLeaveTheRightEdge() {
        int[] peaks = {64, 120, 90, 200, 380, 75, 5000, 150, 360, 95, 180, 240};
        // three quarters stay within 240: twice that, rounded up to 500
        assertThat(ConvergenceChart.iterationCap(peaks)).isEqualTo(500);
        // the longest within four times that: the whole range
        assertThat(ConvergenceChart.iterationCap(new int[] {100, 200, 300, 400, 1200})).isZero();
        assertThat(ConvergenceChart.iterationCap(new int[] {100, 200, 300, 400, 1700})).isEqualTo(1000);
        // too few runs to call any of them an outlier
        assertThat(ConvergenceChart.iterationCap(new int[] {10, 10, 5000})).isZero();
        assertThat(ConvergenceChart.iterationCap(new int[0])).isZero();
        // five of twelve ran to max_iterations (5 000, over peaks' plateau): the seven that
        // stopped within 400 set the end, three quarters of them within 240 (twice: 500)
        int[] plateau = {64, 5000, 120, 5000, 200, 240, 5000, 75, 5000, 180, 5000, 95};
        boolean[] stopped = new boolean[plateau.length];
        for (int i = 0; i < plateau.length; i++) {
            stopped[i] = plateau[i] < 5000;
        }
        assertThat(ConvergenceChart.iterationCap(plateau)).isZero();
        assertThat(ConvergenceChart.iterationCap(plateau, stopped)).isEqualTo(500);
        // every run stopped, or none did: the rule over all of them
        boolean[] all = new boolean[plateau.length];
        java.util.Arrays.fill(all, true);
        assertThat(ConvergenceChart.iterationCap(plateau, all)).isZero();
        assertThat(ConvergenceChart.iterationCap(peaks, new boolean[peaks.length])).isEqualTo(500);
    }

    /**
     * A flat line far from 0 (1e20 to 1e20 + 1e5, 1e300 and a hair above): XChart's tick step fell
     * below the values' rounding and its tick placement never ended. The axis is widened, and the
     * chart draws.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aNarrowAxisFarFromZeroIsWidenedAndDraws() throws java.io.IOException {
        double[][] cases = {{1e20, 1e20 + 1e5}, {1e300, 1e300 * (1 + 1e-15)}, {-7e15, -7e15 + 1}};
        for (double[] ys : cases) {
            org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(300).height(200).build();
            chart.addSeries("s", new double[] {0, 1}, ys);
            assertThat(Charts.png(java.util.List.of(chart))).isNotEmpty();
            double mid = ys[0] / 2 + ys[1] / 2;
            assertThat(chart.getStyler().getYAxisMin()).isLessThan(Math.min(ys[0], ys[1]));
            assertThat(chart.getStyler().getYAxisMax()).isGreaterThan(Math.max(ys[0], ys[1]));
            assertThat(chart.getStyler().getYAxisMax() - chart.getStyler().getYAxisMin())
                    .isCloseTo(2 * AxisScales.NARROWEST * Math.abs(mid),
                            org.assertj.core.api.Assertions.withinPercentage(1));
        }
        // an ordinary axis is left to XChart
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(300).height(200).build();
        chart.addSeries("s", new double[] {0, 1}, new double[] {1e20, 2e20});
        AxisScales.widenNarrowAxis(chart);
        assertThat(chart.getStyler().getYAxisMin()).isNull();
    }

    /** A basin map's axis is drawn less its low end only where its range is narrow for its place. */
    @Test
    void onlyANarrowDomainIsDrawnFromItsCorner() {
        assertThat(AxisScales.axisOffset(1e20, 1e20 + 1e5)).isEqualTo(1e20);
        assertThat(AxisScales.axisOffset(-7e15, -7e15 + 1)).isEqualTo(-7e15);
        assertThat(AxisScales.axisOffset(-5.12, 5.12)).isZero();
        assertThat(AxisScales.axisOffset(1e20, 2e20)).isZero();
        assertThat(AxisScales.axisOffset(1000, 1000.001)).isZero();
        assertThat(AxisScales.offsetTitle("x", 1e20)).isEqualTo("x - 1.0E20");
        assertThat(AxisScales.offsetTitle("x", 0)).isEqualTo("x");
        assertThat(AxisScales.offsetTitle("y", -7e15)).isEqualTo("y + 7.0E15");
    }

    @Test
    void sampleRunsArePlottedAsGapsOrAsValuesUpToTheirFirstNonFiniteOne() {
        double[] run = {4.0, 1.5, 1.0, Double.NaN, Double.NaN};
        // gaps to the best value 1.0: an exact hit stays on the log axis, NaN goes above any cap
        assertThat(ConvergenceChart.plotted(run, 1.0, true)).containsExactly(3.0, 0.5, 1e-16, 1e16, 1e16);
        // no finite best value: the values, the line ending where they stop being finite
        assertThat(ConvergenceChart.plotted(run, Double.NaN, false)).containsExactly(4.0, 1.5, 1.0);
        assertThat(ConvergenceChart.plotted(new double[] {Double.NEGATIVE_INFINITY}, Double.NaN, false)).isEmpty();
        // nor past 1e300: runs at +-1e308 made the axis's range overflow, and XChart's ticks never ended
        assertThat(ConvergenceChart.plotted(new double[] {2.0, -1e300, 1e308, 3.0}, Double.NaN,
                false)).containsExactly(2.0,
                -1e300);
    }
}
