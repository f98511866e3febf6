package id.rapor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.rapor.client.Types;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitsCsvTest {

    private static List<Types.Assessment> parse(String... lines) {
        return UnitsCsv.parse("units.csv", List.of(lines));
    }

    private static String refusal(String... lines) {
        return assertThrows(InputException.class, () -> parse(lines)).getMessage();
    }

    @Test
    void aRowPerUnitWithExactAnswers() {
        List<Types.Assessment> units = parse("unit,i01,i02", "Dinas A,3,4.50", "Dinas B, 2 ,0");
        assertEquals(2, units.size());
        assertEquals("Dinas A", units.get(0).unit());
        assertEquals(Map.of("i01", new BigDecimal("3"), "i02", new BigDecimal("4.50")), units.get(0).answers());
        assertEquals("4.50", units.get(0).answers().get("i02").toPlainString(), "the answer as written");
        assertEquals(new BigDecimal("2"), units.get(1).answers().get("i01"), "cells are trimmed");
        assertNull(units.get(0).respondents());
    }

    @Test
    void quotedNamesBlankCellsCommentsAndAByteOrderMark() {
        List<Types.Assessment> units = parse("\uFEFFunit,i01,i02", "# Kabupaten Contoh, 2024", "", "\"Dinas A, Kota B\",3,",
                "\"Dinas \"\"C\"\"\",,2", "Dinas D,1");
        assertEquals(List.of("Dinas A, Kota B", "Dinas \"C\"", "Dinas D"), units.stream().map(Types.Assessment::unit).toList());
        assertEquals(Map.of("i01", new BigDecimal("3")), units.get(0).answers(), "a blank cell is no answer, never zero");
        assertEquals(Map.of("i02", new BigDecimal("2")), units.get(1).answers());
        assertEquals(Map.of("i01", new BigDecimal("1")), units.get(2).answers(), "a short row leaves the rest unanswered");
    }

    @Test
    void mistakesNameTheLineAndColumn() {
        assertEquals("units.csv line 3, column i02: 'tiga' is not a number", refusal("unit,i01,i02", "Dinas A,3,4", "Dinas B,3,tiga"));
        assertEquals("units.csv line 2: 4 cells, but the header has 3", refusal("unit,i01,i02", "Dinas A,3,4,5"));
        assertEquals("units.csv line 2: no unit name", refusal("unit,i01", ",3"));
        assertEquals("units.csv line 2: a quote is not closed", refusal("unit,i01", "\"Dinas A,3"));
        assertEquals("units.csv: the first column must be 'unit', not 'nama'", refusal("nama,i01", "Dinas A,3"));
        assertEquals("units.csv: the header names i01 twice", refusal("unit,i01,i01", "Dinas A,3,3"));
        assertEquals("units.csv: the header has one column; rapor-cli reads commas, not semicolons", refusal("unit;i01", "Dinas A;3"));
        assertEquals("units.csv is empty; expected a header unit,<indicator id>,…", refusal("", "# nothing"));
        assertEquals("units.csv has a header but no units", refusal("unit,i01"));
    }

    @Test
    void readsAFileAndSaysWhenItIsMissing(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("units.csv"), "unit,i01\r\nDinas A,3\r\n");
        assertEquals(new BigDecimal("3"), UnitsCsv.read(csv).get(0).answers().get("i01"));
        assertEquals("no such file: " + dir.resolve("nope.csv"),
                assertThrows(InputException.class, () -> UnitsCsv.read(dir.resolve("nope.csv"))).getMessage());
    }
}
