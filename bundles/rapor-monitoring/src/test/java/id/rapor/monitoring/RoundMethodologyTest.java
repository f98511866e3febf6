package id.rapor.monitoring;

import static id.rapor.monitoring.Fixtures.fin;
import static id.rapor.monitoring.Fixtures.office;
import static id.rapor.monitoring.Fixtures.region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.rapor.api.UnknownYearException;
import id.rapor.api.monitoring.MonitoringQueryException;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.RoundScore;
import id.rapor.api.text.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which methodology a round is by: the one that gave its official scores; never a guess between two. */
class RoundMethodologyTest {
    private final UnitTree tree = UnitTree.of(List.of(region("kab", null), office("d1", "kab"), office("d2", "kab")));

    @Test
    void aRoundScoredByTwoMethodologiesNamesBothAndChoosesNeither() {
        List<RoundScore> scores = List.of(fin("d1", 2022, AssessmentRole.VERIFIER, Fixtures.ombudsman2021(), "60", "Kuning"),
                fin("d2", 2022, AssessmentRole.VERIFIER, Fixtures.ombudsman2022(), "80", "B"));
        MonitoringQueryException e = assertThrows(MonitoringQueryException.class,
                () -> RecordsMonitoring.chosen(Round.of(tree, scores, 2022), "ombudsman", 2022, (f, y) -> "ombudsman-2022"));
        assertEquals("ambiguous-round", e.reason());
        assertEquals("methodology", e.field());
        assertEquals("the official scores of ombudsman 2022 were given by more than one methodology: ombudsman-2021, ombudsman-2022; "
                + "choose one with methodology=", Language.ENGLISH.text(e.said()));
        assertEquals("nilai resmi ombudsman 2022 diberikan oleh lebih dari satu metodologi: ombudsman-2021, ombudsman-2022; "
                + "pilih salah satu dengan methodology=", Language.INDONESIAN.text(e.said()));
    }

    @Test
    void aRoundIsByTheMethodologyOfItsScoresElseTheFamilysForTheYear() throws Exception {
        List<RoundScore> scores = List.of(fin("d1", 2022, AssessmentRole.SELF, Fixtures.ombudsman2021(), "60", "Kuning"));
        assertEquals("ombudsman-2021", RecordsMonitoring.chosen(Round.of(tree, scores, 2022), "ombudsman", 2022, (f, y) -> "ombudsman-2022"));
        assertEquals("ombudsman-2022", RecordsMonitoring.chosen(Round.of(tree, List.of(), 2023), "ombudsman", 2023, (f, y) -> "ombudsman-2022"));
        assertThrows(UnknownYearException.class, () -> RecordsMonitoring.chosen(Round.of(tree, List.of(), 1990), "ombudsman", 1990,
                (f, y) -> { throw new UnknownYearException(f, y, List.of("ombudsman-2022: 2022–2024")); }));
    }
}
