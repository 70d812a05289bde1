package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import multistart.analysis.Findings;
import multistart.config.Combo;
import multistart.config.Method;
import org.junit.jupiter.api.Test;

/** Which swept settings the success heat maps put on their axes and facets, and which facets they draw. */
class SuccessPanelsTest {

    /** Every combo of 2 methods x 10 rates x 10 momenta, in config order, with success {@code rate(k)}. */
    static List<Findings.ComboSummary> grid(double[] rates) {
        List<Findings.ComboSummary> out = new ArrayList<>();
        int k = 0;
        for (Method m : new Method[] {Method.MOMENTUM, Method.NESTEROV}) {
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < 10; j++) {
                    Combo c = new Combo(k, m, 1e-3 * Math.pow(100, i / 9.0), 1.0, j / 10.0, 0.999, 1e-8, 100, 1e-6, 0,
                            1e8);
                    double rate = rates[k];
                    out.add(new Findings.ComboSummary(c, 100, 0, 0, 0, 0, 0, Math.round(100 * rate), rate, 0, 1, 0, 0,
                            0, 1, 0, 0, 0));
                    k++;
                }
            }
        }
        return out;
    }

    /**
     * XChart labels a category axis no closer than the x axis's spacing hint, on both axes: at
     * its default (74 px) every other one of 8 rate rows went unlabelled. Every row is labelled
     * now, and columns whose labels are wider than a column stand upright.
     */
    @Test
    void everyRowAndColumnOfAHeatMapIsLabelled() {
        org.knowm.xchart.HeatMapChart few = new org.knowm.xchart.HeatMapChartBuilder().width(Charts.PANEL_WIDTH)
                .height(Charts.PANEL_HEIGHT).build();
        SweepChart.labelEveryCell(few, List.of("momentum", "nesterov", "adam"));
        assertThat(few.getStyler().getXAxisTickMarkSpacingHint()).isEqualTo(SweepChart.HEAT_LABEL_SPACING);
        assertThat(few.getStyler().getYAxisTickMarkSpacingHint()).isEqualTo(SweepChart.HEAT_LABEL_SPACING);
        assertThat(few.getStyler().getXAxisLabelRotation()).isZero();
        // a label is shorter than the spacing is tall
        assertThat(SweepChart.HEAT_LABEL_SPACING).isGreaterThan(few.getStyler().getAxisTickLabelsFont().getSize());
        List<String> rates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rates.add(Numbers.brief(1e-3 * Math.pow(100, i / 11.0)));
        }
        org.knowm.xchart.HeatMapChart many = new org.knowm.xchart.HeatMapChartBuilder().width(Charts.PANEL_WIDTH)
                .height(Charts.PANEL_HEIGHT).build();
        SweepChart.labelEveryCell(many, rates);
        assertThat(many.getStyler().getXAxisLabelRotation()).isEqualTo(90);
        // rates written in the cells up to 12 columns of about 40 px; 100 x 100 cells of 4 px
        // were covered in black figures
        assertThat(SweepChart.showValues(12, 12)).isTrue();
        assertThat(SweepChart.showValues(3, 8)).isTrue();
        assertThat(SweepChart.showValues(100, 100)).isFalse();
        assertThat(SweepChart.showValues(13, 2)).isFalse();
    }

    @Test
    void theSettingsWithTheMostValuesGoOnTheAxesTheLongLabelsUpTheSide() {
        List<Findings.ComboSummary> combos = grid(new double[200]);
        // 10 rates (labels such as 0.001668101) and 10 momenta (0.1): momenta along the bottom
        assertThat(SweepChart.panelAxes(List.of("method", "learning_rate", "momentum"), combos))
                .containsExactly("momentum", "learning_rate", "method");
    }

    @Test
    void aFacetOfManyValuesDrawsSixSpreadOverThemWithTheBestCombosAmongThem() {
        List<String> all = List.of("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9");
        // indices 0, 2, 4, 5, 7, 9 spread evenly; 0.9 is among them already
        assertThat(SweepChart.facets(all, 6, "0.9")).containsExactly("0", "0.2", "0.4", "0.5", "0.7", "0.9");
        // 0.3 is not: it takes the place of the nearest one drawn (0.2 and 0.4 are as near; the lower goes)
        assertThat(SweepChart.facets(all, 6, "0.3")).containsExactly("0", "0.3", "0.4", "0.5", "0.7", "0.9");
        assertThat(SweepChart.facets(all, 6, "0.8")).containsExactly("0", "0.2", "0.4", "0.5", "0.8", "0.9");
        assertThat(SweepChart.facets(all.subList(0, 6), 6, "0.3")).isEqualTo(all.subList(0, 6));
    }

    /**
     * One swept rate: over a decade or more on a log axis (a log range's points evenly spaced), over
     * less on a linear one; either way its ticks with a leading zero (XChart's default wrote ".005").
     */
    @Test
    void aRateSweptOverADecadeGetsALogAxis() {
        java.util.function.Function<double[], org.knowm.xchart.XYChart> panel = rates -> {
            List<Findings.ComboSummary> combos = new ArrayList<>();
            for (int k = 0; k < rates.length; k++) {
                Combo c = new Combo(k, Method.GD, rates[k], 1, 0, 0.999, 1e-8, 100, 1e-6, 0, 1e8);
                combos.add(new Findings.ComboSummary(c, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0));
            }
            return (org.knowm.xchart.XYChart) SweepChart.successPanels(List.of("learning_rate"), combos).get(0);
        };
        org.knowm.xchart.XYChart decade = panel.apply(new double[] {0.001, 0.003, 0.01});
        assertThat(decade.getStyler().isXAxisLogarithmic()).isTrue();
        org.knowm.xchart.XYChart narrow = panel.apply(new double[] {0.005, 0.01, 0.03});
        assertThat(narrow.getStyler().isXAxisLogarithmic()).isFalse();
        assertThat(new java.text.DecimalFormat(narrow.getStyler().getXAxisDecimalPattern()).format(0.005))
                .isEqualTo("0.005");
    }

    /** Two decays equal to seven figures keep a cell each: their labels get every digit. */
    @Test
    void valuesThatBriefLabelsWouldMergeKeepEveryDigit() {
        List<Findings.ComboSummary> combos = new ArrayList<>();
        double[] decays = {0.123456781, 0.123456789, 0.5};
        for (int k = 0; k < decays.length; k++) {
            Combo c = new Combo(k, Method.GD, 0.01, decays[k], 0, 0.999, 1e-8, 100, 1e-6, 0, 1e8);
            combos.add(new Findings.ComboSummary(c, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0));
        }
        assertThat(Numbers.setting(combos.get(0).combo(), "decay")).isEqualTo(Numbers.setting(combos.get(1).combo(),
                "decay"));
        java.util.function.Function<Combo, String> label = SweepChart.label(combos, "decay");
        assertThat(label.apply(combos.get(0).combo())).isEqualTo("0.123456781");
        assertThat(label.apply(combos.get(1).combo())).isEqualTo("0.123456789");
        // where no two merge, people's labels
        assertThat(SweepChart.label(combos.subList(1, 3), "decay").apply(combos.get(1).combo())).isEqualTo("0.1234568");
    }

    /** methods x 3 rates x 3 momenta in config order, with success rates 0.01, 0.02, ... by combo. */
    static List<Findings.ComboSummary> methods(Method... ms) {
        List<Findings.ComboSummary> out = new ArrayList<>();
        int k = 0;
        for (Method m : ms) {
            for (double rate : new double[] {0.01, 0.05, 0.1}) {
                for (double beta : new double[] {0.0, 0.5, 0.9}) {
                    Combo c = new Combo(k, m, rate, 1.0, beta, 0.999, 1e-8, 100, 1e-6, 0, 1e8);
                    double s = 0.01 * (k + 1);
                    out.add(new Findings.ComboSummary(c, 100, 0, 0, 0, 0, 0, Math.round(100 * s), s, 0, 1, 0, 0, 0, 1,
                            0, 0, 0));
                    k++;
                }
            }
        }
        return out;
    }

    private static List<String> columns(org.knowm.xchart.HeatMapChart chart) {
        List<String> out = new ArrayList<>();
        for (Object x : chart.getHeatMapSeries().getXData()) {
            out.add(x.toString());
        }
        return out;
    }

    /**
     * gd reads no momentum: its panel of a method x rate x momentum sweep has one column "-"
     * (three equal columns labelled 0, 0.5, 0.9 read as if momentum had been applied), the axis
     * title says why, and momentum's panel keeps its three columns.
     */
    @Test
    void aPanelWhoseMethodReadsNoMomentumHasOneColumnForIt() {
        List<Findings.ComboSummary> combos = methods(Method.GD, Method.MOMENTUM);
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels = SweepChart.successPanels(
                List.of("method", "learning_rate", "momentum"), combos);
        assertThat(panels).hasSize(2);
        org.knowm.xchart.HeatMapChart gd = (org.knowm.xchart.HeatMapChart) panels.get(0);
        org.knowm.xchart.HeatMapChart momentum = (org.knowm.xchart.HeatMapChart) panels.get(1);
        assertThat(gd.getTitle()).contains("method = gd");
        assertThat(columns(gd)).containsExactly("-");
        assertThat(gd.getXAxisTitle()).isEqualTo("momentum (gd does not read it)");
        assertThat(columns(momentum)).containsExactly("0", "0.5", "0.9");
        assertThat(momentum.getXAxisTitle()).isEqualTo("momentum");
        // the gd cells are its combos' own rates, one per rate
        List<? extends Number[]> cells = gd.getHeatMapSeries().getHeatData();
        assertThat(cells).hasSize(3);
    }

    /** With the method on an axis, gd's row has its one cell in column "-", the others none. */
    @Test
    void withTheMethodOnAnAxisGdHasACellOnlyUnderTheDash() {
        List<Findings.ComboSummary> combos = new ArrayList<>();
        for (Findings.ComboSummary cs : methods(Method.GD, Method.MOMENTUM, Method.ADAM)) {
            if (cs.combo().learningRate() == 0.01) {
                combos.add(cs);
            }
        }
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels = SweepChart.successPanels(
                List.of("method", "momentum"), combos);
        org.knowm.xchart.HeatMapChart chart = (org.knowm.xchart.HeatMapChart) panels.get(0);
        assertThat(columns(chart)).containsExactly("-", "0", "0.5", "0.9");
        List<Object> rows = new ArrayList<>(chart.getHeatMapSeries().getYData());
        assertThat(rows).containsExactly("gd", "momentum", "adam");
        List<String> filled = new ArrayList<>();
        for (Number[] cell : chart.getHeatMapSeries().getHeatData()) {
            filled.add(cell[0] + "," + cell[1]);
        }
        assertThat(filled).containsExactlyInAnyOrder("0,0", "1,1", "2,1", "3,1", "1,2", "2,2", "3,2");
        assertThat(chart.getXAxisTitle()).isEqualTo("momentum");
    }

    @Test
    void aLineOfASettingTheMethodDoesNotReadSaysSo() {
        List<Findings.ComboSummary> combos = methods(Method.GD).subList(0, 3);
        org.knowm.xchart.XYChart chart = (org.knowm.xchart.XYChart) SweepChart.successPanels(List.of("momentum"),
                combos)
                .get(0);
        assertThat(chart.getXAxisTitle()).isEqualTo("momentum (gd does not read it)");
    }

    /**
     * A success line (in percent) over categories names every one of them, the last included (XChart left out
     * a name centred on the axis's right end), with half a step of room at each end, and ends
     * whose labels differ (XChart draws no ticks where they are alike); rates a number line cannot
     * tell apart (0.1 and the next two doubles, where XChart drew no ticks) are categories too,
     * named in full.
     */
    @Test
    void everyCategoryOfASuccessLineIsNamed() {
        List<Findings.ComboSummary> combos = new ArrayList<>();
        Method[] methods = {Method.GD, Method.ADAM, Method.MOMENTUM};
        double[] success = {0.12, 0, 0.3};
        for (int k = 0; k < methods.length; k++) {
            Combo c = new Combo(k, methods[k], 0.01, 1.0, 0.9, 0.999, 1e-8, 100, 1e-6, 0, 1e8);
            combos.add(new Findings.ComboSummary(c, 100, 0, 0, 0, 0, 0, Math.round(100 * success[k]), success[k], 0,
                    1, 0, 0, 0, 1, 0, 0, 0));
        }
        org.knowm.xchart.XYChart chart = (org.knowm.xchart.XYChart) SweepChart.successPanels(List.of("method"), combos)
                .get(0);
        java.util.function.Function<Double, String> name = chart.getStyler().getXAxisTickLabelsFormattingFunction();
        assertThat(List.of(name.apply(0.0), name.apply(1.0), name.apply(2.0))).containsExactly("gd", "adam",
                "momentum");
        assertThat(chart.getStyler().getXAxisMin()).isEqualTo(-0.5);
        assertThat(chart.getStyler().getXAxisMax()).isEqualTo(2.5);
        assertThat(name.apply(-0.5)).isNotEqualTo(name.apply(2.5));
        assertThat(name.apply(0.5).isBlank() && name.apply(-0.5).isBlank() && name.apply(2.5).isBlank()).isTrue();
        // in percent, as the heat maps
        assertThat(chart.getYAxisTitle()).isEqualTo("success rate (%)");
        for (int k = 0; k < 3; k++) {
            assertThat(chart.getSeries("success rate").getYData()[k]).isEqualTo(100 * success[k]);
        }
        assertThat(chart.getStyler().getYAxisMax()).isEqualTo(50.0);

        List<Findings.ComboSummary> rates = new ArrayList<>();
        double r = 0.1;
        for (int k = 0; k < 3; k++) {
            Combo c = new Combo(k, Method.GD, r, 1.0, 0, 0.999, 1e-8, 100, 1e-6, 0, 1e8);
            rates.add(new Findings.ComboSummary(c, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0));
            r = Math.nextUp(r);
        }
        org.knowm.xchart.XYChart close = (org.knowm.xchart.XYChart) SweepChart.successPanels(List.of("learning_rate"),
                rates).get(0);
        java.util.function.Function<Double, String> rate = close.getStyler().getXAxisTickLabelsFormattingFunction();
        assertThat(rate).isNotNull();
        assertThat(List.of(rate.apply(0.0), rate.apply(1.0), rate.apply(2.0))).containsExactly("0.1",
                "0.10000000000000002", "0.10000000000000003");
        // rates a number line tells apart stay on one
        List<Findings.ComboSummary> apart = new ArrayList<>();
        for (double v : new double[] {0.01, 0.05, 0.1}) {
            Combo c = new Combo(apart.size(), Method.GD, v, 1.0, 0, 0.999, 1e-8, 100, 1e-6, 0, 1e8);
            apart.add(new Findings.ComboSummary(c, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0));
        }
        // (a log axis, a decade wide: labelled at 1, 2 and 5 times a power of ten, not named by category)
        org.knowm.xchart.style.XYStyler line = ((org.knowm.xchart.XYChart) SweepChart.successPanels(
                List.of("learning_rate"), apart).get(0)).getStyler();
        assertThat(line.isXAxisLogarithmic()).isTrue();
        java.util.function.Function<Double, String> ticks = line.getXAxisTickLabelsFormattingFunction();
        assertThat(List.of(ticks.apply(0.01), ticks.apply(0.03), ticks.apply(0.05), ticks.apply(0.1)))
                .containsExactly("0.01", "", "0.05", "0.1");
    }
    /**
     * A facet value in all its 16 digits (0.9900000000000001 beside 0.99), the settings averaged
     * over and where the colours end ran past a 640 px panel's right edge: every panel is as
     * wide as the longest title needs, and the same width as the others.
     */
    @Test
    void aHeatMapTitleOfSixteenDigitsFitsItsPanel() {
        List<Findings.ComboSummary> combos = new ArrayList<>();
        int k = 0;
        for (Method m : new Method[] {Method.MOMENTUM, Method.NESTEROV}) {
            for (double decay : new double[] {0.99, 0.9900000000000001, 0.9999999999999999}) {
                for (double rate : new double[] {0.01, 0.02, 0.05, 0.1}) {
                    for (double beta : new double[] {0.0, 0.3, 0.5, 0.9}) {
                        Combo c = new Combo(k++, m, rate, decay, beta, 0.999, 1e-8, 100, 1e-6, 0, 1e8);
                        combos.add(new Findings.ComboSummary(c, 100, 0, 0, 0, 0, 0, 20, 0.2, 0, 1, 0, 0, 0, 1, 0, 0,
                                0));
                    }
                }
            }
        }
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels = SweepChart.successPanels(
                List.of("method", "learning_rate", "momentum", "decay"), combos);
        assertThat(panels).hasSize(3);
        String longest = "Success rate (%), decay = 0.9900000000000001, mean over method; colours 0-20%";
        assertThat(panels.get(1).getTitle()).isEqualTo(longest);
        for (org.knowm.xchart.internal.chartpart.Chart<?, ?> p : panels) {
            assertThat(p.getWidth()).isEqualTo(panels.get(0).getWidth())
                    .isGreaterThanOrEqualTo(Charts.titleWidth(longest) + Charts.TITLE_MARGIN);
        }
        assertThat(Charts.titleWidth(longest) + Charts.TITLE_MARGIN).isGreaterThan(Charts.PANEL_WIDTH);
    }

    /** A combo of rate {@code rate} and momentum {@code momentum}, 100 runs, none succeeding, medians as given. */
    private static Findings.ComboSummary failing(int k, double rate, double momentum, double median, double all,
            boolean maximized) {
        Combo c = new Combo(k, Method.MOMENTUM, rate, 1.0, momentum, 0.999, 1e-8, 100, 1e-6, 0, 1e8);
        return new Findings.ComboSummary(c, 100, 0, 0, 100, 0, 0, 0, 0, 0, 0.037, median, median, 100, 1, 10_000,
                1e6, 0, -1, maximized, all);
    }

    /**
     * Where no run succeeded the rates are a flat line at 0: the panels show each combo's median
     * end value over all its runs instead (none where half of them diverged), the best end green.
     */
    @Test
    void whereNoRunSucceededThePanelsShowTheMedianEndValue() {
        List<Findings.ComboSummary> line = List.of(failing(0, 0.01, 0, 5, 5, false), failing(1, 0.05, 0, 1, 2, false),
                failing(2, 0.1, 0, 0.5, Double.POSITIVE_INFINITY, false));
        org.knowm.xchart.XYChart chart = (org.knowm.xchart.XYChart) SweepChart.successPanels(List.of("learning_rate"),
                line).get(0);
        assertThat(chart.getTitle()).isEqualTo("Median end value by learning_rate (no run succeeded)");
        assertThat(chart.getYAxisTitle()).isEqualTo("median end value (none: half the runs diverged)");
        double[] y = chart.getSeries("median end value").getYData();
        assertThat(y[0]).isEqualTo(5.0);
        assertThat(y[1]).isEqualTo(2.0);
        assertThat(y[2]).isNaN();

        List<Findings.ComboSummary> grid = new ArrayList<>();
        double[] medians = {4, 3, 2, 8};
        for (int k = 0; k < 4; k++) {
            grid.add(failing(k, k < 2 ? 0.01 : 0.1, k % 2 == 0 ? 0 : 0.9, medians[k], medians[k], false));
        }
        org.knowm.xchart.HeatMapChart map = (org.knowm.xchart.HeatMapChart) SweepChart.successPanels(
                List.of("learning_rate", "momentum"), grid).get(0);
        assertThat(map.getTitle()).isEqualTo("Median end value; green lowest (no run succeeded)");
        assertThat(map.getStyler().getMin()).isEqualTo(2.0);
        assertThat(map.getStyler().getMax()).isEqualTo(8.0);
        java.awt.Color green = map.getStyler().getRangeColors()[0];
        assertThat(green.getGreen()).isGreaterThan(green.getRed());
        // maximising, the highest is the best: green at the top of the scale
        List<Findings.ComboSummary> up = new ArrayList<>();
        for (Findings.ComboSummary cs : grid) {
            up.add(failing(cs.combo().index(), cs.combo().learningRate(), cs.combo().momentum(), -cs.medianValue(),
                    -cs.medianValue(), true));
        }
        org.knowm.xchart.HeatMapChart max = (org.knowm.xchart.HeatMapChart) SweepChart.successPanels(
                List.of("learning_rate", "momentum"), up).get(0);
        assertThat(max.getTitle()).isEqualTo("Median end value; green highest (no run succeeded)");
        java.awt.Color[] colours = max.getStyler().getRangeColors();
        assertThat(colours[colours.length - 1].getGreen()).isGreaterThan(colours[colours.length - 1].getRed());
        assertThat(colours[0].getRed()).isGreaterThan(colours[0].getGreen());
        // one success anywhere: success rates again
        List<Findings.ComboSummary> one = new ArrayList<>(line);
        Findings.ComboSummary c = line.get(0);
        one.set(0, new Findings.ComboSummary(c.combo(), 100, 1, 0, 99, 0, 0, 1, 0.01, 0, 0.05, 5, 5, 100, 1, 10_000,
                1e6, 100, -1, false, 5));
        assertThat(((org.knowm.xchart.XYChart) SweepChart.successPanels(List.of("learning_rate"), one).get(0))
                .getTitle()).isEqualTo("Success rate (%) by learning_rate");
    }

    /**
     * Where every combo succeeds equally often (all at 100%) the ranking goes by median
     * iterations, and so do the panels: fewest green; unequal rates, success rates again.
     */
    @Test
    void whereEveryComboSucceedsEquallyThePanelsShowMedianIterations() {
        double[] iterations = {300, 80, 150};
        List<Findings.ComboSummary> line = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Combo c = new Combo(k, Method.GD, 0.01 * (k + 1), 1.0, 0, 0.999, 1e-8, 1000, 1e-6, 0, 1e8);
            line.add(new Findings.ComboSummary(c, 50, 50, 0, 0, 0, 0, 50, 1.0, 0.93, 1.0, -1, -1, iterations[k], 1,
                    50 * (long) iterations[k], 0, 50 * iterations[k]));
        }
        org.knowm.xchart.XYChart chart = (org.knowm.xchart.XYChart) SweepChart.successPanels(List.of("learning_rate"),
                line).get(0);
        assertThat(chart.getTitle()).isEqualTo("Median iterations by learning_rate (every combo's success 100.0%)");
        assertThat(chart.getYAxisTitle()).isEqualTo("median iterations");
        assertThat(chart.getSeries("median iterations").getYData()).containsExactly(300.0, 80.0, 150.0);
        // one combo a run short of the others: success rates
        List<Findings.ComboSummary> unequal = new ArrayList<>(line);
        Findings.ComboSummary c = line.get(0);
        unequal.set(0, new Findings.ComboSummary(c.combo(), 50, 49, 0, 1, 0, 0, 49, 0.98, 0.9, 1.0, -1, -1, 300, 1,
                15_000, 0, 14_700));
        assertThat(((org.knowm.xchart.XYChart) SweepChart.successPanels(List.of("learning_rate"), unequal).get(0))
                .getTitle()).isEqualTo("Success rate (%) by learning_rate");
    }
}
