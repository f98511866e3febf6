package id.rapor.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

public class CsvTest {

    @Test
    void readsQuotedCellsCommentsAndKeepsLineNumbers() throws Exception {
        Csv.Table t = Csv.parse("t.csv", "\uFEFF# a comment\nid,name\n\n1,\"with, comma\"\r\n2,\"say \"\"hi\"\"\"\n  3 , padded \n");
        assertEquals(List.of("id", "name"), t.header());
        assertEquals(3, t.rows().size());
        assertEquals(new Csv.Row(4, List.of("1", "with, comma")), t.rows().get(0));
        assertEquals("say \"hi\"", t.rows().get(1).cell(1));
        assertEquals(5, t.rows().get(1).line());
        assertEquals(List.of("3", "padded"), t.rows().get(2).cells());
        assertEquals("", t.rows().get(2).cell(7));
    }

    @Test
    void aQuotedCellMaySpanLines() throws Exception {
        Csv.Table t = Csv.parse("t.csv", "a,b\n\"two\nlines\",x\ny,z\n");
        assertEquals("two\nlines", t.rows().get(0).cell(0));
        assertEquals(2, t.rows().get(0).line());
        assertEquals(4, t.rows().get(1).line());
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        RuleFileException e = assertThrows(RuleFileException.class, () -> Csv.parse("t.csv", "a,b\n1,2\n3,\"open\n"));
        assertEquals("t.csv", e.error().file());
        assertEquals(3, e.error().line());
    }

    @Test
    void anEmptyTableIsAnError() {
        assertThrows(RuleFileException.class, () -> Csv.parse("t.csv", "# only a comment\n\n"));
    }
}
