package multistart.sampling;

/**
 * A keyed pseudo-random permutation of [0, size), evaluated one index at a time: a balanced
 * Feistel network on the smallest even number of bits covering size, with cycle walking to
 * stay inside the range. O(1) memory whatever the size.
 */
final class Feistel {

    private static final int ROUNDS = 6;

    private Feistel() {
    }

    static long permute(long index, long size, long key) {
        if (size <= 1) {
            return 0;
        }
        int bits = 64 - Long.numberOfLeadingZeros(size - 1);
        if ((bits & 1) == 1) {
            bits++;
        }
        int half = bits / 2;
        long mask = (1L << half) - 1;
        long x = index;
        do {
            long left = x >>> half;
            long right = x & mask;
            for (int r = 0; r < ROUNDS; r++) {
                long f = SplitMix.mix(right ^ SplitMix.mix(key + r)) & mask;
                long next = left ^ f;
                left = right;
                right = next;
            }
            x = (left << half) | right;
        } while (x >= size);
        return x;
    }
}
