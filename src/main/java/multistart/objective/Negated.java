package multistart.objective;

/** -f: maximising f is minimising this. Stateless when f is. */
public final class Negated implements Objective {

    private final Objective f;

    public Negated(Objective f) {
        this.f = f;
    }

    @Override
    public int dimension() {
        return f.dimension();
    }

    @Override
    public Objective forWorker() {
        Objective w = f.forWorker();
        return w == f ? this : new Negated(w);
    }

    @Override
    public double gradient(double[] x, double[] grad) {
        double v = f.gradient(x, grad);
        for (int i = 0; i < grad.length && i < f.dimension(); i++) {
            grad[i] = -grad[i];
        }
        return -v;
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        double v = f.evaluate(x, grad);
        for (int i = 0; i < grad.length && i < f.dimension(); i++) {
            grad[i] = -grad[i];
        }
        return -v;
    }
}
