package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Boender and Rinnooy Kan's closed forms against the posterior they come from, summed term by
 * term: with K >= 1 equally likely a priori and the basins' shares uniform on the simplex, N
 * searches that reached W distinct minima give P(K | N, W) proportional to
 * K! (K-1)! / ((K-W)! (N+K-1)!), and, given K, the shares of the K - W basins not seen a
 * Dirichlet posterior under which their expected total is (K-W) / (N+K).
 */
class MinimaCensusTest {

    /** E[K], E[unseen share] and P(K = W) by summing the posterior over K = W .. W + terms. */
    private static double[] summed(long n, int w, int terms) {
        double[] log = new double[terms];
        double top = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < terms; j++) {
            double k = w + j;
            log[j] = Gamma.logGamma(k + 1) + Gamma.logGamma(k) - Gamma.logGamma(k - w + 1) - Gamma.logGamma(n + k);
            top = Math.max(top, log[j]);
        }
        double total = 0;
        double mean = 0;
        double unseen = 0;
        for (int j = 0; j < terms; j++) {
            double p = Math.exp(log[j] - top);
            double k = w + j;
            total += p;
            mean += k * p;
            unseen += (k - w) / (n + k) * p;
        }
        return new double[] {mean / total, unseen / total, Math.exp(log[0] - top) / total};
    }

    @ParameterizedTest
    @CsvSource({"100, 3", "50, 10", "1000, 40", "30, 20", "3586, 3", "20, 1", "400, 121"})
    void closedFormsAreThePosteriorsMomentsAndMass(long n, int w) {
        // the terms fall off as K^(W-N), the mean's as K^(W-N+1): a million of them leave
        // less than 1e-9 of either out for N - W >= 10
        double[] sum = summed(n, w, 1_000_000);
        MinimaCensus m = new MinimaCensus(0, n, w, 0, 0);
        assertThat(m.expected()).isCloseTo(sum[0], within(1e-8 * sum[0]));
        assertThat(m.unseenShare()).isCloseTo(sum[1], within(1e-8));
        assertThat(m.allFound()).isCloseTo(sum[2], within(1e-9));
    }

    @Test
    void oneMinimumFromTwentyRunsByHand() {
        // W = 1, N = 20: E[K] = 19/17; unseen 2/380; P(K = 1) = (N-2)/N = 0.9
        MinimaCensus m = new MinimaCensus(0, 20, 1, 0, 0);
        assertThat(m.expected()).isCloseTo(19.0 / 17, within(1e-15));
        assertThat(m.unseenShare()).isCloseTo(2.0 / 380, within(1e-17));
        assertThat(m.allFound()).isCloseTo(0.9, within(1e-15));
        // 19/17 - 1 = 0.118 <= 1/2
        assertThat(m.bayesianComplete()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"1", "3", "4", "121", "2000"})
    void theRuleHoldsFromTheRunsItAsksFor(int w) {
        long need = new MinimaCensus(0, 0, w, 0, 0).runsForComplete();
        // W (W+1) / (N-W-2) <= 1/2 exactly from N = 2 W (W+1) + W + 2
        assertThat(new MinimaCensus(0, need, w, 0, 0).bayesianComplete()).isTrue();
        assertThat(new MinimaCensus(0, need, w, 0, 0).expected() - w).isCloseTo(0.5, within(1e-9));
        assertThat(new MinimaCensus(0, need - 1, w, 0, 0).bayesianComplete()).isFalse();
    }

    @Test
    void tooFewRunsHaveNoFiniteEstimate() {
        // N = W + 2: a proper posterior without a mean; N = W + 1: not even a proper one
        MinimaCensus two = new MinimaCensus(0, 12, 10, 0, 0);
        assertThat(two.expected()).isInfinite();
        assertThat(two.bayesianComplete()).isFalse();
        // P(K = W) = prod (1 + j) / (12 + j), j < 10 = 10! 11! / 21!
        double p = 1;
        for (int j = 0; j < 10; j++) {
            p *= (1.0 + j) / (12 + j);
        }
        assertThat(two.allFound()).isCloseTo(p, within(1e-18));
        assertThat(two.unseenShare()).isCloseTo(110.0 / 132, within(1e-15));
        MinimaCensus one = new MinimaCensus(0, 11, 10, 0, 0);
        assertThat(one.allFound()).isZero();
        assertThat(one.unseenShare()).isNaN();
        MinimaCensus nothing = new MinimaCensus(0, 0, 0, 0, 0);
        assertThat(nothing.expected()).isNaN();
        assertThat(nothing.bayesianComplete()).isFalse();
    }

    @Test
    void millionsOfMinimaStayFinite() {
        // log-sum of W factors: no overflow or underflow to NaN for W in the millions
        MinimaCensus m = new MinimaCensus(0, 10_000_000, 3_000_000, 0, 0);
        assertThat(m.allFound()).isZero();
        assertThat(m.expected()).isCloseTo(3e6 * (1e7 - 1) / (7e6 - 2), within(1e-3));
        MinimaCensus near = new MinimaCensus(0, 2_000_000_000L, 10, 0, 0);
        // prod (1 - 11/(N+j)) ~ 1 - 110/N
        assertThat(near.allFound()).isCloseTo(1 - 110 / 2e9, within(1e-12));
    }

    @Test
    void chaoAndGoodTuringByHand() {
        // N = 10 runs at W = 5 minima, f1 = 3 reached once, f2 = 1 twice:
        // S = 5 + (9/10) 3 * 2 / (2 * 2) = 6.35; unseen share f1 / N = 0.3
        MinimaCensus m = new MinimaCensus(0, 10, 5, 3, 1);
        assertThat(m.chao()).isCloseTo(6.35, within(1e-12));
        assertThat(m.goodTuringUnseen()).isCloseTo(0.3, within(1e-15));
        assertThat(m.likelyComplete()).isFalse();
        // every minimum reached twice or more: nothing missing
        assertThat(new MinimaCensus(0, 400, 4, 0, 1).chao()).isEqualTo(4.0);
        assertThat(new MinimaCensus(0, 400, 4, 0, 1).likelyComplete()).isTrue();
        // one minimum reached once adds nothing to Chao's estimate, but is a sign of rare basins;
        // two once and none twice add (N-1)/N
        assertThat(new MinimaCensus(0, 400, 4, 1, 0).chao()).isEqualTo(4.0);
        assertThat(new MinimaCensus(0, 400, 4, 1, 0).likelyComplete()).isFalse();
        assertThat(new MinimaCensus(0, 400, 4, 2, 0).chao()).isCloseTo(4 + 399.0 / 400, within(1e-12));
        assertThat(new MinimaCensus(0, 400, 4, 2, 0).likelyComplete()).isFalse();
        // one run at one minimum shows nothing, however Chao's correction reads
        assertThat(new MinimaCensus(0, 1, 1, 1, 0).chao()).isEqualTo(1.0);
        assertThat(new MinimaCensus(0, 1, 1, 1, 0).likelyComplete()).isFalse();
        assertThat(new MinimaCensus(0, 4, 1, 0, 0).likelyComplete()).isTrue();
    }

    @Test
    void onEqualBasinsChaoIsNearTheTruthWhereTheBayesianPriorOvershoots() {
        // K = 100 basins of one size, N = 300 starts: about 95 found, 15 once, 22 twice; Chao's
        // estimate averages close to 100 over many sweeps, Boender and Rinnooy Kan's (whose prior
        // expects unequal basins) near 95 * 299 / 203 = 140
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int k = 100;
        int n = 300;
        int sweeps = 400;
        double chao = 0;
        double bayes = 0;
        for (int r = 0; r < sweeps; r++) {
            int[] hits = new int[k];
            for (int i = 0; i < n; i++) {
                hits[random.nextInt(k)]++;
            }
            int w = 0;
            int once = 0;
            int twice = 0;
            for (int h : hits) {
                w += h > 0 ? 1 : 0;
                once += h == 1 ? 1 : 0;
                twice += h == 2 ? 1 : 0;
            }
            MinimaCensus m = new MinimaCensus(0, n, w, once, twice);
            chao += m.chao() / sweeps;
            bayes += m.expected() / sweeps;
        }
        assertThat(chao).isBetween(96.0, 104.0);
        assertThat(bayes).isGreaterThan(130.0);
    }
}
