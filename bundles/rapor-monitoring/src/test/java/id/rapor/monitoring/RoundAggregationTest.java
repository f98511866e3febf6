package id.rapor.monitoring;

import static id.rapor.monitoring.Fixtures.d;
import static id.rapor.monitoring.Fixtures.fin;
import static id.rapor.monitoring.Fixtures.office;
import static id.rapor.monitoring.Fixtures.region;
import static id.rapor.monitoring.Fixtures.score;
import static id.rapor.monitoring.Fixtures.serviceUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.Methodology;
import id.rapor.api.monitoring.Position;
import id.rapor.api.monitoring.RoundView;
import id.rapor.api.monitoring.UnitRow;
import id.rapor.api.monitoring.UnitStatus;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.AssessmentState;
import id.rapor.api.records.RoundScore;
import id.rapor.api.records.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The round's figures, each made from the unit rows alone. */
class RoundAggregationTest {
    private static final AssessmentRole SELF = AssessmentRole.SELF;
    private static final AssessmentRole EVALUATOR = AssessmentRole.EVALUATOR;
    private static final AssessmentRole VERIFIER = AssessmentRole.VERIFIER;
    private final Methodology pekppp = Fixtures.pekppp2022();

    private static RoundView view(Methodology m, Methodology before, List<Unit> tree, List<RoundScore> scores, int year, Integer previousYear,
            String atOrBelow) {
        UnitTree t = UnitTree.of(tree);
        Round previous = previousYear == null ? null : Round.of(t, scores, previousYear);
        return new RoundAggregation(m, before).view(t, m.getFamily(), Round.of(t, scores, year), previous, m.band(atOrBelow));
    }

