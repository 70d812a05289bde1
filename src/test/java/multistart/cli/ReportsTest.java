package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import multistart.report.Numbers;
import multistart.report.TitleEdges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pictures and the HTML page of a himmelblau learning-rate x momentum sweep. */
class ReportsTest {

    @TempDir
    Path tmp;

    static final String SWEEP = """
            name: himmelblau-sweep
            objective: {builtin: himmelblau}
            starts: {count: 200, sampler: halton}
            optimizer:
              method: momentum
              learning_rate: [0.005, 0.02]
              momentum: [0.0, 0.5, 0.9]
              max_iterations: 1500
            basins: {tolerance: 1.0e-3}
            output: {basin_resolution: 30, trajectories: 12}
            """;

    Path run(String yaml) throws IOException {
        return Cli.runConfig(tmp, "out", yaml);
    }

    static BufferedImage png(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        // the PNG signature, then a decodable image
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 13, (byte) 10);
        BufferedImage img = ImageIO.read(p.toFile());
        assertThat(img).as(p.toString()).isNotNull();
        return img;
    }

    /** runs.csv's rows, each a map from its header's column names to the row's cells. */
    static List<java.util.Map<String, String>> runsCsv(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("runs.csv"));
        String[] header = lines.get(0).split(",");
        List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            // (a diverged run's basin is empty, at the end of its row)
            String[] cells = line.split(",", -1);
            java.util.Map<String, String> row = new java.util.HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** minima.csv's rows (basin,x,y,value,kind,hits,share,best_run), split at the commas. */
    static List<String[]> minimaCsv(Path out) throws IOException {
        return Files.readAllLines(out.resolve("minima.csv")).stream().skip(1).map(l -> l.split(",")).toList();
    }

    /** minima.csv's unresolved rows holding the most runs first, ties in basin order. */
    static final java.util.Comparator<String[]> MOST_HITS = java.util.Comparator
            .comparingLong((String[] l) -> -Long.parseLong(l[5])).thenComparingInt(l -> Integer.parseInt(l[0]));

    @Test
    void everyPictureIsAValidPngOfTheExpectedSizeAndThePageEmbedsThem() throws IOException {
        Path out = run(SWEEP);
        // six combos: small multiples, 3 columns x 2 rows of 800 x 560 panels
        BufferedImage basins = png(out.resolve("basins.png"));
        assertThat(basins.getWidth()).isEqualTo(3 * 800);
        assertThat(basins.getHeight()).isEqualTo(2 * 560);
        BufferedImage convergence = png(out.resolve("convergence.png"));
        assertThat(convergence.getWidth()).isEqualTo(960);
        assertThat(convergence.getHeight()).isEqualTo(560);
        // one heat map (two swept settings) beside the waterfall
        BufferedImage sweep = png(out.resolve("sweep.png"));
        assertThat(sweep.getWidth()).isEqualTo(2 * 640);
        assertThat(sweep.getHeight()).isEqualTo(560);

        String html = Files.readString(out.resolve("report.html"));
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            byte[] decoded = java.util.Base64.getDecoder().decode(m.group(1));
            assertThat(ImageIO.read(new java.io.ByteArrayInputStream(decoded))).isNotNull();
            images++;
        }
        assertThat(images).isEqualTo(3);
        // nothing is loaded from anywhere: no URL scheme other than the data URIs
        // one inline script (the tables' sorting), which loads nothing either
        assertThat(html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "")).doesNotContain("://")
                .doesNotContain("<script ").doesNotContain("<link").doesNotContain("fetch(")
                .doesNotContain("XMLHttpRequest").doesNotContain("import");
        assertThat(html.split("<script>", -1)).hasSize(2);
        assertThat(html).contains("Best minimum: <b>").contains("<h2>Sweep, ranked").contains("Resolved config")
                .contains("multistart ");
        // each picture says how to read it
        assertThat(html.replace("&#39;", "'"))
                .contains("<h2>Basins of attraction</h2>\n<p>Each start of a fine grid over the domain, coloured by "
                        + "the minimum its run ends at").contains("Black lines are the sample runs' paths")
                .contains("<h2>Convergence</h2>\n<p>How far each sample run's value is from the known optimum")
                .contains("<h2>Sweep</h2>\n<p>The share of runs that reached the known optimum");
        // under the sweep table, in both, what the ranking allows one to conclude
        String summary = Files.readString(out.resolve("summary.md"));
        Matcher reading = Pattern.compile("\n\n(Compared start by start \\(every combo ran from the same starts\\)"
                + "|Combo [0-9]+ \\(.*succeeds more often)[^\n]*\n").matcher(summary);
        assertThat(reading.find()).as(summary).isTrue();
        assertThat(html.replace("&#39;", "'")).contains("<p>" + reading.group(1));
    }

    /**
     * The map colours the basins of the best minima. Runs that stop short each end at a point of
     * their own, ranked among the minima by value; when the first twelve ranks were coloured,
     * minima ranked after such points were drawn grey with them.
     */
    @Test
    void theMapColoursTheMinimaEvenWhereShortRunsRankAmongThem() throws IOException {
        Path out = run("""
                name: st
                objective: {builtin: styblinski-tang, dimension: 2}
                starts: {count: 400}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: [8, 2000]}
                output: {basin_resolution: 30}
                """);
        List<String[]> minima = Files.readAllLines(out.resolve("minima.csv")).stream().skip(1)
                .map(l -> l.split(",")).filter(f -> f[4].equals("minimum")).toList();
        // its four minima, the last three ranked after short runs' end points
        assertThat(minima).hasSize(4);
        assertThat(Integer.parseInt(minima.get(3)[0])).isGreaterThan(12);
        // two panels (two combos); the one whose runs converge shows four basins in the
        // palette's first four colours, each over a large region
        BufferedImage map = png(out.resolve("basins.png"));
        int[][] palette = {{31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {214, 39, 40}};
        for (int[] c : palette) {
            int rgb = new java.awt.Color(c[0], c[1], c[2]).getRGB();
            int count = 0;
            for (int y = 0; y < map.getHeight(); y++) {
                for (int x = 0; x < map.getWidth(); x++) {
                    count += map.getRGB(x, y) == rgb ? 1 : 0;
                }
            }
            assertThat(count).as("pixels of colour %s", java.util.Arrays.toString(c)).isGreaterThan(5000);
        }
    }

    @Test
    void aSingleComboAndHigherDimensionsGiveASliceThroughTheBestMinimum() throws IOException {
        Path out = run("""
                name: slice
                objective: {builtin: rastrigin, dimension: 3}
                starts: {count: 100}
                optimizer: {method: gd, learning_rate: 0.002, max_iterations: 300}
                output: {basin_resolution: 20}
                """);
        assertThat(png(out.resolve("basins.png")).getWidth()).isEqualTo(800);
        assertThat(png(out.resolve("sweep.png")).getWidth()).isEqualTo(2 * 640);
        assertThat(Files.readString(out.resolve("report.html"))).contains("data:image/png;base64,");
    }

    @Test
    void oneDimensionHasNoBasinMapAndChartsCanBeTurnedOff() throws IOException {
        Path out = run("""
                name: one
                objective: {builtin: sine}
                starts: {count: 20}
                optimizer: {learning_rate: 0.1}
                """);
        assertThat(out.resolve("basins.png")).doesNotExist();
        png(out.resolve("convergence.png"));
        Path off = run("""
                name: off
                objective: {builtin: sine}
                starts: {count: 20}
                optimizer: {learning_rate: 0.1}
                output: {charts: false}
                """);
        assertThat(off.resolve("report.html")).doesNotExist();
        assertThat(off.resolve("sweep.png")).doesNotExist();
    }

    @Test
    void noProgressBarWhenOutputIsNotATerminal() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, SWEEP);
        Cli r = Cli.run("run", cfg.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err() + r.out()).doesNotContain("\r").doesNotContain("runs/s");
    }

    static double number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(pattern).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /**
     * Two configs in one command: the second's stated time is its own, not the first's as well (the
     * first is the longer, 4e7 steps), and it counts its basin map (most of it: 14 400 map runs
     * against 50 starts).
     */
    @Test
    void eachExperimentsStatedTimeIsItsOwnAndCountsItsBasinMap() throws IOException {
        Path a = tmp.resolve("a.yaml");
        Files.writeString(a, """
                name: a
                objective: {builtin: booth}
                starts: {count: 4000}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 10000, stop: {gradient_norm: 0}}
                output: {charts: false}
                """);
        Path b = tmp.resolve("b.yaml");
        Files.writeString(b, """
                name: b
                objective: {builtin: beale}
                starts: {count: 50}
                optimizer: {method: nesterov, learning_rate: 0.001, momentum: 0.9, max_iterations: 2000}
                output: {basin_resolution: 120}
                """);
        Path out = tmp.resolve("out");
        long t0 = System.nanoTime();
        Cli r = Cli.run("run", a.toString(), b.toString(), "--out", out.toString(), "--quiet", "--force");
        double elapsed = (System.nanoTime() - t0) / 1e9;
        assertThat(r.code()).as(r.err()).isZero();
        String json = "\"total_seconds\" : ([0-9.eE+-]+)";
        double ta = number(Files.readString(out.resolve("a/result.json")), json);
        double tb = number(Files.readString(out.resolve("b/result.json")), json);
        assertThat(ta + tb).as("a %s s, b %s s, the command %s s", ta, tb, elapsed).isLessThanOrEqualTo(elapsed);
        assertThat(tb).as("b %s s of the %s s after a", tb, elapsed - ta).isGreaterThan(0.6 * (elapsed - ta));
        // b's map is stated apart: part of its whole time, longer than its sweep (14 400 runs against 50); a has none
        String bJson = Files.readString(out.resolve("b/result.json"));
        double mb = number(bJson, "\"basin_map_seconds\" : ([0-9.eE+-]+)");
        assertThat(mb).isLessThan(tb).isGreaterThan(number(bJson, "\"wall_seconds\" : ([0-9.eE+-]+)"));
        assertThat(Files.readString(out.resolve("a/result.json"))).contains("\"basin_map_seconds\" : null");
        assertThat(Files.readString(out.resolve("b/summary.md")))
                .contains(String.format(java.util.Locale.ROOT, ", %.3f s drawing the basin map (", mb));
        // the summary and the page state the same time
        String stated = String.format(java.util.Locale.ROOT, "%.3f s in all", tb);
        assertThat(Files.readString(out.resolve("b/summary.md"))).contains(stated);
        assertThat(Files.readString(out.resolve("b/report.html"))).contains(stated);
    }

    /**
     * The summary's minima table numbers basins as minima.csv does (by value among all distinct end
     * points, unresolved ones included), and says why the numbers skip when they do.
     */
    @Test
    void theMinimaTableUsesMinimaCsvsBasinNumbersAndSaysWhyTheySkip() throws IOException {
        String why = "Basins are numbered by value among all distinct end points, unresolved ones included";
        // himmelblau's four minima, every run converged: basins 1 to 4, nothing skipped
        Path out = run("""
                name: h
                objective: {builtin: himmelblau}
                starts: {count: 200, sampler: halton}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 5000}
                output: {charts: false}
                """);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("4 minima, 0 saddles, 0 unresolved").doesNotContain(why);
        // its four minima are all global (value 0): the answer says they tie
        assertThat(summary).contains("3 other minima tie with it (within 1e-6): basins 2, 3, 4.");
        // the sweep table's basins column says what it counts
        assertThat(summary).contains("`basins`: the distinct end points the combo's runs reached, unresolved ones "
                + "included");
        // peaks with runs cut short: unresolved points rank between its minima
        out = run("""
                name: p
                objective: {builtin: peaks}
                starts: {count: 300, sampler: halton}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 300}
                output: {charts: false}
                """);
        summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains(why).doesNotContain(" tie with it");
        List<String> csv = Files.readAllLines(out.resolve("minima.csv"));
        Matcher rows = Pattern.compile("(?m)^\\| (\\d+) \\| [^|]+ \\| [^|]+ \\| ([^ ]+) \\| minimum \\|")
                .matcher(summary);
        int found = 0;
        while (rows.find()) {
            // the same basin number, value and kind in minima.csv (basin,x,y,value,kind,...)
            String[] line = csv.get(Integer.parseInt(rows.group(1))).split(",");
            assertThat(line[0]).isEqualTo(rows.group(1));
            assertThat(Double.parseDouble(line[3])).isEqualTo(Double.parseDouble(rows.group(2)));
            assertThat(line[4]).isEqualTo("minimum");
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(2);
    }

    /**
     * report.html lists every minimum (none hidden behind unresolved points, which rank among
     * them by value), then the ten unresolved end points that hold the most runs: both checked
     * against minima.csv.
     */
    @Test
    void thePageListsEveryMinimumThenTheUnresolvedPointsHoldingTheMostRuns() throws IOException {
        Path out = run("""
                name: p
                objective: {builtin: peaks}
                starts: {count: 400, sampler: halton}
                optimizer: {method: momentum, learning_rate: [0.01, 0.05], momentum: 0.9, max_iterations: 150}
                output: {basin_resolution: 0}
                """);
        String html = Files.readString(out.resolve("report.html"));
        List<String[]> csv = minimaCsv(out);
        int split = html.indexOf("<h3>Unresolved end points holding the most runs</h3>");
        assertThat(split).isPositive();
        java.util.function.Function<String, List<String>> basins = part -> {
            List<String> b = new java.util.ArrayList<>();
            Matcher m = Pattern.compile("<tr><td>(\\d+)</td>").matcher(part);
            while (m.find()) {
                b.add(m.group(1));
            }
            return b;
        };
        List<String> minima = csv.stream().filter(l -> !l[4].equals("unresolved")).map(l -> l[0]).toList();
        assertThat(minima).hasSizeGreaterThanOrEqualTo(2);
        assertThat(basins.apply(html.substring(html.indexOf("<h2>Distinct end points"), split)))
                .containsExactlyElementsOf(minima);
        // the ten with the most hits, ties in basin order
        List<String> mostHits = csv.stream().filter(l -> l[4].equals("unresolved")).sorted(MOST_HITS)
                .limit(10).map(l -> l[0]).toList();
        assertThat(mostHits).hasSize(10);
        assertThat(basins.apply(html.substring(split, html.indexOf("<h2>Sweep, ranked"))))
                .containsExactlyElementsOf(mostHits);
        long unresolved = csv.stream().filter(l -> l[4].equals("unresolved")).count();
        assertThat(html).contains(unresolved + " unresolved end points hold ");
    }

    /**
     * summary.md shows where stopped runs gathered: the unresolved end points holding at least 1% of
     * the runs, at most five, most first, each with its nearest minimum (rmsprop at a fixed rate
     * circles beale's minimum on a two-point orbit, which nesterov reaches), checked against
     * minima.csv.
     */
    @Test
    void theSummaryShowsWhereStoppedRunsGathered() throws IOException {
        Path out = run("""
                name: b
                objective: {builtin: beale}
                starts: {count: 300, sampler: halton}
                optimizer: {method: [rmsprop, nesterov], learning_rate: 0.01, momentum: 0.9, max_iterations: 3000}
                output: {charts: false}
                """);
        String summary = Files.readString(out.resolve("summary.md"));
        List<String[]> csv = minimaCsv(out);
        List<String[]> minima = csv.stream().filter(l -> l[4].equals("minimum")).toList();
        assertThat(minima).isNotEmpty();
        List<String> expected = new java.util.ArrayList<>();
        for (String[] l : csv.stream().filter(l -> l[4].equals("unresolved") && Double.parseDouble(l[6]) >= 0.01)
                .sorted(MOST_HITS).limit(5).toList()) {
            // the nearest minimum, by the coordinates minima.csv gives
            String[] nearest = null;
            double best = Double.POSITIVE_INFINITY;
            for (String[] q : minima) {
                double dx = Double.parseDouble(q[1]) - Double.parseDouble(l[1]);
                double dy = Double.parseDouble(q[2]) - Double.parseDouble(l[2]);
                if (Math.hypot(dx, dy) < best) {
                    best = Math.hypot(dx, dy);
                    nearest = q;
                }
            }
            expected.add(l[0] + "," + l[5] + ",nearest minimum: basin " + nearest[0] + ", "
                    + String.format(java.util.Locale.ROOT, "%.2g", best) + " away");
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        int at = summary.indexOf("Unresolved end points holding at least 1.0% of the runs each:");
        assertThat(at).as(summary).isPositive();
        List<String> rows = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\|.*\\| unresolved \\| (\\d+) \\| [^|]+ \\| ([^|]*) \\|$")
                .matcher(summary.substring(at, summary.indexOf("## Sweep")));
        while (m.find()) {
            rows.add(m.group(1) + "," + m.group(2) + "," + m.group(3));
        }
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    /**
     * When the best end point is not a minimum it is not called one: peaks under gd at rate 0.08,
     * where the runs in the global well settle on a two-point orbit (about -5.82, never converging)
     * and the best minimum found is the local one at (-1.3474, 0.2045), -3.0498494028.
     */
    @Test
    void aBestEndPointThatIsNoMinimumIsNotCalledOne() throws IOException {
        Path out = run("""
                name: p
                objective: {builtin: peaks}
                starts: {count: 300, sampler: halton}
                optimizer: {method: gd, learning_rate: 0.08, max_iterations: 3000}
                output: {basin_resolution: 0}
                """);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("**Best end point: ").doesNotContain("Best minimum")
                .containsPattern("Best confirmed minimum: -3\\.04984940\\d* at \\(x = -1\\.34739");
        // the orbit's two points are basins 1 and 2; gd steps from one to the other, so the
        // gradient's norm at either is their distance over the rate
        List<String> minima = Files.readAllLines(out.resolve("minima.csv"));
        String[] a = minima.get(1).split(",");
        String[] b = minima.get(2).split(",");
        double norm = Math.hypot(Double.parseDouble(a[1]) - Double.parseDouble(b[1]),
                Double.parseDouble(a[2]) - Double.parseDouble(b[2])) / 0.08;
        Matcher said = Pattern.compile("basin 1, unresolved \\(not a stationary"
                + " point: the gradient's norm there is ([0-9.]+), above stop.gradient_norm, 1e-6, so its runs"
                + " had not settled\\), reached by").matcher(summary);
        assertThat(said.find()).as(summary).isTrue();
        assertThat(Double.parseDouble(said.group(1))).isCloseTo(norm, within(1e-5 * norm));
        assertThat(Files.readString(out.resolve("report.html"))).contains("Best end point: <b>")
                .containsPattern("the best confirmed minimum is -3\\.04984940");
    }

    /**
     * Ackley's minimum is a cone's tip: gd with a decaying rate ends within 1e-15 of it, where
     * the Hessian's differences straddle the tip and read a curvature of 282 896, which gave a
     * rate limit of 7e-6 and "a smaller rate lets them settle". Now the minimum is said to be at
     * a kink, with no curvature and no limit.
     */
    @Test
    void aMinimumAtAKinkGetsNoRateLimit() throws IOException {
        Path out = run("""
                name: ack
                objective: {builtin: ackley, dimension: 2}
                domain: {"*": [-2, 2]}
                starts: {count: 100}
                optimizer: {method: gd, learning_rate: [0.01, 0.05], decay: [1, 0.99], max_iterations: 3000}
                output: {basin_resolution: 0}
                """);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("basin 1, a minimum at a kink (the slope flips sign there")
                .containsPattern("\\| 1 \\| [^\\n]* \\| minimum \\| [^\\n]* \\| at a kink \\|")
                .doesNotContain("largest eigenvalue there is").doesNotContain("settles there only below");
        String json = Files.readString(out.resolve("result.json"));
        int at = json.indexOf("\"basin\" : 1,");
        String first = json.substring(at, json.indexOf("\"basin\" : ", at + 1));
        assertThat(first).contains("\"kind\" : \"minimum\"").contains("\"at_kink\" : true")
                .doesNotContain("gd_learning_rate_limit").containsPattern("\"hessian_eigenvalues\" : \\[ ?\\]");
    }

    /**
     * With the stop tests off a run takes max_iterations steps: gd at rate 0.01 on (x - 1)^2 from
     * 3 multiplies x - 1 by 0.98 a step, so after 30 steps the gradient 2 (x - 1) is 4 (0.98)^30,
     * and the headline says the end point is no stationary point rather than "a flat region".
     */
    @Test
    void anEndPointCaughtByMaxIterationsWithTheStopTestsOffIsNoStationaryPoint() throws IOException {
        Path out = run("""
                name: q
                objective: {builtin: quadratic}
                starts: {count: 0, points: [[3.0]]}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 30, stop: {gradient_norm: 0}}
                """);
        String summary = Files.readString(out.resolve("summary.md"));
        Matcher said = Pattern.compile("basin 1, unresolved \\(not a stationary point: the gradient's norm there is"
                + " ([0-9.]+); with the stop tests off, its run stopped at max_iterations\\), reached by its only"
                + " run").matcher(summary);
        assertThat(said.find()).as(summary).isTrue();
        double g = 4 * Math.pow(0.98, 30);
        assertThat(Double.parseDouble(said.group(1))).isCloseTo(g, within(1e-6 * g));
    }

    /**
     * Four swept settings make legend entries of about 90 characters ("combo 29: method
     * momentum, learning_rate 0.007196857, decay 1, momentum 0.9"), which XChart cut off at the
     * picture's edge: the convergence chart widens by 7 px a character past 50.
     */
    @Test
    void theConvergenceChartWidensForLongLegendEntries() throws IOException {
        Path out = run("""
                name: legend
                objective: {builtin: six-hump-camel}
                starts: {count: 4}
                optimizer: {method: [momentum, adam], learning_rate: {from: 0.001, to: 0.1, steps: 3, scale: log},
                  decay: [1.0, 0.999], momentum: [0.5, 0.9], max_iterations: 100}
                output: {basin_resolution: 0, trajectories: 4}
                """);
        // the longest possible entry: "combo 14: method momentum, learning_rate 0.01, decay 0.999, momentum 0.9"
        // is 73 characters; which combos the samples fall in decides the actual width
        int width = png(out.resolve("convergence.png")).getWidth();
        assertThat(width).isGreaterThan(960).isLessThanOrEqualTo(960 + (73 - 50) * 7);
    }

    /**
     * x^4 - 3x^2 + x has its minimum at x = -1.30084, where it is -3.513905 (4x^3 - 6x + 1 = 0):
     * a known_minimum of -3 cannot be right, and every run is judged against it (a run at or
     * below it succeeds). The reports say so; the true value, given, draws no remark.
     */
    @Test
    void aRunBetterThanTheKnownOptimumSaysTheKnownOptimumIsWrong() throws IOException {
        String yaml = """
                name: known
                objective: {expression: "x^4 - 3*x^2 + x", variables: [x], known_minimum: -3}
                domain: {x: [-2, 2]}
                starts: {count: 20, sampler: grid}
                optimizer: {method: gd, learning_rate: 0.02, max_iterations: 2000}
                """;
        Path out = run(yaml);
        String said = "That is below the known optimum by 0.513905, so objective.known_minimum (-3.0) is not this "
                + "function's optimum; success is judged against it all the same.";
        assertThat(Files.readString(out.resolve("summary.md"))).contains("Known optimum: -3.0 (difference 0.513905). "
                + said);
        assertThat(Files.readString(out.resolve("report.html"))).contains("Known optimum: -3.0. " + said.replace("'",
                "&#39;"));
        assertThat(Files.readString(run(yaml.replace("known_minimum: -3", "known_minimum: -3.513905038934789"))
                .resolve("summary.md"))).doesNotContain("is not this function's optimum");
    }

    /**
     * Peaks' optimum, -6.5511333328358369414 (Newton's method at 40 digits), is
     * -6.551133332835837 as a double; gd from beside it ends an ulp or more below that, by
     * rounding in the double evaluation alone. A success tolerance finer than an ulp must not
     * make the reports call the literature's value wrong.
     */
    @Test
    void anEndValueBelowTheKnownOptimumByRoundingAloneDrawsNoRemark() throws IOException {
        Path out = run("""
                name: known
                objective: {builtin: peaks}
                starts: {count: 0, points: [[0.2, -1.6], [0.3, -1.7], [0.25, -1.5], [0.1, -1.65]]}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 5000, stop: {gradient_norm: 1.0e-12}}
                basins: {success_tolerance: 1.0e-16}
                """);
        List<String> minima = Files.readAllLines(out.resolve("minima.csv"));
        double best = Double.parseDouble(minima.get(1).split(",")[3]);
        // the case this is about: below the optimum's double, by under 1e-12 of it
        assertThat(best).isLessThan(-6.551133332835837).isGreaterThan(-6.551133332835837 - 6.56e-12);
        assertThat(Files.readString(out.resolve("summary.md"))).doesNotContain("is not this function's optimum")
                .contains("Known optimum: -6.551133332835837");
    }

    /**
     * A basin tolerance finer than the stopping rule lets runs get: every run converged
     * (|g| < 1e-6) at one of Himmelblau's four minima, whose Hessians' least eigenvalue is
     * above 10, so each end point is within 1e-7 of its minimum by a Newton step, yet not within
     * the 1e-12 asked for. The reports say so, rather than only "a flat region, or runs that
     * stopped short"; at the default tolerance there is nothing to say.
     */
    @Test
    void endPointsShortOfAMinimumByMoreThanTheToleranceAreSaidToBe() throws IOException {
        String yaml = """
                name: fine
                objective: {builtin: himmelblau}
                starts: {count: 200, sampler: sobol}
                optimizer: {method: momentum, learning_rate: 0.005, momentum: 0.8}
                basins: {tolerance: 1.0e-12}
                output: {basin_resolution: 0, trajectories: 0}
                """;
        Path out = run(yaml);
        long converged = Files.readAllLines(out.resolve("runs.csv")).stream().filter(l -> l.contains(",converged,"))
                .count();
        assertThat(converged).isEqualTo(200);
        String summary = Files.readString(out.resolve("summary.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Of them, 200 \\(holding 200 runs\\) have a "
                + "positive definite Hessian and lie within (\\S+) of one by a Newton step: minima the runs stopped "
                + "short of by more than basins.tolerance \\(1e-12\\)\\. More iterations or a smaller "
                + "stop.gradient_norm take the runs closer; a larger tolerance accepts them as they are\\.")
                .matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(1e-12, 1e-7);
        assertThat(Files.readString(out.resolve("report.html"))).contains("Of them, 200 (holding 200 runs) have a "
                + "positive definite Hessian");
        java.util.regex.Matcher json = java.util.regex.Pattern.compile("\"near_minima\" : \\{\\s*\"points\" : 200,"
                + "\\s*\"runs\" : 200,\\s*\"largest_newton_step\" : (\\S+)\\s*}")
                .matcher(Files.readString(out.resolve("result.json")));
        assertThat(json.find()).isTrue();
        assertThat(Double.parseDouble(json.group(1))).isCloseTo(Double.parseDouble(m.group(1)),
                org.assertj.core.api.Assertions.withinPercentage(0.01));
        // maximising the negated function: the same points, their Hessian negative definite
        String negated = Files.readString(run(yaml.replace("builtin: himmelblau", "expression: \"-((x^2 + y - 11)^2 + "
                + "(x + y^2 - 7)^2)\", variables: [x, y], goal: maximize").replace("starts:", "domain: {\"*\": [-5, "
                + "5]}\nstarts:")).resolve("summary.md"));
        assertThat(negated).contains("have a negative definite Hessian and lie within").contains("maxima the runs "
                + "stopped short of");
        Path coarse = run(yaml.replace("1.0e-12", "1.0e-4"));
        assertThat(Files.readString(coarse.resolve("summary.md")))
                .doesNotContain("positive definite Hessian").contains("4 distinct end points");
        assertThat(Files.readString(coarse.resolve("result.json"))).containsPattern("\"near_minima\" : \\{\\s*"
                + "\"points\" : 0,\\s*\"runs\" : 0,\\s*\"largest_newton_step\" : null\\s*}");
    }

    /**
     * A ring of minima, (x^2 + y^2 - 1)^2: every run converges onto the ring, each at a point of
     * its own, and each end point's Hessian has a zero eigenvalue along the ring, so none is
     * confirmed as a minimum. The reports say why (a flat-bottomed valley, what it may be)
     * rather than only "a flat region, or runs that stopped short"; maximising the negated ring
     * speaks of maxima and of no positive eigenvalue; a bowl says nothing of it.
     */
    @Test
    void endPointsOnARingOfMinimaAreSaidToLieOnAFlatBottomedValley() throws IOException {
        String yaml = """
                name: ring
                objective: {expression: "(x^2 + y^2 - 1)^2", variables: [x, y]}
                domain: {"*": [-1.5, 1.5]}
                starts: {count: 40}
                optimizer: {method: gd, learning_rate: 0.05, max_iterations: 20000}
                output: {basin_resolution: 0, trajectories: 0}
                """;
        Path out = run(yaml);
        assertThat(Files.readAllLines(out.resolve("runs.csv")).stream().filter(l -> l.contains(",converged,")))
                .hasSize(40);
        String summary = Files.readString(out.resolve("summary.md"));
        String said = "All 40 (holding 40 runs) lie on a flat-bottomed valley: their gradient is within "
                + "basins.tolerance (0.0001) of zero by a step along the strongest curvature, and their Hessian has no "
                + "negative eigenvalue but a zero one (within 1e-6 of the largest), so no Newton step confirms them. "
                + "They may be minima that are not isolated";
        assertThat(summary).contains("40 distinct end points").contains(said)
                .contains("basin 1, unresolved (on a flat-bottomed valley, where the Hessian cannot confirm a "
                        + "minimum)");
        assertThat(Files.readString(out.resolve("report.html"))).contains(said);
        assertThat(Files.readString(out.resolve("result.json")))
                .containsPattern("\"flat_bottomed\" : \\{\\s*\"points\" : 40,\\s*\"runs\" : 40\\s*}");
        String negated = Files.readString(run(yaml.replace("\"(x^2 + y^2 - 1)^2\", variables: [x, y]",
                "\"-(x^2 + y^2 - 1)^2\", variables: [x, y], goal: maximize")).resolve("summary.md"));
        assertThat(negated).contains("Hessian has no positive eigenvalue but a zero one")
                .contains("They may be maxima");
        // the basin map, grey throughout (no end point holds a share of its own), draws the valley's
        // end points in red, which its sentence on report.html says; the bowl's map has none
        Path mapped = run(yaml.replace("basin_resolution: 0", "basin_resolution: 20"));
        assertThat(redPixels(png(mapped.resolve("basins.png")))).isGreaterThan(40 * 10);
        assertThat(Files.readString(mapped.resolve("report.html"))).contains("Red dots are the end points on a "
                + "flat-bottomed valley");
        Path bowl = run(yaml.replace("(x^2 + y^2 - 1)^2", "x^2 + y^2").replace("basin_resolution: 0",
                "basin_resolution: 20"));
        assertThat(redPixels(png(bowl.resolve("basins.png")))).isZero();
        assertThat(Files.readString(bowl.resolve("report.html"))).doesNotContain("Red dots");
        assertThat(Files.readString(bowl.resolve("summary.md"))).doesNotContain("flat-bottomed");
        assertThat(Files.readString(bowl.resolve("result.json")))
                .containsPattern("\"flat_bottomed\" : \\{\\s*\"points\" : 0,\\s*\"runs\" : 0\\s*}");
        // in 3-d the map is a slice through the best end point, here an isolated minimum at z = -1.09,
        // and the ring of minima lies near z = +0.9, off the slice: none drawn, and none said
        Path sliced = run(yaml.replace("\"(x^2 + y^2 - 1)^2\", variables: [x, y]", "\"(x^2 + y^2 - 1)^2 + (x^2 + y^2)"
                + " * (z - 1)^2 + (z^2 - 1)^2 + 0.8 * z\", variables: [x, y, z]").replace("count: 40", "count: 100")
                .replace("basin_resolution: 0", "basin_resolution: 20"));
        assertThat(Files.readString(sliced.resolve("summary.md"))).contains("lie on a flat-bottomed valley");
        assertThat(redPixels(png(sliced.resolve("basins.png")))).isZero();
        assertThat(Files.readString(sliced.resolve("report.html"))).doesNotContain("Red dots");
    }

    /**
     * gd at a constant rate on abs(x) + sqrt(x^2 + 1) never settles: beside the kink at 0 its
     * steps are the rate times a slope of about 1 either way, so each run ends a step (at most
     * 0.02) from 0 at a point of its own. The reports say those end points lie beside a kink, as
     * many runs as runs.csv shows hitting max_iterations within a step of 0; with a decaying rate
     * the runs settle; a smooth bowl has none.
     */
    @Test
    void endPointsBesideAKinkAreSaidToBeAndADecayingRateNamed() throws IOException {
        String yaml = """
                name: kink
                objective: {expression: "abs(x) + sqrt(x^2 + 1)", variables: [x]}
                domain: {x: [-3, 3]}
                starts: {count: 30}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 2000}
                output: {basin_resolution: 0, trajectories: 0, runs: all}
                """;
        Path out = run(yaml);
        long oscillating = runsCsv(out).stream().filter(row -> row.get("status").equals("max_iterations")
                && Math.abs(Double.parseDouble(row.get("end_x"))) <= 0.02).count();
        assertThat(oscillating).isEqualTo(30);
        String json = Files.readString(out.resolve("result.json"));
        Matcher kinks = Pattern.compile("\"kinks\" : \\{\\s*\"points\" : (\\d+),\\s*\"runs\" : (\\d+),"
                + "\\s*\"checked\" : (\\d+)\\s*}").matcher(json);
        assertThat(kinks.find()).as(json).isTrue();
        assertThat(Long.parseLong(kinks.group(2))).isEqualTo(oscillating);
        assertThat(kinks.group(1)).isEqualTo(kinks.group(3));
        String said = "All " + kinks.group(1) + " (holding 30 runs) lie beside a kink, where the slope flips sign at"
                + " once (as |x| does at 0): at a constant learning rate the steps there never shrink, so the runs"
                + " oscillate across it without settling; a decaying rate (decay < 1) lets them settle.";
        assertThat(Files.readString(out.resolve("summary.md"))).contains(said);
        assertThat(Files.readString(out.resolve("report.html")).replace("&#39;", "'").replace("&lt;", "<"))
                .contains(said);
        // decaying, the steps shrink and every run ends within the basin tolerance of 0
        Path decaying = run(yaml.replace("learning_rate: 0.01,", "learning_rate: 0.01, decay: 0.995,"));
        assertThat(Files.readString(decaying.resolve("summary.md"))).doesNotContain("beside a kink")
                .contains("reached by 30 of 30 runs");
        Path bowl = run(yaml.replace("abs(x) + sqrt(x^2 + 1)", "x^2 + sqrt(x^2 + 1)"));
        assertThat(Files.readString(bowl.resolve("result.json")))
                .containsPattern("\"kinks\" : \\{\\s*\"points\" : 0,");
    }

    /** Pixels of basins.png's colour for the end points on a flat-bottomed valley (150, 30, 30). */
    static long redPixels(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xffffff) == 0x961e1e ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * On a bump, exp(-(x^2 + y^2)), gd walks away from the top: after two steps of rate 0.5 most
     * runs have left [-1, 1]^2. The reports count them as runs.csv's end points do, and say that
     * the domain bounds the starts only; a bowl, whose runs stay inside, says nothing of it.
     */
    @Test
    void runsThatEndedOutsideTheDomainAreCounted() throws IOException {
        String yaml = """
                name: bump
                objective: {expression: "exp(-(x^2 + y^2))", variables: [x, y]}
                domain: {"*": [-1, 1]}
                starts: {count: 50}
                optimizer: {method: gd, learning_rate: 0.5, max_iterations: 2}
                output: {basin_resolution: 0, trajectories: 0, runs: all}
                """;
        Path out = run(yaml);
        long outside = runsCsv(out).stream().filter(row -> Math.abs(Double.parseDouble(row.get("end_x"))) > 1
                || Math.abs(Double.parseDouble(row.get("end_y"))) > 1).count();
        // some runs left, some did not
        assertThat(outside).isBetween(1L, 49L);
        String said = outside + " runs (" + Numbers.percent(outside / 50.0)
                + " of all) ended outside the domain, which "
                + "bounds the starts, not the runs: they walked out over ground where the objective flattens out or "
                + "keeps falling.";
        assertThat(Files.readString(out.resolve("summary.md"))).contains(said);
        assertThat(Files.readString(out.resolve("report.html"))).contains(said);
        Path bowl = run(yaml.replace("exp(-(x^2 + y^2))", "x^2 + y^2").replace("learning_rate: 0.5",
                "learning_rate: 0.1"));
        assertThat(Files.readString(bowl.resolve("summary.md"))).contains("unresolved end points hold")
                .doesNotContain("outside the domain");
    }

    /**
     * result.json records the machine and the JVM behind its timing, and when the command ran;
     * the summary's and the page's last lines name them too.
     */
    @Test
    void theReportsSayWhereAndWhenTheSweepRan() throws IOException {
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Path out = run(SWEEP);
        Matcher env = Pattern.compile("\"environment\" : \\{\\s*\"java\" : \"([^\"]*)\",\\s*\"java_vendor\" : "
                + "\"([^\"]*)\",\\s*\"os\" : \"([^\"]*)\",\\s*\"cores\" : (\\d+),\\s*\"started\" : (null|\"[^\"]*\"),"
                + "\\s*\"written\" : \"([^\"]*)\"\\s*}").matcher(Files.readString(out.resolve("result.json")));
        assertThat(env.find()).isTrue();
        assertThat(env.group(1)).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(env.group(2)).isEqualTo(System.getProperty("java.vm.vendor"));
        assertThat(env.group(3)).startsWith(System.getProperty("os.name") + " ")
                .endsWith(" " + System.getProperty("os.arch"));
        assertThat(Integer.parseInt(env.group(4))).isEqualTo(Runtime.getRuntime().availableProcessors());
        // this JVM started before the test, the file was written during it
        java.time.Instant written = java.time.Instant.parse(env.group(6));
        // where the system says when the process started (null where it does not)
        if (!env.group(5).equals("null")) {
            assertThat(java.time.Instant.parse(env.group(5).replace("\"", ""))).isBefore(before);
        }
        assertThat(written).isBetween(before, java.time.Instant.now());
        String said = Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.vendor") + "), ";
        assertThat(Files.readString(out.resolve("summary.md"))).contains("seed 0; " + said);
        assertThat(Files.readString(out.resolve("report.html"))).contains("steps per second. " + said);
    }

    /**
     * A sweep of one run (a seed article's worked example) is told in the singular: "its only
     * run", "1 run hit max_iterations ... may resolve it", "1 run: 1 start x 1 combo", where the
     * reports said "1 of 1 runs (100.0%)" and "1 runs hit".
     */
    @Test
    void aSweepOfOneRunIsToldInTheSingular() throws IOException {
        Path out = run("""
                name: one
                objective: {builtin: cubic-cos}
                starts: {count: 0, points: [[-1.0]]}
                optimizer: {method: gd, learning_rate: 0.05, max_iterations: 20, stop: {gradient_norm: 0}}
                """);
        String summary = Files.readString(out.resolve("summary.md"));
        String html = Files.readString(out.resolve("report.html"));
        for (String page : List.of(summary, html)) {
            assertThat(page).contains("reached by its only run.").contains("1 run hit max_iterations")
                    .contains("may resolve it.").doesNotContain("1 runs").doesNotContain("1 of 1");
        }
        assertThat(summary).contains("1 run: 1 start (1 explicit) x 1 combo.");
        assertThat(html).contains("1 run: 1 start x 1 combo.");
        // a function of one variable: convergence.png has a second panel, the run's steps on the
        // function (StepsOnTheFunctionTest), beside the convergence panel of 960 px
        BufferedImage convergence = png(out.resolve("convergence.png"));
        assertThat(convergence.getWidth()).isEqualTo(2 * 960);
        assertThat(html.replace("&#39;", "'")).contains("from the best value found at each iteration")
                .contains("Right: the same runs' steps on the function itself");
        assertThat(convergence.getHeight()).isEqualTo(560);
    }

    /**
     * Runs that hit max_iterations because they oscillate (nesterov at rate 0.05 about peaks'
     * narrow maxima) are not told only to take a larger rate; the count is runs.csv's.
     */
    @Test
    void runsThatHitMaxIterationsAreCountedAndNotOnlyToldToSpeedUp() throws IOException {
        Path out = run("""
                name: oscillating
                objective: {builtin: peaks, goal: maximize}
                starts: {count: 49, sampler: grid}
                optimizer: {method: nesterov, learning_rate: 0.05, momentum: 0.9, max_iterations: 1000}
                output: {charts: false}
                """);
        long hit = Files.readAllLines(out.resolve("runs.csv")).stream().filter(l -> l.contains(",max_iterations,"))
                .count();
        assertThat(hit).isGreaterThan(10);
        assertThat(Files.readString(out.resolve("summary.md"))).contains(hit + " runs hit max_iterations: more "
                + "iterations, or another learning rate (larger where runs crawl; smaller, or decaying with decay < 1,"
                + " where they oscillate, as they do about a kink such as |x|'s), may resolve them.");
    }

    /**
     * A log range's rates are 10^(-3 + 2k/9): people's tables (summary.md, report.html, the
     * charts' labels) show seven figures of them, the CSV files every digit.
     */
    @Test
    void sweptValuesAreBriefForPeopleAndExactInTheCsvFiles() throws IOException {
        Path out = run("""
                name: log-rates
                objective: {builtin: six-hump-camel}
                starts: {count: 20}
                optimizer:
                  method: momentum
                  learning_rate: {from: 1.0e-4, to: 1.0e-2, steps: 4, scale: log}
                  momentum: 0.5
                  max_iterations: 200
                output: {basin_resolution: 10}
                """);
        // combo 1's rate, about 4.64e-4, as sweep.csv writes it: every digit, read back exactly
        String exact = Files.readAllLines(out.resolve("sweep.csv")).get(2).split(",")[1];
        double rate = Double.parseDouble(exact);
        assertThat(rate).isCloseTo(Math.pow(10, -4 + 2.0 / 3), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(exact).hasSizeGreaterThan(12);
        String brief = String.format(java.util.Locale.ROOT, "%.7g", rate).replaceAll("0+$", "");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("| " + brief + " |").contains("| 0.0001 |")
                .doesNotContain(exact).doesNotContain("1.0E-4");
        // (the page's resolved config lists the exact values, as result.json does)
        assertThat(Files.readString(out.resolve("report.html"))).contains("<td>" + brief + "</td>")
                .doesNotContain("<td>" + exact + "</td>");
    }

    /** The tables list the best combos; past their length they say how many more sweep.csv holds. */
    @Test
    void tablesOfTheBestCombosSayHowManyMoreTheCsvHolds() throws IOException {
        Path out = run("""
                name: many-combos
                objective: {builtin: sphere}
                starts: {count: 2}
                optimizer:
                  method: gd
                  learning_rate: {from: 0.001, to: 0.101, steps: 101}
                  max_iterations: 10
                output: {basin_resolution: 10, trajectories: 2}
                """);
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(102);
        assertThat(Files.readString(out.resolve("report.html"))).contains("1 more combo in sweep.csv.");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("61 more combos in `sweep.csv`.");
    }
    /**
     * Four swept settings: the basin map's title (the combo's settings) and the heat maps'
     * (a decay in all its 16 digits, the method averaged over, where the colours end) ran past
     * their panels' edges, cut off there. Each panel is now as wide as its title.
     */
    @Test
    void longTitlesFitTheirPanels() throws IOException {
        Path out = run("""
                name: long-titles
                objective: {builtin: peaks}
                starts: {count: 8}
                optimizer:
                  method: [momentum, nesterov]
                  learning_rate: [0.01, 0.02, 0.05, 0.1]
                  momentum: [0.0, 0.3, 0.5, 0.9]
                  decay: [0.99, 0.9900000000000001, 0.9999999999999999]
                  max_iterations: 50
                output: {basin_resolution: 16, trajectories: 2}
                """);
        BufferedImage basins = png(out.resolve("basins.png"));
        assertThat(basins.getWidth()).isGreaterThan(800);
        assertThat(TitleEdges.touched(basins, 1)).isFalse();
        // three heat maps in a row, as wide as each other
        BufferedImage sweep = png(out.resolve("sweep.png"));
        assertThat(sweep.getWidth() % 3).isZero();
        assertThat(sweep.getWidth() / 3).isGreaterThan(640);
        assertThat(TitleEdges.touched(sweep, 3)).isFalse();
    }

    /**
     * sqrt(x) + (x - 2)^2 falls towards x = 0 from below x of about 0.06, where its slope
     * 1 / (2 sqrt x) outweighs 2 (x - 2): gd from there steps across 0, where sqrt is not defined.
     * The reports count those runs, as many as runs.csv shows diverged at a negative x (NaN there),
     * and say that the function is not defined there, not that the rate is too large. Runs that
     * diverge in value are told apart by direction: x^3 from x < 0 falls without end (every
     * run's value in runs.csv at or below -1e8: no finite minimum, which no rate mends), x^2
     * under gd at rate 1.5 overshoots (x becomes -2x each step, the value grows fourfold: a rate
     * too large), and x^2 maximised rises without end (no finite maximum). Where every run
     * diverged, the sentence under "no run ended at a finite point" says the same.
     */
    @Test
    void divergedRunsAreToldApartByWhyTheyDiverged() throws IOException {
        String yaml = """
                name: edge
                objective: {expression: "sqrt(x) + (x - 2)^2", variables: [x]}
                domain: {x: [0.0001, 0.5]}
                starts: {count: 200}
                optimizer: {method: gd, learning_rate: 0.05, max_iterations: 2000}
                output: {charts: false}
                """;
        Path out = run(yaml);
        long steppedOff = runsCsv(out).stream().filter(row -> row.get("status").equals("diverged")
                && Double.parseDouble(row.get("end_x")) < 0 && row.get("value").equals("NaN")).count();
        long diverged = runsCsv(out).stream().filter(row -> row.get("status").equals("diverged")).count();
        assertThat(steppedOff).isPositive().isEqualTo(diverged);
        String said = " stepped to a point where the objective or its gradient is not defined (NaN there, though "
                + "every coordinate is finite";
        assertThat(Files.readString(out.resolve("summary.md"))).contains("All " + steppedOff + " diverged runs" + said)
                .contains("a smaller learning rate only delays that");
        assertThat(Files.readString(out.resolve("result.json"))).contains("\"diverged_undefined\" : " + steppedOff);
        // maximising the negated function: the same runs, gradient ascent rising towards the edge
        String ascent = Files.readString(run(yaml.replace("\"sqrt(x) + (x - 2)^2\", variables: [x]",
                "\"-(sqrt(x) + (x - 2)^2)\", variables: [x], goal: maximize")).resolve("summary.md"));
        assertThat(ascent).contains("All " + steppedOff + " diverged runs" + said).contains("Gradient ascent does not "
                + "keep to where the function is defined").contains("the function keeps rising towards the edge");

        String fell = " fell past -1e8 (optimizer.divergence) in value: the function has no finite minimum along the"
                + " way (it falls without bound there), which no learning rate mends";
        Path grown = run(yaml.replace("sqrt(x) + (x - 2)^2", "x^3").replace("[0.0001, 0.5]", "[-1, -0.5]"));
        assertThat(runsCsv(grown)).hasSize(200).allSatisfy(row -> assertThat(Double.parseDouble(row.get("value")))
                .isLessThanOrEqualTo(-1e8));
        assertThat(Files.readString(grown.resolve("summary.md"))).doesNotContain("not defined")
                .contains("diverged or failed.** All 200" + fell);
        assertThat(Files.readString(grown.resolve("result.json"))).contains("\"diverged_undefined\" : 0")
                .contains("\"diverged_unbounded\" : 200").contains("\"diverged_overshooting\" : 0");

        Path overshot = run(yaml.replace("sqrt(x) + (x - 2)^2", "x^2").replace("[0.0001, 0.5]", "[-1, 1]")
                .replace("learning_rate: 0.05", "learning_rate: [0.1, 1.5]"));
        List<java.util.Map<String, String>> rows = runsCsv(overshot);
        assertThat(rows).filteredOn(row -> row.get("learning_rate").equals("1.5")).hasSize(200).allSatisfy(
                row -> assertThat(row.get("status")).isEqualTo("diverged"));
        assertThat(rows).filteredOn(row -> row.get("learning_rate").equals("0.1")).allSatisfy(
                row -> assertThat(row.get("status")).isEqualTo("converged"));
        assertThat(Files.readString(overshot.resolve("summary.md"))).contains("All 200 diverged runs grew past 1e8 "
                + "(optimizer.divergence) in value, as steps that overshoot the minimum and land ever higher up the far"
                + " side do: the learning rate (or the momentum) is too large");
        assertThat(Files.readString(overshot.resolve("result.json"))).contains("\"diverged_overshooting\" : 200");

        String rose = Files.readString(run(yaml.replace("\"sqrt(x) + (x - 2)^2\", variables: [x]",
                "\"x^2\", variables: [x], goal: maximize").replace("[0.0001, 0.5]", "[-1, 1]")).resolve("summary.md"));
        assertThat(rose).contains("All 200 rose past 1e8 (optimizer.divergence) in value: the function has no finite "
                + "maximum along the way (it rises without bound there)");

        // 1 / (1 + x^2) has no minimum either, but its value stays between 0 and 1: adam walks the
        // runs out past a divergence limit of 10 in x, a coordinate's divergence
        Path away = run(yaml.replace("sqrt(x) + (x - 2)^2", "1/(1 + x^2)").replace("[0.0001, 0.5]", "[0.5, 1]")
                .replace("method: gd, learning_rate: 0.05", "method: adam, learning_rate: 0.5, divergence: 10"));
        assertThat(runsCsv(away)).hasSize(200).allSatisfy(row -> assertThat(Double.parseDouble(row.get("end_x")))
                .isGreaterThan(10));
        assertThat(Files.readString(away.resolve("summary.md"))).contains("diverged or failed.** All 200 went past 10 "
                + "(optimizer.divergence) in a coordinate, or their gradient became infinite: try a smaller learning "
                + "rate (or the function has no finite minimum there).");

        // sqrt(x + 1) - x^3 - 10 x has a maximum at about x = -0.9985: runs left of it step across
        // -1, those right of it fall without end; each kind gets its own advice
        Path both = run(yaml.replace("sqrt(x) + (x - 2)^2", "sqrt(x + 1) - x^3 - 10*x")
                .replace("[0.0001, 0.5]", "[-0.9999, -0.99]"));
        long across = runsCsv(both).stream().filter(row -> row.get("status").equals("diverged")
                && Double.parseDouble(row.get("end_x")) < -1 && row.get("value").equals("NaN")).count();
        assertThat(across).isPositive().isLessThan(200);
        assertThat(Files.readString(both.resolve("summary.md"))).contains("**No run ended at a finite point: all 200 "
                + "runs diverged or failed.** " + across + said).contains(" " + (200 - across) + fell);

        Path none = run(yaml.replace("sqrt(x) + (x - 2)^2", "x^0.5").replace("[0.0001, 0.5]", "[0.1, 1]"));
        assertThat(Files.readString(none.resolve("summary.md"))).contains("**No run ended at a finite point: all 200 "
                + "runs diverged or failed.** All 200" + said);
    }

    /**
     * Rastrigin's Hessian at every minimum is diagonal with 2 + 40 pi^2 = 396.78: gd at a constant
     * rate settles only below 2 / 396.78 = 0.00504. At 0.004 every run converges; at 0.01 every run
     * hits max_iterations, and the summary names that combo and the limit, from the best minimum
     * found, or from the known minimum where no run confirmed one. adam's steps are not bounded so
     * and get no such sentence.
     */
    @Test
    void runsAtARateTooLargeForTheCurvatureAtTheMinimumAreSaidToBe() throws IOException {
        double l = 2 + 40 * Math.PI * Math.PI;
        String yaml = """
                name: sharp
                objective: {builtin: rastrigin}
                starts: {count: 60}
                optimizer: {method: gd, learning_rate: [0.004, 0.01], max_iterations: 2000}
                output: {charts: false}
                """;
        Path out = run(yaml);
        List<java.util.Map<String, String>> rows = runsCsv(out);
        assertThat(rows).filteredOn(row -> row.get("combo").equals("0")).hasSize(60)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("converged"));
        assertThat(rows).filteredOn(row -> row.get("combo").equals("1")).hasSize(60)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("max_iterations"));
        String limit = "the Hessian's largest eigenvalue there is " + multistart.report.Numbers.brief(l) + ", and gd "
                + "settles there only below learning_rate 2 / " + multistart.report.Numbers.brief(l) + " = "
                + multistart.report.Numbers.brief(2 / l) + "; above the limit";
        assertThat(Files.readString(out.resolve("summary.md"))).contains("Of them, 60 ran in combo 1, whose constant "
                + "learning rate is too large to settle at basin 1: " + limit);
        java.util.Map<?, ?> curvature = (java.util.Map<?, ?>) ComboHitsTest.parse(out.resolve("result.json"))
                .get("curvature");
        assertThat(curvature.get("at")).isEqualTo("basin 1");
        assertThat((Double) curvature.get("largest_eigenvalue")).isCloseTo(l, within(1e-6 * l));
        assertThat((Double) curvature.get("gd_learning_rate_limit")).isCloseTo(2 / l, within(1e-6 * 2 / l));
        String none = Files.readString(run(yaml.replace("[0.004, 0.01]", "0.01")).resolve("summary.md"));
        assertThat(none).contains("Of them, 60 ran in combo 0, whose constant learning rate is too large to settle at "
                + "the known minimum: " + limit);
        // with momentum 0.9 the limits are 2 (1.9) / l = 0.00958 (heavy ball) and 3.8 / (2.8 l) = 0.00342
        // (nesterov): at 0.005 heavy ball settles every run, nesterov none
        Path both = run(yaml.replace("method: gd, learning_rate: [0.004, 0.01]", "method: [momentum, nesterov], "
                + "momentum: 0.9, learning_rate: 0.005"));
        assertThat(2 * 1.9 / l).isGreaterThan(0.005);
        assertThat(2 * 1.9 / (2.8 * l)).isLessThan(0.005);
        List<java.util.Map<String, String>> heavy = runsCsv(both);
        assertThat(heavy).filteredOn(row -> row.get("combo").equals("0"))
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("converged"));
        assertThat(heavy).filteredOn(row -> row.get("combo").equals("1"))
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("max_iterations"));
        assertThat(Files.readString(both.resolve("summary.md"))).contains("Of them, 60 ran in combo 1, whose constant "
                + "learning rate is too large to settle at basin 1: the Hessian's largest eigenvalue there is "
                + multistart.report.Numbers.brief(l) + ", and nesterov settles there only below learning_rate "
                + "2 (1 + b) / ((1 + 2 b) " + multistart.report.Numbers.brief(l) + "); above the limit");
        String adam = Files.readString(run(yaml.replace("method: gd", "method: adam")).resolve("summary.md"));
        assertThat(adam).doesNotContain("too large to settle");
    }

    /**
     * Each minimum in result.json carries gd's rate limit there, 2 / the Hessian's largest
     * eigenvalue: himmelblau's minimum at (3, 2), where both squared terms vanish, has Hessian
     * 2 (gA gA^T + gB gB^T) with gA = (6, 1) and gB = (1, 4), that is [[74, 20], [20, 34]],
     * largest eigenvalue (108 + sqrt(3200)) / 2.
     */
    @Test
    void eachMinimumCarriesGdsRateLimitThere() throws IOException {
        Path out = run("""
                name: h
                objective: {builtin: himmelblau}
                starts: {count: 40}
                optimizer: {method: gd, learning_rate: 0.01, max_iterations: 5000}
                output: {charts: false}
                """);
        List<?> minima = (List<?>) ComboHitsTest.parse(out.resolve("result.json")).get("minima");
        java.util.Map<?, ?> at32 = minima.stream().map(m -> (java.util.Map<?, ?>) m).filter(m -> {
            java.util.Map<?, ?> p = (java.util.Map<?, ?>) m.get("point");
            return Math.abs((Double) p.get("x") - 3) < 1e-4 && Math.abs((Double) p.get("y") - 2) < 1e-4;
        }).findFirst().orElseThrow();
        double l = (108 + Math.sqrt(3200)) / 2;
        assertThat((Double) at32.get("gd_learning_rate_limit")).isCloseTo(2 / l, within(1e-6 * 2 / l));
        assertThat(minima).allSatisfy(m -> assertThat(((java.util.Map<?, ?>) m).containsKey("gd_learning_rate_limit"))
                .isEqualTo("minimum".equals(((java.util.Map<?, ?>) m).get("kind"))));
    }

    /**
     * Himmelblau's four minima differ in sharpness: gd settles at (-3.779, -3.283) only below
     * 0.0149 and at (3.584, -1.848) only below 0.0190, at the other two up to 0.0243 and 0.0248
     * (2 / the largest eigenvalue of each Hessian, written out as 2 (gA gA^T + gB gB^T) there). At
     * rate 0.02 every run that converges ends at one of the two flat ones, as runs.csv shows, and
     * the summary and the page name the two sharp ones as those the combo cannot settle at.
     */
    @Test
    void aRateBetweenTheMinimasLimitsSettlesOnlyAtTheFlatterOnes() throws IOException {
        Path out = run("""
                name: h
                objective: {builtin: himmelblau}
                starts: {count: 200}
                optimizer: {method: gd, learning_rate: [0.01, 0.02], max_iterations: 5000}
                output: {basin_resolution: 0, trajectories: 2}
                """);
        double[][] flat = {{3, 2}, {-2.805118086952745, 3.131312518250573}};
        double[][] sharp = {{-3.779310253377747, -3.2831859912861696}, {3.5844283403304917, -1.8481265269644036}};
        for (double[] p : sharp) {
            // the Hessian of A^2 + B^2 where A = B = 0: 2 (gA gA^T + gB gB^T), gA = (2x, 1), gB = (1, 2y)
            double a = 2 * (4 * p[0] * p[0] + 1);
            double c = 2 * (1 + 4 * p[1] * p[1]);
            double b = 2 * (2 * p[0] + 2 * p[1]);
            double l = (a + c) / 2 + Math.sqrt((a - c) * (a - c) / 4 + b * b);
            assertThat(2 / l).isLessThan(0.02);
        }
        List<java.util.Map<String, String>> converged = runsCsv(out).stream().filter(row -> row.get("combo")
                .equals("1") && row.get("status").equals("converged")).toList();
        assertThat(converged).isNotEmpty().allSatisfy(row -> {
            double x = Double.parseDouble(row.get("end_x"));
            double y = Double.parseDouble(row.get("end_y"));
            assertThat(Math.min(Math.hypot(x - flat[0][0], y - flat[0][1]), Math.hypot(x - flat[1][0],
                    y - flat[1][1]))).isLessThan(1e-4);
        });
        List<Integer> sharpBasins = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("minima.csv")).subList(1, 5)) {
            String[] cell = line.split(",");
            for (double[] p : sharp) {
                if (Math.hypot(Double.parseDouble(cell[1]) - p[0], Double.parseDouble(cell[2]) - p[1]) < 1e-4) {
                    sharpBasins.add(Integer.parseInt(cell[0]));
                }
            }
        }
        java.util.Collections.sort(sharpBasins);
        assertThat(sharpBasins).hasSize(2);
        String said = "Combo 1 (gd, learning_rate 0.02) is above the limit at basins " + sharpBasins.get(0) + " and "
                + sharpBasins.get(1) + ", so its runs settle only at flatter minima.";
        assertThat(Files.readString(out.resolve("summary.md"))).contains("At a constant rate gd settles only at minima "
                + "flat enough for it: below learning_rate 2 / L").contains(said);
        assertThat(Files.readString(out.resolve("report.html"))).contains(said);
        // the negated function maximised: the same runs, said of maxima
        String up = Files.readString(run("""
                name: h
                objective: {expression: "-((x^2 + y - 11)^2 + (x + y^2 - 7)^2)", variables: [x, y], goal: maximize}
                domain: {"*": [-5, 5]}
                starts: {count: 200}
                optimizer: {method: gd, learning_rate: [0.01, 0.02], max_iterations: 5000}
                output: {charts: false}
                """).resolve("summary.md"));
        assertThat(up).contains("At a constant rate gd settles only at maxima flat enough for it: below learning_rate "
                + "2 / L, L the Hessian's largest eigenvalue in size there").contains("so its runs settle only at "
                + "flatter maxima.");
    }
}
