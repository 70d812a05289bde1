package multistart.report;

import java.util.List;
import multistart.analysis.Findings;
import multistart.engine.Plan;

/**
 * Everything the writers need about a finished (or interrupted) experiment.
 *
 * @param lanes        runs each thread stepped at once (SIMD lanes; 1 one at a time)
 * @param complete     false when the run was interrupted and the figures cover part of it
 * @param wallSeconds  the run phase: gradient descent from all starts
 * @param totalSeconds the whole command up to the file that states it (start-up, analysis, basin map and
 *                     the other files included)
 * @param sessionSteps gradient steps taken by this process (less than the total when resumed)
 * @param mapSeconds   how long the basin map's runs took (NaN: no map, or not yet drawn)
 * @param mapInterrupted the basin map was begun and interrupted: basins.png is not drawn
 */
public record RunRecord(
        Plan plan,
        Findings findings,
        List<multistart.engine.Trajectory> trajectories,
        int threads,
        int lanes,
        String version,
        double wallSeconds,
        double totalSeconds,
        boolean complete,
        long sessionSteps,
        double mapSeconds,
        boolean mapInterrupted) {

    /** Before the basin map's time is known. */
    public RunRecord(Plan plan, Findings findings, List<multistart.engine.Trajectory> trajectories, int threads,
            int lanes, String version, double wallSeconds, double totalSeconds, boolean complete, long sessionSteps) {
        this(plan, findings, trajectories, threads, lanes, version, wallSeconds, totalSeconds, complete, sessionSteps,
                Double.NaN, false);
    }

    /** Without a separate count of this session's steps (a run that was not resumed). */
    public RunRecord(Plan plan, Findings findings, List<multistart.engine.Trajectory> trajectories, int threads,
            int lanes, String version, double wallSeconds, double totalSeconds, boolean complete) {
        this(plan, findings, trajectories, threads, lanes, version, wallSeconds, totalSeconds, complete,
                findings.gradientSteps());
    }

    /**
     * The same record with the whole command's time and the basin map's, measured later (once the
     * other files are written), and whether the map was interrupted.
     */
    public RunRecord withTimes(double totalSeconds, double mapSeconds, boolean mapInterrupted) {
        return new RunRecord(plan, findings, trajectories, threads, lanes, version, wallSeconds, totalSeconds,
                complete, sessionSteps, mapSeconds, mapInterrupted);
    }

    public double stepsPerSecond() {
        // steps taken in this session only: a resumed run replays earlier ones for free
        return wallSeconds > 0 ? sessionSteps / wallSeconds : 0.0;
    }
}
