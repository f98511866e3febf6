package id.rapor.report.chart;

import id.rapor.report.pdf.PdfPages;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The reports' charts, drawn by JFreeChart into an image off screen (headless AWT: no display, no
 * installed font needed — the chart's text is in the same Liberation Sans the PDF embeds), twice
 * the size they are shown at so that they print sharp. Numbers on them as the reader writes them
 * (2,97 in Indonesian).
 */
public final class Charts {
    private static final Color BAR = new Color(0x2f5d8a);
    private static final Font FONT = font();

    private Charts() {}

    private static Font font() {
        try (InputStream in = Charts.class.getResourceAsStream(PdfPages.FONT)) {
            if (in == null) throw new IllegalStateException("missing font " + PdfPages.FONT);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Bars, one per label, with their values written on them: horizontal (an aspect per bar, long
     * names) or vertical (a band per bar). {@code max}: the axis's top (the scale's), or null to fit.
     */
    public static BufferedImage bars(List<String> labels, List<BigDecimal> values, BigDecimal max, String axis, boolean horizontal,
                                     String languageTag, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < labels.size(); i++) data.addValue(values.get(i), "", labels.get(i));
        JFreeChart chart = new JFreeChart(null, FONT.deriveFont(12f), new CategoryPlot(), false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setDataset(data);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setDomainAxis(new org.jfree.chart.axis.CategoryAxis());
        NumberAxis range = new NumberAxis(axis);
        NumberFormat numbers = NumberFormat.getNumberInstance(Locale.forLanguageTag(languageTag.equals("id") ? "id-ID" : "en-GB"));
        numbers.setMaximumFractionDigits(2);
        range.setNumberFormatOverride(numbers);
        range.setLowerBound(0);
        if (max != null && max.signum() > 0) range.setUpperBound(max.doubleValue());
        else range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setRangeAxis(range);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setMaximumBarWidth(0.12);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", numbers));
        bars.setDefaultItemLabelsVisible(true);
        plot.setRenderer(bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xbbbbbb));
        StandardChartTheme theme = new StandardChartTheme("rapor");
        theme.setExtraLargeFont(FONT.deriveFont(14f));
        theme.setLargeFont(FONT.deriveFont(11f));
        theme.setRegularFont(FONT.deriveFont(10f));
        theme.setSmallFont(FONT.deriveFont(9f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xbbbbbb));
        theme.apply(chart);
        bars.setSeriesPaint(0, BAR);
        BufferedImage image = new BufferedImage(width * 2, height * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(2, 2);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }
}
