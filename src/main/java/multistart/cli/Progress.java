package multistart.cli;

import multistart.engine.Engine;

/**
 * Progress of a run, reported after each merged chunk: never from the per-step loop.
 * (A terminal progress bar is the reports issue's; this one only counts.)
 */
final class Progress implements Engine.Progress, AutoCloseable {

    private final long total;
    private volatile long done;

    private Progress(long total, long done) {
        this.total = total;
        this.done = done;
    }

    static Progress start(long total, long done, String name) {
        return new Progress(total, done);
    }

    @Override
    public void update(long runsDone) {
        done = runsDone;
    }

    long done() {
        return done;
    }

    long total() {
        return total;
    }

    @Override
    public void close() {
    }
}
