package id.rapor.http.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.rapor.api.records.Unit;
import id.rapor.http.json.HttpProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitsCsvTest {
    private static List<Unit> read(String csv) throws Exception {
        return new UnitsCsv().read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHeaderLongerThanTheLookAheadIsRefusedByNameInsteadOfEndingTheRequest() {
        // Before: readLine() past mark(8192) made reset() throw, and the request ended without an answer.
        String header = "id,name,kind,parent," + "x".repeat(UnitsCsv.HEADER_MAX_CHARS);
        HttpProblem p = assertThrows(HttpProblem.class, () -> read(header + "\nkota,Kota,region,\n"));
        assertEquals(400, p.status());
        assertEquals("header", p.errors().get(0).field());
    }

    @Test
    void aHeaderJustUnderTheLimitIsRead() throws Exception {
        String header = "id;name;kind;parent;" + "x".repeat(UnitsCsv.HEADER_MAX_CHARS - 21);
        List<Unit> units = read(header + "\nkota;Kota Contoh;region;;\n");
        assertEquals("kota", units.get(0).id());
    }

    @Test
    void aSemicolonHeaderChoosesTheSemicolonAndCrLfEndsTheHeader() throws Exception {
        List<Unit> units = read("id;name;kind;parent\r\nkota;Kota, Contoh;region;\r\n");
        assertEquals("Kota, Contoh", units.get(0).name());
    }

    @Test
    void anEmptyBodyIsAnEmptyCsv() {
        HttpProblem p = assertThrows(HttpProblem.class, () -> read(""));
        assertEquals(400, p.status());
    }
}
