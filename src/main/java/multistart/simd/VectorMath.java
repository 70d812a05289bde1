package multistart.simd;

import static multistart.objective.LaneMath.COS;
import static multistart.objective.LaneMath.EXP_HIGH;
import static multistart.objective.LaneMath.EXP_LOW;
import static multistart.objective.LaneMath.INV_LN2;
import static multistart.objective.LaneMath.LN2_HI;
import static multistart.objective.LaneMath.LN2_LO;
import static multistart.objective.LaneMath.P1;
import static multistart.objective.LaneMath.P2;
import static multistart.objective.LaneMath.P3;
import static multistart.objective.LaneMath.P4;
import static multistart.objective.LaneMath.P5;
import static multistart.objective.LaneMath.ROUND;
import static multistart.objective.LaneMath.ROUND_BITS;
import static multistart.objective.LaneMath.SIN;
import static multistart.objective.LaneMath.TRIG_LIMIT;
import static multistart.objective.LaneMath.TWO_PI;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import multistart.objective.LaneMath;

/**
 * {@link LaneMath}'s functions on all lanes of a vector at once: the same operations in the
 * same order lane by lane, so every lane equals the scalar result bit for bit. Lanes outside
 * the fast range (rare: |x| beyond 2^40, exp of more than 709) are computed by the scalar
 * twin, which defers to {@code Math} there exactly as the scalar path does.
 */
final class VectorMath {

    private VectorMath() {
    }

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();

    /*
     * Every function here goes array to array (sin and cos one vector of lanes per call, exp a
     * range of them), with its vector work written out in one method body of at most 325
     * bytes of bytecode, the most C2 inlines into a hot caller (InliningBudgetTest). C2 also
     * stops inlining into a compilation unit past a node budget, and a vector passed to or
     * returned from a call that was not inlined is boxed on the heap (3-5x slower); arrays as
     * the boundary avoid that.
     */

    /** out[oo ..] = sin(2 pi x[o ..]) for one vector of lanes. */
    static void sin2pi(double[] x, int o, double[] out, int oo) {
        trig2pi(x, o, out, oo, false);
    }

    /** out[oo ..] = cos(2 pi x[o ..]) for one vector of lanes. */
    static void cos2pi(double[] x, int o, double[] out, int oo) {
        trig2pi(x, o, out, oo, true);
    }

    private static void trig2pi(double[] in, int o, double[] out, int oo, boolean cosine) {
        DoubleVector x = DoubleVector.fromArray(S, in, o);
        // LaneMath.sin2pi / cos2pi: x = k/2 + r, |r| <= 1/4, result (-1)^k poly(2 pi r)
        DoubleVector k = x.mul(2.0).add(ROUND).sub(ROUND);
        DoubleVector z = x.sub(k.mul(0.5)).mul(TWO_PI);
        DoubleVector zz = z.mul(z);
        DoubleVector z4 = zz.mul(zz);
        // LaneMath.sinPoly / cosPoly: even and odd halves in z^4
        double[] c = cosine ? COS : SIN;
        DoubleVector pe = DoubleVector.zero(S);
        DoubleVector po = DoubleVector.zero(S);
        for (int i = 8; i >= 0; i -= 2) {
            pe = pe.fma(z4, DoubleVector.broadcast(S, c[i]));
            po = po.fma(z4, DoubleVector.broadcast(S, c[i + 1]));
        }
        DoubleVector p = po.fma(zz, pe);
        DoubleVector r = cosine ? z4.fma(p, zz.fma(-0.5, 1.0)) : z.mul(zz).fma(p, z);
        // k odd: k - 2 rint(k/2) is +-1 rather than 0 (double lanes: integer lanes and mask
        // casts are slow on JDK 17)
        VectorMask<Double> odd = k.sub(k.mul(0.5).add(ROUND).sub(ROUND).mul(2.0)).compare(VectorOperators.NE, 0.0);
        r = r.blend(r.mul(-1.0), odd);
        if (x.abs().compare(VectorOperators.GT, TRIG_LIMIT).anyTrue()) {
            scalar(in, o, out, oo, cosine ? 1 : 0);
            return;
        }
        r.intoArray(out, oo);
    }

    /**
     * a[from .. to) = exp(a[from .. to)), a whole number of vectors of lanes, in place. One
     * call for all of a kernel's exponentials: C2 inlines this loop once into the step, where
     * three separate calls ran past its node budget and two stayed calls.
     */
    static void exp(double[] a, int from, int to) {
        for (int o = from; o < to; o += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, o);
            DoubleVector t = x.mul(INV_LN2).add(ROUND);
            LongVector k = t.viewAsIntegralLanes().reinterpretAsLongs().sub(ROUND_BITS);
            DoubleVector kd = t.sub(ROUND);
            DoubleVector hi = x.sub(kd.mul(LN2_HI));
            DoubleVector lo = kd.mul(LN2_LO);
            DoubleVector r = hi.sub(lo);
            DoubleVector rr = r.mul(r);
            DoubleVector q = rr.fma(P5, P4);
            q = rr.fma(q, DoubleVector.broadcast(S, P3));
            q = rr.fma(q, DoubleVector.broadcast(S, P2));
            q = rr.fma(q, DoubleVector.broadcast(S, P1));
            DoubleVector c = rr.neg().fma(q, r);
            // 1 - z written -z + 1 (the same bits), keeping the method within the 325
            // bytecodes C2 inlines into a hot caller
            DoubleVector y = lo.sub(r.mul(c).div(DoubleVector.broadcast(S, 2.0).sub(c))).sub(hi).neg().add(1.0);
            DoubleVector scale = k.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = y.mul(scale).blend(0.0, x.compare(VectorOperators.LT, EXP_LOW));
            if (x.compare(VectorOperators.GT, EXP_HIGH).anyTrue()) {
                scalar(a, o, a, o, 2);
                continue;
            }
            e.intoArray(a, o);
        }
    }

    /**
     * One vector of lanes, {@code in[o ..]}, by the scalar twin into {@code out[oo ..]} (function 0
     * sin, 1 cos, 2 exp): where some lane is outside the fast range (the twin defers to
     * {@code Math} there, as the scalar path does); the twin gives the other lanes' bits too. It
     * takes and returns no vector or mask: one passed to this cold call, which C2 does not
     * inline, was boxed, and once a sweep had sent a lane there (a learning rate of thousands on
     * rastrigin) its whole step ran at half speed.
     */
    private static void scalar(double[] in, int o, double[] out, int oo, int function) {
        double[] xs = java.util.Arrays.copyOfRange(in, o, o + L);
        for (int l = 0; l < L; l++) {
            out[oo + l] = switch (function) {
                case 0 -> LaneMath.sin2pi(xs[l]);
                case 1 -> LaneMath.cos2pi(xs[l]);
                default -> LaneMath.exp(xs[l]);
            };
        }
    }
}
