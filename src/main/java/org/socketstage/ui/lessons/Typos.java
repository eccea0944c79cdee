package org.socketstage.ui.lessons;

/**
 * How many typos apart a query is from the closest part of a text: letters wrong, missing, extra, or two
 * neighbours swapped (the optimal string alignment distance, with the match allowed to start and end anywhere
 * in the text). Its cost is the two lengths multiplied, so it is for a search box, not for whole books.
 */
final class Typos {

    private Typos() {}

    /** The fewest typos that make {@code query} appear in {@code text}, or -1 when more than {@code most}. */
    static int within(String query, String text, int most) {
        int m = query.length();
        int n = text.length();
        if (m == 0) {
            return 0;
        }
        if (most < 0) {
            return -1;
        }
        int[] twoBack = new int[n + 1];
        int[] back = new int[n + 1];
        int[] row = new int[n + 1];
        for (int i = 1; i <= m; i++) {
            row[0] = i;
            int best = i;
            for (int j = 1; j <= n; j++) {
                int cost = query.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(back[j] + 1, row[j - 1] + 1), back[j - 1] + cost);
                if (i > 1 && j > 1 && query.charAt(i - 1) == text.charAt(j - 2)
                        && query.charAt(i - 2) == text.charAt(j - 1)) {
                    d = Math.min(d, twoBack[j - 2] + 1);
                }
                row[j] = d;
                best = Math.min(best, d);
            }
            if (best > most) {
                return -1;
            }
            int[] oldest = twoBack;
            twoBack = back;
            back = row;
            row = oldest;
        }
        int found = Integer.MAX_VALUE;
        for (int j = 0; j <= n; j++) {
            found = Math.min(found, back[j]);
        }
        return found <= most ? found : -1;
    }
}
