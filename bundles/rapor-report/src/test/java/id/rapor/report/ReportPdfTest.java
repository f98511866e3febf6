package id.rapor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.text.Language;
import id.rapor.report.card.CardPdf;
import id.rapor.report.region.RegionPdf;
import id.rapor.report.text.Words;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDFs read back with PDFBox's own text extraction: the figures as the regulation prints them, in each language. */
class ReportPdfTest {

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void cardInIndonesianByDefault() throws IOException {
        String t = text(CardPdf.write(Examples.card(), new Words(Language.DEFAULT)));
        assertTrue(t.contains("Rapor Dinas Kependudukan dan Pencatatan Sipil"), t);
        assertTrue(t.contains("Indeks 2,97: C (Cukup)"), t);
        assertTrue(t.contains("pekppp-2022 versi 2022.1.0"), t);
        assertTrue(t.contains("Kebijakan Pelayanan"), t);
        assertTrue(t.contains("Standar Pelayanan"), t); // an indicator with its answer and weight
        assertTrue(t.contains("Untuk mencapai B- (Baik dengan Catatan)"), t);
        assertTrue(t.contains("+0,06"), t);
        assertTrue(t.contains("Selisih mandiri − evaluator: +0,07"), t);
        // The Bontang case: a change across methods says so rather than passing for performance.
        assertTrue(t.contains("+0,27 (+10,00%)"), t);
        assertTrue(t.contains("metodologi berubah: pekppp-2017 versi 2017.1.0 →"), t);
        assertTrue(t.contains("Kebijakan Pelayanan 20 3,10 0,62"), t); // as printed: 3,10, not 3,1
    }

    @Test
    void cardInEnglish() throws IOException {
        String t = text(CardPdf.write(Examples.card(), new Words(Language.ENGLISH)));
        assertTrue(t.contains("Index 2.97: C (Cukup)"), t);
        assertTrue(t.contains("To reach B- (Baik dengan Catatan)"), t);
        assertTrue(t.contains("methodology changed"), t);
        assertFalse(t.contains("2,97"), t);
    }

    @Test
    void fontEmbeddedAndChartDrawn() throws IOException {
        try (PDDocument doc = Loader.loadPDF(CardPdf.write(Examples.card(), new Words(Language.DEFAULT)))) {
            PDPage first = doc.getPage(0);
            assertEquals(595, Math.round(first.getMediaBox().getWidth()));
            int images = 0;
            for (COSName name : first.getResources().getXObjectNames()) if (first.getResources().isImageXObject(name)) images++;
            assertEquals(1, images, "the aspects' chart");
            for (COSName name : first.getResources().getFontNames()) {
                PDFont f = first.getResources().getFont(name);
                assertTrue(f.isEmbedded(), f.getName());
            }
        }
    }

    @Test
    void emptyCardSaysSo() throws IOException {
        String t = text(CardPdf.write(Examples.emptyCard(), new Words(Language.ENGLISH)));
        assertTrue(t.contains("No official score (a final assessment) for pekppp 2024 yet."), t);
        assertTrue(t.contains("none is final"), t);
    }

    @Test
    void regionReport() throws IOException {
        String t = text(RegionPdf.write(Examples.round(), new Words(Language.ENGLISH)));
        assertTrue(t.contains("Region report: Kabupaten Banjarnegara"), t);
        assertTrue(t.contains("Region index: 95.23 A (Kualitas Tertinggi), the mean of 2 of 3 units"), t);
        assertTrue(t.contains("Previous round (2023): 93.16 A (Kualitas Tertinggi); change +2.07 (+2.22%)"), t);
        assertTrue(t.contains("Dinas Sosial Banjarnegara (bnr-dinsos)"), t); // not entered
        assertTrue(t.contains("At or below C (Kualitas Sedang) (Prioritas Pembinaan)"), t);
        assertTrue(t.contains("DPMPTSP Banjarnegara"), t);
        String id = text(RegionPdf.write(Examples.round(), new Words(Language.DEFAULT)));
        assertTrue(id.contains("Indeks wilayah: 95,23 A"), id);
        assertTrue(id.contains("+2,07 (+2,22%)"), id);
    }

    @Test
    void emptyRoundSaysSoWithoutDividing() throws IOException {
        String t = text(RegionPdf.write(Examples.emptyRound(), new Words(Language.ENGLISH)));
        assertTrue(t.contains("No unit has an official score (a final assessment) in round ombudsman 2025 yet."), t);
    }
}
