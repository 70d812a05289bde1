package multistart.objective;

/**
 * The built-in test functions, each with its analytic gradient. Formulas follow the
 * usual definitions (Surjanovic and Bingham's Virtual Library of Simulation Experiments;
 * MATLAB's {@code peaks}). All are stateless.
 */
final class Functions {

    private Functions() {
    }

    static final double TWO_PI = 2.0 * Math.PI;

    /** (x - 1)^2. */
    static final class Quadratic implements Objective {
        @Override public int dimension() { return 1; }
        @Override public double evaluate(double[] x, double[] g) {
            double d = x[0] - 1.0;
            g[0] = 2.0 * d;
            return d * d;
        }
    }

    /** sum x_i^2. */
    static final class Sphere implements Objective {
        private final int n;
        Sphere(int n) { this.n = n; }
        @Override public int dimension() { return n; }
        @Override public double evaluate(double[] x, double[] g) {
            double f = 0.0;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                f += xi * xi;
                g[i] = 2.0 * xi;
            }
            return f;
        }
    }

    /** sin x. */
    static final class Sine implements Objective {
        @Override public int dimension() { return 1; }
        @Override public double evaluate(double[] x, double[] g) {
            g[0] = Math.cos(x[0]);
            return Math.sin(x[0]);
        }
    }

    /** x cos x. */
    static final class XCosX implements Objective {
        @Override public int dimension() { return 1; }
        @Override public double evaluate(double[] x, double[] g) {
            double s = Math.sin(x[0]);
            double c = Math.cos(x[0]);
            g[0] = c - x[0] * s;
            return x[0] * c;
        }
    }

    /** 2 x^2 cos x - 5 x, with its exact derivative 4 x cos x - 2 x^2 sin x - 5. */
    static final class CubicCos implements Objective {
        @Override public int dimension() { return 1; }
        @Override public double evaluate(double[] x, double[] g) {
            double t = x[0];
            double s = Math.sin(t);
            double c = Math.cos(t);
            g[0] = 4.0 * t * c - 2.0 * t * t * s - 5.0;
            return 2.0 * t * t * c - 5.0 * t;
        }
    }

    /** arctan(x)^2: minimum at 0, gradient vanishing far from it. */
    static final class ArctanSquared implements Objective {
        @Override public int dimension() { return 1; }
        @Override public double evaluate(double[] x, double[] g) {
            double a = Math.atan(x[0]);
            g[0] = 2.0 * a / (1.0 + x[0] * x[0]);
            return a * a;
        }
    }

    /** MATLAB's peaks. */
    static final class Peaks implements Objective {
        @Override public int dimension() { return 2; }
        @Override public String laneKernel() { return "peaks"; }
        @Override public double evaluate(double[] v, double[] g) {
            return gradient(v, g, true);
        }
        // finite everywhere: the value may be skipped on steps that do not need it
        @Override public double gradient(double[] v, double[] g) {
            return gradient(v, g, false);
        }
        private static double gradient(double[] v, double[] g, boolean value) {
            double x = v[0];
            double y = v[1];
            double x2 = x * x;
            double y2 = y * y;
            double a = LaneMath.exp(-x2 - (y + 1.0) * (y + 1.0));
            double b = LaneMath.exp(-x2 - y2);
            double c = LaneMath.exp(-(x + 1.0) * (x + 1.0) - y2);
            double omx = 1.0 - x;
            double p = x / 5.0 - x2 * x - y2 * y2 * y;
            g[0] = a * (-6.0 * omx - 6.0 * x * omx * omx)
                    - 10.0 * b * ((0.2 - 3.0 * x2) - 2.0 * x * p)
                    + (2.0 / 3.0) * (x + 1.0) * c;
            g[1] = -6.0 * omx * omx * (y + 1.0) * a
                    - 10.0 * b * (-5.0 * y2 * y2 - 2.0 * y * p)
                    + (2.0 / 3.0) * y * c;
            return value ? 3.0 * omx * omx * a - 10.0 * p * b - c / 3.0 : 0.0;
        }
    }

    /** Rastrigin: 10 n + sum (x_i^2 - 10 cos 2 pi x_i). */
    static final class Rastrigin implements Objective {
        private final int n;
        Rastrigin(int n) { this.n = n; }
        @Override public int dimension() { return n; }
        @Override public String laneKernel() { return "rastrigin"; }
        @Override public double evaluate(double[] x, double[] g) {
            double f = 10.0 * n;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                f += xi * xi - 10.0 * LaneMath.cos2pi(xi);
                g[i] = 2.0 * xi + 10.0 * TWO_PI * LaneMath.sin2pi(xi);
            }
            return f;
        }
        @Override public double gradient(double[] x, double[] g) {
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                g[i] = 2.0 * xi + 10.0 * TWO_PI * LaneMath.sin2pi(xi);
            }
            return 0.0;
        }
    }

    /** Ackley with a = 20, b = 0.2, c = 2 pi. The gradient at the origin is taken as 0. */
    static final class Ackley implements Objective {
        private final int n;
        Ackley(int n) { this.n = n; }
        @Override public int dimension() { return n; }
        @Override public String laneKernel() { return "ackley"; }
        @Override public double evaluate(double[] x, double[] g) {
            double sq = 0.0;
            double cs = 0.0;
            for (int i = 0; i < n; i++) {
                sq += x[i] * x[i];
                cs += LaneMath.cos2pi(x[i]);
            }
            double r = Math.sqrt(sq / n);
            double e1 = LaneMath.exp(-0.2 * r);
            double e2 = LaneMath.exp(cs / n);
            double k1 = r > 0.0 ? 20.0 * 0.2 * e1 / (n * r) : 0.0;
            double k2 = e2 * TWO_PI / n;
            for (int i = 0; i < n; i++) {
                g[i] = k1 * x[i] + k2 * LaneMath.sin2pi(x[i]);
            }
            return -20.0 * e1 - e2 + 20.0 + Math.E;
        }
    }

    /** Rosenbrock: sum 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2. */
    static final class Rosenbrock implements Objective {
        private final int n;
        Rosenbrock(int n) { this.n = n; }
        @Override public int dimension() { return n; }
        @Override public String laneKernel() { return "rosenbrock"; }
        @Override public double evaluate(double[] x, double[] g) {
            double f = 0.0;
            g[0] = 0.0;
            for (int i = 0; i < n - 1; i++) {
                double xi = x[i];
                double t = x[i + 1] - xi * xi;
                double u = 1.0 - xi;
                f += 100.0 * t * t + u * u;
                g[i] += -400.0 * xi * t - 2.0 * u;
                g[i + 1] = 200.0 * t;
            }
            return f;
        }
        @Override public double gradient(double[] x, double[] g) {
            g[0] = 0.0;
            for (int i = 0; i < n - 1; i++) {
                double xi = x[i];
                double t = x[i + 1] - xi * xi;
                g[i] += -400.0 * xi * t - 2.0 * (1.0 - xi);
                g[i + 1] = 200.0 * t;
            }
            return 0.0;
        }
    }

    /** Himmelblau: (x^2 + y - 11)^2 + (x + y^2 - 7)^2. */
    static final class Himmelblau implements Objective {
        @Override public int dimension() { return 2; }
        @Override public String laneKernel() { return "himmelblau"; }
        @Override public double evaluate(double[] v, double[] g) {
            double x = v[0];
            double y = v[1];
            double a = x * x + y - 11.0;
            double b = x + y * y - 7.0;
            g[0] = 4.0 * x * a + 2.0 * b;
            g[1] = 2.0 * a + 4.0 * y * b;
            return a * a + b * b;
        }
    }

    /** Six-hump camel: (4 - 2.1 x^2 + x^4 / 3) x^2 + x y + (-4 + 4 y^2) y^2. */
    static final class SixHumpCamel implements Objective {
        @Override public int dimension() { return 2; }
        @Override public double evaluate(double[] v, double[] g) {
            double x = v[0];
            double y = v[1];
            double x2 = x * x;
            double y2 = y * y;
            g[0] = 8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y;
            g[1] = x - 8.0 * y + 16.0 * y2 * y;
            return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2;
        }
    }

    /** Branin-Hoo with the standard constants. */
    static final class Branin implements Objective {
        private static final double B = 5.1 / (4.0 * Math.PI * Math.PI);
        private static final double C = 5.0 / Math.PI;
        private static final double T = 1.0 / (8.0 * Math.PI);
        @Override public int dimension() { return 2; }
        @Override public double evaluate(double[] v, double[] g) {
            double x = v[0];
            double y = v[1];
            double h = y - B * x * x + C * x - 6.0;
            g[0] = 2.0 * h * (-2.0 * B * x + C) - 10.0 * (1.0 - T) * Math.sin(x);
            g[1] = 2.0 * h;
            return h * h + 10.0 * (1.0 - T) * Math.cos(x) + 10.0;
        }
    }

    /** Goldstein-Price. */
    static final class GoldsteinPrice implements Objective {
        @Override public int dimension() { return 2; }
        @Override public double evaluate(double[] v, double[] g) {
            double x = v[0];
            double y = v[1];
            double u = x + y + 1.0;
            double p = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y;
            double pd = -14.0 + 6.0 * x + 6.0 * y;
            double a = 1.0 + u * u * p;
            double ad = 2.0 * u * p + u * u * pd;
            double w = 2.0 * x - 3.0 * y;
            double q = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y;
            double b = 30.0 + w * w * q;
            double bx = 4.0 * w * q + w * w * (-32.0 + 24.0 * x - 36.0 * y);
            double by = -6.0 * w * q + w * w * (48.0 - 36.0 * x + 54.0 * y);
            g[0] = ad * b + a * bx;
            g[1] = ad * b + a * by;
            return a * b;
        }
    }

    /** Styblinski-Tang: sum (x_i^4 - 16 x_i^2 + 5 x_i) / 2. */
    static final class StyblinskiTang implements Objective {
        private final int n;
        StyblinskiTang(int n) { this.n = n; }
        @Override public int dimension() { return n; }
        @Override public double evaluate(double[] x, double[] g) {
            double f = 0.0;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                double x2 = xi * xi;
                f += x2 * x2 - 16.0 * x2 + 5.0 * xi;
                g[i] = 2.0 * x2 * xi - 16.0 * xi + 2.5;
            }
            return 0.5 * f;
        }
    }

    /** Levy, with w_i = 1 + (x_i - 1) / 4. */
    static final class Levy implements Objective {
        private final int n;
        Levy(int n) { this.n = n; }
        @Override public int dimension() { return n; }
        @Override public double evaluate(double[] x, double[] g) {
            double w1 = 1.0 + (x[0] - 1.0) / 4.0;
            double s1 = Math.sin(Math.PI * w1);
            double f = s1 * s1;
            g[0] = Math.PI * Math.sin(TWO_PI * w1) / 4.0;
            for (int i = 0; i < n - 1; i++) {
                double w = 1.0 + (x[i] - 1.0) / 4.0;
                double wm = w - 1.0;
                double arg = Math.PI * w + 1.0;
                double s = Math.sin(arg);
                double k = 1.0 + 10.0 * s * s;
                f += wm * wm * k;
                double d = 2.0 * wm * k + wm * wm * 10.0 * Math.PI * Math.sin(2.0 * arg);
                if (i == 0) {
                    g[0] += d / 4.0;
                } else {
                    g[i] = d / 4.0;
                }
            }
            double wn = 1.0 + (x[n - 1] - 1.0) / 4.0;
            double wnm = wn - 1.0;
            double sn = Math.sin(TWO_PI * wn);
            double kn = 1.0 + sn * sn;
            f += wnm * wnm * kn;
            double dn = (2.0 * wnm * kn + wnm * wnm * TWO_PI * Math.sin(2.0 * TWO_PI * wn)) / 4.0;
            if (n == 1) {
                g[0] += dn;
            } else {
                g[n - 1] = dn;
            }
            return f;
        }
    }

    /** Griewank: 1 + sum x_i^2 / 4000 - prod cos(x_i / sqrt(i)). */
    static final class Griewank implements Objective {
        private final int n;
        private final double[] invSqrt;
        Griewank(int n) {
            this.n = n;
            this.invSqrt = new double[n];
            for (int i = 0; i < n; i++) {
                invSqrt[i] = 1.0 / Math.sqrt(i + 1.0);
            }
        }
        @Override public int dimension() { return n; }
        @Override public double evaluate(double[] x, double[] g) {
            double sum = 0.0;
            double prefix = 1.0;
            // first pass: g[i] holds the product of the cosines before i
            for (int i = 0; i < n; i++) {
                sum += x[i] * x[i];
                g[i] = prefix;
                prefix *= Math.cos(x[i] * invSqrt[i]);
            }
            double suffix = 1.0;
            for (int i = n - 1; i >= 0; i--) {
                double arg = x[i] * invSqrt[i];
                double others = g[i] * suffix;
                g[i] = x[i] / 2000.0 + Math.sin(arg) * invSqrt[i] * others;
                suffix *= Math.cos(arg);
            }
            return 1.0 + sum / 4000.0 - prefix;
        }
    }

    /** Beale. */
    static final class Beale implements Objective {
        @Override public int dimension() { return 2; }
        @Override public double evaluate(double[] v, double[] g) {
            double x = v[0];
            double y = v[1];
            double y2 = y * y;
            double y3 = y2 * y;
            double a = 1.5 - x + x * y;
            double b = 2.25 - x + x * y2;
            double c = 2.625 - x + x * y3;
            g[0] = 2.0 * a * (y - 1.0) + 2.0 * b * (y2 - 1.0) + 2.0 * c * (y3 - 1.0);
            g[1] = 2.0 * a * x + 4.0 * b * x * y + 6.0 * c * x * y2;
            return a * a + b * b + c * c;
        }
    }

    /** Booth: (x + 2y - 7)^2 + (2x + y - 5)^2. */
    static final class Booth implements Objective {
        @Override public int dimension() { return 2; }
        @Override public double evaluate(double[] v, double[] g) {
            double a = v[0] + 2.0 * v[1] - 7.0;
            double b = 2.0 * v[0] + v[1] - 5.0;
            g[0] = 2.0 * a + 4.0 * b;
            g[1] = 4.0 * a + 2.0 * b;
            return a * a + b * b;
        }
    }
}
