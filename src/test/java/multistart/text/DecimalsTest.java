package multistart.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static String e4(double v) {
        return Decimals.compact(String.format(Locale.ROOT, "%.4e", v));
    }

    private static String g3(double v) {
        return Decimals.compact(String.format(Locale.ROOT, "%.3g", v));
    }

    @Test
    void trailingZerosAndTheExponentsPaddingGo() {
        assertThat(e4(1e-6)).isEqualTo("1e-6");
        assertThat(e4(-1.23456e299)).isEqualTo("-1.2346e299");
        assertThat(e4(1.5e8)).isEqualTo("1.5e8");
        assertThat(e4(0)).isEqualTo("0e0");
        assertThat(g3(6.5e-5)).isEqualTo("6.5e-5");
        assertThat(g3(0.5)).isEqualTo("0.5");
        assertThat(g3(2)).isEqualTo("2");
        assertThat(g3(1200)).isEqualTo("1.2e3");
        assertThat(g3(100)).isEqualTo("100");
        assertThat(e4(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(e4(Double.NaN)).isEqualTo("NaN");
    }
}
