package multistart.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinimaTest {

    /**
     * The columns read back as the records the reports used to get: every field of every rank,
     * the kinds' counts and hits summed independently, and records that are copies (changing
     * one changes nothing the next reader sees).
     */
    @Test
    void columnsReadBackAsRecords() {
        int n = 3;
        int m = 500;
        long runs = 7_000;
        SplittableRandom rnd = new SplittableRandom(5);
        double[] points = new double[m * n];
        double[] values = new double[m];
        byte[] kinds = new byte[m];
        long[] hits = new long[m];
        long[] bestRuns = new long[m];
        double[] norms = new double[m];
        double[][] eigen = new double[m][];
        long[][] comboHits = new long[m][];
        boolean[] boundary = new boolean[m];
        boolean[] outside = new boolean[m];
        long[] count = new long[Kind.values().length];
        long[] hitsOf = new long[Kind.values().length];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < n; i++) {
                points[r * n + i] = rnd.nextGaussian();
            }
            values[r] = r * 0.5 - 3;
            kinds[r] = (byte) rnd.nextInt(Kind.values().length);
            hits[r] = 1 + rnd.nextInt(40);
            bestRuns[r] = rnd.nextLong(runs);
            norms[r] = rnd.nextDouble();
            eigen[r] = rnd.nextBoolean() ? null : new double[] {rnd.nextDouble(), -rnd.nextDouble(), 1};
            comboHits[r] = rnd.nextBoolean() ? null : new long[] {0, hits[r]};
            boundary[r] = rnd.nextBoolean();
            outside[r] = boundary[r] && rnd.nextBoolean();
            count[kinds[r]]++;
            hitsOf[kinds[r]] += hits[r];
        }
        Minima all = new Minima(n, runs, points, values, kinds, hits, bestRuns, norms, eigen, new boolean[m], comboHits,
                boundary, outside);
        assertThat(all).hasSize(m);
        for (int r = 0; r < m; r++) {
            Findings.Minimum x = all.get(r);
            assertThat(x.basin()).isEqualTo(r + 1);
            assertThat(x.point()).containsExactly(points[r * n], points[r * n + 1], points[r * n + 2]);
            assertThat(all.coordinate(r, 2)).isEqualTo(points[r * n + 2]);
            assertThat(x.value()).isEqualTo(values[r]);
            assertThat(x.kind()).isEqualTo(Kind.values()[kinds[r]]).isEqualTo(all.kind(r));
            assertThat(x.hits()).isEqualTo(hits[r]);
            assertThat(x.share()).isEqualTo((double) hits[r] / runs);
            assertThat(x.bestRun()).isEqualTo(bestRuns[r]);
            assertThat(x.gradientNorm()).isEqualTo(norms[r]);
            assertThat(x.eigenvalues()).isEqualTo(eigen[r] == null ? new double[0] : eigen[r]);
            assertThat(x.comboHits()).isEqualTo(comboHits[r] == null ? new long[0] : comboHits[r]);
            assertThat(x.onBoundary()).isEqualTo(boundary[r]);
            assertThat(x.outsideDomain()).isEqualTo(outside[r]);
            if (eigen[r] != null) {
                x.eigenvalues()[0] = 99;
                assertThat(all.get(r).eigenvalues()[0]).isEqualTo(eigen[r][0]).isNotEqualTo(99);
            }
        }
        for (Kind k : Kind.values()) {
            assertThat(all.count(k)).isEqualTo(count[k.ordinal()]);
            assertThat(all.hitsAt(k)).isEqualTo(hitsOf[k.ordinal()]);
        }
    }
    /** Dropping rows in place keeps the others in order, with their fields, and the new totals. */
    @Test
    void compactingKeepsTheRestInOrder() {
        int n = 2;
        int m = 7;
        double[] points = new double[m * n];
        double[] values = new double[m];
        byte[] kinds = new byte[m];
        long[] hits = new long[m];
        long[] bestRuns = new long[m];
        for (int r = 0; r < m; r++) {
            points[r * n] = r;
            points[r * n + 1] = -r;
            values[r] = r;
            kinds[r] = (byte) (r % 2 == 0 ? Kind.MINIMUM.ordinal() : Kind.UNRESOLVED.ordinal());
            hits[r] = 10 + r;
            bestRuns[r] = 100 + r;
        }
        Minima all = new Minima(n, 1000, points, values, kinds, hits, bestRuns, new double[m], new double[m][],
                new boolean[m], new long[m][], new boolean[m], new boolean[m]);
        // rows 2 and 4 (minima) merged into row 0: rows 0 1 3 5 6 remain
        int[] row = {0, 1, -1, 2, -1, 3, 4};
        Minima left = all.compact(row, 5, new int[] {0}, new long[] {10 + 12 + 14}, new long[][] {{0, 36}});
        assertThat(left).hasSize(5);
        int[] was = {0, 1, 3, 5, 6};
        for (int r = 0; r < 5; r++) {
            assertThat(left.get(r).basin()).isEqualTo(r + 1);
            assertThat(left.point(r)).containsExactly(was[r], -was[r]);
            assertThat(left.value(r)).isEqualTo(was[r]);
            assertThat(left.bestRun(r)).isEqualTo(100 + was[r]);
            assertThat(left.hits(r)).isEqualTo(r == 0 ? 36 : 10 + was[r]);
        }
        assertThat(left.get(0).comboHits()).containsExactly(0, 36);
        assertThat(left.count(Kind.MINIMUM)).isEqualTo(2);
        assertThat(left.hitsAt(Kind.MINIMUM)).isEqualTo(36 + 16);
        assertThat(left.share(0)).isEqualTo(36 / 1000.0);
    }
}
