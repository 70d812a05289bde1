package multistart.report;

import java.awt.image.BufferedImage;

/** Where XChart cut a chart's title off: its letters reaching the panel's edge. */
public final class TitleEdges {

    private TitleEdges() {
    }

    /**
     * Whether a title's letters reach a panel's left or right edge: a dark pixel in the outer
     * 3 px of each of {@code panels} equal columns, in the title's strip (the top 28 px).
     */
    public static boolean touched(BufferedImage img, int panels) {
        int cell = img.getWidth() / panels;
        for (int p = 0; p < panels; p++) {
            for (int y = 0; y < 28; y++) {
                for (int dx = 0; dx < 3; dx++) {
                    for (int x : new int[] {p * cell + dx, (p + 1) * cell - 1 - dx}) {
                        int rgb = img.getRGB(x, y);
                        if (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) < 300) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
