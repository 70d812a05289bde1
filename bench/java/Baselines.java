import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Hand-written baselines for the benchmark workloads W1-W3 (../shared/BENCHMARKS.md): what a
 * user could write themselves. Not part of the product. Stopping is disabled, so each does
 * exactly runs x iterations steps of v <- beta v - eta g; x <- x + v; eta *= decay.
 *
 * Usage: java --add-modules jdk.incubator.vector bench/java/Baselines.java W1|W2|W3 scalar|simd THREADS
 * Prints the steps per second of the compute phase, fastest of 3 (as ../shared/BENCHMARKS.md
 * reports them), then that of the first repetition alone, in a JVM as cold as the product's.
 */
public class Baselines {

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final double TWO_PI = 2 * Math.PI;

    public static void main(String[] a) {
        String w = a[0];
        boolean simd = a[1].equals("simd");
        int threads = Integer.parseInt(a[2]);
        double best = 0;
        double first = 0;
        // "once": a single repetition, for timing the whole process
        int reps = a.length > 3 && a[3].equals("once") ? 1 : 3;
        for (int rep = 0; rep < reps; rep++) {
            double rate = switch (w) {
                case "W1" -> run(100_000, 2, 1000, -5.12, 5.12, threads, simd, W1);
                case "W2" -> w2(threads, simd);
                case "W3" -> run(20_000, 10, 2000, -2, 2, threads, simd, W3);
                default -> throw new IllegalArgumentException(w);
            };
            best = Math.max(best, rate);
            if (rep == 0) {
                first = rate;
            }
        }
        System.out.printf("%s %s %d %.4g %.4g%n", w, a[1], threads, best, first);
    }

    interface Work {
        void scalar(double[] x, int n, int iters, double eta, double decay, double beta);
        void simd(double[][] x, int iters, double eta, double decay, double beta);
    }

    static double run(int runs, int n, int iters, double lo, double hi, int threads, boolean simd, Work work) {
        double[] params = work == W1 ? new double[] {0.002, 0.999, 0.9} : new double[] {1e-4, 1.0, 0.9};
        return timed(runs, n, iters, lo, hi, threads, simd, work, params[0], params[1], params[2]);
    }

    static double w2(int threads, boolean simd) {
        double[] etas = {0.01, 0.05, 0.1};
        double[] decays = {1, 0.99};
        double[] betas = {0, 0.5, 0.9};
        long steps = 0;
        double seconds = 0;
        for (double eta : etas) {
            for (double decay : decays) {
                for (double beta : betas) {
                    long t0 = System.nanoTime();
                    timed(10_000, 2, 500, -3, 3, threads, simd, W2, eta, decay, beta);
                    seconds += (System.nanoTime() - t0) / 1e9;
                    steps += 10_000L * 500;
                }
            }
        }
        return steps / seconds;
    }