    private static UnitRow row(RoundView v, String unit) {
        return v.units().stream().filter(r -> r.unit().id().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void banjarnegarasRelativeChangeIsOfThePreviousIndex() {
        Methodology m = Fixtures.ombudsman2022();
        List<Unit> tree = List.of(region("jateng", null), office("pemkab-banjarnegara", "jateng"));
        List<RoundScore> scores = List.of(fin("pemkab-banjarnegara", 2023, VERIFIER, m, "93.16", "A"),
                fin("pemkab-banjarnegara", 2024, VERIFIER, m, "95.23", "A"));
        RoundView v = view(m, m, tree, scores, 2024, 2023, "C");
        assertEquals("95.23", v.index().printed().toPlainString());
        assertEquals("A", v.band().getCode());
        UnitRow.PreviousScore before = row(v, "pemkab-banjarnegara").previous();
        assertEquals(2023, before.year());
        assertEquals("93.16", before.official().index().toPlainString());
        assertEquals("2.07", before.change().points().printed().toPlainString());
        assertEquals("2.22", before.change().percent().printed().toPlainString(), "2.07 of 93.16, not of 95.23 (2.17)");
        assertTrue(before.change().percent().exact().toPlainString().startsWith("2.2219836839"), before.change().percent().exact().toPlainString());
        assertFalse(before.change().methodologyChanged());
        assertEquals("93.16", v.previous().index().printed().toPlainString());
        assertEquals("2.07", v.previous().change().points().printed().toPlainString());
        assertEquals("2.22", v.previous().change().percent().printed().toPlainString());
    }

    @Test
    void theIndexIsTheMeanOfTheScoredUnitsRoundedHalfUpLikeAnIndex() {
        List<Unit> tree = List.of(region("kab", null), office("d1", "kab"), office("d2", "kab"), office("d3", "kab"));
        List<RoundScore> scores = List.of(fin("d1", 2024, SELF, pekppp, "2.11", "C-"), fin("d2", 2024, SELF, pekppp, "2.12", "C-"),
                score("d3", 2024, SELF, AssessmentState.DRAFT, pekppp, "4.99", "A"));
        RoundView v = view(pekppp, null, tree, scores, 2024, null, "C");
        assertEquals("2.12", v.index().printed().toPlainString(), "2.115 half-up");
        assertEquals(0, v.index().exact().compareTo(d("2.115")));
        assertEquals("C-", v.band().getCode());
        assertEquals(2, v.scored());
        assertEquals(1, v.pending(), "a draft is entered but not official: not in the mean");
        assertEquals(UnitStatus.PENDING, row(v, "d3").status());
        assertNull(v.previous());
    }

    @Test
    void ranksAreCompetitionRanksAndTheListsComeFromTheRows() {
        List<Unit> tree = new ArrayList<>(List.of(region("kab", null)));
        for (String d : List.of("a", "b", "c", "d", "e", "f")) tree.add(office(d, "kab"));
        List<RoundScore> scores = List.of(fin("a", 2024, EVALUATOR, pekppp, "4.00", "B"), fin("b", 2024, EVALUATOR, pekppp, "3.50", "B-"),
                fin("c", 2024, EVALUATOR, pekppp, "3.50", "B-"), fin("d", 2024, EVALUATOR, pekppp, "2.00", "D"),
                fin("e", 2024, EVALUATOR, pekppp, "2.75", "C"));
        RoundView v = view(pekppp, null, tree, scores, 2024, null, "C");
        // (4.00 + 3.50 + 3.50 + 2.00 + 2.75) / 5 = 3.15
        assertEquals("3.15", v.index().printed().toPlainString());
        assertEquals("B-", v.band().getCode());
        Map<String, Integer> ranks = v.units().stream().filter(r -> r.rank() != null).collect(Collectors.toMap(r -> r.unit().id(), UnitRow::rank));
        assertEquals(Map.of("a", 1, "b", 2, "c", 2, "e", 4, "d", 5), ranks, "1224: the two at 3.50 share 2nd, nobody is 3rd");
        assertEquals(List.of("a", "b", "c", "e", "d", "f"), v.units().stream().map(r -> r.unit().id()).toList());
        assertEquals(Position.ABOVE, row(v, "b").position());
        assertEquals(Position.BELOW, row(v, "e").position());
        assertEquals(List.of("e", "d"), v.belowAverage());
        assertEquals(List.of("f"), v.notEntered());
        assertEquals(UnitStatus.NOT_ENTERED, row(v, "f").status());
        assertEquals(List.of("e", "d"), v.atOrBelowUnits(), "C and below: Prioritas Pembinaan");
        assertEquals("C", v.atOrBelow().getCode());
        Map<String, Integer> bands = v.bands().stream().collect(Collectors.toMap(b -> b.band().getCode(), RoundView.BandCount::units));
        assertEquals(Map.of("A", 0, "A-", 0, "B", 1, "B-", 2, "C", 1, "C-", 0, "D", 1, "E", 0, "F", 0), bands);
        assertEquals("A", v.bands().get(0).band().getCode(), "highest band first");
        // Every figure from the rows: the mean of the scored rows' indices.
        BigDecimal sum = v.units().stream().filter(r -> r.status() == UnitStatus.SCORED).map(r -> r.official().index())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.divide(BigDecimal.valueOf(v.scored())).compareTo(v.index().exact()));
    }

    @Test
    void aUnitShowsEachRolesIndexAndTheGapBetweenSelfAndEvaluator() {
        List<Unit> tree = List.of(region("kab", null), office("d1", "kab"));
        List<RoundScore> scores = List.of(fin("d1", 2024, SELF, pekppp, "3.80", "B"), fin("d1", 2024, EVALUATOR, pekppp, "3.10", "B-"),
                fin("d1", 2024, VERIFIER, pekppp, "3.20", "B-"));
        UnitRow r = row(view(pekppp, null, tree, scores, 2024, null, "C"), "d1");
        assertEquals(VERIFIER, r.official().role(), "the official score is the highest role's");
        assertEquals("3.20", r.official().index().toPlainString());
        assertEquals("3.80", r.self().toPlainString());
        assertEquals("3.10", r.evaluator().toPlainString());
        assertEquals("3.20", r.verifier().toPlainString());
        assertEquals("0.70", r.gap().toPlainString());
    }

    @Test
    void aMethodologyChangeIsMarkedBesideTheChangeTheBontangCase() {
        Methodology before = Fixtures.ombudsman2021();
        Methodology now = Fixtures.ombudsman2022();
        List<Unit> tree = List.of(region("kaltim", null), office("pemkot-bontang", "kaltim"));
        List<RoundScore> scores = List.of(fin("pemkot-bontang", 2021, VERIFIER, before, "85.00", "Hijau"),
                fin("pemkot-bontang", 2022, VERIFIER, now, "70.00", "C"));
        RoundView v = view(now, before, tree, scores, 2022, 2021, null);
        UnitRow r = row(v, "pemkot-bontang");
        assertEquals("-15.00", r.previous().change().points().printed().toPlainString());
        assertEquals("-17.65", r.previous().change().percent().printed().toPlainString());
        assertTrue(r.previous().change().methodologyChanged());
        assertEquals("ombudsman-2021", r.previous().change().from().get(0).id());
        assertEquals("ombudsman-2022", r.previous().change().to().get(0).id());
        assertTrue(v.previous().change().methodologyChanged());
        assertEquals("Hijau", v.previous().band().getCode(), "the previous round banded by its own methodology");
        assertEquals("C", v.band().getCode());
        assertNull(v.atOrBelow(), "no band asked for: C, which this methodology has");
    }

    @Test
    void aNewVersionOfTheSameMethodologyIsAChangeOfMethodToo() {
        Methodology m = Fixtures.pekppp2022();
        List<Unit> tree = List.of(region("kab", null), office("d1", "kab"));
        RoundScore revised = new RoundScore(900, "d1", 2024, EVALUATOR, AssessmentState.FINAL, "pekppp-2022", "2022.1.0+r2", 2, d("3.5"), "B-", null);
        RoundView v = view(m, m, tree, List.of(fin("d1", 2023, EVALUATOR, m, "3.40", "B-"), revised), 2024, 2023, "C");
        assertTrue(row(v, "d1").previous().change().methodologyChanged());
        assertEquals(2, row(v, "d1").previous().change().to().get(0).revision());
    }

    @Test
    void aRoundWithoutOfficialScoresIsAnEmptyViewThatSaysSo() {
        List<Unit> tree = List.of(region("kab", null), office("d1", "kab"), office("d2", "kab"));
        List<RoundScore> scores = List.of(fin("d1", 2023, SELF, pekppp, "3.00", "C"),
                score("d1", 2024, SELF, AssessmentState.SUBMITTED, pekppp, "3.40", "B-"));
        RoundView v = view(pekppp, pekppp, tree, scores, 2024, 2023, "C");
        assertTrue(v.empty());
        assertNull(v.index());
        assertNull(v.band());
        assertEquals(0, v.scored());
        assertEquals(List.of("d2"), v.notEntered());
        assertTrue(v.bands().stream().allMatch(b -> b.units() == 0));
        assertEquals("3.00", v.previous().index().printed().toPlainString());
        assertNull(v.previous().change(), "nothing to compare with");
        assertNull(row(v, "d1").previous().change());
    }

    @Test
    void aProvinceRollsUpOverItsKabupatenFromTheSameRows() {
        List<Unit> tree = List.of(region("prov", null), region("kab-a", "prov"), region("kab-b", "prov"), office("dinas-prov", "prov"),
                office("a1", "kab-a"), office("a2", "kab-a"), office("b1", "kab-b"), serviceUnit("b1-upp", "b1"), serviceUnit("b1-upp2", "b1"));
        List<RoundScore> scores = List.of(fin("a1", 2024, SELF, pekppp, "4.00", "B"), fin("a2", 2024, SELF, pekppp, "3.00", "C"),
                fin("b1-upp", 2024, SELF, pekppp, "2.00", "D"), fin("b1-upp2", 2024, SELF, pekppp, "2.50", "C-"),
                fin("dinas-prov", 2024, SELF, pekppp, "4.60", "A"), fin("b1", 2024, SELF, pekppp, "1.00", "F"));
        RoundView v = view(pekppp, null, tree, scores, 2024, null, "C");
        // The office b1 is assessed through its service units: its own score does not count.
        assertEquals(List.of("a1", "a2", "b1-upp", "b1-upp2", "dinas-prov"), v.units().stream().map(r -> r.unit().id()).sorted().toList());
        assertEquals("3.22", v.index().printed().toPlainString(), "(4.00 + 3.00 + 2.00 + 2.50 + 4.60) / 5 = 3.22");
        RoundView.RegionRow a = v.regions().get(0);
        RoundView.RegionRow b = v.regions().get(1);
        assertEquals("kab-a", a.region().id());
        assertEquals("3.50", a.index().printed().toPlainString());
        assertEquals(2, a.units());
        assertEquals("B-", a.band().getCode());
        assertEquals("2.25", b.index().printed().toPlainString());
        assertEquals("kab-b", row(v, "b1-upp").region());
        assertNull(row(v, "dinas-prov").region(), "directly in the province");
    }

    @Test
    void aUnitNoLongerActiveCountsOnlyInARoundItWasScoredIn() {
        Unit closed = new Unit("tutup", "Dinas Tutup", id.rapor.api.records.UnitKind.OFFICE, "kab", false);
        List<Unit> tree = List.of(region("kab", null), office("d1", "kab"), closed);
        List<RoundScore> scores = List.of(fin("d1", 2023, SELF, pekppp, "3.00", "C"), fin("tutup", 2023, SELF, pekppp, "2.00", "D"),
                fin("d1", 2024, SELF, pekppp, "3.20", "B-"));
        RoundView now = view(pekppp, pekppp, tree, scores, 2024, 2023, "C");
        assertEquals(List.of("d1"), now.units().stream().map(r -> r.unit().id()).toList());
        assertEquals(List.of(), now.notEntered());
        assertEquals("2.50", now.previous().index().printed().toPlainString(), "the previous round as it was, with the closed office");
        RoundView then = view(pekppp, null, tree, scores, 2023, null, "C");
        assertEquals(2, then.scored());
    }

    @Test
    void aUnitScoredByAnotherMethodologyIsSetApart() {
        Methodology older = Fixtures.ombudsman2021();
        Methodology m = Fixtures.ombudsman2022();
        List<Unit> tree = List.of(region("kab", null), office("d1", "kab"), office("d2", "kab"));
        List<RoundScore> scores = List.of(fin("d1", 2022, VERIFIER, m, "80.00", "B"), fin("d2", 2022, VERIFIER, older, "60.00", "Kuning"));
        RoundView v = view(m, null, tree, scores, 2022, null, "C");
        assertEquals(UnitStatus.OTHER_METHODOLOGY, row(v, "d2").status());
        assertEquals("80.00", v.index().printed().toPlainString());
        assertEquals(1, v.scored());
    }

    @Test
    void aPreviousIndexOfZeroHasNoPercent() {
        List<Unit> tree = List.of(region("kab", null), office("d1", "kab"));
        List<RoundScore> scores = List.of(fin("d1", 2023, SELF, pekppp, "0", "F"), fin("d1", 2024, SELF, pekppp, "1.00", "F"));
        RoundView v = view(pekppp, pekppp, tree, scores, 2024, 2023, "C");
        assertEquals("1.00", v.previous().change().points().printed().toPlainString());
        assertNull(v.previous().change().percent());
    }
}
