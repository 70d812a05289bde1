package multistart.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a combo's runs are likely to have found every minimum they can reach, by two
 * estimates of how many there are from what the runs reached.
 *
 * <p><b>Chao's</b> ("Nonparametric estimation of the number of classes in a population",
 * Scandinavian Journal of Statistics 11, 1984), in its bias-corrected form: from the minima
 * reached by exactly one run (f1) and by exactly two (f2),
 * <pre>
 *   S = W + ((N-1)/N) f1 (f1-1) / (2 (f2+1))
 * </pre>
 * a lower bound on the expected count that holds whatever the basins' sizes: the minima seen
 * once say how many were missed. With it, <b>Good and Turing's</b> estimate of the share of the
 * starts whose basins no run found ("The population frequencies of species and the estimation
 * of population parameters", Biometrika 40, 1953): f1 / N. A combo's search counts as likely
 * complete when no minimum was reached by just one run (f1 = 0: Chao's estimate is then the count
 * found, and Good and Turing's unseen share 0), from at least three runs more than minima. Chao's
 * point estimate alone is not the test: it is a lower bound, and 400 sobol starts on rastrigin
 * 2-d that reached 120 of its 121 minima, 4 of them once and 28 twice, put it at 120.2.
 *
 * <p><b>Boender and Rinnooy Kan's</b> Bayesian analysis of multistart ("Bayesian stopping rules
 * for multistart global optimization methods", Mathematical Programming 37, 1987): a
 * deterministic local search from a start drawn at random from the domain ends at one of K
 * minima, the i-th with probability theta_i (its basin's share of the domain); the prior takes
 * every K >= 1 as equally likely and, given K, the shares as uniform on the simplex
 * (Dirichlet(1, ..., 1)). After N searches that reached W distinct minima, the posterior of K is
 * proportional to K! (K-1)! / ((K-W)! (N+K-1)!), K >= W, which depends on N and W alone (not on
 * how often each was reached). Its mean, the share of the domain held by the basins not yet
 * seen, and the probability that K = W have closed forms (the last by Gauss's sum of a
 * hypergeometric series at 1):
 * <pre>
 *   E[K]             = W (N-1) / (N-W-2)                             N >= W + 3
 *   E[unseen share]  = W (W+1) / (N (N-1))                           N >= W + 2
 *   P(K = W)         = prod_{j=0}^{W-1} (N-W-1+j) / (N+j)             N >= W + 2
 * </pre>
 * and their stopping rule ends the search once {@code E[K] - W <= 1/2}, that is once
 * {@code N >= 2 W (W+1) + W + 2}. Below those bounds the posterior has no mean (or is improper):
 * nearly every search found a minimum of its own. Its prior expects many small basins, so where
 * the basins are of a size it stays cautious long after every minimum has been reached many
 * times (rastrigin's 14 641 in 4-d, each reached 27 times on average by 400 000 runs: 15 200
 * expected).
 *
 * <p>Here a combo's runs are the searches, counted where they ended at a confirmed minimum
 * ({@link Kind#MINIMUM}; a run that stopped short, on a saddle, or diverged tells nothing of the
 * basin it started in), from the sampled starts only: explicit start points are chosen, not
 * drawn. The shares are then of the starts that drain to a confirmed minimum. Quasi-random
 * samplers (sobol, halton, latin_hypercube) and the grid spread their starts more evenly than
 * random draws, so fewer minima are reached just once than random starts would reach so: the
 * estimates from them can read low, and the test above is the stricter for it.
 *
 * @param combo the combo's index
 * @param runs  N: the combo's runs from sampled starts that ended at a confirmed minimum
 * @param found W: the distinct minima they reached
 * @param once  f1: of those, the minima exactly one of the runs reached
 * @param twice f2: the minima exactly two reached
 */
public record MinimaCensus(int combo, long runs, int found, int once, int twice) {

    /** The stopping rules' bound on the minima expected to be missing. */
    public static final double MISSING = 0.5;

    /** Chao's bias-corrected estimate of the number of minima; NaN for W = 0. */
    public double chao() {
        if (found == 0) {
            return Double.NaN;
        }
        return found + (runs - 1.0) / runs * once * (once - 1.0) / (2.0 * (twice + 1));
    }

    /** Good and Turing's estimate of the share of the starts in basins no run found, f1 / N; NaN for N = 0. */
    public double goodTuringUnseen() {
        return runs == 0 ? Double.NaN : (double) once / runs;
    }

    /**
     * Whether the search is likely complete: every minimum reached by two runs or more, from at
     * least three runs more than minima (one run at one minimum shows nothing).
     */
    public boolean likelyComplete() {
        return found > 0 && runs >= found + 3L && once == 0;
    }

    /** Whether Boender and Rinnooy Kan's stopping rule holds: E[K] - W <= 1/2. */
    public boolean bayesianComplete() {
        return found > 0 && runs >= found + 3L && expected() - found <= MISSING;
    }

    /**
     * Boender and Rinnooy Kan's expected number of minima, E[K]; +infinity where it has no
     * finite value (N < W + 3); NaN for W = 0.
     */
    public double expected() {
        if (found == 0) {
            return Double.NaN;
        }
        return runs >= found + 3L ? (double) found * (runs - 1) / (runs - found - 2) : Double.POSITIVE_INFINITY;
    }

    /**
     * Boender and Rinnooy Kan's expected share of the starts (of those that drain to a minimum)
     * whose basins no run found; NaN where the posterior is improper (N < W + 2) or nothing was found.
     */
    public double unseenShare() {
        if (found == 0 || runs < found + 2L) {
            return Double.NaN;
        }
        return (double) found * (found + 1) / ((double) runs * (runs - 1));
    }

    /**
     * Boender and Rinnooy Kan's posterior probability that no minimum is missing, P(K = W); 0
     * where N < W + 2, NaN for W = 0.
     */
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

    /**
     * The runs ending at a minimum after which Boender and Rinnooy Kan's rule would hold if no new minimum turned up:
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
        int[] once = new int[comboCount];
        int[] twice = new int[comboCount];
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
                    once[c] += hits == 1 ? 1 : 0;
                    twice[c] += hits == 2 ? 1 : 0;
                }
            }
        }
        List<MinimaCensus> out = new ArrayList<>(comboCount);
        for (int c = 0; c < comboCount; c++) {
            out.add(new MinimaCensus(c, runs[c], found[c], once[c], twice[c]));
        }
        return out;
    }
}
