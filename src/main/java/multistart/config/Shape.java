package multistart.config;

import java.util.List;
import multistart.objective.Box;
import multistart.objective.Builtin;

/**
 * What the domain and the start points are checked against: the objective's variables, and
 * a built-in's default domain (null for an expression or a model, which have none of their own
 * here: a model's is the cube [-1, 1]).
 */
record Shape(List<String> variables, Box defaultDomain) {
    static Shape of(Builtin b, int dimension) {
        return new Shape(b.variables(dimension), b.domain(dimension));
    }

    int dimension() {
        return variables.size();
    }
}
