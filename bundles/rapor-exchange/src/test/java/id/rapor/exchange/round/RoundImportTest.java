package id.rapor.exchange.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.rapor.api.FieldError;
import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.AnswerRange;
import id.rapor.api.model.Aspect;
import id.rapor.api.model.Band;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.Scale;
import id.rapor.api.model.Years;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.api.text.Language;
import id.rapor.exchange.sheet.CsvSheet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoundImportTest {
    /** i01–i07 answered 0–5, i08 a number from 0 to 100 with one decimal, i09 information only. */
    static final Methodology M = methodology();
    static final List<Unit> REGION = List.of(new Unit("kab-a", "Kabupaten A", UnitKind.REGION, null, true),
            new Unit("dinas-a", "Dinas A", UnitKind.OFFICE, "kab-a", true),
            new Unit("upp-a1", "UPP A1", UnitKind.SERVICE_UNIT, "dinas-a", true),
            new Unit("upp-old", "UPP lama", UnitKind.SERVICE_UNIT, "dinas-a", false));
    static final String HEADER = "unit,name,role,state,assessment,index,band,comment,i01,i02,i03,i04,i05,i06,i07,i08,i09";

    static Methodology methodology() {
        List<AnswerOption> fives = IntStream.rangeClosed(0, 5).mapToObj(v -> new AnswerOption(BigDecimal.valueOf(v), "level " + v)).toList();
        List<Indicator> indicators = new java.util.ArrayList<>();
        for (int k = 1; k <= 7; k++) indicators.add(new Indicator("i0" + k, "K" + k, "indicator " + k, "a", BigDecimal.TEN, fives, null));
        indicators.add(new Indicator("i08", "K8", "achievement", "a", BigDecimal.valueOf(30), List.of(),
                new AnswerRange(BigDecimal.ZERO, BigDecimal.valueOf(100), 1, "percent")));
        indicators.add(new Indicator("i09", "K9", "queueing", "a", BigDecimal.ZERO, fives, null));
        Aspect a = new Aspect("a", "Aspect", BigDecimal.valueOf(100), BigDecimal.valueOf(100), indicators);
        return new Methodology("test-2024", "Test", "none", "test", new Years(2024, null), "2024.1.0", new Scale(BigDecimal.ZERO,
                BigDecimal.valueOf(5), 2), List.of(a), List.of(new Band("A", "Baik", BigDecimal.ZERO, BigDecimal.valueOf(5), "green")),
                List.of(), "mean", InputKind.ANSWERS, Map.of());
    }

    static List<RoundRow> read(String... lines) throws RoundRefusedException {
        return new RoundImport(M, "kab-a", REGION).read(CsvSheet.parse(String.join("\n", lines), 1000).sheet());
    }

    /** Every error's message, in English (each names its row and column itself). */
    static List<String> errors(String... lines) {
        RoundRefusedException e = assertThrows(RoundRefusedException.class, () -> read(lines));
        return e.errors().stream().map(FieldError::message).toList();
    }

    @Test
    void anExportedRowImportsBackItsInformationalColumnsIgnored() throws Exception {
        List<RoundRow> rows = read(HEADER, "upp-a1,UPP A1,self,final,12,2.97,C,first try,3,3,3,3,3,3,3,80.5,",
                "dinas-a,Dinas A,,,,,,,,,,,,,,,"); // the form's empty row is no assessment
        assertEquals(1, rows.size());
        RoundRow r = rows.get(0);
        assertEquals(2, r.row());
        assertEquals("upp-a1", r.unitId());
        assertEquals(AssessmentRole.SELF, r.role());
        assertEquals("first try", r.comment());
        assertEquals(new BigDecimal("80.5"), r.answers().get("i08"));
        assertEquals(8, r.answers().size(), "the information-only indicator left empty is no answer");
    }

    @Test
    void semicolonsDecimalCommasAByteOrderMarkAndColumnsInAnyOrderAndCase() throws Exception {
        List<RoundRow> rows = read("\uFEFFI08;Unit;Role;i01;i02;i03;i04;i05;i06;i07", "80,5;upp-a1;Evaluator;1;2;3;4;5;0;1");
        assertEquals(new BigDecimal("80.5"), rows.get(0).answers().get("i08"));
        assertEquals(AssessmentRole.EVALUATOR, rows.get(0).role());
    }

    @Test
    void aValueThatIsNotAnOptionNamesRowAndColumnInEitherLanguage() {
        RoundRefusedException e = assertThrows(RoundRefusedException.class, () -> read(HEADER,
                "upp-a1,,self,,,,,,1,1,1,1,1,1,1,50,", "upp-a1,,evaluator,,,,,,1,1,1,1,1,1,6,50,"));
        FieldError error = e.errors().get(0);
        assertEquals("row 3, column i07", error.field());
        assertEquals("row 3, column i07: 6 is not an option (0–5)", Language.ENGLISH.text(error.text()));
        assertEquals("baris 3, kolom i07: 6 bukan pilihan (0–5)", Language.INDONESIAN.text(error.text()));
    }

    @Test
    void everyWrongCellIsReportedNotOnlyTheFirst() {
        assertEquals(List.of(
                        "row 2, column unit: no unit 'upp-z9' in region 'kab-a'",
                        "row 2, column i01: 'tiga' is not a number",
                        "row 3, column unit: no unit 'dinas-b' in region 'kab-a'",
                        "row 3, column role: 'boss' is not a role; expected self, evaluator or verifier",
                        "row 3, column i08: 100.25 is not a number from 0 to 100 with at most 1 decimals",
                        "row 4, column unit: 'upp-old' is no longer active",
                        "row 4, column i02: missing; the indicator carries weight",
                        "row 5, column role: missing; expected self, evaluator or verifier",
                        "row 7, column unit: unit 'upp-a1' as self is in row 6 already"),
                errors(HEADER,
                        "upp-z9,,self,,,,,,tiga,1,1,1,1,1,1,50,",   // unknown unit
                        "dinas-b,,boss,,,,,,1,1,1,1,1,1,1,100.25,", // a unit elsewhere says no more than an unknown one
                        "upp-old,,self,,,,,,1,,1,1,1,1,1,50,",
                        "upp-a1,,,,,,,,1,1,1,1,1,1,1,50,",
                        "upp-a1,,self,,,,,,1,1,1,1,1,1,1,50,",
                        "upp-a1,,self,,,,,,2,2,2,2,2,2,2,50,"));
    }

    @Test
    void aWrongHeaderIsReportedBeforeAnyRow() {
        assertEquals(List.of(
                        "row 1, column i99: 'i99' is neither a column of a round's sheet (unit, name, role, state, assessment, index, band, comment) nor an indicator of test-2024",
                        "row 1, column I01: the column 'I01' is there twice",
                        "row 1: no column 'role'",
                        "row 1: no column for indicator i07, which carries weight",
                        "row 1: no column for indicator i08, which carries weight"),
                errors("unit,i01,i02,i03,i04,i05,i06,i99,I01", "upp-a1,1,1,1,1,1,1,1,1"));
    }

    @Test
    void aSheetWithoutAnsweredRowsImportsNothing() {
        assertEquals(List.of("row 2: no row has answers; expected a row per unit and role"), errors(HEADER));
        assertEquals(List.of("row 2: no row has answers; expected a row per unit and role"), errors(HEADER, "upp-a1,,self,,,,,,,,,,,,,,"));
    }

    @Test
    void theErrorsListedAreCappedAndTheRestCounted() {
        String[] lines = new String[1 + 150];
        lines[0] = HEADER;
        for (int k = 1; k <= 150; k++) lines[k] = "nowhere-" + k + ",,self,,,,,,1,1,1,1,1,1,1,50,";
        RoundRefusedException e = assertThrows(RoundRefusedException.class, () -> read(lines));
        assertEquals(RoundImport.MAX_ERRORS, e.errors().size());
        assertEquals(50, e.more());
    }

    @Test
    void optionsAreARangeWhenConsecutiveElseListed() {
        assertEquals("0–5", RoundImport.options(M.indicator("i01").getOptions()));
        assertEquals(List.of(BigDecimal.ZERO, new BigDecimal("2.5"), BigDecimal.TEN), RoundImport.options(List.of(
                new AnswerOption(BigDecimal.TEN, "x"), new AnswerOption(BigDecimal.ZERO, "y"), new AnswerOption(new BigDecimal("2.5"), "z"))));
    }
}
