package multistart.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte scan under {@link RunsFile#finish}; whole files are checked in cli.RunsCsvTest. */
class RunsFileTest {

    static int naive(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void newlineFindsTheFirstNewlineLikeAByteByByteScan() {
        // newlines among digits, commas, UTF-8 lead and continuation bytes and bytes one off '\n'
        byte[] alphabet = {'\n', ',', '0', '7', '9', 'e', '-', (byte) 0x8A, (byte) 0xFF, (byte) 0xC3, (byte) 0xA9,
            0x0B, 0x09, 0x00, 0x7F};
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] b = new byte[1 + rnd.nextInt(80)];
            int sparse = 1 + rnd.nextInt(40);
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextInt(sparse) == 0 ? (byte) '\n' : alphabet[1 + rnd.nextInt(alphabet.length - 1)];
            }
            int from = rnd.nextInt(b.length + 1);
            int to = from + rnd.nextInt(b.length - from + 1);
            assertThat(RunsFile.newline(b, from, to)).as("trial %d", trial).isEqualTo(naive(b, from, to));
        }
    }

    @Test
    void newlineAtEveryOffsetOfAWord() {
        for (int len = 0; len <= 24; len++) {
            for (int at = 0; at < len; at++) {
                byte[] b = new byte[len];
                java.util.Arrays.fill(b, (byte) 0x8A);
                b[at] = '\n';
                assertThat(RunsFile.newline(b, 0, len)).isEqualTo(at);
                assertThat(RunsFile.newline(b, at + 1, len)).isEqualTo(-1);
            }
        }
    }

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
}
