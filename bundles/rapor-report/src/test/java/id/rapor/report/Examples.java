package id.rapor.report;

import id.rapor.api.advice.Plan;
import id.rapor.api.model.Band;
import id.rapor.api.model.Presentation;
import id.rapor.api.monitoring.Change;
import id.rapor.api.monitoring.Figure;
import id.rapor.api.monitoring.MethodVersion;
import id.rapor.api.monitoring.OfficialScore;
import id.rapor.api.monitoring.Position;
import id.rapor.api.monitoring.RoundView;
import id.rapor.api.monitoring.UnitRow;
import id.rapor.api.monitoring.UnitStatus;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.report.card.UnitCard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The facts of the README's examples, as the services give them: the 2.97 C unit, Banjarnegara's +2.07 (+2.22%), Bontang's change of method. */
final class Examples {
    static final MethodVersion PEKPPP = new MethodVersion("pekppp-2022", "2022.1.0", null);
    static final Band C = new Band("C", "Cukup", d("2.51"), d("3.00"), null);
    static final Band B_MINUS = new Band("B-", "Baik dengan Catatan", d("3.01"), d("3.50"), null);
    static final Band A = new Band("A", "Sangat Baik", d("4.51"), d("5.00"), null);

    private Examples() {}

    static BigDecimal d(String s) { return new BigDecimal(s); }

    /** Dinas Kependudukan's card: self 2.97 C official, evaluator 2.90, the year before 2.70 under PEKPPP 2017. */
    static UnitCard card() {
        Unit unit = new Unit("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", UnitKind.OFFICE, "kab-contoh", true);
        List<UnitCard.AspectLine> aspects = List.of(
                new UnitCard.AspectLine("a1", "Kebijakan Pelayanan", d("20"), d("3.10"), d("0.62")),
                new UnitCard.AspectLine("a2", "Profesionalisme SDM", d("15"), d("2.80"), d("0.42")),
                new UnitCard.AspectLine("a6", "Inovasi Pelayanan Publik", d("10"), d("2.00"), d("0.20")));
        List<UnitCard.IndicatorLine> indicators = List.of(
                new UnitCard.IndicatorLine("i01", "1.1", "Standar Pelayanan", "a1", d("3"), d("30"), d("0.18")),
                new UnitCard.IndicatorLine("i02", "1.2", "Maklumat Pelayanan", "a1", d("4"), d("20"), d("0.16")));
        UnitCard.Official official = new UnitCard.Official(41, AssessmentRole.SELF, d("2.97"), "C", "Cukup", PEKPPP,
                "PEKPPP 2022 (PermenPANRB 29/2022)", d("5"), aspects, indicators);
        Change change = Change.between(Figure.of(d("2.97")), Figure.of(d("2.70")), 2,
                List.of(new MethodVersion("pekppp-2017", "2017.1.0", null)), List.of(PEKPPP));
        Plan plan = new Plan("pekppp-2022", "2022.1.0", "disdukcapil", d("2.97"), C, B_MINUS, true, d("2"), d("3.05"), B_MINUS,
                List.of(new Plan.PlanStep("i01", "1.1", "Standar Pelayanan", "a1", d("3"), d("4"), 1, d("1"), d("0.06"),
                        "Standar pelayanan ditetapkan dan dipublikasikan")), List.of(), null, Presentation.EXACT);
        return new UnitCard(unit, "pekppp", 2024, 2, official, false,
                Map.of(AssessmentRole.SELF, d("2.97"), AssessmentRole.EVALUATOR, d("2.90")),
                new UnitCard.Previous(2023, d("2.70"), "C", "Cukup", change), new UnitCard.Advice(plan, null));
    }

    static UnitCard emptyCard() {
        Unit unit = new Unit("dinkes", "Dinas Kesehatan", UnitKind.OFFICE, "kab-contoh", true);
        return new UnitCard(unit, "pekppp", 2024, 2, null, true, Map.of(), null, null);
    }

    /** Banjarnegara's round: 95.23 A now, 93.16 the round before (+2.07, +2.22%); one unit entered nothing. */
    static RoundView round() {
        Unit region = new Unit("kab-bnr", "Kabupaten Banjarnegara", UnitKind.REGION, null, true);
        MethodVersion om = new MethodVersion("ombudsman-2022", "2022.1.0", null);
        Band a = new Band("A", "Kualitas Tertinggi", d("88.01"), d("100"), "Hijau");
        Band c = new Band("C", "Kualitas Sedang", d("66.51"), d("78.00"), "Kuning");
        UnitRow first = new UnitRow(new Unit("bnr-dpmptsp", "DPMPTSP Banjarnegara", UnitKind.OFFICE, "kab-bnr", true), null, UnitStatus.SCORED,
                new OfficialScore(7, AssessmentRole.EVALUATOR, d("96.00"), "A", "Kualitas Tertinggi", om), d("97.00"), d("96.00"), null,
                d("1.00"), 1, Position.ABOVE, new UnitRow.PreviousScore(2023, new OfficialScore(3, AssessmentRole.EVALUATOR, d("93.00"), "A",
                "Kualitas Tertinggi", om), Change.between(Figure.of(d("96.00")), Figure.of(d("93.00")), 2, List.of(om), List.of(om))));
        UnitRow second = new UnitRow(new Unit("bnr-dukcapil", "Disdukcapil Banjarnegara", UnitKind.OFFICE, "kab-bnr", true), null,
                UnitStatus.SCORED, new OfficialScore(8, AssessmentRole.EVALUATOR, d("94.46"), "A", "Kualitas Tertinggi", om), null, d("94.46"),
                null, null, 2, Position.BELOW, null);
        UnitRow none = new UnitRow(new Unit("bnr-dinsos", "Dinas Sosial Banjarnegara", UnitKind.OFFICE, "kab-bnr", true), null,
                UnitStatus.NOT_ENTERED, null, null, null, null, null, null, null, null);
        Change change = Change.between(Figure.of(d("95.23")), Figure.of(d("93.16")), 2, List.of(om), List.of(om));
        return new RoundView(region, "ombudsman", 2024, om, "mean", Figure.of(d("95.23")), a, false, 2, 0, List.of(first, second, none),
                List.of("bnr-dinsos"), List.of("bnr-dukcapil"), c, List.of(), List.of(new RoundView.BandCount(a, 2), new RoundView.BandCount(c, 0)),
                List.of(), new RoundView.Previous(2023, Figure.of(d("93.16")), a, 2, List.of(om), change));
    }

    /** A round nobody has a final score in. */
    static RoundView emptyRound() {
        Unit region = new Unit("kab-bnr", "Kabupaten Banjarnegara", UnitKind.REGION, null, true);
        MethodVersion om = new MethodVersion("ombudsman-2022", "2022.1.0", null);
        UnitRow none = new UnitRow(new Unit("bnr-dinsos", "Dinas Sosial Banjarnegara", UnitKind.OFFICE, "kab-bnr", true), null,
                UnitStatus.NOT_ENTERED, null, null, null, null, null, null, null, null);
        return new RoundView(region, "ombudsman", 2025, om, "mean", null, null, true, 0, 0, List.of(none), List.of("bnr-dinsos"), List.of(),
                null, List.of(), List.of(), List.of(), null);
    }
}
