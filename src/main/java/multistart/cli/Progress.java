package multistart.cli;

import java.text.DecimalFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import me.tongfei.progressbar.DefaultProgressBarRenderer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;
import multistart.engine.Engine;

/**
 * The progress bar: runs done of total, runs per second, time left. Shown only on an
 * interactive terminal and without {@code --quiet}, so CI logs and redirected output stay
 * clean. It is updated by the merge thread after each chunk, never from the per-step loop,
 * and redrawn by the library's own thread. The basin map has a bar of its own, updated by its
 * workers after each row.
 */
final class Progress implements Engine.Progress, AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(long total, long done, String name, boolean quiet) {
        if (quiet || !interactive()) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setRenderer(new Renderer())
                .setUpdateIntervalMillis(250).startsFrom(done, Duration.ZERO).build();
        return new Progress(bar);
    }

    /**
     * The library's bar, percentage, count and times, with the rate worked out from the time
     * elapsed to the nanosecond and written in three figures ("514k runs/s"). The library divides
     * by whole seconds: its rate read "?" for the first second, then jumped by up to half between
     * redraws (460288.0, 608256.0, 547584.0 runs/s on one steady sweep), and the bar's width
     * shifted with the figure's length.
     */
    static final class Renderer extends DefaultProgressBarRenderer {
        Renderer() {
            super(ProgressBarStyle.ASCII, " runs", 1, true, new DecimalFormat("0"), ChronoUnit.SECONDS, true,
                    Renderer::eta);
        }

        @Override
        protected String speed(ProgressState state) {
            long nanos = state.getElapsedAfterStart().toNanos();
            long done = state.getCurrent() - state.getStart();
            // a tenth of a second's figure says little, and the first chunks are the JIT's
            return nanos < 200_000_000L || done <= 0 ? "? runs/s" : rate(done * 1e9 / nanos) + " runs/s";
        }

        /** Time left at the rate so far (the library's own estimate, which is package-private). */
        static Optional<Duration> eta(ProgressState state) {
            long done = state.getCurrent() - state.getStart();
            if (state.getMax() <= 0 || state.isIndefinite() || done <= 0) {
                return Optional.empty();
            }
            return Optional.of(state.getElapsedAfterStart().dividedBy(done).multipliedBy(state.getMax()
                    - state.getCurrent()));
        }

        /** Three significant figures with k, M or G: 987, 46.0k, 514k, 1.23M. */
        static String rate(double perSecond) {
            String[] units = {"", "k", "M", "G"};
            double r = perSecond;
            int u = 0;
            while (r >= 999.5 && u < units.length - 1) {
                r /= 1000;
                u++;
            }
            String digits = r >= 99.5 ? "%.0f" : r >= 9.995 ? "%.1f" : "%.2f";
            return String.format(Locale.ROOT, digits, r) + units[u];
        }
    }

    /** A terminal on both ends: what a person watching would see. */
    static boolean interactive() {
        return System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
    }

    private long shown;

    /** From any thread: a figure below one already shown (threads reporting out of order) is passed over. */
    @Override
    public synchronized void update(long runsDone) {
        if (bar != null && runsDone > shown) {
            shown = runsDone;
            bar.stepTo(runsDone);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
