package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The progress bar's rate: from the time elapsed, not whole seconds, in three figures. */
class ProgressTest {

    @Test
    void ratesAreThreeFiguresWithAUnit() {
        assertThat(Progress.Renderer.rate(987)).isEqualTo("987");
        assertThat(Progress.Renderer.rate(5)).isEqualTo("5.00");
        assertThat(Progress.Renderer.rate(46_049)).isEqualTo("46.0k");
        assertThat(Progress.Renderer.rate(514_285.7)).isEqualTo("514k");
        assertThat(Progress.Renderer.rate(999_600)).isEqualTo("1.00M");
        assertThat(Progress.Renderer.rate(1_234_567)).isEqualTo("1.23M");
        assertThat(Progress.Renderer.rate(2.7e9)).isEqualTo("2.70G");
        assertThat(Progress.Renderer.rate(3.1e12)).isEqualTo("3100G");
    }

    /** Lines as the bar draws them. */
    static final class Lines implements ProgressBarConsumer {
        final List<String> drawn = new ArrayList<>();

        @Override
        public int getMaxRenderedLength() {
            return 120;
        }

        @Override
        public synchronized void accept(String line) {
            drawn.add(line);
        }

        @Override
        public void close() {
        }
    }

    /**
     * Within its first second the library's own rate was "?" (it divides by whole seconds); ours
     * is shown then, as the runs of this session over the time since it began, whatever an earlier
     * session did.
     */
    @Test
    void theRateIsShownWithinTheFirstSecondAndCountsOnlyThisSessionsRuns() throws InterruptedException {
        Lines lines = new Lines();
        ProgressBar bar = new ProgressBarBuilder().setTaskName("t").setInitialMax(10_000_000)
                .setRenderer(new Progress.Renderer()).setConsumer(lines).setUpdateIntervalMillis(50)
                .startsFrom(4_000_000, Duration.ofSeconds(100)).build();
        long t0 = System.nanoTime();
        Thread.sleep(400);
        bar.stepTo(4_000_000 + 20_000);
        bar.close();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String last = lines.drawn.get(lines.drawn.size() - 1);
        // 20 000 runs in 0.4 s or a little more: 50k runs/s at most, and at least a third of it
        assertThat(last).containsPattern("\\(0:01:4\\d / [0-9:]+\\) \\d+(\\.\\d+)?k runs/s$");
        double shown = Double.parseDouble(last.replaceAll(".* (\\d+(\\.\\d+)?)k runs/s$", "$1")) * 1000;
        assertThat(shown).isBetween(20_000 / seconds / 3, 20_000 / 0.4 * 1.01);
    }

    /** A bar full within its first fifth of a second shows a rate and no time left, not "?". */
    @Test
    void aBarFullAtOnceShowsItsRateAndNoTimeLeft() throws InterruptedException {
        Lines lines = new Lines();
        ProgressBar bar = new ProgressBarBuilder().setTaskName("map").setInitialMax(6400)
                .setRenderer(new Progress.Renderer()).setConsumer(lines).setUpdateIntervalMillis(20).build();
        long t0 = System.nanoTime();
        Thread.sleep(50);
        bar.stepTo(6400);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(60);
        bar.close();
        String last = lines.drawn.get(lines.drawn.size() - 1);
        assertThat(last).containsPattern("6400/6400 runs \\(0:00:0\\d / 0:00:00\\) ").doesNotContain("?");
        double shown = Double.parseDouble(last.replaceAll(".* (\\d+(\\.\\d+)?)(k?) runs/s$", "$1"))
                * (last.endsWith("k runs/s") ? 1000 : 1);
        // 6400 runs over the time since the bar began: at least 50 ms, and (however late the last
        // redraw on a loaded machine) under the ten seconds the time shown allows
        assertThat(shown).isBetween(6400 / 10.0, 6400 / 0.05);
        assertThat(seconds).isLessThan(10.0);
    }

    /**
     * At a steady pace the recent rate is that pace; after a change of pace it is the runs and
     * the time of each update weighted by e^(-age / tau), summed here directly; 20 s (4 tau) after
     * a drop from 1000 to 100 runs/s it reads within 10% of 100 where the rate since the start
     * reads 250.
     */
    @Test
    void theRecentRateFollowsAChangeOfPace() {
        Progress.RecentRate steady = new Progress.RecentRate(5);
        for (int k = 1; k <= 200; k++) {
            long t = k * 250_000_000L;
            assertThat(steady.at(t, Math.round(t / 1e9 * 3_000))).isCloseTo(3_000, within(1e-6));
        }
        Progress.RecentRate r = new Progress.RecentRate(5);
        List<double[]> updates = new ArrayList<>();
        long done = 0;
        double shown = 0;
        for (int k = 1; k <= 96; k++) {
            double seconds = k * 0.25;
            long now = Math.round(seconds <= 4 ? seconds * 1_000 : 4_000 + (seconds - 4) * 100);
            updates.add(new double[] {seconds, now - done, k == 1 ? seconds : 0.25});
            done = now;
            shown = r.at(Math.round(seconds * 1e9), done);
        }
        double runs = 0;
        double time = 0;
        for (double[] u : updates) {
            double w = Math.exp(-(24 - u[0]) / 5);
            runs += w * u[1];
            time += w * u[2];
        }
        assertThat(shown).isCloseTo(runs / time, within(1e-9 * shown)).isBetween(100.0, 110.0);
        assertThat(done / 24.0).isEqualTo(250.0);
    }

    /**
     * Chunks arriving 10 s apart: at each arrival the rate is the chunk over the time it took,
     * and between arrivals it holds (a draw with no new runs, or of an earlier time, changes
     * nothing), where a rate over tau alone would have read 100 runs over 5 s, twice the pace.
     */
    @Test
    void sparseChunksGiveTheirPaceAndAStallHoldsIt() {
        Progress.RecentRate r = new Progress.RecentRate(5);
        for (int k = 1; k <= 6; k++) {
            long t = k * 10_000_000_000L;
            assertThat(r.at(t, 100L * k)).isCloseTo(10, within(1e-9));
            assertThat(r.at(t + 4_000_000_000L, 100L * k)).isCloseTo(10, within(1e-9));
            assertThat(r.at(t - 1, 100L * k)).isCloseTo(10, within(1e-9));
        }
    }
}
