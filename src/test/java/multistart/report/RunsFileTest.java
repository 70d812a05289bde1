package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The row numbers' digits; whole files are checked in cli.RunsCsvTest and cli.ResumeTest. */
class RunsFileTest {

    @Test
    void digitsAsLongToString() {
        byte[] out = new byte[40];
        java.util.List<Long> values = new java.util.ArrayList<>(java.util.List.of(0L, 1L, 9L, 10L, 11L, 99L, 100L,
                101L, 999L, 1000L, 99_999L, 100_000L, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
                9_999_999_999L, 10_000_000_000L, Long.MAX_VALUE, -1L, -10L, (long) Integer.MIN_VALUE, Long.MIN_VALUE));
        for (long p = 1; p > 0 && p < Long.MAX_VALUE / 10; p *= 10) {
            values.add(p - 1);
            values.add(p);
            values.add(p + 1);
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            values.add(r.nextLong(0, 1L << (1 + r.nextInt(62))));
        }
        for (long v : values) {
            out[0] = 'x';
            int end = Numbers.digits(v, out, 1);
            assertThat(new String(out, 0, end, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("x" + v);
        }
    }

    /** Also where the array ends right after the number (no room for the eight-byte store). */
    @Test
    void digitsAtTheEndOfTheArray() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            int v = i < 1000 ? i : r.nextInt(0, 1 << (1 + r.nextInt(30)));
            String text = Integer.toString(v);
            for (int room : new int[] {0, 1, 8}) {
                byte[] out = new byte[1 + text.length() + room];
                out[0] = 'x';
                int end = Numbers.digits(v, out, 1);
                assertThat(end).isEqualTo(1 + text.length());
                assertThat(new String(out, 0, end, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("x" + text);
            }
        }
    }
}
