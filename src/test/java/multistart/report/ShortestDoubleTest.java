package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ShortestDouble writes the same characters as Jackson's Schubfach (what the reports used
 * before), and they read back to the same double: on special values, on every
 * power of two and of ten in range and their neighbours, on the integers around 2^53, and on
 * millions of doubles drawn from random bit patterns and from the ranges end points live in.
 */
class ShortestDoubleTest {

    static void check(double v) {
        byte[] out = new byte[ShortestDouble.MAX_BYTES + 8];
        int end = ShortestDouble.write(v, out, 3);
        String mine = new String(out, 3, end - 3, StandardCharsets.US_ASCII);
        String theirs = com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal.toString(v);
        if (!mine.equals(theirs)) {
            throw new AssertionError("bits " + Long.toHexString(Double.doubleToRawLongBits(v)) + ": " + mine
                    + " but Jackson writes " + theirs);
        }
        if (!Numbers.exact(v).equals(theirs)) {
            throw new AssertionError("Numbers.exact(" + theirs + ") is " + Numbers.exact(v));
        }
        if (!Double.isNaN(v)) {
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(mine)))
                    .as(mine).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }

    @Test
    void specialValuesAndTheEdgesOfTheRange() {
        for (double v : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, -Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 0.1, 0.2, 0.3,
                1e-3, 0.001, Math.nextDown(1e-3), 9.999999999999999e-4, 1e7, Math.nextDown(1e7), 9999999.999999998,
                2e23, 1e23, 5e-324, 4.9e-324, 1.7976931348623157e308, 2.2250738585072014E-308, 123456789012345680.0,
                -2.5e-5, 6.551133332835841, -6.551133332835841, 4.940656458412465E-324}) {
            check(v);
        }
    }

    @Test
    void everyPowerOfTwoAndOfTenAndTheirNeighbours() {
        for (int e = -1074; e <= 1023; e++) {
            double v = Math.scalb(1.0, e);
            check(v);
            check(Math.nextUp(v));
            check(Math.nextDown(v));
            check(-v);
        }
        for (int e = -324; e <= 308; e++) {
            double v = Double.parseDouble("1e" + e);
            check(v);
            check(Math.nextUp(v));
            check(Math.nextDown(v));
        }
    }

    @Test
    void integersAroundTwoToThe53() {
        long big = 1L << 53;
        for (long i = -3000; i <= 3000; i++) {
            check((double) (big + i));
            check((double) i);
            check(i / 8.0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void randomBitPatterns(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 500_000; i++) {
            check(Double.longBitsToDouble(r.nextLong()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 6})
    void randomValuesWhereEndPointsLive(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 300_000; i++) {
            check(r.nextDouble(-6, 6));
            check(r.nextGaussian() * Math.pow(10, r.nextInt(-12, 12)));
            // short decimals, as a user's settings and round end points are
            check(r.nextInt(-100_000, 100_000) / Math.pow(10, r.nextInt(0, 9)));
        }
    }

    /**
     * The written-out table of 126-bit powers of ten is what its definition gives, entry by
     * entry: 10^-k = beta 2^r with 2^125 <= beta < 2^126, g = floor(beta) + 1, split into its
     * upper 63 bits g1 and lower 63 bits g0 (computed here in exact integer arithmetic).
     */
    @Test
    void powersOfTenTableIsItsDefinition() {
        java.math.BigInteger mask = java.math.BigInteger.ONE.shiftLeft(63).subtract(java.math.BigInteger.ONE);
        for (int k = -324; k <= 292; k++) {
            int r = ShortestDouble.flog2pow10(-k) - 125;
            java.math.BigInteger beta;
            if (k <= 0) {
                java.math.BigInteger p = java.math.BigInteger.TEN.pow(-k);
                beta = r <= 0 ? p.shiftLeft(-r) : p.shiftRight(r);
            } else {
                beta = java.math.BigInteger.ONE.shiftLeft(-r).divide(java.math.BigInteger.TEN.pow(k));
            }
            assertThat(beta.bitLength()).as("beta of %d", k).isEqualTo(126);
            java.math.BigInteger g = beta.add(java.math.BigInteger.ONE);
            long[] mine = ShortestDouble.g(k);
            assertThat(mine[0]).as("g1(%d)", k).isEqualTo(g.shiftRight(63).longValueExact());
            assertThat(mine[1]).as("g0(%d)", k).isEqualTo(g.and(mask).longValueExact());
        }
    }

    /** The table of 126-bit powers of ten is jackson-core's, entry by entry. */
    @Test
    void powersOfTenTableMatchesJacksons() throws Exception {
        Class<?> math = Class.forName("com.fasterxml.jackson.core.io.schubfach.MathUtils");
        java.lang.reflect.Method g1 = math.getDeclaredMethod("g1", int.class);
        java.lang.reflect.Method g0 = math.getDeclaredMethod("g0", int.class);
        g1.setAccessible(true);
        g0.setAccessible(true);
        for (int k = -324; k <= 292; k++) {
            long[] mine = ShortestDouble.g(k);
            assertThat(mine[0]).as("g1(%d)", k).isEqualTo((long) g1.invoke(null, k));
            assertThat(mine[1]).as("g0(%d)", k).isEqualTo((long) g0.invoke(null, k));
        }
    }

    /** The eight digits computed side by side in a long are those of every m below 10^8. */
    @Test
    void eightDigitsOfEveryNumberBelowTenToTheEight() {
        for (int m = 0; m < 100_000_000; m++) {
            long d = ShortestDouble.digits8(m);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                long digit = d >>> 8 * i & 0xFF;
                if (digit > 9) {
                    throw new AssertionError("digit " + digit + " of " + m);
                }
                v = v * 10 + digit;
            }
            if (v != m) {
                throw new AssertionError(m + " read back as " + v);
            }
        }
    }

    @Test
    void writesAfterWhatIsAlreadyThere() {
        byte[] out = new byte[64];
        int at = ShortestDouble.write(1.5, out, 0);
        out[at++] = ',';
        at = ShortestDouble.write(-2.0E-5, out, at);
        assertThat(new String(out, 0, at, StandardCharsets.US_ASCII)).isEqualTo("1.5,-2.0E-5");
    }
}
