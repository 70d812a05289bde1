package multistart.objective;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void describeWritesThreeOrMoreEqualIntervalsInARowOnce() {
        assertThat(Box.cube(30, -32.768, 32.768).describe()).isEqualTo("[-32.768, 32.768]^30");
        assertThat(Box.cube(2, -3, 3).describe()).isEqualTo("[-3.0, 3.0] x [-3.0, 3.0]");
        Box mixed = new Box(new double[] {0, 0, 0, -1, 5, 5}, new double[] {1, 1, 1, 2, 6, 6});
        assertThat(mixed.describe()).isEqualTo("[0.0, 1.0]^3 x [-1.0, 2.0] x [5.0, 6.0] x [5.0, 6.0]");
        // the resolved config's form keeps one interval per coordinate
        assertThat(Box.cube(3, 0, 1).toString()).isEqualTo("[0.0, 1.0] x [0.0, 1.0] x [0.0, 1.0]");
    }
}
