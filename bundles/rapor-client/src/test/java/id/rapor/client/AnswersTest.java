package id.rapor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each answer of API v1, as the real server wrote it, read into the client's records with every digit kept. */
class AnswersTest {
    private static CannedRapor rapor;
    private static RaporClient client;

    @BeforeAll
    static void serve() throws Exception {
        rapor = new CannedRapor()
                .on("GET", "/api/v1/health", 200, "health.json")
                .on("GET", "/api/v1/methodologies", 200, "methodologies.json")
                .on("GET", "/api/v1/methodologies?family=ombudsman&year=2023", 200, "resolve.json")
                .on("GET", "/api/v1/methodologies/pekppp-2022", 200, "questionnaire-pekppp-2022.json")
                .on("GET", "/api/v1/methodologies/ombudsman-2022", 200, "questionnaire-ombudsman-2022.json")
                .on("GET", "/api/v1/methodologies/skm-2017", 200, "questionnaire-skm-2017.json")
                .on("POST", "/api/v1/methodologies/pekppp-2022/score", 200, "score.json")
                .on("POST", "/api/v1/score?family=skm&year=2024", 200, "score-skm.json")
                .on("POST", "/api/v1/score/batch?family=ombudsman&year=2023", 200, "region.json")
                .on("GET", "/api/v1/deployments", 200, "deployments.json");
        client = rapor.client();
    }

    @AfterAll
    static void stop() {
        rapor.close();
    }

    @Test
    void health() {
        Types.Health h = client.health();
        assertEquals("UP", h.status());
        assertEquals(Map.of("active", 5, "unavailable", 0), h.methodologies());
        assertEquals(0, h.ruleBundles().get("pending"));
        assertEquals(List.of(), h.revisionMismatches(), "this node serves what is active");
    }

    @Test
    void methodologySummariesWithTheirYears() {
        List<Types.MethodologySummary> all = client.methodologies();
        assertEquals(List.of("ombudsman-2021", "ombudsman-2022", "pekppp-2017", "pekppp-2022", "skm-2017"),
                all.stream().map(Types.MethodologySummary::id).toList());
        Types.MethodologySummary pekppp = all.get(3);
        assertEquals("pekppp", pekppp.family());
        assertEquals(2022, pekppp.year());
        assertEquals("2022.1.0", pekppp.version());
        assertEquals("ACTIVE", pekppp.status());
        assertTrue(pekppp.regulation().startsWith("PermenPANRB 29/2022"));
        assertEquals(new Types.Years(2022, null), pekppp.years(), "still applies: no last year");
        assertEquals(new Types.Years(2019, 2021), all.get(0).years());
    }

    @Test
    void resolveReturnsTheOneMethodologyForTheYear() {
        assertEquals("ombudsman-2022", client.resolve("ombudsman", 2023).id());
    }

    @Test
    void questionnaireWithOptionsBandsAndProvenance() {
        Types.Questionnaire q = client.methodology("pekppp-2022");
        assertEquals("answers", q.input());
        assertFalse(q.takesRespondents());
        assertEquals("mean", q.aggregation());
        assertEquals(new Types.Scale(new BigDecimal("0"), new BigDecimal("5"), 2), q.scale());
        assertEquals(List.of("kebijakan", "sdm", "sarpras", "sipp", "konsultasi", "inovasi", "antrian"),
                q.aspects().stream().map(Types.Aspect::id).toList());
        Types.Indicator i01 = q.aspects().get(0).indicators().get(0);
        assertEquals("i01", i01.id());
        assertEquals("a.Ak", i01.code());
        assertEquals(new BigDecimal("17"), i01.weight());
        assertTrue(i01.required());
        assertNull(i01.range(), "a closed question has options, not a range");
        assertEquals(6, i01.options().size());
        assertEquals(new Types.Option(new BigDecimal("5"), "With community involvement, plus monitoring and evaluation"), i01.options().get(5));
        assertEquals(new Types.Band("C", "Cukup", new BigDecimal("2.51"), new BigDecimal("3"), null), q.bands().get(4));
        assertEquals(9, q.bands().size());
        assertEquals(16, q.provenance().size(), "every row of provenance.csv (the last: the crosswalk to PEKPPP 2017)");
        assertEquals("C", q.provenance().get(0).confidence());
    }

    @Test
    void questionnaireWithRangesAndZones() {
        Types.Questionnaire q = client.methodology("ombudsman-2022");
        assertEquals("21.85", q.aspects().get(0).weight().toPlainString());
        Types.Indicator input = q.aspects().get(0).indicators().get(0);
        assertEquals(new Types.Range(new BigDecimal("0"), new BigDecimal("100"), 2, "Capaian dimensi, 0-100"), input.range());
        assertTrue(input.options().isEmpty());
        assertEquals(List.of("Hijau", "Hijau", "Kuning", "Merah", "Merah"), q.bands().stream().map(Types.Band::zone).toList());
        assertEquals("87.99", q.bands().get(1).max().toPlainString());
    }

