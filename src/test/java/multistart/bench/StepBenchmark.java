package multistart.bench;

import java.util.concurrent.TimeUnit;
import multistart.config.Combo;
import multistart.config.Method;
import multistart.objective.Builtins;
import multistart.objective.Objective;
import multistart.optimizer.Descent;
import multistart.optimizer.Status;
import multistart.simd.Lanes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-step loop: one run of 1000 heavy-ball steps with stopping disabled (the W1 setting),
 * through the product's {@link Descent} and through a hand-written loop doing the same
 * arithmetic; and {@link #lanes}, 64 such runs stepped in SIMD lanes, the product's path for
 * these built-ins, warm (compare with {@code bench/java/Baselines.java}'s SIMD loop, fastest
 * of 3). Reported as nanoseconds per step. Run with {@code bench/jmh.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class StepBenchmark {

    static final int STEPS = 1000;
    static final int LANE_RUNS = 64;

    @Param({"rastrigin", "peaks", "rosenbrock"})
    public String function;

    private Descent descent;
    private Combo combo;
    private double[] start;
    private double[] x;
    private Lanes.Runner lanes;
    private Lanes.Runs laneRuns;
    private double sink;

    @Setup
    public void setup() {
        int n = function.equals("rosenbrock") ? 10 : 2;
        Objective f = Builtins.find(function).orElseThrow().create(n);
        descent = new Descent(f);
        double eta = function.equals("rosenbrock") ? 1e-4 : 0.002;
        combo = new Combo(0, Method.MOMENTUM, eta, 0.999, 0.9, 0.999, 1e-8, STEPS, 0, 0, 1e8);
        start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = 0.37 + 0.11 * i;
        }
        x = new double[n];
        lanes = Lanes.create(f);
        laneRuns = new Lanes.Runs() {
            @Override
            public void start(int k, double[] p) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = start[i] + 0.013 * k;
                }
            }

            @Override
            public void finish(int k, double[] p, Status status, double value, double gradientNorm, int iterations) {
                sink += value;
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double product() {
        System.arraycopy(start, 0, x, 0, x.length);
        descent.run(x, combo);
        return x[0];
    }

    /** 64 runs of the same steps in SIMD lanes (needs --add-modules jdk.incubator.vector). */
    @Benchmark
    @OperationsPerInvocation(LANE_RUNS * STEPS)
    public double lanes() {
        if (lanes == null) {
            throw new IllegalStateException("no SIMD lanes: start the JVM with --add-modules jdk.incubator.vector");
        }
        lanes.run(combo, LANE_RUNS, laneRuns);
        return sink;
    }

    /** The same steps, specialised for rastrigin 2-d by hand (the other functions reuse it). */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double handWrittenRastrigin() {
        double x0 = start[0];
        double x1 = start[1];
        double v0 = 0;
        double v1 = 0;
        double eta = 0.002;
        for (int t = 0; t < STEPS; t++) {
            double g0 = 2 * x0 + 20 * Math.PI * Math.sin(2 * Math.PI * x0);
            double g1 = 2 * x1 + 20 * Math.PI * Math.sin(2 * Math.PI * x1);
            v0 = 0.9 * v0 - eta * g0;
            v1 = 0.9 * v1 - eta * g1;
            x0 += v0;
            x1 += v1;
            eta *= 0.999;
        }
        return x0 + x1;
    }
}
