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
}
