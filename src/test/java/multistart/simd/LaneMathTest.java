package multistart.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import multistart.objective.LaneMath;
import org.junit.jupiter.api.Test;

/**
 * The lane functions: accurate against StrictMath (fdlibm), and the Vector API twins equal
 * to the scalar ones bit for bit, on random and on awkward arguments.
 */
class LaneMathTest {

    static final int L = VectorMath.S.length();

    /** Arguments where range reduction and the special cases bite. */
    static double[] awkward() {
        return new double[] {0.0, -0.0, 0.25, -0.25, 0.5, 0.125, 1.0, -1.0, 0.75, 1e-300, -1e-300, 1e-9,
            Double.MIN_VALUE, 3.0e9 + 0.25, 0x1p40, -0x1p40, 0x1p41 + 0.5, 1e300, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -708.0, -708.0000001, -745.2,
            -800.0, 709.0, 709.5, 709.79, 710.0, 0.6931471805599453, -0.34657359027997264, 0.34657359027997264};
    }

    /** Bits, with every NaN the same and 0.0 apart from -0.0. */
    static long bits(double d) {
        return Double.doubleToLongBits(d);
    }

    static double[] random(long seed, int count, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = (r.nextDouble() * 2 - 1) * scale;
        }
        return a;
    }

    @Test
    void sinAndCosOfTwoPiXAreWithinTheDocumentedErrorOfFdlibm() {
        for (double scale : new double[] {0.3, 6.0, 1e3}) {
            for (double x : random(11, 200_000, scale)) {
                // reference: sin(2 pi x) of the exactly reduced argument, which is what we claim
                double k = Math.rint(2 * x);
                double r = (x - k / 2) * LaneMath.TWO_PI;
                double sign = ((long) k & 1) == 0 ? 1 : -1;
                assertThat(Math.abs(LaneMath.sin2pi(x) - sign * StrictMath.sin(r)))
                        .as("sin2pi(%s)", x).isLessThanOrEqualTo(2 * Math.ulp(StrictMath.sin(r)) + 1e-300);
                assertThat(Math.abs(LaneMath.cos2pi(x) - sign * StrictMath.cos(r)))
                        .as("cos2pi(%s)", x).isLessThanOrEqualTo(Math.max(Math.ulp(StrictMath.cos(r)), 2.5e-16));
            }
        }
        // and close to the library's sin(2 pi x) in absolute terms
        for (double x : random(12, 100_000, 6.0)) {
            assertThat(LaneMath.sin2pi(x)).isCloseTo(Math.sin(2 * Math.PI * x),
                    org.assertj.core.data.Offset.offset(1e-14));
            assertThat(LaneMath.cos2pi(x)).isCloseTo(Math.cos(2 * Math.PI * x),
                    org.assertj.core.data.Offset.offset(1e-14));
        }
        assertThat(LaneMath.sin2pi(0.5)).isEqualTo(-0.0);
        assertThat(LaneMath.sin2pi(1.0)).isEqualTo(0.0);
        assertThat(LaneMath.cos2pi(0.5)).isEqualTo(-1.0);
        assertThat(LaneMath.sin2pi(0.25)).isEqualTo(1.0);
        assertThat(LaneMath.sin2pi(Double.NaN)).isNaN();
        assertThat(LaneMath.cos2pi(Double.POSITIVE_INFINITY)).isNaN();
    }

    @Test
    void expIsWithinOneUlpOfFdlibm() {
        for (double scale : new double[] {1.0, 30.0, 700.0}) {
            for (double x : random(13, 200_000, scale)) {
                double want = StrictMath.exp(x);
                assertThat(Math.abs(LaneMath.exp(x) - want)).as("exp(%s)", x).isLessThanOrEqualTo(Math.ulp(want));
            }
        }
        assertThat(LaneMath.exp(0.0)).isEqualTo(1.0);
        assertThat(Math.abs(LaneMath.exp(1.0) - Math.E)).isLessThanOrEqualTo(Math.ulp(Math.E));
        assertThat(LaneMath.exp(-708.5)).isZero(); // documented flush below 2^-1021
        assertThat(LaneMath.exp(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(LaneMath.exp(709.5)).isEqualTo(Math.exp(709.5));
        assertThat(LaneMath.exp(710.0)).isInfinite();
        assertThat(LaneMath.exp(Double.NaN)).isNaN();
    }

    @Test
    void vectorTwinsEqualTheScalarFunctionsBitForBit() {
        double[][] sets = {awkward(), random(14, 40_000, 0.3), random(15, 40_000, 8.0), random(16, 40_000, 750.0),
            random(17, 4_000, 1e13)};
        for (double[] set : sets) {
            int m = (set.length + L - 1) / L * L;
            double[] in = java.util.Arrays.copyOf(set, m);
            double[] out = new double[L];
            for (int o = 0; o < m; o += L) {
                VectorMath.sin2pi(in, o, out, 0);
                for (int l = 0; l < L; l++) {
                    assertThat(bits(out[l])).as("sin2pi(%s)", in[o + l]).isEqualTo(bits(LaneMath.sin2pi(in[o + l])));
                }
                VectorMath.cos2pi(in, o, out, 0);
                for (int l = 0; l < L; l++) {
                    assertThat(bits(out[l])).as("cos2pi(%s)", in[o + l]).isEqualTo(bits(LaneMath.cos2pi(in[o + l])));
                }
                System.arraycopy(in, o, out, 0, L);
                VectorMath.exp(out, 0, L);
                for (int l = 0; l < L; l++) {
                    assertThat(bits(out[l])).as("exp(%s)", in[o + l]).isEqualTo(bits(LaneMath.exp(in[o + l])));
                }
            }
        }
    }
}
