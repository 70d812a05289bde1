package multistart.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a combo's runs are likely to have found every minimum they can reach, by Boender and
 * Rinnooy Kan's Bayesian analysis of multistart ("Bayesian stopping rules for multistart global
 * optimization methods", Mathematical Programming 37, 1987).
 *
 * <p>Their model: a deterministic local search from a start drawn at random from the domain ends
 * at one of K minima, the i-th with probability theta_i (its basin's share of the domain); the
 * prior takes every K >= 1 as equally likely and, given K, the shares as uniform on the simplex
 * (Dirichlet(1, ..., 1)). After N searches that reached W distinct minima, the posterior of K is
 * proportional to K! (K-1)! / ((K-W)! (N+K-1)!), K >= W, which depends on N and W alone. Its mean,
 * the share of the domain held by the basins not yet seen, and the probability that K = W have
 * closed forms (the last by Gauss's sum of a hypergeometric series at 1):
 * <pre>
 *   E[K]             = W (N-1) / (N-W-2)                             N >= W + 3
 *   E[unseen share]  = W (W+1) / (N (N-1))                           N >= W + 2
 *   P(K = W)         = prod_{j=0}^{W-1} (N-W-1+j) / (N+j)             N >= W + 2
 * </pre>
 * and their stopping rule ends the search once {@code E[K] - W <= 1/2}, that is once
 * {@code N >= 2 W (W+1) + W + 2}. Below those bounds the posterior has no mean (or is improper):
 * nearly every search found a minimum of its own.
 *
 * <p>Here a combo's runs are the searches, counted where they ended at a confirmed minimum
 * ({@link Kind#MINIMUM}; a run that stopped short, on a saddle, or diverged tells nothing of the
 * basin it started in), from the sampled starts only: explicit start points are chosen, not
 * drawn. The shares are then of the starts that drain to a confirmed minimum. Quasi-random
 * samplers (sobol, halton, latin_hypercube) and the grid spread their starts more evenly than
 * random draws, so the estimate is, if anything, cautious for them.
 *
 * @param combo the combo's index
 * @param runs  N: the combo's runs from sampled starts that ended at a confirmed minimum
 * @param found W: the distinct minima they reached
 */
public record MinimaCensus(int combo, long runs, int found) {

    /** The stopping rule's bound on the minima expected to be missing. */
    public static final double MISSING = 0.5;

    /** The expected number of minima, E[K]; +infinity where it has no finite value (N < W + 3); NaN for W = 0. */
    public double expected() {
        if (found == 0) {
            return Double.NaN;
        }
        return runs >= found + 3L ? (double) found * (runs - 1) / (runs - found - 2) : Double.POSITIVE_INFINITY;
    }

    /**
     * The expected share of the starts (of those that drain to a minimum) whose basins no run
     * found; NaN where the posterior is improper (N < W + 2) or nothing was found.
     */
    public double unseenShare() {
        if (found == 0 || runs < found + 2L) {
            return Double.NaN;
        }
        return (double) found * (found + 1) / ((double) runs * (runs - 1));
    }

    /** The posterior probability that no minimum is missing, P(K = W); 0 where N < W + 2, NaN for W = 0. */
    public double allFound() {
        if (found == 0) {
            return Double.NaN;
        }
        if (runs < found + 2L) {
            return 0;
        }
        // each factor 1 - (W+1)/(N+j), summed as logarithms: W may be in the millions
        double log = 0;
        for (int j = 0; j < found; j++) {
            log += Math.log1p(-(found + 1.0) / (runs + j));
        }
        return Math.exp(log);
    }

    /** Whether the stopping rule holds: fewer than half a minimum expected to be missing. */
    public boolean likelyComplete() {
        return found > 0 && runs >= found + 3L && expected() - found <= MISSING;
    }

    /**
     * The runs ending at a minimum after which the rule would hold if no new minimum turned up:
     * {@code 2 W (W+1) + W + 2}, the least N with {@code W (W+1) / (N-W-2) <= 1/2}.
     */
    public long runsForComplete() {
        return 2L * found * (found + 1) + found + 2;
    }

    /**
     * Each combo's census from the classified end points. {@code explicit}: the runs from
     * explicit start points that ended at each end point, keyed by {@code rank * comboCount +
     * combo}, taken off the counts (empty for none).
     */
    static List<MinimaCensus> of(Minima minima, int comboCount, java.util.Map<Long, Integer> explicit) {
        long[] runs = new long[comboCount];
        int[] found = new int[comboCount];
        for (int r = 0; r < minima.size(); r++) {
            if (minima.kind(r) != Kind.MINIMUM) {
                continue;
            }
            long[] pairs = minima.comboHitsOf(r);
            for (int k = 0; k < pairs.length; k += 2) {
                int c = (int) pairs[k];
                long hits = pairs[k + 1] - explicit.getOrDefault((long) r * comboCount + c, 0);
                if (hits > 0) {
                    runs[c] += hits;
                    found[c]++;
                }
            }
        }
        List<MinimaCensus> out = new ArrayList<>(comboCount);
        for (int c = 0; c < comboCount; c++) {
            out.add(new MinimaCensus(c, runs[c], found[c]));
        }
        return out;
    }
}
