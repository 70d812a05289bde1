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
     * shifted with the figure's length. Rate and time left are those of the last several seconds
     * ({@link RecentRate}): the combos run one after another and need not cost alike, and a
     * sweep of momentum and then adam combos of rosenbrock 10-d, at 56k runs/s through the first
     * half and 20k through the second, had shown 3 s left at half way for 10 s.
     */
    static final class Renderer extends DefaultProgressBarRenderer {
        private final RecentRate recent;

        Renderer() {
            this(new RecentRate(RecentRate.SECONDS));
        }

        private Renderer(RecentRate recent) {
            super(ProgressBarStyle.ASCII, " runs", 1, true, new DecimalFormat("0"), ChronoUnit.SECONDS, true,
                    state -> eta(state, recent));
            this.recent = recent;
        }

        @Override
        protected String speed(ProgressState state) {
            double r = sample(state, recent);
            return Double.isNaN(r) ? "? runs/s" : rate(r) + " runs/s";
        }

        /**
         * The recent rate, runs a second, after this redraw's figures; NaN for a tenth of a second's
         * figure, which says little (and the first chunks are the JIT's), or before a run is done.
         * A bar that is full within that time (a small basin map) shows the runs over the time they
         * took, where it read "? runs/s" and "?" time left at 100%.
         */
        private static double sample(ProgressState state, RecentRate recent) {
            long nanos = state.getElapsedAfterStart().toNanos();
            long done = state.getCurrent() - state.getStart();
            if (done <= 0 || nanos <= 0) {
                return Double.NaN;
            }
            if (nanos < 200_000_000L) {
                boolean full = state.getMax() > 0 && state.getCurrent() >= state.getMax();
                return full ? done * 1e9 / nanos : Double.NaN;
            }
            return recent.at(nanos, done);
        }

        /** Time left at the recent rate (the library's own estimate, at the rate so far, is package-private). */
        static Optional<Duration> eta(ProgressState state, RecentRate recent) {
            double r = sample(state, recent);
            if (state.getMax() <= 0 || state.isIndefinite() || !(r > 0)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(Math.round(Math.min((state.getMax() - state.getCurrent()) / r * 1e9,
                    Long.MAX_VALUE / 2.0))));
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

    /**
     * Runs a second over the recent past: the runs done and the time taken, each with the weight
     * e^(-age / tau), so the figure follows a change of pace within a few tau (tau 2 s), taken at
     * each update that brings runs (a chunk of runs arriving in a burst counts over the time it
     * took; a stall holds the last figure). Its first figure is the rate since the start.
     */
    static final class RecentRate {
        /** tau, seconds. */
        static final double SECONDS = 2;
        /** The least weight the past keeps at an update. */
        static final double KEEP = 0.7;

        private final double tauNanos;
        private long lastNanos = -1;
        private long lastDone;
        private double runs;
        private double nanos;

        RecentRate(double tauSeconds) {
            this.tauNanos = tauSeconds * 1e9;
        }

        /**
         * The rate after {@code done} runs in {@code elapsed} ns since the start; for a time not
         * after the last one given, the last figure.
         */
        synchronized double at(long elapsed, long done) {
            if (lastNanos < 0) {
                runs = done;
                nanos = elapsed;
            } else if (elapsed > lastNanos && done > lastDone) {
                // a sweep whose chunks arrive seconds apart: each arrival counts for at most
                // 1 - KEEP, the figure an average over the last few chunks, not one chunk over tau
                double keep = Math.max(Math.exp(-(elapsed - lastNanos) / tauNanos), KEEP);
                runs = runs * keep + (done - lastDone);
                nanos = nanos * keep + (elapsed - lastNanos);
            } else {
                return runs * 1e9 / nanos;
            }
            lastNanos = elapsed;
            lastDone = done;
            return runs * 1e9 / nanos;
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
