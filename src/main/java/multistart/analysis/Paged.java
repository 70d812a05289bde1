package multistart.analysis;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Rows of a fixed number of elements in pages of a primitive array type ({@code long[]},
 * {@code double[]}), for tables that grow with the number of distinct end points. One array
 * doubled as it filled needed the old and the new array at once (three times the rows' memory
 * at the moment of the copy) and, in G1, a contiguous run of free regions, which a heap full
 * of other such arrays may not have while having the space: a sweep of short runs ran out of
 * memory with half the heap free. A page is under half of G1's smallest region (1 MiB), so it
 * is an ordinary object, and growing adds a page. A row never straddles two pages: a row is
 * {@code page(r)[at(r) .. at(r) + width)}.
 */
final class Paged<A> {

    /** Bytes of a page at most (unless one row is larger: then a page is one row). */
    static final int PAGE_BYTES = 1 << 18;

    private final int width;
    private final int shift;
    private final int mask;
    private final int pageLength;
    private final IntFunction<A> allocate;
    private Object[] pages = new Object[16];
    private int pageCount;

    /** Rows of {@code width} elements of {@code elementBytes} bytes each; {@code allocate} makes a page. */
    Paged(int width, int elementBytes, IntFunction<A> allocate) {
        int rows = Integer.highestOneBit(Math.max(1, PAGE_BYTES / elementBytes / Math.max(1, width)));
        this.width = width;
        this.shift = Integer.numberOfTrailingZeros(rows);
        this.mask = rows - 1;
        this.pageLength = rows * width;
        this.allocate = allocate;
    }

    static Paged<long[]> longs(int width) {
        return new Paged<>(width, Long.BYTES, long[]::new);
    }

    static Paged<double[]> doubles(int width) {
        return new Paged<>(width, Double.BYTES, double[]::new);
    }

    /** The page holding row {@code r}, which {@link #ensure} made room for. */
    @SuppressWarnings("unchecked")
    A page(int r) {
        return (A) pages[r >>> shift];
    }

    /** Where row {@code r} starts in its page. */
    int at(int r) {
        return (r & mask) * width;
    }

    /** Makes room for rows up to {@code r}: new rows are zero. */
    void ensure(int r) {
        int p = r >>> shift;
        if (pageCount <= p) {
            grow(p);
        }
    }

    /*
     * Apart from ensure, which runs for every new row: compiled into it, the allocation's call
     * (a different lambda class for each kind of page) sent C2 back to recompile it as each
     * kind appeared.
     */
    private void grow(int p) {
        while (pageCount <= p) {
            if (pageCount == pages.length) {
                pages = Arrays.copyOf(pages, 2 * pageCount);
            }
            pages[pageCount++] = allocate.apply(pageLength);
        }
    }
}
