package multistart.report;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import multistart.config.Combo;
import multistart.config.OptimizerConfig;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * What the pictures share: the panel size, the palette and title font, the tiling of panels into
 * one PNG, and a title's width. The pictures themselves: {@link BasinMap}, {@link ConvergenceChart},
 * {@link SweepChart}; the workarounds for XChart's axes they all take: {@link AxisScales}.
 */
public final class Charts {

    /** Size of one panel in pixels. */
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 560;

    static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(188, 189, 34),
        new Color(23, 190, 207), new Color(174, 199, 232), new Color(255, 187, 120), new Color(152, 223, 138)};
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private Charts() {
    }

    /** Columns and rows of a grid of k panels. */
    static int[] grid(int k) {
        int cols = Math.min(3, k);
        return new int[] {cols, (k + cols - 1) / cols};
    }

    /**
     * Renders the panels and tiles them row by row into one PNG (XChart's own grid encoder
     * fails when the last row is not full). Cells are as large as the largest panel.
     */
    static byte[] png(List<? extends Chart<?, ?>> panels) throws IOException {
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        int cellW = 0;
        int cellH = 0;
        for (Chart<?, ?> c : panels) {
            if (c instanceof XYChart xy) {
                AxisScales.widenNarrowAxis(xy);
                AxisScales.breakEvenSpacing(xy);
            }
            java.awt.image.BufferedImage img = BitmapEncoder.getBufferedImage(c);
            images.add(img);
            cellW = Math.max(cellW, img.getWidth());
            cellH = Math.max(cellH, img.getHeight());
        }
        int[] g = grid(images.size());
        java.awt.image.BufferedImage all = new java.awt.image.BufferedImage(g[0] * cellW, g[1] * cellH,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D gr = all.createGraphics();
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < images.size(); i++) {
            gr.drawImage(images.get(i), (i % g[0]) * cellW, (i / g[0]) * cellH, null);
        }
        gr.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(all, "png", out);
        return out.toByteArray();
    }

    static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(TITLE_FONT);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAntiAlias(true);
    }

    static String describe(OptimizerConfig o, Combo c) {
        StringBuilder s = new StringBuilder();
        for (String col : o.sweptColumns()) {
            if (OptimizerConfig.applies(c, col)) {
                s.append(s.length() == 0 ? ": " : ", ").append(col).append(' ').append(Numbers.setting(c, col));
            }
        }
        return s.toString();
    }

    /** Legend entries up to this long fit the convergence chart's usual width. */
    static final int LEGEND_CHARACTERS = 50;
    /** Pixels a legend character takes, about (12 px sans-serif). */
    static final int LEGEND_CHARACTER_WIDTH = 7;

    /** Room around a chart's title besides the legend: the value axis's labels, margins. */
    static final int TITLE_MARGIN = 60;

    /** Width in pixels of a chart title in the charts' title font. */
    static int titleWidth(String title) {
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, false);
        return (int) Math.ceil(TITLE_FONT.getStringBounds(title, frc).getWidth());
    }

    /**
     * A panel's width, at least {@link #PANEL_WIDTH}, that holds its title: XChart centres a title
     * over the plot, right of {@code side} pixels of labels (and the legend's, where it stands to
     * the right), and cuts off at the picture's edges what does not fit.
     */
    static int fitTitle(String title, int side) {
        return Math.max(PANEL_WIDTH, titleWidth(title) + side + TITLE_MARGIN);
    }
}
