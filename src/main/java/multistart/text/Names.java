package multistart.text;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" suggestions by edit distance, for the config's keys and values and for the
 * names in a formula.
 */
public final class Names {

    private Names() {
    }

    /** The closest candidate within a small edit distance, or null. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        // allow roughly one typo per three characters, at least two
        int allowed = Math.max(2, word.length() / 3);
        // and never suggest a name that shares nothing with the word ('y' for 'x')
        return bestDistance <= allowed && bestDistance < word.length() ? best : null;
    }

    /** Suffix for an error message: {@code , did you mean 'x'?} or empty. */
    public static String suggestion(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : ", did you mean '" + c + "'?";
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