    static double timed(int runs, int n, int iters, double lo, double hi, int threads, boolean simd, Work work,
            double eta, double decay, double beta) {
        int lanes = S.length();
        int chunk = simd ? lanes * 16 : 64;
        int chunks = (runs + chunk - 1) / chunk;
        ForkJoinPool pool = new ForkJoinPool(threads);
        long t0 = System.nanoTime();
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
            SplittableRandom rnd = new SplittableRandom(c);
            int first = c * chunk;
            int size = Math.min(chunk, runs - first);
            if (!simd) {
                double[] x = new double[n];
                for (int r = 0; r < size; r++) {
                    for (int i = 0; i < n; i++) {
                        x[i] = lo + rnd.nextDouble() * (hi - lo);
                    }
                    work.scalar(x, n, iters, eta, decay, beta);
                }
            } else {
                for (int b = 0; b < size; b += lanes) {
                    double[][] x = new double[n][lanes];
                    for (int i = 0; i < n; i++) {
                        for (int l = 0; l < lanes; l++) {
                            x[i][l] = lo + rnd.nextDouble() * (hi - lo);
                        }
                    }
                    work.simd(x, iters, eta, decay, beta);
                }
            }
        })).join();
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return (double) runs * iters / s;
    }

    static final Work W1 = new Work() {
        public void scalar(double[] x, int n, int iters, double eta, double decay, double beta) {
            double x0 = x[0], x1 = x[1], v0 = 0, v1 = 0;
            for (int t = 0; t < iters; t++) {
                double g0 = 2 * x0 + 20 * Math.PI * Math.sin(TWO_PI * x0);
                double g1 = 2 * x1 + 20 * Math.PI * Math.sin(TWO_PI * x1);
                v0 = beta * v0 - eta * g0;
                v1 = beta * v1 - eta * g1;
                x0 += v0;
                x1 += v1;
                eta *= decay;
            }
            x[0] = x0;
            x[1] = x1;
        }

        public void simd(double[][] x, int iters, double eta, double decay, double beta) {
            DoubleVector x0 = DoubleVector.fromArray(S, x[0], 0), x1 = DoubleVector.fromArray(S, x[1], 0);
            DoubleVector v0 = DoubleVector.zero(S), v1 = DoubleVector.zero(S);
            for (int t = 0; t < iters; t++) {
                DoubleVector g0 = x0.mul(2).add(x0.mul(TWO_PI).lanewise(VectorOperators.SIN).mul(20 * Math.PI));
                DoubleVector g1 = x1.mul(2).add(x1.mul(TWO_PI).lanewise(VectorOperators.SIN).mul(20 * Math.PI));
                v0 = v0.mul(beta).sub(g0.mul(eta));
                v1 = v1.mul(beta).sub(g1.mul(eta));
                x0 = x0.add(v0);
                x1 = x1.add(v1);
                eta *= decay;
            }
            x0.intoArray(x[0], 0);
            x1.intoArray(x[1], 0);
        }
    };

    static final Work W2 = new Work() {
        public void scalar(double[] p, int n, int iters, double eta, double decay, double beta) {
            double x = p[0], y = p[1], vx = 0, vy = 0;
            for (int t = 0; t < iters; t++) {
                double x2 = x * x, y2 = y * y, omx = 1 - x;
                double ea = Math.exp(-x2 - (y + 1) * (y + 1));
                double eb = Math.exp(-x2 - y2);
                double ec = Math.exp(-(x + 1) * (x + 1) - y2);
                double q = x / 5 - x2 * x - y2 * y2 * y;
                double gx = ea * (-6 * omx - 6 * x * omx * omx) - 10 * eb * ((0.2 - 3 * x2) - 2 * x * q)
                        + (2.0 / 3) * (x + 1) * ec;
                double gy = -6 * omx * omx * (y + 1) * ea - 10 * eb * (-5 * y2 * y2 - 2 * y * q) + (2.0 / 3) * y * ec;
                vx = beta * vx - eta * gx;
                vy = beta * vy - eta * gy;
                x += vx;
                y += vy;
                eta *= decay;
            }
            p[0] = x;
            p[1] = y;
        }

        public void simd(double[][] p, int iters, double eta, double decay, double beta) {
            DoubleVector x = DoubleVector.fromArray(S, p[0], 0), y = DoubleVector.fromArray(S, p[1], 0);
            DoubleVector vx = DoubleVector.zero(S), vy = DoubleVector.zero(S);
            for (int t = 0; t < iters; t++) {
                DoubleVector x2 = x.mul(x), y2 = y.mul(y), omx = x.neg().add(1), yp = y.add(1), xp = x.add(1);
                DoubleVector ea = x2.neg().sub(yp.mul(yp)).lanewise(VectorOperators.EXP);
                DoubleVector eb = x2.neg().sub(y2).lanewise(VectorOperators.EXP);
                DoubleVector ec = xp.mul(xp).neg().sub(y2).lanewise(VectorOperators.EXP);
                DoubleVector q = x.div(5).sub(x2.mul(x)).sub(y2.mul(y2).mul(y));
                DoubleVector gx = ea.mul(omx.mul(-6).sub(x.mul(6).mul(omx).mul(omx)))
                        .sub(eb.mul(10).mul(x2.mul(-3).add(0.2).sub(x.mul(2).mul(q))))
                        .add(xp.mul(ec).mul(2.0 / 3));
                DoubleVector gy = omx.mul(omx).mul(yp).mul(ea).mul(-6)
                        .sub(eb.mul(10).mul(y2.mul(y2).mul(-5).sub(y.mul(2).mul(q))))
                        .add(y.mul(ec).mul(2.0 / 3));
                vx = vx.mul(beta).sub(gx.mul(eta));
                vy = vy.mul(beta).sub(gy.mul(eta));
                x = x.add(vx);
                y = y.add(vy);
                eta *= decay;
            }
            x.intoArray(p[0], 0);
            y.intoArray(p[1], 0);
        }
    };

    static final Work W3 = new Work() {
        // one pass per step, as a specialist writes it: g_i is complete once d_i = x_{i+1} - x_i^2
        // is known, and x_i is not read again, so it is updated there and then (the two-pass
        // form, gradient then update, ran at 0.85x (scalar) and 0.7x (SIMD) of this)
        public void scalar(double[] x, int n, int iters, double eta, double decay, double beta) {
            double[] v = new double[n];
            for (int t = 0; t < iters; t++) {
                double carry = 0;
                double xi = x[0];
                for (int i = 0; i < n - 1; i++) {
                    double xn = x[i + 1];
                    double d = xn - xi * xi;
                    double g = carry + (-400 * xi * d - 2 * (1 - xi));
                    carry = 200 * d;
                    double vi = beta * v[i] - eta * g;
                    v[i] = vi;
                    x[i] = xi + vi;
                    xi = xn;
                }
                double vn = beta * v[n - 1] - eta * carry;
                v[n - 1] = vn;
                x[n - 1] = xi + vn;
                eta *= decay;
            }
        }

        public void simd(double[][] x, int iters, double eta, double decay, double beta) {
            // flat structure-of-arrays buffers: coordinate i of all lanes at i * L
            int n = x.length;
            int L = S.length();
            double[] xs = new double[n * L];
            double[] vs = new double[n * L];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x[i], 0, xs, i * L, L);
            }
            for (int t = 0; t < iters; t++) {
                DoubleVector xi = DoubleVector.fromArray(S, xs, 0);
                DoubleVector carry = DoubleVector.zero(S);
                for (int i = 0; i < n - 1; i++) {
                    DoubleVector xn = DoubleVector.fromArray(S, xs, (i + 1) * L);
                    DoubleVector d = xn.sub(xi.mul(xi));
                    DoubleVector g = carry.add(xi.mul(-400).mul(d).sub(xi.neg().add(1).mul(2)));
                    carry = d.mul(200);
                    DoubleVector v = DoubleVector.fromArray(S, vs, i * L).mul(beta).sub(g.mul(eta));
                    v.intoArray(vs, i * L);
                    xi.add(v).intoArray(xs, i * L);
                    xi = xn;
                }
                DoubleVector v = DoubleVector.fromArray(S, vs, (n - 1) * L).mul(beta).sub(carry.mul(eta));
                v.intoArray(vs, (n - 1) * L);
                xi.add(v).intoArray(xs, (n - 1) * L);
                eta *= decay;
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(xs, i * L, x[i], 0, L);
            }
        }
    };
}
