package multistart.report;

import java.math.BigInteger;

/**
 * A double's shortest decimal that reads back to the same double, in {@link Double#toString}'s
 * layout ({@code 0.001}, {@code 1.0E7}, {@code -2.5E-5}, {@code NaN}), written straight into a
 * byte array: the same characters as jackson-core's port of Raffaello Giulietti's Schubfach
 * (which Java 19 adopted for {@code Double.toString}, and which the reports used before) without
 * a String, a char array and their copies per number. {@code runs.csv} writes six of these per
 * run, and through Strings they were more than half of a worker's time in a sweep of short
 * runs; {@link Numbers#exact} uses it too.
 *
 * <p>The algorithm and its constants are Giulietti's ("The Schubfach way to render doubles",
 * 2020), as in the JDK's {@code jdk.internal.math.DoubleToDecimal}; the table of 126-bit powers
 * of ten is computed at class load with BigInteger instead of being spelled out.
 * {@code ShortestDoubleTest} compares it with Jackson's on millions of doubles.
 */
public final class ShortestDouble {

    /** The most bytes one double takes: {@code -2.2250738585072014E-308}. */
    public static final int MAX_BYTES = 24;

    private static final int P = 53;
    private static final int W = 11;
    private static final int Q_MIN = (-1 << (W - 1)) - P + 3;
    private static final long C_MIN = 1L << (P - 1);
    private static final int BQ_MASK = (1 << W) - 1;
    private static final long T_MASK = (1L << (P - 1)) - 1;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int MASK_28 = (1 << 28) - 1;
    private static final long C_TINY = 3;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    private static final int H = 17;

    private static final long[] POW10 = new long[H + 1];
    /** g1, g0 of 10^-k for k = K_MIN..K_MAX (see {@link #table}). */
    private static final long[] G = table();