    @Test
    void surveyQuestionnaireTakesRespondents() {
        Types.Questionnaire q = client.methodology("skm-2017");
        assertTrue(q.takesRespondents());
        assertEquals(Map.of("conversion", "25", "element.weight", "exact"), q.parameters());
        assertEquals(9, q.aspects().get(0).indicators().size());
    }

    @Test
    void scoreKeepsTheServersDigits() {
        Types.Score s = client.score("pekppp-2022", "Dinas Kependudukan dan Pencatatan Sipil (contoh)", Map.of());
        assertEquals(new Types.MethodologyRef("pekppp-2022", "2022.1.0"), s.methodology());
        assertEquals("Dinas Kependudukan dan Pencatatan Sipil (contoh)", s.unit());
        assertEquals("2.97", s.index().toPlainString());
        assertEquals(new Types.BandRef("C", "Cukup", null), s.band());
        Types.AspectScore konsultasi = s.aspects().get(4);
        assertEquals(new Types.AspectScore("konsultasi", "Konsultasi dan Pengaduan", new BigDecimal("10"), new BigDecimal("3.3"),
                new BigDecimal("0.33")), konsultasi);
        assertEquals(new Types.IndicatorScore("i01", new BigDecimal("3"), new BigDecimal("17"), new BigDecimal("0.1224")), s.indicators().get(0));
        assertEquals(31, s.indicators().size());
        assertEquals("2,97 berada pada rentang 2,51–3,00: C (Cukup)", s.explanation().get(s.explanation().size() - 1));
    }

    @Test
    void surveyScoreIsAsTheRegulationPrintsIt() {
        Types.Score s = client.score("skm", 2024, Types.Assessment.ofRespondents("Puskesmas Contoh", List.of(Map.of())));
        assertEquals("70.83", s.index().toPlainString());
        // The IKM and each element's share with 2 decimals, as the bundle declares (print.*); exact values on ?exact=true.
        assertEquals("70.83", s.aspects().get(0).contribution().toPlainString());
        assertEquals("9.72", s.indicators().get(0).contribution().toPlainString());
    }

    @Test
    void regionWithSummaryAndEachUnitsScoreOrErrors() {
        Types.RegionScore r = client.scoreRegion("ombudsman", 2023, "Kota Contoh", List.of(), "C");
        assertEquals("Kota Contoh", r.region());
        Types.RegionSummary sum = r.summary();
        assertEquals("mean", sum.aggregation());
        assertEquals(4, sum.units());
        assertEquals(2, sum.scored());
        assertEquals("63.38", sum.score().toPlainString());
        assertEquals(new Types.BandRef("C", "Kualitas Sedang", "Kuning"), sum.band());
        assertEquals(List.of("A", "B", "C", "D", "E"), List.copyOf(sum.unitsPerBand().keySet()), "the bands in the server's order");
        assertEquals(1, sum.unitsPerBand().get("B"));
        assertEquals(new Types.AtOrBelow("C", List.of("Dinas B")), sum.atOrBelow());

        Types.UnitResult a = r.units().get(0);
        assertTrue(a.scored());
        assertEquals("81.81", a.index().toPlainString());
        assertEquals("Hijau", a.band().zone());
        assertEquals("27.68", a.aspects().get(1).contribution().toPlainString());

        Types.UnitResult unreadable = r.units().get(2);
        assertFalse(unreadable.scored());
        assertEquals("Dinas C", unreadable.unit(), "a unit the server could not read keeps its name");
        assertNull(unreadable.index());
        assertEquals(List.of(new Types.FieldError("units[2].answers.input", "seharusnya angka, bukan teks")), unreadable.errors());
        assertEquals("Dinas D", r.units().get(3).unit());
        assertEquals("units[3].answers.input", r.units().get(3).errors().get(0).field());
    }

    @Test
    void deployments() {
        List<Types.Deployment> all = client.deployments();
        assertEquals(5, all.size());
        Types.Deployment d = all.get(3);
        assertEquals("pekppp-2022", d.methodology());
        assertEquals("id.rapor.rules.pekppp-2022", d.bundle());
        assertEquals("ACTIVE", d.state());
        assertEquals("2022.1.0", d.servedVersion());
        assertEquals(0, d.servedRevision(), "the rule bundle itself serves");
        assertTrue(d.errors().isEmpty());
    }

    @Test
    void answersAreImmutable() {
        Types.Score s = client.score("pekppp-2022", "u", Map.of());
        assertThrows(UnsupportedOperationException.class, () -> s.explanation().add("more"));
        assertThrows(UnsupportedOperationException.class, () -> client.health().methodologies().put("x", 1));
    }

    @Test
    void jsonIsTheServersTextUnchanged() {
        assertEquals(CannedRapor.resource("region.json"),
                client.json(Call.scoreRegion("ombudsman", 2023, new Types.RegionAssessment("Kota Contoh", "C", List.of()))));
    }
}
