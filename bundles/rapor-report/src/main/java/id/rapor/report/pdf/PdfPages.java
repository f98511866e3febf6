package id.rapor.report.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A report's pages, A4, written top to bottom: titles, paragraphs, tables (a row never split, the
 * header repeated on a new page) and images, each wrapped and moved to a new page as needed; the
 * page numbers last. One font, Liberation Sans (the one PDFBox ships), embedded as a subset with
 * its Unicode map, so Indonesian text and the PDF's text layer read as written; headings are the
 * same font drawn stroked. A character the font lacks is written as "?" rather than failing.
 */
public final class PdfPages implements AutoCloseable {
    /** The font PDFBox ships in its own jar (fontbox's fallback): no font needs installing anywhere. */
    public static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 48;
    private static final float BODY = 10;
    private static final float SMALL = 8.5f;
    private static final float LEADING = 1.3f;

    private final PDDocument doc = new PDDocument();
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    public PdfPages(String title, String language) {
        try (InputStream in = PdfPages.class.getResourceAsStream(FONT)) {
            if (in == null) throw new IllegalStateException("missing font " + FONT);
            font = PDType0Font.load(doc, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Rapor");
        doc.getDocumentCatalog().setLanguage(language);
        newPage();
    }

    private static float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void newPage() {
        try {
            if (content != null) content.close();
            page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Room for {@code height} more points on this page, else a new one. */
    private void room(float height) {
        if (y - height < MARGIN + 14) newPage();
    }

    public void title(String text) {
        lines(text, 17, true, 0, width());
        y -= 4;
    }

    public void heading(String text) {
        y -= 8;
        room(13 * LEADING * 3); // a heading never ends a page alone
        lines(text, 12.5f, true, 0, width());
        y -= 2;
    }

    public void text(String text) {
        lines(text, BODY, false, 0, width());
    }

    /** A line indented as a list item. */
    public void item(String text) {
        lines("• " + text, BODY, false, 10, width() - 10);
    }

    private void lines(String text, float size, boolean bold, float indent, float width) {
        for (String line : wrap(safe(text), size, width)) {
            room(size * LEADING);
            y -= size * LEADING;
            write(line, MARGIN + indent, y, size, bold);
        }
    }

    /**
     * A table: {@code widths} are fractions of the page's width; {@code right} marks the columns of
     * numbers, aligned right. Cells wrap; a row moves whole to the next page, under the header again.
     */
    public void table(float[] widths, boolean[] right, List<String> header, List<List<String>> rows) {
        y -= 4;
        row(widths, right, header, true);
        for (List<String> r : rows) {
            if (rowHeight(widths, r) > y - MARGIN - 14) {
                newPage();
                row(widths, right, header, true);
            }
            row(widths, right, r, false);
        }
        y -= 4;
    }

    private float rowHeight(float[] widths, List<String> cells) {
        int most = 1;
        for (int c = 0; c < cells.size(); c++) most = Math.max(most, wrap(safe(cells.get(c)), SMALL, widths[c] * width() - 4).size());
        return most * SMALL * LEADING + 3;
    }

    private void row(float[] widths, boolean[] right, List<String> cells, boolean header) {
        float height = rowHeight(widths, cells);
        room(height);
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            float w = widths[c] * width();
            float at = y;
            for (String line : wrap(safe(cells.get(c)), SMALL, w - 4)) {
                at -= SMALL * LEADING;
                float lx = right[c] ? x + w - 2 - measure(line, SMALL) : x + 2;
                write(line, lx, at, SMALL, header);
            }
            x += w;
        }
        y -= height;
        try {
            content.setLineWidth(header ? 0.8f : 0.25f);
            content.setStrokingColor(header ? 0.2f : 0.7f);
            content.moveTo(MARGIN, y + 1);
            content.lineTo(MARGIN + width(), y + 1);
            content.stroke();
            content.setStrokingColor(0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image (a chart) {@code width} points wide, its proportions kept. */
    public void image(BufferedImage image, float width) {
        float w = Math.min(width, width());
        float h = w * image.getHeight() / image.getWidth();
        room(h + 6);
        try {
            PDImageXObject x = LosslessFactory.createFromImage(doc, image);
            y -= h + 4;
            content.drawImage(x, MARGIN, y, w, h);
            y -= 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every page numbered "n / total" at its foot, and the document as bytes. */
    public byte[] finish(String footer) {
        try {
            content.close();
            content = null;
            int total = doc.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String left = safe(footer);
                    String right = (i + 1) + " / " + total;
                    writeOn(foot, left, MARGIN, MARGIN - 20, 7.5f, false);
                    writeOn(foot, right, MARGIN + width() - measure(right, 7.5f), MARGIN - 20, 7.5f, false);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) content.close();
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, float x, float at, float size, boolean bold) {
        writeOn(content, text, x, at, size, bold);
    }

    private void writeOn(PDPageContentStream cs, String text, float x, float at, float size, boolean bold) {
        if (text.isEmpty()) return;
        try {
            cs.beginText();
            cs.setFont(font, size);
            if (bold) {
                cs.setRenderingMode(RenderingMode.FILL_STROKE);
                cs.setLineWidth(size / 30);
            } else {
                cs.setRenderingMode(RenderingMode.FILL);
            }
            cs.newLineAtOffset(x, at);
            cs.showText(text);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float measure(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of at most {@code width} points, broken at spaces (a word too long for a line, anywhere). */
    private List<String> wrap(String text, float size, float width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (measure(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) out.add(line.toString());
                line.setLength(0);
                while (measure(word, size) > width && word.length() > 1) {
                    int cut = word.length() - 1;
                    while (cut > 1 && measure(word.substring(0, cut), size) > width) cut--;
                    out.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The text with what the font cannot show replaced: "?" for a missing glyph, a space for a control character. */
    private String safe(String text) {
        if (text == null) return "";
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') s.append('\n');
            else if (Character.isISOControl(cp)) s.append(' ');
            else s.appendCodePoint(glyphs.computeIfAbsent(cp, this::shows) ? cp : '?');
        });
        return s.toString();
    }

    private boolean shows(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
