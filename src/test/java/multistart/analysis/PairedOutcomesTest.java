package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Start-by-start outcomes: McNemar's exact test against binomial sums written out in exact
 * arithmetic, Holm's step-down on a worked example, discordant counts against a plain count over
 * random outcomes, and the size limits that keep memory flat.
 */
public class PairedOutcomesTest {

    /** 2 sum_{i <= min(b, c)} C(b + c, i) / 2^(b + c), capped at 1, in exact arithmetic. */
    public static double exactMcNemar(int b, int c) {
        int n = b + c;
        BigInteger sum = BigInteger.ZERO;
        BigInteger choose = BigInteger.ONE;
        for (int i = 0; i <= Math.min(b, c); i++) {
            sum = sum.add(choose);
            choose = choose.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        BigDecimal p = new BigDecimal(sum.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)),
                MathContext.DECIMAL128);
        return Math.min(1.0, p.doubleValue());
    }

    @Test
    void mcNemarsExactTestMatchesTheBinomialSums() {
        // worked by hand: 7 to 0 is 2 / 2^7; 12 to 6 is 2 (1 + 18 + 153 + 816 + 3060 + 8568 + 18564) / 2^18
        assertThat(PairedOutcomes.mcnemar(7, 0)).isCloseTo(0.015625, within(1e-15));
        assertThat(PairedOutcomes.mcnemar(6, 12)).isCloseTo(2 * 31180 / 262144.0, within(1e-15));
        assertThat(PairedOutcomes.mcnemar(3, 3)).isEqualTo(1.0);
        assertThat(PairedOutcomes.mcnemar(0, 0)).isEqualTo(1.0);
        // far tails stay apart from 0: 2^-140
        assertThat(PairedOutcomes.mcnemar(141, 0) / Math.pow(2, -140)).isCloseTo(1.0, within(1e-12));
        int[][] splits = {{1, 0}, {5, 2}, {40, 22}, {100, 100}, {1060, 940}, {3000, 2800}, {9000, 1}};
        for (int[] s : splits) {
            double exact = exactMcNemar(s[0], s[1]);
            assertThat(PairedOutcomes.mcnemar(s[0], s[1])).as("%d to %d", s[0], s[1])
                    .isCloseTo(exact, within(exact * 1e-10));
        }
    }

    @Test
    void holmRejectsStepDownUntilTheFirstThatIsNot() {
        // sorted 0.005 <= 0.05/4, 0.01 <= 0.05/3, then 0.03 > 0.05/2: it and 0.04 stand
        assertThat(PairedOutcomes.holm(new double[] {0.01, 0.04, 0.03, 0.005}, 0.05))
                .containsExactly(true, false, false, true);
        assertThat(PairedOutcomes.holm(new double[] {0.01, 0.02, 0.04}, 0.05)).containsExactly(true, true, true);
        assertThat(PairedOutcomes.holm(new double[] {0.02, 0.001}, 0.05)).containsExactly(true, true);
        // the smaller, 0.026, is over 0.05 / 2: neither is rejected
        assertThat(PairedOutcomes.holm(new double[] {0.03, 0.026}, 0.05)).containsExactly(false, false);
        assertThat(PairedOutcomes.holm(new double[0], 0.05)).isEmpty();
    }

    @Test
    void discordantStartsAreCountedOverTheStartsBothCombosRan() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int starts = 1 + r.nextInt(300);
            boolean known = r.nextBoolean();
            PairedOutcomes p = PairedOutcomes.create(starts, 3, known ? 0.0 : Double.NaN, 0.5);
            double[][] v = new double[3][starts];
            // an interrupted sweep folds in a prefix of the runs: combo 0 whole, combo 1 up to a start, combo 2 none
            int cut = r.nextInt(starts + 1);
            for (int c = 0; c < 2; c++) {
                for (int s = 0; s < (c == 0 ? starts : cut); s++) {
                    v[c][s] = r.nextInt(5) == 0 ? Double.NaN : r.nextDouble(-1, 2);
                    p.add(c, s, v[c][s]);
                }
            }
            // unknown target: the best value found, -1 at most, decides
            double target = known ? 0.0 : -0.25;
            p.resolve(target);
            long only01 = 0;
            long only10 = 0;
            long succ0 = 0;
            for (int s = 0; s < starts; s++) {
                boolean a = v[0][s] <= target + 0.5;
                succ0 += a ? 1 : 0;
                if (s < cut) {
                    boolean b = v[1][s] <= target + 0.5;
                    only01 += a && !b ? 1 : 0;
                    only10 += b && !a ? 1 : 0;
                }
            }
            assertThat(p.common(0, 1)).isEqualTo(cut);
            assertThat(p.common(0, 2)).isZero();
            assertThat(p.only(0, 1)).as("seed %d", seed).isEqualTo(only01);
            assertThat(p.only(1, 0)).as("seed %d", seed).isEqualTo(only10);
            assertThat(p.successes(0)).isEqualTo(succ0);
        }
    }

    @Test
    void outcomesAreKeptOnlyForSweepsOfSeveralCombosWithinTheirMemory() {
        assertThat(PairedOutcomes.create(1000, 1, 0.0, 1e-6)).isNull();
        // a value a run where the target is found at the end: 2^20 runs, 8 MiB
        assertThat(PairedOutcomes.create(1 << 19, 2, Double.NaN, 1e-6)).isNotNull();
        assertThat(PairedOutcomes.create((1 << 19) + 1, 2, Double.NaN, 1e-6)).isNull();
        // a bit a run against a known optimum: 2^26 runs, 8 MiB
        assertThat(PairedOutcomes.create(1 << 25, 2, 0.0, 1e-6)).isNotNull();
        assertThat(PairedOutcomes.create(10_000_000L, 18, 0.0, 1e-6)).isNull();
    }

    /**
     * End values compared start by start (kept against a known target up to MAX_VALUES runs): a
     * plain count over random values, a missing end point (NaN: diverged) worse than any, values
     * within the tolerance a tie, and nothing kept past the limit or, without a known target,
     * once resolved.
     */
    @Test
    void betterCountsTheStartsWhereOneComboEndsBetterByMoreThanTheTolerance() {
        SplittableRandom random = new SplittableRandom(11);
        int starts = 1000;
        double tol = 1;
        PairedOutcomes p = PairedOutcomes.create(starts, 2, -5, tol);
        double[][] v = new double[2][starts];
        for (int s = 0; s < starts; s++) {
            for (int c = 0; c < 2; c++) {
                // whole numbers, exact in any difference: a difference of 1 is a tie, 2 is not
                v[c][s] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(20);
                p.add(c, s, v[c][s]);
            }
        }
        long a = 0;
        long b = 0;
        for (int s = 0; s < starts; s++) {
            double x = Double.isNaN(v[0][s]) ? 1e300 : v[0][s];
            double y = Double.isNaN(v[1][s]) ? 1e300 : v[1][s];
            if (y - x >= 2) {
                a++;
            } else if (x - y >= 2) {
                b++;
            }
        }
        assertThat(p.better(0, 1)).containsExactly(a, b);
        assertThat(p.better(1, 0)).containsExactly(b, a);
        // no run succeeded against -5: the bits stay empty
        assertThat(p.successes(0)).isZero();
        // past the limit, bits alone
        long over = PairedOutcomes.MAX_VALUES / 2 + 1;
        PairedOutcomes big = PairedOutcomes.create(over, 2, 0, tol);
        big.add(0, 0, 1.0);
        big.add(1, 0, 2.0);
        assertThat(big.better(0, 1)).isNull();
        // without a known target the values serve the success bits and go
        PairedOutcomes found = PairedOutcomes.create(10, 2, Double.NaN, tol);
        found.add(0, 0, 1.0);
        found.add(1, 0, 3.0);
        assertThat(found.better(0, 1)).containsExactly(1L, 0L);
        found.resolve(1.0);
        assertThat(found.better(0, 1)).isNull();
    }
}
