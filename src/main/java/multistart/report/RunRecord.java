package multistart.report;

import java.util.List;
import multistart.analysis.Findings;
import multistart.engine.Plan;

/**
 * Everything the writers need about a finished (or interrupted) experiment.
 *
 * @param complete     false when the run was interrupted and the figures cover part of it
 * @param wallSeconds  the run phase: gradient descent from all starts
 * @param totalSeconds the whole command so far (start-up, analysis and writing included)
 */
public record RunRecord(
        Plan plan,
        Findings findings,
        List<multistart.engine.Trajectory> trajectories,
        int threads,
        String version,
        double wallSeconds,
        double totalSeconds,
        boolean complete) {

    public double stepsPerSecond() {
        return wallSeconds > 0 ? findings.gradientSteps() / wallSeconds : 0.0;
    }
}