    static {
        long p = 1;
        for (int i = 0; i <= H; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private ShortestDouble() {
    }

    /**
     * For each k: 10^-k = beta 2^r with 2^125 <= beta < 2^126, g = floor(beta) + 1, split into
     * its upper 63 bits g1 and its lower 63 bits g0.
     */
    private static long[] table() {
        long[] g = new long[2 * (K_MAX - K_MIN + 1)];
        BigInteger mask = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int r = flog2pow10(-k) - 125;
            BigInteger beta;
            if (k <= 0) {
                BigInteger p = BigInteger.TEN.pow(-k);
                beta = r <= 0 ? p.shiftLeft(-r) : p.shiftRight(r);
            } else {
                beta = BigInteger.ONE.shiftLeft(-r).divide(BigInteger.TEN.pow(k));
            }
            BigInteger gk = beta.add(BigInteger.ONE);
            g[2 * (k - K_MIN)] = gk.shiftRight(63).longValueExact();
            g[2 * (k - K_MIN) + 1] = gk.and(mask).longValueExact();
        }
        return g;
    }

    static int flog10pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    static int flog10threeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41);
    }

    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /** For tests: g1 and g0 of 10^-k. */
    static long[] g(int k) {
        return new long[] {G[2 * (k - K_MIN)], G[2 * (k - K_MIN) + 1]};
    }

    /** Writes {@code v} at {@code out[at]} (room for {@link #MAX_BYTES}); returns where it ends. */
    public static int write(double v, byte[] out, int at) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & T_MASK;
        int bq = (int) (bits >>> (P - 1)) & BQ_MASK;
        if (bq < BQ_MASK) {
            if (bits < 0) {
                out[at++] = '-';
            }
            if (bq != 0) {
                // a normal value; mq = -q
                int mq = -Q_MIN + 1 - bq;
                long c = C_MIN | t;
                // an integer below 2^53: its digits as they are
                if (0 < mq & mq < P) {
                    long f = c >> mq;
                    if (f << mq == c) {
                        return chars(f, 0, out, at);
                    }
                }
                return decimal(-mq, c, 0, out, at);
            }
            if (t != 0) {
                // a subnormal value
                return t < C_TINY ? decimal(Q_MIN, 10 * t, -1, out, at) : decimal(Q_MIN, t, 0, out, at);
            }
            return ascii("0.0", out, at);
        }
        if (t != 0) {
            return ascii("NaN", out, at);
        }
        if (bits < 0) {
            out[at++] = '-';
        }
        return ascii("Infinity", out, at);
    }

    private static int ascii(String s, byte[] out, int at) {
        for (int i = 0; i < s.length(); i++) {
            out[at++] = (byte) s.charAt(i);
        }
        return at;
    }

    private static int decimal(int q, long c, int dk, byte[] out, int at) {
        int odd = (int) c & 0x1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN | q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        long g1 = G[2 * (k - K_MIN)];
        long g0 = G[2 * (k - K_MIN) + 1];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            // the shorter candidates s' 10 and t' 10 first
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + odd <= sp10 << 2;
            boolean wpin = (tp10 << 2) + odd <= vbr;
            if (upin != wpin) {
                return chars(upin ? sp10 : tp10, k, out, at);
            }
        }
        long tt = s + 1;
        boolean uin = vbl + odd <= s << 2;
        boolean win = (tt << 2) + odd <= vbr;
        if (uin != win) {
            return chars(uin ? s : tt, k + dk, out, at);
        }
        long cmp = vb - (s + tt << 1);
        return chars(cmp < 0 || cmp == 0 && (s & 0x1) == 0 ? s : tt, k + dk, out, at);
    }

    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** f 10^e, f of at most 17 digits, in Double.toString's layout. */
    private static int chars(long f, int e, byte[] out, int at) {
        int len = flog10pow2(Long.SIZE - Long.numberOfLeadingZeros(f));
        if (f >= POW10[len]) {
            len += 1;
        }
        // now 10^(H-1) <= f < 10^H and the value is 0.f 10^e
        f *= POW10[H - len];
        e += len;
        // h: the first digit; m: the next 8; l: the last 8
        long hm = Math.multiplyHigh(f, 193_428_131_138_340_668L) >>> 20;
        int l = (int) (f - 100_000_000L * hm);
        int h = (int) (hm * 1_441_151_881L >>> 57);
        int m = (int) (hm - 100_000_000 * h);
        if (e == 1) {
            // plain, one digit before the point: the commonest case in the reports
            out[at++] = (byte) ('0' + h);
            out[at++] = '.';
            at = eightDigits(m, out, at);
            return lowDigits(l, out, at);
        }
        if (0 < e && e <= 7) {
            // plain, without leading zeroes
            out[at++] = (byte) ('0' + h);
            int y = y(m);
            int i = 1;
            for (; i < e; ++i) {
                int t = 10 * y;
                out[at++] = (byte) ('0' + (t >>> 28));
                y = t & MASK_28;
            }
            out[at++] = '.';
            for (; i <= 8; ++i) {
                int t = 10 * y;
                out[at++] = (byte) ('0' + (t >>> 28));
                y = t & MASK_28;
            }
            return lowDigits(l, out, at);
        }
        if (-3 < e && e <= 0) {
            // plain, with leading zeroes
            out[at++] = '0';
            out[at++] = '.';
            for (; e < 0; ++e) {
                out[at++] = '0';
            }
            out[at++] = (byte) ('0' + h);
            at = eightDigits(m, out, at);
            return lowDigits(l, out, at);
        }
        // computerized scientific notation
        out[at++] = (byte) ('0' + h);
        out[at++] = '.';
        at = eightDigits(m, out, at);
        at = lowDigits(l, out, at);
        return exponent(e - 1, out, at);
    }

    private static int lowDigits(int l, byte[] out, int at) {
        if (l != 0) {
            at = eightDigits(l, out, at);
        }
        // trailing zeroes go, but not the one right after the point
        while (out[at - 1] == '0') {
            at--;
        }
        if (out[at - 1] == '.') {
            at++;
        }
        return at;
    }

    /**
     * The eight digits of {@code m} (leading zeroes included), two per step: 100 y in a long is
     * 10 (10 y), whose bits above the 28th are the next two digits and whose lower 28 are what
     * two steps of one digit would leave.
     */
    private static int eightDigits(int m, byte[] out, int at) {
        long y = y(m);
        for (int i = 0; i < 4; ++i) {
            long t = 100 * y;
            int pair = (int) (t >>> 28);
            out[at] = TENS[pair];
            out[at + 1] = ONES[pair];
            at += 2;
            y = t & MASK_28;
        }
        return at;
    }

    /** Tens and ones digit of 0..99. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    /** floor((a + 1) 2^28 / 10^8) - 1, for left-to-right digit extraction of a < 10^8. */
    private static int y(int a) {
        return (int) (Math.multiplyHigh((long) (a + 1) << 28, 193_428_131_138_340_668L) >>> 20) - 1;
    }

    private static int exponent(int e, byte[] out, int at) {
        out[at++] = 'E';
        if (e < 0) {
            out[at++] = '-';
            e = -e;
        }
        if (e < 10) {
            out[at++] = (byte) ('0' + e);
            return at;
        }
        int d;
        if (e >= 100) {
            d = e * 1_311 >>> 17;
            out[at++] = (byte) ('0' + d);
            e -= 100 * d;
        }
        d = e * 103 >>> 10;
        out[at++] = (byte) ('0' + d);
        out[at++] = (byte) ('0' + (e - 10 * d));
        return at;
    }
}
