package id.rapor.exchange.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.text.Language;
import id.rapor.exchange.sheet.Sheet;
import id.rapor.exchange.sheet.SheetException;
import id.rapor.exchange.sheet.SheetReader;
import id.rapor.exchange.sheet.SheetWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodologyTablesTest {
    private static final String BANDS = """
            # Grade bands [C]
            code,label,min,max
            A,Pelayanan Prima,4.51,5.00
            B,"Baik, sekali",2.51,4.50
            # the last one
            C,Cukup,0.00,2.50
            """;
    private static final String ASPECTS = "id,name,weight\nk,Kebijakan,60\ns,SDM,40\n";
    private static final Map<String, String> FILES = Map.of(
            "methodology/bands.csv", BANDS,
            "methodology/aspects.csv", ASPECTS,
            "methodology/methodology.properties", "id=x\n",
            "rules/index.drl", "rule \"x\" when then end\n");
    private static final SheetReader READER = new SheetReader(100, 1 << 20);

    private static byte[] workbook(List<SheetWriter.Table> sheets) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.workbook(out, sheets);
        return out.toByteArray();
    }

    private static List<List<Object>> rows(String[]... rows) {
        List<List<Object>> list = new ArrayList<>();
        for (String[] r : rows) list.add(List.of((Object[]) r));
        return list;
    }

    @Test
    void onlyTheTablesAreTablesInReadingOrderEachRowWithItsLine() {
        List<MethodologyTable> tables = MethodologyTables.of(FILES);
        assertEquals(List.of("aspects", "bands"), tables.stream().map(MethodologyTable::name).toList());
        MethodologyTable bands = tables.get(1);
        assertEquals(List.of("code", "label", "min", "max"), bands.header());
        assertEquals(List.of(3, 4, 6), bands.rows().stream().map(Sheet.Row::number).toList());
        assertEquals("Baik, sekali", bands.rows().get(1).cell(1));
        assertEquals(2, bands.rowAtLine(6));
    }

    @Test
    void aDownloadedWorkbookUploadedAsItIsChangesNothing() throws Exception {
        List<MethodologyTable> tables = MethodologyTables.of(FILES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MethodologyTables.workbook(out, tables);
        Map<String, Sheet> sheets = READER.readWorkbook(out.toByteArray());
        assertEquals(List.of("aspects", "bands"), List.copyOf(sheets.keySet()));
        assertEquals("2.5", sheets.get("bands").rows().get(2).cell(3), "5.00 is a number in the workbook, shown as Excel shows it");
        assertEquals(Map.of(), MethodologyTables.changedFiles(tables, sheets));
    }

    @Test
    void aChangedCellChangesItsRowAloneCommentsAndNumbersKeptAsWritten() throws Exception {
        List<MethodologyTable> tables = MethodologyTables.of(FILES);
        byte[] edited = workbook(List.of(new SheetWriter.Table("bands", List.of("code", "label", "min", "max"), rows(
                new String[] {"A", "Pelayanan Prima", "4.51", "5"},
                new String[] {"B", "Baik, sekali", "2.98", "4.5"},
                new String[] {"C", "Cukup", "0", "2.97"}))));
        Map<String, String> changed = MethodologyTables.changedFiles(tables, READER.readWorkbook(edited));
        assertEquals(Map.of("methodology/bands.csv", """
                # Grade bands [C]
                code,label,min,max
                A,Pelayanan Prima,4.51,5.00
                B,"Baik, sekali",2.98,4.50
                # the last one
                C,Cukup,0.00,2.97
                """), changed);
    }

    @Test
    void columnsMayComeInAnyOrderRowsMayBeAddedAndRemoved() throws Exception {
        List<MethodologyTable> tables = MethodologyTables.of(FILES);
        Map<String, Sheet> edited = new LinkedHashMap<>();
        edited.put("aspects", new Sheet(List.of("weight", "id", "name"), List.of(
                new Sheet.Row(2, List.of("50", "k", "Kebijakan")),
                new Sheet.Row(3, List.of("30", "s", "SDM")),
                new Sheet.Row(4, List.of("20", "p", "Pengaduan, \"umum\"")))));
        assertEquals(Map.of("methodology/aspects.csv", "id,name,weight\nk,Kebijakan,50\ns,SDM,30\np,\"Pengaduan, \"\"umum\"\"\",20\n"),
                MethodologyTables.changedFiles(tables, edited));
        edited.put("aspects", new Sheet(List.of("id", "name", "weight"), List.of(new Sheet.Row(2, List.of("k", "Kebijakan", "100")))));
        assertEquals(Map.of("methodology/aspects.csv", "id,name,weight\nk,Kebijakan,100\n"), MethodologyTables.changedFiles(tables, edited));
    }

    @Test
    void ruleTextUnknownSheetsAndWrongColumnsAreRefusedCellByCell() throws Exception {
        List<MethodologyTable> tables = MethodologyTables.of(FILES);
        byte[] edited = workbook(List.of(
                new SheetWriter.Table("rules", List.of("text"), rows(new String[] {"rule \"evil\" when then end"})),
                new SheetWriter.Table("bands", List.of("code", "label", "minimum", "max"), rows(
                        new String[] {"A", "Pelayanan Prima", "4.51", "5", "extra"}))));
        TablesRefusedException e = assertThrows(TablesRefusedException.class,
                () -> MethodologyTables.changedFiles(tables, READER.readWorkbook(edited)));
        List<String> said = e.problems().stream().map(p -> p.table() + "|" + p.row() + "|" + p.column() + "|"
                + Language.ENGLISH.text(p.message())).toList();
        assertEquals(List.of(
                "rules|0|null|'rules' is not a table of this methodology; its tables are aspects, bands",
                "bands|1|minimum|'minimum' is not a column of this table; its columns are code, label, min, max",
                "bands|1|min|no column 'min'",
                "bands|2|null|a cell in column 5, which has no name in the header"), said);
    }

    @Test
    void aWorkbookOverTheLimitsIsRefusedBeforeItIsRead() throws Exception {
        String[][] many = new String[101][];
        for (int k = 0; k < many.length; k++) many[k] = new String[] {"x" + k};
        byte[] big = workbook(List.of(new SheetWriter.Table("bands", List.of("code"), rows(many))));
        assertEquals("too-many-rows", assertThrows(SheetException.class, () -> READER.readWorkbook(big)).reason());
        assertEquals("not-a-workbook", assertThrows(SheetException.class, () -> READER.readWorkbook("code,label\n".getBytes())).reason());
        assertTrue(new SheetReader(100, 100_000).readWorkbook(workbook(List.of(new SheetWriter.Table("a", List.of("h"), rows())))).containsKey("a"));
    }
}
