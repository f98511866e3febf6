package id.rapor.exchange.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class SheetReaderTest {
    static final SheetReader READER = new SheetReader(100, 1 << 20);

    @Test
    void aCsvFileKeepsTheRowNumbersASpreadsheetShows() {
        Sheet s = READER.read("\uFEFFunit;i01\n\n# a note\nupp-a1;2,5\n\"upp;b\";3\n".getBytes(StandardCharsets.UTF_8), SheetFormat.CSV);
        assertEquals(List.of("unit", "i01"), s.header());
        assertEquals(4, s.rows().get(0).number());
        assertEquals("2,5", s.rows().get(0).cell(1));
        assertEquals(new BigDecimal("2.5"), CsvDialect.number(s.rows().get(0).cell(1)));
        assertEquals("upp;b", s.rows().get(1).cell(0));
        assertEquals("", s.rows().get(1).cell(7), "past the row's end, a cell is empty");
    }

    @Test
    void aWorkbookWrittenIsReadBackNumbersAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.write(out, SheetFormat.XLSX, "kab-a/pekppp:2024", List.of("unit", "i01", "index"),
                List.of(Arrays.asList("upp-a1", new BigDecimal("3"), new BigDecimal("2.97")), Arrays.asList("upp-b1", null, null)));
        Sheet s = READER.read(out.toByteArray(), SheetFormat.XLSX);
        assertEquals(List.of("unit", "i01", "index"), s.header());
        assertEquals(List.of("upp-a1", "3", "2.97"), s.rows().get(0).cells());
        assertEquals(2, s.rows().get(0).number());
        assertEquals(3, s.rows().get(1).number());
        assertEquals("upp-b1", s.rows().get(1).cell(0));
    }

    @Test
    void aCsvWrittenIsReadBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.write(out, SheetFormat.CSV, "x", List.of("unit", "comment", "i01"),
                List.of(Arrays.asList("upp-a1", "a, b \"c\"", new BigDecimal("2.5"))));
        Sheet s = READER.read(out.toByteArray(), SheetFormat.CSV);
        assertEquals(List.of("upp-a1", "a, b \"c\"", "2.5"), s.rows().get(0).cells());
    }

    @Test
    void aZipThatUnpacksBeyondTheLimitIsRefusedBeforeItIsRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int k = 0; k < 4; k++) zip.write(zeros); // 4 MiB of zeros: a few KiB zipped
            zip.closeEntry();
        }
        SheetException e = assertThrows(SheetException.class, () -> READER.read(out.toByteArray(), SheetFormat.XLSX));
        assertEquals("unpacked-too-large", e.reason());
        assertEquals(List.of(1 << 20), List.of(((Number) e.args().get(0)).intValue()));
    }

    @Test
    void whatIsNoSheetIsSaidSo() {
        assertEquals("not-a-workbook", assertThrows(SheetException.class,
                () -> READER.read("unit,i01\n".getBytes(StandardCharsets.UTF_8), SheetFormat.XLSX)).reason());
        assertEquals("empty", assertThrows(SheetException.class, () -> READER.read(new byte[0], SheetFormat.CSV)).reason());
        assertEquals("not-utf8", assertThrows(SheetException.class,
                () -> READER.read(new byte[] {'u', ',', (byte) 0xff, '\n'}, SheetFormat.CSV)).reason());
        assertEquals("unreadable", assertThrows(SheetException.class,
                () -> READER.read("unit,i01\n\"upp-a1,3\n".getBytes(StandardCharsets.UTF_8), SheetFormat.CSV)).reason());
        StringBuilder many = new StringBuilder("unit\n");
        for (int k = 0; k < 101; k++) many.append("u").append(k).append('\n');
        assertEquals("too-many-rows", assertThrows(SheetException.class,
                () -> READER.read(many.toString().getBytes(StandardCharsets.UTF_8), SheetFormat.CSV)).reason());
    }
}
