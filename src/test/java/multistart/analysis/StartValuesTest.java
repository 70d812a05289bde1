package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starts' values as the merge uses them: put in start order a batch at a time, read back in
 * start order once a combo (and at random, served all the same), in memory or through a file's
 * window of 8 192 values, the file removed at the end.
 */
class StartValuesTest {

    @TempDir
    Path dir;

    /** The value put for start k: distinct, with NaN and the infinities among them. */
    private static double value(long k) {
        return k % 1000 == 7 ? Double.NaN : k % 1000 == 8 ? Double.NEGATIVE_INFINITY : Math.sin(k) * k;
    }

    /** Puts starts {@code from} .. starts - 1 in batches of random sizes (up to 3 windows), as the merge does. */
    private static void putAll(StartValues v, long from, long starts, SplittableRandom r) {
        for (long k = from; k < starts;) {
            int len = (int) Math.min(starts - k, 1 + r.nextInt(3 << 13));
            double[] batch = new double[len + 5];
            for (int i = 0; i < len; i++) {
                batch[5 + i] = value(k + i);
            }
            v.put(k, batch, 5, len);
            k += len;
        }
    }

    /** Reads starts k .. k + len - 1 and compares them bit for bit, NaN included. */
    private static void check(StartValues v, long k, int len) {
        double[] got = new double[len + 3];
        v.get(k, got, 3, len);
        for (int i = 0; i < len; i++) {
            assertThat(Double.doubleToRawLongBits(got[3 + i])).as("start %d", k + i)
                    .isEqualTo(Double.doubleToRawLongBits(value(k + i)));
        }
    }

    @Test
    void aFileOfValuesReadsBackInOrderAndAtRandomAndIsRemoved() {
        long starts = StartValues.IN_MEMORY + 20_001;
        Path file = dir.resolve("start-values.bin");
        SplittableRandom r = new SplittableRandom(5);
        try (StartValues v = StartValues.create(starts, file)) {
            // the first combo's first batch is read back before the rest is put (a batch of runs
            // that straddles the first and second combo)
            double[] first = {value(0), value(1), value(2)};
            v.put(0, first, 0, 3);
            check(v, 0, 3);
            putAll(v, 3, starts, new SplittableRandom(6));
            assertThat(v.count()).isEqualTo(starts);
            assertThat(file).exists();
            for (int combo = 1; combo <= 2; combo++) {
                for (long k = 0; k < starts;) {
                    int len = (int) Math.min(starts - k, 1 + r.nextInt(3 << 13));
                    check(v, k, len);
                    k += len;
                }
            }
            for (int i = 0; i < 500; i++) {
                long k = r.nextLong(starts - 100);
                check(v, k, 1 + r.nextInt(100));
            }
            assertThatThrownBy(() -> v.get(starts - 1, new double[2], 0, 2)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> v.put(starts + 1, new double[1], 0, 1))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void upToTheLimitTheyStayInMemoryAndNoFileIsMade() {
        Path file = dir.resolve("start-values.bin");
        try (StartValues v = StartValues.create(StartValues.IN_MEMORY, file)) {
            putAll(v, 0, StartValues.IN_MEMORY, new SplittableRandom(7));
            check(v, 0, (int) StartValues.IN_MEMORY);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileLeftByAnInterruptedRunIsEmptiedFirst() throws Exception {
        Path file = dir.resolve("start-values.bin");
        Files.write(file, new byte[1 << 20]);
        try (StartValues v = StartValues.create(StartValues.IN_MEMORY + 1, file)) {
            v.put(0, new double[] {3.5}, 0, 1);
            double[] got = new double[1];
            v.get(0, got, 0, 1);
            assertThat(got[0]).isEqualTo(3.5);
            // the old megabyte is gone: the file holds the one value put (written out to be read)
            assertThat(Files.size(file)).isEqualTo(Double.BYTES);
            assertThatThrownBy(() -> v.get(1, got, 0, 1)).isInstanceOf(IllegalStateException.class);
        }
    }
}
