package multistart.config;

import java.util.Locale;

/** How start points are drawn from the domain. */
public enum Sampler {
    UNIFORM, SOBOL, HALTON, LATIN_HYPERCUBE, GRID;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sampler parse(String s) {
        for (Sampler v : values()) {
            if (v.key().equals(s)) {
                return v;
            }
        }
        return null;
    }
}
