package multistart.report;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import multistart.analysis.Findings;
import multistart.analysis.Kind;
import multistart.config.ConfigDump;
import multistart.config.ExperimentConfig;

/**
 * {@code report.html}: one self-contained page that opens offline. Pictures are embedded as
 * data URIs, styles are inline, nothing is loaded from anywhere, and every text that came from
 * the config is HTML-escaped.
 */
public final class HtmlReport {

    private static final Escaper ESC = HtmlEscapers.htmlEscaper();
    static final int MAX_ROWS = 100;

    /** Unresolved end points shown: those that hold the most runs. */
    static final int UNRESOLVED_ROWS = 10;

    private HtmlReport() {
    }

    /** @param pictures file name to PNG bytes, in display order */
    public static void write(RunRecord r, Map<String, byte[]> pictures, Writer w) throws IOException {
        ExperimentConfig c = r.plan().config();
        Findings f = r.findings();
        List<String> vars = c.objective().variables();
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(ESC.escape(c.name())).append(": multistart</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:14px}\n")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}\n")
                .append("th{background:#f0f0f0}td.t{text-align:left}\n")
                .append("table.sortable th{cursor:pointer}th[data-dir=up]::after{content:\" \\25B2\"}"
                        + "th[data-dir=down]::after{content:\" \\25BC\"}\n")
                .append(".answer{font-size:20px;background:#eef6ee;padding:1em;border-left:5px solid #2a2}\n")
                .append(".warn{background:#fff3cd;padding:1em;border-left:5px solid #e0a800}\n")
                .append("img{max-width:100%;border:1px solid #ddd;margin:0.5em 0}\npre{background:#f7f7f7;padding:1em;"
                        + "overflow:auto}\n</style></head><body>\n");
        h.append("<h1>").append(ESC.escape(c.name())).append("</h1>\n");
        if (!r.complete()) {
            h.append("<p class=\"warn\"><b>Incomplete</b>: the run was interrupted.</p>\n");
        }
        Findings.Minimum best = f.best();
        h.append("<p class=\"answer\">");
        if (best == null) {
            h.append("No run ended at a finite point: all ").append(f.runs()).append(" runs diverged or failed. ")
                    .append(ESC.escape(SummaryMarkdown.noFiniteEnd(f, c)));
        } else {
            String extremum = c.objective().goal().extremum();
            boolean isExtremum = best.kind() == Kind.MINIMUM;
            h.append("Best ").append(isExtremum ? extremum : "end point").append(": <b>")
                    .append(Numbers.exact(best.value())).append("</b> at (");
            double[] p = best.point();
            for (int i = 0; i < p.length; i++) {
                h.append(i > 0 ? ", " : "").append(ESC.escape(vars.get(i))).append(" = ").append(Numbers.exact(p[i]));
            }
            h.append(")").append(best.where().isEmpty() ? "" : ", " + best.where())
                    .append(best.atKink() ? ", at a kink (" + ESC.escape(SummaryMarkdown.KINK) + ")" : "");
            h.append(", reached by ").append(SummaryMarkdown.reachedBy(best, f.runs())).append(".");
            if (f.targetKnown()) {
                h.append(" Known optimum: ").append(Numbers.exact(f.target())).append('.')
                        .append(ESC.escape(SummaryMarkdown.leastSquares(c, c.objective().variables())))
                        .append(ESC.escape(SummaryMarkdown.beyondKnown(f, r.plan().config())));
            }
            String ties = SummaryMarkdown.ties(f, c, c.objective().goal());
            if (isExtremum && !ties.isEmpty()) {
                h.append(' ').append(ESC.escape(ties));
            }
            if (!isExtremum) {
                Findings.Minimum m = f.bestMinimum();
                h.append(" It is ").append(best.kind() == Kind.SADDLE ? "a saddle point"
                        : ESC.escape(SummaryMarkdown.unresolved(best, c)))
                        .append(m == null ? "; no end point is a confirmed " + extremum + "."
                                : "; the best confirmed " + extremum + " is " + Numbers.exact(m.value()) + ", basin "
                                        + m.basin() + ", reached by " + m.hits() + " runs.")
                        .append(ESC.escape(SummaryMarkdown.separable(c, best.point())));
            }
            String settings = Ranking.headline(f.combos(), c.optimizer(), f.paired());
            if (!settings.isEmpty()) {
                h.append("<br>").append(ESC.escape(settings));
            }
            String lower = SummaryMarkdown.lowerStart(f, c);
            if (!lower.isEmpty()) {
                h.append("<br>").append(marked(lower));
            }
        }
        h.append("</p>\n<p>").append(ESC.escape(c.objective().describe())).append(", goal ")
                .append(c.objective().goal().key()).append(", domain ").append(ESC.escape(c.domain().describe()))
                .append(". ").append(SummaryMarkdown.runsDone(f, r.plan())).append(": ")
                .append(Numbers.count(r.plan().startCount(), "start", "starts")).append(" x ")
                .append(Numbers.count(r.plan().combos().size(), "combo", "combos")).append(".")
                .append(ESC.escape(SummaryMarkdown.planNotes(c, r.plan()))).append("</p>\n");

