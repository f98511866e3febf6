package id.rapor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.text.Language;
import id.rapor.report.card.CardWorkbook;
import id.rapor.report.region.RegionWorkbook;
import id.rapor.report.text.Words;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The workbooks read back with fastexcel-reader: numbers are numbers, each part its worksheet. */
class ReportWorkbookTest {

    private static Map<String, List<Row>> read(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, List<Row>> sheets = new java.util.LinkedHashMap<>();
            for (Sheet s : wb.getSheets().toList()) sheets.put(s.getName(), s.read());
            return sheets;
        }
    }

    private static Row find(List<Row> rows, String first) {
        return rows.stream().skip(1).filter(r -> first.equals(r.getCellText(0))).findFirst().orElseThrow(() -> new AssertionError(first));
    }

    @Test
    void card() throws IOException {
        Map<String, List<Row>> wb = read(CardWorkbook.write(Examples.card(), new Words(Language.DEFAULT)));
        assertEquals(List.of("Ringkasan", "Aspek", "Indikator", "Saran"), List.copyOf(wb.keySet()));
        List<Row> summary = wb.get("Ringkasan");
        assertEquals(new BigDecimal("2.97"), find(summary, "Indeks").getCellAsNumber(1).orElseThrow());
        assertEquals("C", find(summary, "Kategori").getCellText(1));
        assertEquals("pekppp-2022", find(summary, "methodology").getCellText(1));
        assertEquals(new BigDecimal("0.27"), find(summary, "change.points").getCellAsNumber(1).orElseThrow());
        assertEquals("true", find(summary, "change.methodologyChanged").getCellText(1));
        Row i01 = find(wb.get("Indikator"), "i01");
        assertEquals(new BigDecimal("3"), i01.getCellAsNumber(4).orElseThrow());
        assertEquals(new BigDecimal("30"), i01.getCellAsNumber(5).orElseThrow());
        assertTrue(wb.get("Saran").get(1).getCellText(5).startsWith("1.1 Standar Pelayanan: 3 → 4"), wb.get("Saran").get(1).getCellText(5));
    }

    @Test
    void region() throws IOException {
        Map<String, List<Row>> wb = read(RegionWorkbook.write(Examples.round(), new Words(Language.ENGLISH)));
        assertEquals(new BigDecimal("95.23"), find(wb.get("Summary"), "Index").getCellAsNumber(1).orElseThrow());
        assertEquals(new BigDecimal("2.22"), find(wb.get("Summary"), "change.percent").getCellAsNumber(1).orElseThrow());
        Row first = wb.get("Units").get(1);
        assertEquals(new BigDecimal("1"), first.getCellAsNumber(0).orElseThrow());
        assertEquals("bnr-dpmptsp", first.getCellText(1));
        assertEquals(new BigDecimal("96.00"), first.getCellAsNumber(5).orElseThrow());
        assertEquals("not-entered", wb.get("Units").get(3).getCellText(4));
        assertEquals(new BigDecimal("2"), find(wb.get("Bands"), "A").getCellAsNumber(2).orElseThrow());
        assertEquals("bnr-dinsos", find(wb.get("Lists"), "Not entered").getCellText(1));
    }

    @Test
    void emptyRound() throws IOException {
        Map<String, List<Row>> wb = read(RegionWorkbook.write(Examples.emptyRound(), new Words(Language.ENGLISH)));
        assertTrue(find(wb.get("Summary"), "Item").getCellText(1).startsWith("No unit has an official score"));
    }
}
