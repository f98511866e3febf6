package id.rapor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaporCliTest {

    @Test
    void aWrongCommandLineIsExit2WithTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, RaporCli.run(new String[] {"score", "pekppp-2022"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), null));
        assertTrue(err.toString().contains("score takes 2 argument(s), got 1"), err.toString());
        assertTrue(err.toString().contains("usage: rapor-cli"));
        assertEquals(2, RaporCli.run(new String[] {"--colour", "methodologies"}, System.out, new PrintStream(new ByteArrayOutputStream()), null));
    }

    @Test
    void aMethodologyIsNamedByIdOrByFamilyAndYear() {
        assertEquals(new RaporCli.Target("pekppp-2022", null, 0), RaporCli.Target.of("pekppp-2022"));
        assertEquals(new RaporCli.Target(null, "ombudsman", 2023), RaporCli.Target.of("ombudsman:2023"));
        assertThrows(IllegalArgumentException.class, () -> RaporCli.Target.of("ombudsman:dua"));
    }

    @Test
    void unitsAreReadFromCsvWithQuotedNamesAndBlankCells(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("units.csv");
        java.nio.file.Files.writeString(csv, "unit,i01,i02\n\"Dinas A, Kota B\",3,4.5\nDinas C,,2\n");
        var units = Files.units(csv.toString());
        assertEquals("Dinas A, Kota B", units.get(0).unit());
        assertEquals(new BigDecimal("4.5"), units.get(0).answers().get("i02"));
        assertEquals(1, units.get(1).answers().size(), "a blank cell is no answer");
        java.nio.file.Files.writeString(csv, "unit,i01\nDinas A,tiga\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Files.units(csv.toString()));
        assertTrue(e.getMessage().contains("line 2, column i01: 'tiga' is not a number"), e.getMessage());
        assertArrayEquals(new String[] {"a", "say \"hi\"", ""}, Files.cells("a,\"say \"\"hi\"\"\","));
    }
}
