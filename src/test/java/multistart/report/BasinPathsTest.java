package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import multistart.config.ConfigLoader;
import multistart.engine.Plan;
import multistart.engine.Trajectory;
import multistart.objective.Box;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** The sample runs' paths on basins.png: cut at the domain's edges, drawn from their starts. */
class BasinPathsTest {

    static final Box SQUARE = new Box(new double[] {-1, -1}, new double[] {1, 1});

    static List<double[]> path(double... xy) {
        List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            out.add(new double[] {xy[i], xy[i + 1]});
        }
        return out;
    }

    /** Each case's pieces against where the segments cross the square's edges, by hand. */
    @Test
    void aPathIsCutAtTheEdgesIntoThePiecesInsideTheDomain() {
        // inside throughout: itself
        List<List<double[]>> in = BasinMap.clip(path(0, 0, 0.5, 0.5, -0.5, 0.25), SQUARE);
        assertThat(in).hasSize(1);
        assertThat(in.get(0)).containsExactly(new double[] {0, 0}, new double[] {0.5, 0.5}, new double[] {-0.5, 0.25});
        // out through the right edge at y = 0.5 (from (0, 0) to (2, 1)), then back in at (1, 0)
        // from (2, 0) to (0, 0)
        List<List<double[]>> outAndBack = BasinMap.clip(path(0, 0, 2, 1, 2, 0, 0, 0), SQUARE);
        assertThat(outAndBack).hasSize(2);
        assertThat(outAndBack.get(0)).containsExactly(new double[] {0, 0}, new double[] {1, 0.5});
        assertThat(outAndBack.get(1)).containsExactly(new double[] {1, 0}, new double[] {0, 0});
        // from outside to outside across the square, corner to corner: the diagonal
        List<List<double[]>> across = BasinMap.clip(path(-3, -3, 3, 3), SQUARE);
        assertThat(across).hasSize(1);
        assertThat(across.get(0).get(0)[0]).isCloseTo(-1, within(1e-15));
        assertThat(across.get(0).get(1)[1]).isCloseTo(1, within(1e-15));
        // outside throughout, and a path of one point outside: nothing
        assertThat(BasinMap.clip(path(2, 2, 3, 2, 3, 3), SQUARE)).isEmpty();
        assertThat(BasinMap.clip(path(2, 2), SQUARE)).isEmpty();
        // a run that stops being finite breaks the line there
        List<List<double[]>> broken = BasinMap.clip(path(0, 0, 0.5, 0, Double.NaN, 0, 0.5, 0.5, 0, 0.5), SQUARE);
        assertThat(broken).hasSize(2);
        assertThat(broken.get(0)).containsExactly(new double[] {0, 0}, new double[] {0.5, 0});
        assertThat(broken.get(1)).containsExactly(new double[] {0.5, 0.5}, new double[] {0, 0.5});
    }

    /**
     * Peaks' sample runs under one combo: a line per path (pieces of it where it leaves and
     * re-enters), every drawn point inside the domain and on the path's own line, the paths'
     * starts marked, and the other combos' runs left out.
     */
    @Test
    void theComboSampleRunsAreDrawnFromTheirStartsInsideTheDomain() throws Exception {
        Plan plan = Plan.of(ConfigLoader.parse("""
                name: p
                objective: {builtin: peaks}
                starts: {count: 50}
                optimizer: {method: momentum, learning_rate: [0.01, 0.05], momentum: 0.9, max_iterations: 300}
                """.getBytes(StandardCharsets.UTF_8), "c.yaml", null));
        List<Trajectory> runs = Trajectory.sample(plan, 8, 1, 1);
        XYChart chart = new XYChartBuilder().width(800).height(560).build();
        Box box = plan.config().domain();
        int drawn = BasinMap.addPaths(chart, runs, 1, box, new double[] {0, 0});
        long underOne = runs.stream().filter(t -> t.combo() == 1).count();
        assertThat(underOne).isGreaterThan(1);
        assertThat(drawn).isEqualTo((int) underOne);
        int starts = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            for (int i = 0; i < s.getXData().length; i++) {
                assertThat(s.getXData()[i]).isBetween(box.low(0), box.high(0));
                assertThat(s.getYData()[i]).isBetween(box.low(1), box.high(1));
            }
            if (s.getName().startsWith("sample runs' paths")) {
                starts = s.getXData().length;
            }
        }
        assertThat(starts).isEqualTo(drawn);
        // the first piece of the first path begins at its start, a point of the trajectory
        Trajectory first = runs.stream().filter(t -> t.combo() == 1).findFirst().orElseThrow();
        XYSeries line = chart.getSeries("sample run " + first.run() + " path 0");
        assertThat(line.getXData()[0]).isEqualTo(first.points()[0][0]);
        assertThat(line.getYData()[0]).isEqualTo(first.points()[0][1]);
    }

    static multistart.analysis.Findings findings(String yaml) throws Exception {
        Plan plan = Plan.of(ConfigLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "c.yaml", null));
        multistart.analysis.Aggregator aggregator = new multistart.analysis.Aggregator(plan);
        new multistart.engine.Engine(1).execute(plan, 0, aggregator, null);
        return aggregator.finish(1);
    }

    /**
     * On a ring of minima, (x^2 + y^2 - 1)^2, every run ends at a point of its own and no basin
     * gets a colour: the map draws the end points on the flat-bottomed valley instead, each on the
     * unit circle (gd converges onto it to |g| < 1e-6, so within about 1e-6 / 8 of it in radius),
     * as many as the findings count; a slice (more than two variables) keeps only those in its
     * plane. Peaks, whose minima are isolated, has none to draw.
     */
    @Test
    void theEndPointsOnAFlatBottomedValleyAreDrawnWhereNoBasinHasAColour() throws Exception {
        String ring = """
                name: ring
                objective: {expression: "(x^2 + y^2 - 1)^2", variables: [x, y]}
                domain: {"*": [-1.5, 1.5]}
                starts: {count: 60}
                optimizer: {method: gd, learning_rate: 0.05, max_iterations: 20000}
                """;
        multistart.analysis.Findings f = findings(ring);
        Box box = new Box(new double[] {-1.5, -1.5}, new double[] {1.5, 1.5});
        double[] plane = {0, 0};
        List<double[]> valley = BasinMap.valleyEnds(f.minima(), plane, box, 1e-4);
        assertThat(f.flatBottomed().points()).isEqualTo(60);
        assertThat(valley).hasSize(60);
        for (double[] p : valley) {
            assertThat(Math.hypot(p[0], p[1])).isCloseTo(1.0, within(1e-6));
        }
        // only the part of the box drawn: the right half
        Box right = new Box(new double[] {0, -1.5}, new double[] {1.5, 1.5});
        List<double[]> half = BasinMap.valleyEnds(f.minima(), plane, right, 1e-4);
        assertThat(half).isNotEmpty().hasSizeLessThan(60).allSatisfy(p -> assertThat(p[0]).isNotNegative());
        // a sphere of minima in 3-d, sliced at z = 0: the points off the plane are left out
        multistart.analysis.Findings sphere = findings(ring.replace("(x^2 + y^2 - 1)^2", "(x^2 + y^2 + z^2 - 1)^2")
                .replace("[x, y]", "[x, y, z]"));
        double[] slice = {0, 0, 0};
        assertThat(sphere.flatBottomed().points()).isEqualTo(60);
        assertThat(BasinMap.valleyEnds(sphere.minima(), slice, box, 1e-4)).allSatisfy(
                p -> assertThat(Math.abs(p[2])).isLessThanOrEqualTo(1e-4)).hasSizeLessThan(60);
        multistart.analysis.Findings peaks = findings("""
                name: p
                objective: {builtin: peaks}
                starts: {count: 60}
                optimizer: {method: gd, learning_rate: 0.05, max_iterations: 2000}
                """);
        assertThat(peaks.minima().count(multistart.analysis.Kind.MINIMUM)).isPositive();
        assertThat(BasinMap.valleyEnds(peaks.minima(), plane, new Box(new double[] {-3, -3}, new double[] {3, 3}),
                1e-4)).isEmpty();
    }
}
