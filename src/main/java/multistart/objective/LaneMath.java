package multistart.objective;

/**
 * sin(2 pi x), cos(2 pi x) and exp(x) as the built-ins compute them, one value at a time.
 *
 * <p>These are the scalar twins of the lane-wise kernels in {@code multistart.simd}: the same
 * operations in the same order, so a run stepped in SIMD lanes ends bit for bit where the
 * one-run-at-a-time path ends. {@code Math.sin}/{@code exp} cannot serve as the twin because
 * the Vector API's SIN/EXP round differently in the last bit, and momentum on rastrigin is
 * chaotic enough that one bit can change the basin a run ends in.
 *
 * <p>Accuracy, checked against {@code StrictMath} (fdlibm) in the tests: sin(2 pi x) within 2
 * ulp; cos(2 pi x) within 1 ulp where it is at least 1/2 in size and within 2.5e-16 absolute
 * near its zeros; exp within 1 ulp. sin and cos reduce in units of the period, x = k/2 + r with
 * r exact, then sum Taylor series of sin and cos on [-pi/2, pi/2] (one polynomial per call, so
 * the SIMD twin stays cheap), which makes sin(2 pi x) more accurate than
 * {@code Math.sin(2 * Math.PI * x)} for large x (that rounds 2 pi x first). exp is fdlibm's
 * {@code e_exp.c} with its coefficients. Deliberate limits: |x| beyond 2^40 (sin, cos) and x
 * above 709 (exp) go to {@code Math} (both paths do the same); exp flushes results below
 * 2^-1021, that is x below -708, to 0 instead of returning subnormal numbers (an absolute
 * difference under 3.3e-308).
 */
public final class LaneMath {

    private LaneMath() {
    }

    public static final double TWO_PI = 2.0 * Math.PI;
    /** 1.5 * 2^52: adding and subtracting it rounds a double below 2^51 to an integer. */
    public static final double ROUND = 0x1.8p52;
    public static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);
    /** Beyond this |x| sin2pi and cos2pi defer to Math. */
    public static final double TRIG_LIMIT = 0x1p40;
    public static final double EXP_LOW = -708.0;
    public static final double EXP_HIGH = 709.0;

    // fdlibm __ieee754_exp
    public static final double INV_LN2 = 1.44269504088896338700e+00;
    public static final double LN2_HI = 6.93147180369123816490e-01;
    public static final double LN2_LO = 1.90821492927058770002e-10;
    public static final double P1 = 1.66666666666666019037e-01;
    public static final double P2 = -2.77777777770155933842e-03;
    public static final double P3 = 6.61375632143793436117e-05;
    public static final double P4 = -1.65339022054652515390e-06;
    public static final double P5 = 4.13813679705723846039e-08;

    /** sin(2 pi x). */
    public static double sin2pi(double x) {
        return trig2pi(x, false);
    }

    /** cos(2 pi x). */
    public static double cos2pi(double x) {
        return trig2pi(x, true);
    }

    private static double trig2pi(double x, boolean cosine) {
        if (!(Math.abs(x) <= TRIG_LIMIT)) {
            return cosine ? Math.cos(TWO_PI * x) : Math.sin(TWO_PI * x);
        }
        // x = k/2 + r with |r| <= 1/4 (exact); sin and cos of 2 pi x are (-1)^k those of 2 pi r
        double t = x * 2.0 + ROUND;
        long k = Double.doubleToRawLongBits(t);
        double z = (x - (t - ROUND) * 0.5) * TWO_PI;
        double r = cosine ? cosPoly(z) : sinPoly(z);
        return (k & 1) == 0 ? r : -r;
    }

    /** sin z for |z| <= pi/2: Taylor to z^21 (the next term is below 1.3e-18). */
    public static double sinPoly(double z) {
        double zz = z * z;
        return Math.fma(z * zz, halves(SIN, zz), z);
    }

    /**
     * cos z for |z| <= pi/2: Taylor to z^22 (the next term is below 1e-19), as
     * (1 - z^2/2) + z^4 q(z^2), q in even and odd halves as in sinPoly. Near z = pi/2, where the
     * sum cancels to 0, its parts are rounded apart (1 - z^2/2 once; q's rounding scaled by
     * z^4), which keeps the absolute error near cos's zeros at a few 1e-17.
     */
    public static double cosPoly(double z) {
        double zz = z * z;
        return Math.fma(zz * zz, halves(COS, zz), Math.fma(zz, -0.5, 1.0));
    }

    /**
     * c[0] + c[1] t + ... + c[m-1] t^(m-1), m even, as its even and odd halves in t^2: two
     * chains of m/2 fused multiply-adds that run side by side (Horner's rule is one chain of
     * m - 1). The vector twin spells the same loop out.
     */
    private static double halves(double[] c, double t) {
        double t2 = t * t;
        double pe = 0.0;
        double po = 0.0;
        for (int i = c.length - 2; i >= 0; i -= 2) {
            pe = Math.fma(pe, t2, c[i]);
            po = Math.fma(po, t2, c[i + 1]);
        }
        return Math.fma(po, t, pe);
    }

    /** (-1)^k / (2k + 1)! for k = 1 .. 10. */
    public static final double[] SIN = sinCoefficients();
    /** (-1)^k / (2k)! for k = 2 .. 11 (k = 1, -1/2, is written out in cosPoly). */
    public static final double[] COS = cosCoefficients();

    private static double[] sinCoefficients() {
        double[] c = new double[10];
        for (int k = 1; k <= 10; k++) {
            c[k - 1] = inverseFactorial(2 * k + 1) * (k % 2 == 0 ? 1 : -1);
        }
        return c;
    }

    private static double[] cosCoefficients() {
        double[] c = new double[10];
        for (int k = 2; k <= 11; k++) {
            c[k - 2] = inverseFactorial(2 * k) * (k % 2 == 0 ? 1 : -1);
        }
        return c;
    }

    /** 1/m!, correctly rounded. */
    private static double inverseFactorial(int m) {
        java.math.BigInteger f = java.math.BigInteger.ONE;
        for (int i = 2; i <= m; i++) {
            f = f.multiply(java.math.BigInteger.valueOf(i));
        }
        return java.math.BigDecimal.ONE.divide(new java.math.BigDecimal(f), java.math.MathContext.DECIMAL128)
                .doubleValue();
    }

    /** e^x. */
    public static double exp(double x) {
        if (x < EXP_LOW) {
            return 0.0;
        }
        if (x > EXP_HIGH) {
            return Math.exp(x);
        }
        double t = x * INV_LN2 + ROUND;
        long k = Double.doubleToRawLongBits(t) - ROUND_BITS;
        double kd = t - ROUND;
        double hi = x - kd * LN2_HI;
        double lo = kd * LN2_LO;
        double r = hi - lo;
        double rr = r * r;
        double q = Math.fma(rr, P5, P4);
        q = Math.fma(rr, q, P3);
        q = Math.fma(rr, q, P2);
        q = Math.fma(rr, q, P1);
        double c = Math.fma(-rr, q, r);
        double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
        return y * Double.longBitsToDouble((k + 1023) << 52);
    }
}
