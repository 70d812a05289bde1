package multistart.objective;

/**
 * How many local minima a built-in has in its default domain, where that count is known: from
 * the function's form (a separable sum has the product of its terms' counts) or the literature,
 * each checked in low dimension by the points of a 1201 x 1201 grid (200 001 points in 1-d)
 * lower than their neighbours, each taken down to its minimum by Nelder and Mead's simplex
 * (LocalMinimaTest), rosenbrock's second minimum by Newton's method (RosenbrockMinimaTest).
 * The reports set the minima a sweep found inside the domain against it.
 */
public final class LocalMinima {

    private LocalMinima() {
    }

    /**
     * A count and where it comes from, in words ("one near each point of the integer grid, 11
     * values per coordinate").
     */
    public record Count(double minima, String why) {
    }

    /**
     * The count for built-in {@code b} (null: none) in {@code n} dimensions over {@code domain},
     * where that is its default domain and the count is known and below 1e15; null otherwise.
     */
    public static Count in(Builtin b, int n, Box domain) {
        if (b == null || !b.domain(n).equals(domain)) {
            return null;
        }
        Count count = inDefaultDomain(b.name(), n);
        return count == null || count.minima() > 1e15 ? null : count;
    }

    /** The count for built-in {@code name} in {@code n} dimensions in its default domain, or null. */
    public static Count inDefaultDomain(String name, int n) {
        return switch (name) {
            case "quadratic", "arctan", "booth" -> new Count(1, "a single minimum");
            case "sphere" -> new Count(1, "a single minimum");
            case "sine" -> new Count(2, "sin x's minima at -pi/2 and 3 pi/2");
            // x cos x: stationary where x tan x = 1 (+-0.86, +-3.43, +-6.44, +-9.53), minima where
            // the second derivative -2 sin x - x cos x is positive, an odd function: every other one
            case "xcosx" -> new Count(4, "x cos x's minima near -6.44, -0.86, 3.43 and 9.53");
            case "cubic-cos" -> new Count(2, "2x^2 cos x - 5x's minima near -3.48 and 3.78");
            // Dixon and Szego's table (Towards Global Optimisation 2, 1978): four local minima
            case "goldstein-price" -> new Count(4, "Goldstein and Price's four minima, at (0, -1), (-0.6, -0.4),"
                + " (1.8, 0.2) and (1.2, 0.8); Dixon and Szego, 1978");
            case "peaks" -> new Count(3, "peaks' three wells");
            case "himmelblau" -> new Count(4, "Himmelblau's four minima, all global");
            case "six-hump-camel" -> new Count(6, "the six humps' minima, two of them global");
            case "branin" -> new Count(3, "Branin's three minima, all global");
            // -exp(mean cos 2 pi x_i) has a minimum at each integer point, and the cone's slope
            // 4 exp(-0.2 r) / n shifts them but leaves one near each within [-32.768, 32.768]:
            // -32 ... 32; recounted on a grid in 1-d and 2-d, not claimed beyond
            case "ackley" -> n <= 2 ? new Count(Math.pow(65, n), "one near each integer point, 65 values per"
                    + " coordinate") : null;
            // x^2 - 10 cos 2 pi x has a minimum near each integer within the box: -5 ... 5
            case "rastrigin" -> new Count(Math.pow(11, n), "one near each integer point, 11 values per coordinate");
            // (x^4 - 16 x^2 + 5 x) / 2 has two minima, near -2.90 and 2.75
            case "styblinski-tang" -> new Count(Math.pow(2, n), "two per coordinate, near -2.90 and 2.75");
            // one valley; from 4 variables a second minimum near (-1, 1, ..., 1) appears (Shang and
            // Qiu 2006 count two for 4 to 30 variables; RosenbrockMinimaTest finds it by Newton's method)
            case "rosenbrock" -> n <= 3 ? new Count(1, "a single minimum below 4 variables")
                : n <= 30 ? new Count(2, "the global minimum at (1, ..., 1) and a local one near (-1, 1, ..., 1),"
                    + " for 4 to 30 variables; Shang and Qiu, 2006") : null;
            default -> null;
        };
    }
}
