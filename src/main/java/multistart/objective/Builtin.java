package multistart.objective;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntFunction;

/**
 * One entry of the built-in catalogue: how to make the function for a dimension, its default
 * domain, and its known global minimum (value and minimisers) where the literature has one.
 *
 * @param name           the name used in configs
 * @param formula        a short human-readable definition
 * @param fixedDimension the dimension, or 0 when the function takes any {@code dimension}
 * @param minDimension   smallest accepted dimension when {@code fixedDimension} is 0
 */
public record Builtin(
        String name,
        String formula,
        int fixedDimension,
        int minDimension,
        IntFunction<Objective> factory,
        IntFunction<Box> defaultDomain,
        IntFunction<Minimum> knownMinimum) {

    /** The global minimum for one dimension: its value and every global minimiser. */
    public record Minimum(double value, List<double[]> points) {
        public Minimum {
            points = points.stream().map(double[]::clone).toList();
        }

        @Override
        public List<double[]> points() {
            return points.stream().map(double[]::clone).toList();
        }
    }

    public boolean anyDimension() {
        return fixedDimension == 0;
    }

    /** Dimension used when the config gives none. */
    public int defaultDimension() {
        return anyDimension() ? 2 : fixedDimension;
    }

    public Objective create(int dimension) {
        return factory.apply(dimension);
    }

    public Box domain(int dimension) {
        return defaultDomain.apply(dimension);
    }

    /** The known global minimum at this dimension, or null when the function has none. */
    public Minimum minimum(int dimension) {
        return knownMinimum.apply(dimension);
    }

    public OptionalDouble knownValue(int dimension) {
        Minimum m = minimum(dimension);
        return m == null ? OptionalDouble.empty() : OptionalDouble.of(m.value());
    }

    /** Coordinate names: x (1-d), x, y (fixed 2-d), x1 ... xn (any dimension). */
    public List<String> variables(int dimension) {
        if (!anyDimension()) {
            return fixedDimension == 1 ? List.of("x") : List.of("x", "y");
        }
        String[] names = new String[dimension];
        for (int i = 0; i < dimension; i++) {
            names[i] = "x" + (i + 1);
        }
        return List.of(names);
    }
}
