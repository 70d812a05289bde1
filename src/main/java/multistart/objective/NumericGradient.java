package multistart.objective;

/**
 * Central differences {@code (f(x + h e_i) - f(x - h e_i)) / 2h} with an absolute step h, as
 * the seed articles compute them. Holds scratch space: one instance per worker
 * ({@link #forWorker()}).
 */
public final class NumericGradient implements Objective {

    private final Objective f;
    private final double h;
    private final double[] scratch;

    public NumericGradient(Objective f, double h) {
        this.f = f;
        this.h = h;
        this.scratch = new double[f.dimension()];
    }

    @Override
    public int dimension() {
        return f.dimension();
    }

    @Override
    public Objective forWorker() {
        return new NumericGradient(f.forWorker(), h);
    }

    @Override
    public double gradient(double[] x, double[] grad) {
        // the differences evaluate f on both sides of x: a NaN there shows in the gradient
        differences(x, grad);
        return 0.0;
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        differences(x, grad);
        return f.evaluate(x, scratch);
    }

    private void differences(double[] x, double[] grad) {
        int n = f.dimension();
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            x[i] = xi + h;
            double up = f.evaluate(x, scratch);
            x[i] = xi - h;
            double down = f.evaluate(x, scratch);
            x[i] = xi;
            grad[i] = (up - down) / (2.0 * h);
        }
    }
}
