package id.rapor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.rapor.client.Types;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitsCsvTest {
    /** PEKPPP-like: scored on a unit's answers; a.K is printed for two indicators. */
    static final Types.Questionnaire PEKPPP = questionnaire("pekppp-2022", "answers", "i01", "a.Ak", "i02", "a.K", "i03", "a.K", "i07", "a.T");
    /** Ombudsman 2022: four dimensions, printed D1…D4. */
    static final Types.Questionnaire OMBUDSMAN = questionnaire("ombudsman-2022", "answers", "input", "D1", "proses", "D2", "output", "D3", "pengaduan", "D4");
    /** SKM: scored on respondents, elements printed U1… */
    static final Types.Questionnaire SKM = questionnaire("skm-2017", "respondents", "u1", "U1", "u2", "U2", "u3", "U3");

    static Types.Questionnaire questionnaire(String id, String input, String... idAndCode) {
        List<Types.Indicator> indicators = new ArrayList<>();
        for (int k = 0; k < idAndCode.length; k += 2) {
            indicators.add(new Types.Indicator(idAndCode[k], idAndCode[k + 1], "q", BigDecimal.ONE, true, null, List.of()));
        }
        List<Types.Band> bands = List.of(new Types.Band("A", "Baik", new BigDecimal("3"), new BigDecimal("5"), null),
                new Types.Band("Kuning", "Sedang", new BigDecimal("1"), new BigDecimal("2.99"), "Kuning"),
                new Types.Band("C-", "Cukup dengan Catatan", BigDecimal.ZERO, new BigDecimal("0.99"), null));
        return new Types.Questionnaire(id, "t", "r", 2022, "f", null, "1", input, "mean", Map.of(), null,
                List.of(new Types.Aspect("a", "A", new BigDecimal("100"), indicators)), bands, List.of());
    }

    private static UnitsFile parse(Types.Questionnaire q, String... lines) {
        return UnitsCsv.parse(CsvFile.parse("units.csv", String.join("\n", lines)), q);
    }

    private static String refusal(Types.Questionnaire q, String... lines) {
        return assertThrows(InputException.class, () -> parse(q, lines)).getMessage();
    }

    @Test
    void aRowPerUnitWithExactAnswers() {
        List<Types.Assessment> units = parse(PEKPPP, "unit,i01,i02", "Dinas A,3,4.50", "Dinas B, 2 ,0").units();
        assertEquals(2, units.size());
        assertEquals("Dinas A", units.get(0).unit());
        assertEquals(Map.of("i01", new BigDecimal("3"), "i02", new BigDecimal("4.50")), units.get(0).answers());
        assertEquals("4.50", units.get(0).answers().get("i02").toPlainString(), "the answer as written");
        assertEquals(new BigDecimal("2"), units.get(1).answers().get("i01"), "cells are trimmed");
        assertNull(units.get(0).respondents());
    }

    @Test
    void quotedNamesBlankCellsCommentsAndAByteOrderMark() {
        UnitsFile file = parse(PEKPPP, "\uFEFFunit,i01,i02", "# Kabupaten Contoh, 2024", "", "\"Dinas A, Kota B\",3,",
                "\"Dinas \"\"C\"\"\",,2", "Dinas D,1");
        List<Types.Assessment> units = file.units();
        assertEquals(List.of("Dinas A, Kota B", "Dinas \"C\"", "Dinas D"), units.stream().map(Types.Assessment::unit).toList());
        assertEquals(Map.of("i01", new BigDecimal("3")), units.get(0).answers(), "a blank cell is no answer, never zero");
        assertEquals(Map.of("i02", new BigDecimal("2")), units.get(1).answers());
        assertEquals(Map.of("i01", new BigDecimal("1")), units.get(2).answers(), "a short row leaves the rest unanswered");
        assertEquals(List.of(List.of(4), List.of(5), List.of(6)), file.rows(), "rows numbered as the spreadsheet shows them");
    }

    @Test
    void semicolonsAndDecimalCommasAsIndonesianSpreadsheetsSaveThem() {
        UnitsFile file = parse(OMBUDSMAN, "unit;D1;D2;D3;D4", "Dinas A; 90 ;85,5;80;70", "\"Dinas B; Kota\";50;40;60,25;30");
        assertEquals(';', file.csv().convention().delimiter());
        assertEquals(Map.of("input", new BigDecimal("90"), "proses", new BigDecimal("85.5"), "output", new BigDecimal("80"),
                "pengaduan", new BigDecimal("70")), file.units().get(0).answers(), "printed codes name the indicators");
        assertEquals("Dinas B; Kota", file.units().get(1).unit());
        assertEquals(new BigDecimal("60.25"), file.units().get(1).answers().get("output"));
        assertEquals("60,25", file.csv().convention().format(new BigDecimal("60.25")), "written back as it was read");
        assertEquals(new BigDecimal("4.5"), parse(PEKPPP, "unit,i01", "Dinas A,\"4,5\"").units().get(0).answers().get("i01"),
                "a quoted decimal comma in a comma file");
        assertEquals(Map.of("input", new BigDecimal("1")), parse(OMBUDSMAN, "Unit\td1", "Dinas A\t1").units().get(0).answers(),
                "tabs; codes and 'unit' in any case");
    }

    @Test
    void aSurveysRowsAreRespondentsGroupedByUnitWhereverTheyStand() {
        UnitsFile file = parse(SKM, "unit,u1,U2,u3", "Puskesmas A,4,3,3", "Puskesmas B,2,2,2", "Puskesmas A,3,3,4", "Puskesmas B,1,2,3");
        assertEquals(List.of("Puskesmas A", "Puskesmas B"), file.units().stream().map(Types.Assessment::unit).toList());
        Types.Assessment a = file.units().get(0);
        assertNull(a.answers());
        assertEquals(List.of(Map.of("u1", new BigDecimal("4"), "u2", new BigDecimal("3"), "u3", new BigDecimal("3")),
                Map.of("u1", new BigDecimal("3"), "u2", new BigDecimal("3"), "u3", new BigDecimal("4"))), a.respondents());
        assertEquals(List.of(List.of(2, 4), List.of(3, 5)), file.rows());
        assertEquals("row 5, column U2: not an option", file.explain(1, new Types.FieldError("units[1].respondents[1].u2", "not an option")));
        assertEquals("rows 2, 4, respondents: too few", file.explain(0, new Types.FieldError("units[0].respondents", "too few")));
    }

    @Test
    void theServersFieldsBecomeRowsAndColumns() {
        UnitsFile file = parse(OMBUDSMAN, "unit;D1;D2;D3;D4", "# a comment", "Dinas A;90;85;80;70", "", "Dinas B;50;40;60;300");
        assertEquals("row 5, column D4: above the maximum", file.explain(1, new Types.FieldError("units[1].answers.pengaduan", "above the maximum")));
        assertEquals("row 3, column D1: missing", file.explain(0, new Types.FieldError("answers.input", "missing")));
        assertEquals(1, file.unitOf("Dinas B", List.of()));
        assertEquals(0, file.unitOf("?", List.of(new Types.FieldError("units[0].unit", "x"))));
    }

    @Test
    void mistakesNameTheRowAndColumn() {
        assertEquals("units.csv: row 3, column i02: 'tiga' is not a number", refusal(PEKPPP, "unit,i01,i02", "Dinas A,3,4", "Dinas B,3,tiga"));
        assertEquals("units.csv: row 2, column i01: '1.234,5' is not a number", refusal(PEKPPP, "unit,i01", "Dinas A,\"1.234,5\""));
        assertEquals("units.csv: row 2: 4 cells, but the header has 3", refusal(PEKPPP, "unit,i01,i02", "Dinas A,3,4,5"));
        assertEquals("units.csv: row 2: no unit name", refusal(PEKPPP, "unit,i01", ",3"));
        assertEquals("units.csv: the first column must be 'unit', not 'nama'", refusal(PEKPPP, "nama,i01", "Dinas A,3"));
        assertEquals("units.csv: columns i01 and a.Ak both name indicator i01", refusal(PEKPPP, "unit,i01,a.Ak", "Dinas A,3,3"));
        assertEquals("units.csv: column a.K: the code a.K is printed for i02 and i03 of pekppp-2022; name the column by the indicator's id",
                refusal(PEKPPP, "unit,a.K", "Dinas A,3"));
        assertEquals("units.csv: column D9 is neither an indicator id nor a printed code of ombudsman-2022 (see: rapor-cli questionnaire ombudsman-2022)",
                refusal(OMBUDSMAN, "unit;D9", "Dinas A;3"));
        assertEquals("units.csv is empty; expected a header line and a row per unit", refusal(PEKPPP, "", "# nothing"));
        assertEquals("units.csv has a header but no units", refusal(PEKPPP, "unit,i01"));
        assertEquals("units.csv has a header but no respondents", refusal(SKM, "unit,u1"));
        String open = refusal(PEKPPP, "unit,i01", "\"Dinas A,3");
        assertEquals(true, open.startsWith("units.csv: ") && open.contains("line 2"), open);
    }

    @Test
    void aTrailingEmptyCellIsNoExtraColumn() {
        assertEquals(1, parse(PEKPPP, "unit;i01", "Dinas A;3;;").units().size());
    }

    @Test
    void bandsInAnyCase() {
        assertEquals("Kuning", Batch.bandCode(PEKPPP, "kuning"));
        assertEquals("C-", Batch.bandCode(PEKPPP, "c-"));
        assertEquals("--at-or-below Z: pekppp-2022 has no such band; its bands are A, Kuning, C-",
                assertThrows(InputException.class, () -> Batch.bandCode(PEKPPP, "Z")).getMessage());
    }

    @Test
    void readsAFileAndSaysWhenItIsMissing(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("units.csv"), "unit,i01\r\nDinas A,3\r\n");
        assertEquals(new BigDecimal("3"), UnitsCsv.read(csv, PEKPPP).units().get(0).answers().get("i01"));
        assertEquals("no such file: " + dir.resolve("nope.csv"),
                assertThrows(InputException.class, () -> UnitsCsv.read(dir.resolve("nope.csv"), PEKPPP)).getMessage());
    }
}