        if (best != null && f.divergedAtStart() > 0) {
            h.append("<p class=\"warn\">").append(ESC.escape(SummaryMarkdown.divergedAtStart(f))).append("</p>\n");
        }
        String onTheWay = best == null ? "" : SummaryMarkdown.divergedOnTheWay(f, c);
        if (!onTheWay.isEmpty()) {
            h.append("<p class=\"warn\">").append(ESC.escape(onTheWay)).append("</p>\n");
        }
        if (r.mapInterrupted()) {
            h.append("<p class=\"warn\">The basin map was interrupted, so basins.png was not drawn; every other "
                    + "result is complete (<code>--resume</code> draws it).</p>\n");
        }
        for (Map.Entry<String, byte[]> e : pictures.entrySet()) {
            h.append("<h2>").append(ESC.escape(caption(e.getKey()))).append("</h2>\n<p>")
                    .append(ESC.escape(howToRead(e.getKey(), r))).append("</p>\n<img alt=\"")
                    .append(ESC.escape(e.getKey())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(e.getValue())).append("\">\n");
        }

        endPoints(h, r, vars);

        List<String> swept = c.optimizer().sweptColumns();
        boolean byValue = Ranking.noneSucceeded(f.combos());
        h.append("<h2>").append(Ranking.heading(f.combos())).append("</h2>\n<table class=\"sortable\"><thead>"
                + "<tr><th>rank</th><th>combo</th>");
        for (String col : swept) {
            h.append("<th>").append(ESC.escape(col)).append("</th>");
        }
        List<Ranking.Comparison> compared = Ranking.compared(f.combos(), c.optimizer(), f.paired());
        String[] vsFirst = Ranking.vsFirst(f.combos(), compared);
        Map<Integer, Ranking.Comparison> comparisons = new java.util.HashMap<>();
        for (Ranking.Comparison vs : compared) {
            comparisons.put(vs.other().combo().index(), vs);
        }
        h.append("<th>success</th><th>95% interval</th><th>diverged</th><th>median iterations</th><th>")
                .append(byValue ? "median value" : "steps / success").append("</th><th>best value</th><th>basins</th>")
                .append(vsFirst == null ? "" : "<th>vs first</th>")
                .append("</tr></thead><tbody>\n");
        int rank = 0;
        Ranking.Table table = Ranking.table(f.combos(), c.optimizer(), MAX_ROWS);
        for (Findings.ComboSummary cs : table.rows()) {
            rank++;
            h.append("<tr><td>").append(rank).append("</td><td>").append(cs.combo().index()).append("</td>");
            for (String col : swept) {
                h.append("<td>").append(ESC.escape(Numbers.settingCell(cs.combo(), col))).append("</td>");
            }
            // data-v: what the page's sorting reads where the cell's text is not the number itself
            cell(h, Numbers.percent(cs.successRate()), cs.successRate());
            cell(h, Numbers.percent(cs.wilsonLow()) + " to " + Numbers.percent(cs.wilsonHigh()), cs.wilsonLow());
            h.append("<td>").append(cs.diverged()).append("</td>");
            cell(h, Numbers.brief(cs.medianIterations()), cs.medianIterations());
            if (byValue) {
                cell(h, Ranking.medianCell(cs), cs.medianAllRuns());
            } else {
                cell(h, Ranking.stepsPerSuccess(cs), cs.stepsPerSuccess());
            }
            cell(h, Numbers.brief(cs.bestValue()), cs.bestValue());
            h.append("<td>").append(cs.basinsFound()).append("</td>");
            if (vsFirst != null) {
                // by McNemar's p, the first ranked first
                Ranking.Comparison vs = comparisons.get(cs.combo().index());
                cell(h, vsFirst[cs.combo().index()], vs == null ? -1 : vs.p());
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n<p>");
        // as the summary says it: the table is the best of them, not all
        if (!table.below().isEmpty()) {
            h.append(ESC.escape(table.below())).append(' ');
        }
        String success = SummaryMarkdown.successRule(f, c);
        if (!success.isEmpty()) {
            h.append(ESC.escape(success)).append(' ');
        }
        h.append("basins: the distinct end points the combo's runs reached, unresolved ones included "
                + "(as sweep.csv's basins_found). ")
                .append(ESC.escape(byValue ? Ranking.MEDIAN_VALUE : Ranking.STEPS_PER_SUCCESS))
                .append(vsFirst == null ? "" : " " + ESC.escape(Ranking.VS_FIRST))
                .append("</p>\n");
        String reading = Ranking.reading(f.combos(), c.optimizer(), f.paired());
        if (!reading.isEmpty()) {
            h.append("<p>").append(ESC.escape(reading)).append("</p>\n");
        }
        String restarts = Ranking.restarts(f.combos(), c.optimizer(), c.starts().sampledCount() > 0);
        if (!restarts.isEmpty()) {
            h.append("<p>").append(ESC.escape(restarts)).append("</p>\n");
        }
        String climbed = Ranking.climbed(f.combos(), c.optimizer(),
                c.objective().goal() == multistart.config.Goal.MAXIMIZE);
        if (!climbed.isEmpty()) {
            h.append("<p>").append(marked(climbed)).append("</p>\n");
        }
        List<Effects.Level> levels = Effects.of(f.combos(), c.optimizer());
        if (!levels.isEmpty()) {
            boolean climbedShown = Effects.showClimbed(levels);
            h.append("<h2>Settings one at a time</h2>\n<p>").append(ESC.escape(Effects.intro("", byValue)))
                    .append(climbedShown ? ESC.escape(Effects.climbedIntro("")) : "").append("</p>\n"
                    + "<table><tr><th>setting</th><th>value</th><th>combos</th><th>success</th><th>diverged</th>")
                    .append(climbedShown ? "<th>climbed</th>" : "")
                    .append("<th>iterations</th><th>").append(byValue ? "median value" : "steps / success")
                    .append("</th><th>best combo</th></tr>\n");
            for (Effects.Level l : levels) {
                h.append("<tr><td>").append(ESC.escape(l.setting())).append("</td><td>").append(ESC.escape(l.value()))
                        .append("</td><td>").append(l.combos()).append("</td><td>")
                        .append(Numbers.percent(l.successRate())).append("</td><td>").append(l.diverged())
                        .append(climbedShown ? "</td><td>" + Numbers.percent(l.climbedShare()) : "")
                        .append("</td><td>").append(Numbers.brief(l.iterations())).append("</td><td>")
                        .append(Effects.lastFigure(l, byValue)).append("</td><td>")
                        .append(l.best().combo().index()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Timing</h2>\n<p>").append(String.format(Locale.ROOT, "%.3f s of gradient descent%s, %.3f s in "
                + "all, %d threads, %d gradient steps, %s steps per second.", r.wallSeconds(),
                SummaryMarkdown.mapTime(r), r.totalSeconds(),
                r.threads(), f.gradientSteps(), Numbers.brief(r.stepsPerSecond()))).append(" ")
                .append(ESC.escape(Environment.here().describe())).append(".</p>\n");
        h.append("<h2>Resolved config</h2>\n<pre>");
        int drawn = r.plan().mapResolution();
        for (String line : ConfigDump.lines(c)) {
            h.append(ESC.escape(line));
            if (line.startsWith("output.charts = ") && drawn != c.output().basinResolution()) {
                // the default map is lowered in high dimension (Plan.mapResolution): say what was drawn
                h.append(" (drawn at ").append(drawn).append(" x ").append(drawn).append(": lowered in ")
                        .append(r.plan().starts().dimension()).append(" dimensions)");
            }
            h.append('\n');
        }
        // the Java runtime and the OS are on the timing line
        h.append("</pre>\n<p>multistart ").append(ESC.escape(r.version())).append(", seed ").append(c.seed())
                .append(".</p>\n").append(SORTING).append("</body></html>\n");
        w.write(h.toString());
    }

    /**
     * Whether basins.png draws any end point on a flat-bottomed valley: one lies in the domain
     * and, above two variables, in the slice through the best end point the map shows.
     */
    private static boolean drawsValley(RunRecord r) {
        ExperimentConfig c = r.plan().config();
        Findings f = r.findings();
        return f.flatBottomed().points() > 0 && f.best() != null
                && !BasinMap.valleyEnds(f.minima(), f.best().point(), c.domain(), c.basins().tolerance()).isEmpty();
    }

    /** A sentence above each picture that says how to read it. */
    static String howToRead(String file, RunRecord r) {
        ExperimentConfig c = r.plan().config();
        String extremum = c.objective().goal().extremum();
        boolean oneVariable = r.plan().objective().dimension() == 1;
        boolean twoVariables = r.plan().objective().dimension() == 2;
        return switch (file) {
            case "basins.png" -> "Each start of a fine grid over the domain"
                    + (twoVariables ? "" : " (a slice through the best " + extremum + ")")
                    + ", coloured by the " + extremum + " its run ends at (grey: another end point, dark: "
                    + "diverged); diamonds mark the " + c.objective().goal().extrema() + "."
                    + (drawsValley(r) ? " Red dots are the end points on a flat-bottomed"
                            + " valley (minima that are not isolated, or degenerate points), which no colour can"
                            + " tell apart." : "")
                    + (twoVariables ? " Black lines are the sample runs' paths, from their starts (circles)." : "");
            case "convergence.png" -> (Double.isFinite(ConvergenceChart.gapFrom(r.findings()))
                    ? "How far each sample run's value is from the "
                            + ConvergenceChart.gapName(r.findings(), r.plan().config().objective().goal())
                            + " at each iteration (log scale): a line falling straight is steady convergence, a "
                            + "level line a run that stopped elsewhere or crawls."
                    : "Each sample run's value at each iteration (no run ended at a finite value to measure "
                            + "from).")
                    + (!oneVariable ? "" : r.trajectories().isEmpty() ? " Right: the function over the domain."
                            : " Right: the same runs' steps on the function itself (a zig-zag across the "
                                    + extremum + ": a rate too large).");
            case "sweep.png" -> sweepPanels(r) + "; last, every run's final value, sorted (a step is a " + extremum
                    + " many runs reached).";
            default -> "";
        };
    }

    /** What sweep.png's first panels show, as {@link SweepChart.Metric} chooses: what the ranking goes by. */
    private static String sweepPanels(RunRecord r) {
        List<Findings.ComboSummary> combos = r.findings().combos();
        SweepChart.Metric m = SweepChart.Metric.of(combos);
        return switch (m.shows()) {
            case SUCCESS -> "The share of runs that reached "
                    + SummaryMarkdown.targetName(r.findings(), r.plan().config().objective().goal())
                    + " for each combination of the swept settings";
            case ITERATIONS -> "Every combo succeeded equally often (" + Numbers.percent(combos.get(0).successRate())
                    + "), so the ranking goes by iterations: each combination's median iterations (fewer is"
                    + " better: green on a heat map)";
            case END_VALUE -> "No run succeeded, so the ranking goes by end values: each combination's median end"
                    + " value over all its runs (" + (m.lowBest() ? "lower" : "higher") + " is better: green on a"
                    + " heat map; none drawn where half the runs diverged)";
        };
    }

    private static String caption(String file) {
        return switch (file) {
            case "basins.png" -> "Basins of attraction";
            case "convergence.png" -> "Convergence";
            case "sweep.png" -> "Sweep";
            default -> file;
        };
    }

    /**
     * The minima and saddles in basin order; then the unresolved end points that hold the most
     * runs (where runs that stopped short gathered: an optimizer circling a minimum, a flat
     * region), and how many there are in all.
     */
    private static void endPoints(StringBuilder h, RunRecord r, List<String> vars) {
        Findings f = r.findings();
        multistart.analysis.Minima all = f.minima();
        long minima = all.count(Kind.MINIMUM);
        long saddles = all.count(Kind.SADDLE);
        long unresolved = all.size() - minima - saddles;
        h.append("<h2>Distinct end points</h2>\n<p>").append(SummaryMarkdown.endPointCounts(f, r.plan().config()))
                .append("</p>\n");
        List<Integer> rows = new java.util.ArrayList<>();
        boolean skips = false;
        for (int rank = 0; rank < all.size() && rows.size() < MAX_ROWS; rank++) {
            if (all.kind(rank) != Kind.UNRESOLVED) {
                skips |= rank != rows.size();
                rows.add(rank);
            }
        }
        if (!rows.isEmpty()) {
            table(h, r, vars, rows, false);
            if (minima + saddles > rows.size()) {
                h.append("<p>").append(minima + saddles - rows.size()).append(" more in minima.csv.</p>\n");
            }
            if (skips) {
                h.append("<p>Basins are numbered by value among all distinct end points, unresolved ones included "
                        + "(as in minima.csv and runs.csv), so the numbers above skip those.</p>\n");
            }
        }
        String sharp = SummaryMarkdown.sharpness(f, r.plan().config());
        if (!sharp.isEmpty()) {
            h.append("<p>").append(ESC.escape(sharp)).append("</p>\n");
        }
        Census.Answer census = Census.of(f, r.plan().config());
        if (census != null) {
            h.append("<p><b>").append(ESC.escape(census.question())).append("</b> ")
                    .append(ESC.escape(census.text())).append("</p>\n");
        }
        if (unresolved > 0) {
            long held = all.hitsAt(Kind.UNRESOLVED);
            h.append("<h3>Unresolved end points holding the most runs</h3>\n");
            List<Integer> shown = new java.util.ArrayList<>();
            for (int rank : all.mostHit(Kind.UNRESOLVED, UNRESOLVED_ROWS)) {
                shown.add(rank);
            }
            table(h, r, vars, shown, true);
            h.append("<p>").append(SummaryMarkdown.unresolvedHold(unresolved, held, f.runs()))
                    .append(unresolved == 1 ? "; minima.csv lists it." : "; minima.csv lists every one.");
            h.append(ESC.escape(SummaryMarkdown.unresolvedNotes(f, r.plan().config())));
            h.append("</p>\n");
        }
    }

    /** The end points at {@code ranks}, a row each; {@code near}: the note names the nearest minimum. */
    private static void table(StringBuilder h, RunRecord r, List<String> vars, List<Integer> ranks,
            boolean near) {
        Findings f = r.findings();
        h.append("<table class=\"sortable\"><thead><tr><th>basin</th>");
        int cols = Math.min(vars.size(), 6);
        for (int i = 0; i < cols; i++) {
            h.append("<th>").append(ESC.escape(vars.get(i))).append("</th>");
        }
        h.append("<th>value</th><th>kind</th><th>runs</th><th>share</th><th>note</th></tr></thead><tbody>\n");
        for (int rank : ranks) {
            Findings.Minimum m = f.minima().get(rank);
            h.append("<tr><td>").append(m.basin()).append("</td>");
            double[] p = m.point();
            for (int i = 0; i < cols; i++) {
                cell(h, Numbers.brief(p[i]), p[i]);
            }
            h.append("<td>").append(Numbers.exact(m.value())).append("</td><td class=\"t\">")
                    .append(m.kind().key(r.plan().config().objective().goal())).append("</td><td>")
                    .append(m.hits()).append("</td><td>").append(Numbers.percent(m.share()))
                    .append("</td><td class=\"t\">")
                    .append(ESC.escape(SummaryMarkdown.note(SummaryMarkdown.remark(m), near
                            ? f.minima().nearestMinimum(rank, r.plan().config().objective().goal().extremum()) : "")))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** A cell showing {@code text}, with the number behind it for sorting (NaN: none, sorted last). */
    private static void cell(StringBuilder h, String text, double v) {
        h.append("<td data-v=\"").append(Numbers.exact(v)).append("\">").append(ESC.escape(text)).append("</td>");
    }

    /**
     * Click a table's column heading to sort its rows by that column, again to reverse; numbers
     * (a cell's data-v where it has one, else its text, a trailing % dropped) before text, cells
     * with neither last either way. Inline, so the page still needs nothing from the network.
     */
    static final String SORTING = """
            <script>
            function msKey(cell) {
              var v = cell.getAttribute('data-v');
              var s = (v !== null ? v : cell.textContent).trim().replace(/%$/, '');
              if (s === '' || s === '-' || s === 'NaN') { return null; }
              var n = Number(s);
              return isNaN(n) ? s : n;
            }
            function msCompare(a, b, dir) {
              if (a === null || b === null) { return a === b ? 0 : a === null ? 1 : -1; }
              var an = typeof a === 'number', bn = typeof b === 'number';
              if (an !== bn) { return an ? -1 : 1; }
              return dir * (a < b ? -1 : a > b ? 1 : 0);
            }
            document.querySelectorAll('table.sortable').forEach(function (t) {
              var heads = t.tHead.rows[0].cells;
              Array.prototype.forEach.call(heads, function (th, col) {
                th.title = 'sort by this column (again to reverse)';
                th.addEventListener('click', function () {
                  var dir = th.getAttribute('data-dir') === 'up' ? -1 : 1;
                  Array.prototype.forEach.call(heads, function (o) { o.removeAttribute('data-dir'); });
                  th.setAttribute('data-dir', dir === 1 ? 'up' : 'down');
                  var body = t.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  rows.sort(function (a, b) { return msCompare(msKey(a.cells[col]), msKey(b.cells[col]), dir); });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
            });
            </script>
            """;

    /** A summary paragraph escaped, its bold lead and code spans marked as the summary marks them. */
    static String marked(String markdown) {
        return ESC.escape(markdown).replaceFirst("\\*\\*(.*?)\\*\\*", "<b>$1</b>")
                .replaceAll("`([^`]*)`", "<code>$1</code>");
    }
}
