package multistart.cli;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
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
        ProgressBar bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" runs", 1).showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(250).startsFrom(done, Duration.ZERO).build();
        return new Progress(bar);
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
