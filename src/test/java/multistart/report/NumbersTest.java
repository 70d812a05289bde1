package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({"0.001, 0.001", "1.0E-4, 1.0E-4", "1.0E7, 1.0E7", "9999999.0, 9999999.0",
        "-6.551133332835841, -6.551133332835841", "0.0, 0.0", "-0.0, -0.0", "4.9E-324, 4.9E-324",
        "1.7976931348623157E308, 1.7976931348623157E308", "NaN, NaN", "Infinity, Infinity", "-Infinity, -Infinity",
        "100.0, 100.0"})
    void layoutIsDoubleToStrings(double v, String text) {
        assertThat(Numbers.exact(v)).isEqualTo(text);
    }

    /** One decimal, but never "0.0%" for a share above 0 or "100.0%" for one below 1. */
    @ParameterizedTest
    @CsvSource({"0, 0.0%", "1, 100.0%", "0.125, 12.5%", "0.0005, 0.1%", "0.00049, 0.049%",
        "0.000333333, 0.033%", "1.0E-7, 0.00001%", "0.9995, 99.95%", "0.99967, 99.967%", "0.99999, 99.999%",
        "0.9994, 99.9%"})
    void percentShowsSmallSharesAsSmallNotNone(double p, String text) {
        assertThat(Numbers.percent(p)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 bytes", "999, 999 bytes", "1000, 1.0 kB", "1049, 1.0 kB", "9949, 9.9 kB", "9950, 10 kB",
        "640000, 640 kB", "999499, 999 kB", "999500, 1.0 MB", "8500000, 8.5 MB", "841000000, 841 MB",
        "1234567890123, 1.2 TB", "9223372036854775807, 9.2 EB"})
    void bytesInDecimalUnits(long n, String text) {
        assertThat(Numbers.bytes(n)).isEqualTo(text);
    }

    /** Every text reads back to its double, and no text with fewer significant digits would. */
    @Test
    void shortestTextThatReadsBack() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 20_000; k++) {
            double v = switch (k % 3) {
                case 0 -> Double.longBitsToDouble(rnd.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
                case 1 -> rnd.nextDouble(-10, 10);
                default -> Math.scalb(rnd.nextDouble(), rnd.nextInt(-60, 60));
            };
            String s = Numbers.exact(v);
            assertThat(Double.parseDouble(s)).isEqualTo(v);
            int digits = new BigDecimal(s).stripTrailingZeros().precision();
            if (digits > 1) {
                BigDecimal shorter = new BigDecimal(v).round(new MathContext(digits - 1, RoundingMode.HALF_EVEN));
                assertThat(shorter.doubleValue()).as("%s has a shorter text", s).isNotEqualTo(v);
            }
        }
    }

    @Test
    void settingsReadAsWrittenUnlessTheyHaveManyDigits() {
        assertThat(Numbers.settingValue(1.0e-4)).isEqualTo("0.0001");
        assertThat(Numbers.settingValue(0.05)).isEqualTo("0.05");
        assertThat(Numbers.settingValue(1.0)).isEqualTo("1");
        assertThat(Numbers.settingValue(0.0)).isEqualTo("0");
        assertThat(Numbers.settingValue(3000)).isEqualTo("3000");
        // seven figures would make it 1, the label of a decay of 1
        assertThat(Numbers.settingValue(0.9999999)).isEqualTo("0.9999999");
        assertThat(Numbers.settingValue(0.99999999)).isEqualTo("0.99999999");
        // a log range's point: seven figures
        assertThat(Numbers.settingValue(0.0016681005372000588)).isEqualTo("0.001668101");
        assertThat(Numbers.settingValue(1.0e-8)).isEqualTo("1e-8");
    }

    /** Beyond plain decimals' range, five significant figures as a person writes them. */
    @Test
    void smallAndLargeNumbersInScientificNotationWithoutPadding() {
        assertThat(Numbers.brief(1.0e-6)).isEqualTo("1e-6");
        assertThat(Numbers.brief(3.9968028886505635e-15)).isEqualTo("3.9968e-15");
        assertThat(Numbers.brief(-1.23456789e299)).isEqualTo("-1.2346e299");
        assertThat(Numbers.brief(1.5e8)).isEqualTo("1.5e8");
        // rounding carries into the exponent
        assertThat(Numbers.brief(9.99999e-5)).isEqualTo("1e-4");
        assertThat(Numbers.brief(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        // plain decimals between 1e-4 and 1e7, as before
        assertThat(Numbers.brief(1.0e-4)).isEqualTo("0.0001");
    }
}
