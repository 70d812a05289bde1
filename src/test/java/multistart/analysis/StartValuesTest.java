package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starts' values as the merge uses them: put in start order, read back in start order once a
 * combo (and at random by nothing, but served all the same), in memory or through a file's
 * 64 KiB window (8 192 values), the file removed at the end.
 */
class StartValuesTest {

    @TempDir
    Path dir;

    /** The value put for start k: distinct, with NaN and the infinities among them. */
    private static double value(long k) {
        return k % 1000 == 7 ? Double.NaN : k % 1000 == 8 ? Double.NEGATIVE_INFINITY : Math.sin(k) * k;
    }

    /** Bit for bit, NaN included. */
    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    @Test
    void aFileOfValuesReadsBackInOrderAndAtRandomAndIsRemoved() {
        long starts = StartValues.IN_MEMORY + 20_001;
        Path file = dir.resolve("start-values.bin");
        try (StartValues v = StartValues.create(starts, file)) {
            // the first combo puts them; a later combo's first runs read while the rest are still put
            for (long k = 0; k < starts; k++) {
                v.put(k, value(k));
                if (k == 5000) {
                    assertThat(bits(v.at(0))).isEqualTo(bits(value(0)));
                    assertThat(bits(v.at(4999))).isEqualTo(bits(value(4999)));
                }
            }
            assertThat(file).exists();
            for (int combo = 1; combo <= 2; combo++) {
                for (long k = 0; k < starts; k++) {
                    assertThat(bits(v.at(k))).as("start %d", k).isEqualTo(bits(value(k)));
                }
            }
            SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < 2000; i++) {
                long k = r.nextLong(starts);
                assertThat(bits(v.at(k))).as("start %d", k).isEqualTo(bits(value(k)));
            }
            assertThatThrownBy(() -> v.at(starts)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> v.put(starts + 1, 0)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void upToTheLimitTheyStayInMemoryAndNoFileIsMade() {
        Path file = dir.resolve("start-values.bin");
        try (StartValues v = StartValues.create(StartValues.IN_MEMORY, file)) {
            for (long k = 0; k < StartValues.IN_MEMORY; k++) {
                v.put(k, value(k));
            }
            assertThat(bits(v.at(StartValues.IN_MEMORY - 1))).isEqualTo(bits(value(StartValues.IN_MEMORY - 1)));
            assertThat(v.at(7)).isNaN();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileLeftByAnInterruptedRunIsEmptiedFirst() throws Exception {
        Path file = dir.resolve("start-values.bin");
        Files.write(file, new byte[1 << 20]);
        try (StartValues v = StartValues.create(StartValues.IN_MEMORY + 1, file)) {
            v.put(0, 3.5);
            assertThat(v.at(0)).isEqualTo(3.5);
            // the old megabyte is gone: the file holds the one value put (written out to be read)
            assertThat(Files.size(file)).isEqualTo(Double.BYTES);
            assertThatThrownBy(() -> v.at(1)).isInstanceOf(IllegalStateException.class);
        }
    }
}
