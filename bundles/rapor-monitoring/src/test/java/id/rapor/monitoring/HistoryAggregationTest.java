package id.rapor.monitoring;

import static id.rapor.monitoring.Fixtures.fin;
import static id.rapor.monitoring.Fixtures.office;
import static id.rapor.monitoring.Fixtures.region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.Methodology;
import id.rapor.api.monitoring.History;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.RoundScore;
import id.rapor.api.records.Unit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every round of a unit and of a region, with the change since the round before. */
class HistoryAggregationTest {
    private final Methodology before = Fixtures.ombudsman2021();
    private final Methodology now = Fixtures.ombudsman2022();
    private final HistoryAggregation history = new HistoryAggregation(Map.of(before.getId(), before, now.getId(), now)::get);

    @Test
    void aUnitsRoundsAreItsOfficialScoresOldestFirst() {
        List<Unit> tree = List.of(office("pemkot-bontang", "kaltim"));
        List<RoundScore> finals = List.of(fin("pemkot-bontang", 2021, AssessmentRole.VERIFIER, before, "85", "Hijau"),
                fin("pemkot-bontang", 2022, AssessmentRole.EVALUATOR, now, "70.5", "C"),
                fin("pemkot-bontang", 2022, AssessmentRole.VERIFIER, now, "70", "C"),
                fin("pemkot-bontang", 2023, AssessmentRole.VERIFIER, now, "72.1", "C"));
        UnitTree t = UnitTree.of(tree);
        assertTrue(t.topIsAssessed());
        List<History.Round> rounds = history.ofUnit(t, finals);
        assertEquals(List.of(2021, 2022, 2023), rounds.stream().map(History.Round::year).toList());
        History.Round r2022 = rounds.get(1);
        assertEquals("70.00", r2022.index().printed().toPlainString(), "as the methodology prints it");
        assertEquals(AssessmentRole.VERIFIER, r2022.role());
        assertEquals("ombudsman-2022", r2022.methodology());
        assertEquals("2022.1.0", r2022.versions().get(0).version());
        assertTrue(r2022.change().methodologyChanged(), "2021 to 2022: the Ombudsman changed its method");
        assertNull(rounds.get(0).change());
        assertFalse(rounds.get(2).change().methodologyChanged());
        assertEquals("2.10", rounds.get(2).change().points().printed().toPlainString());
        assertEquals("3.00", rounds.get(2).change().percent().printed().toPlainString());
    }

    @Test
    void aRegionsRoundsAreItsIndexEachYear() {
        List<Unit> tree = List.of(region("kab", null), office("d1", "kab"), office("d2", "kab"));
        List<RoundScore> finals = List.of(fin("d1", 2023, AssessmentRole.SELF, now, "92.16", "A"),
                fin("d2", 2023, AssessmentRole.SELF, now, "94.16", "A"),
                fin("d1", 2024, AssessmentRole.SELF, now, "95.00", "A"),
                fin("d2", 2024, AssessmentRole.SELF, now, "95.46", "A"));
        List<History.Round> rounds = history.ofRegion(UnitTree.of(tree), finals);
        assertEquals(2, rounds.size());
        assertEquals("93.16", rounds.get(0).index().printed().toPlainString());
        assertEquals("95.23", rounds.get(1).index().printed().toPlainString());
        assertEquals("A", rounds.get(1).bandCode());
        assertEquals(2, rounds.get(1).scored());
        assertEquals("2.07", rounds.get(1).change().points().printed().toPlainString());
        assertEquals("2.22", rounds.get(1).change().percent().printed().toPlainString());
    }

    @Test
    void aYearScoredByTwoMethodologiesIsARoundForEach() {
        List<Unit> tree = List.of(region("kab", null), office("d1", "kab"), office("d2", "kab"));
        List<RoundScore> finals = List.of(fin("d1", 2022, AssessmentRole.SELF, before, "60", "Kuning"),
                fin("d2", 2022, AssessmentRole.SELF, now, "80", "B"));
        List<History.Round> rounds = history.ofRegion(UnitTree.of(tree), finals);
        assertEquals(List.of("ombudsman-2021", "ombudsman-2022"), rounds.stream().map(History.Round::methodology).toList());
        assertEquals(1, rounds.get(0).scored());
    }
}
