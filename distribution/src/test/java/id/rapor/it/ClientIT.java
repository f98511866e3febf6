package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.rapor.client.Call;
import id.rapor.client.RaporClient;
import id.rapor.client.RaporException;
import id.rapor.client.Types;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java client integrators embed, every method against the started distribution. */
class ClientIT extends StartedDistribution {
    private static RaporClient client;
    /** The README's example: published IPP 2.97, "C — Cukup". */
    private static Map<String, BigDecimal> example;

    @BeforeAll
    static void connect() throws Exception {
        client = RaporClient.builder().baseUrl(rapor.url("")).requestTimeout(Duration.ofSeconds(20)).build();
        example = new LinkedHashMap<>();
        Assessments.example().get("answers").properties().forEach(e -> example.put(e.getKey(), e.getValue().decimalValue()));
    }

    private static Map<String, BigDecimal> exampleWith(String indicator, String answer) {
        Map<String, BigDecimal> answers = new LinkedHashMap<>(example);
        answers.put(indicator, new BigDecimal(answer));
        return answers;
    }

    @Test
    void healthAndDeployments() {
        Types.Health health = client.health();
        assertEquals("UP", health.status());
        assertEquals(5, health.methodologies().get("active"));
        List<Types.Deployment> deployments = client.deployments();
        assertEquals(5, deployments.size());
        assertTrue(deployments.stream().allMatch(d -> d.state().equals("ACTIVE") && d.errors().isEmpty()), deployments.toString());
    }

    @Test
    void listsAndResolvesMethodologies() {
        List<Types.MethodologySummary> all = client.methodologies();
        assertEquals(List.of("ombudsman-2021", "ombudsman-2022", "pekppp-2017", "pekppp-2022", "skm-2017"),
                all.stream().map(Types.MethodologySummary::id).toList());
        assertEquals(new Types.Years(2022, null), all.get(3).years());
        assertEquals(List.of("pekppp-2017", "pekppp-2022"), client.methodologies("pekppp").stream().map(Types.MethodologySummary::id).toList());
        assertEquals("ombudsman-2022", client.resolve("ombudsman", 2023).id());
        assertEquals("ombudsman-2021", client.resolve("ombudsman", 2019).id());
        assertEquals("pekppp-2022", client.resolve("pekppp", 2030).id());
    }

    @Test
    void describesQuestionnaires() {
        Types.Questionnaire pekppp = client.methodology("pekppp-2022");
        assertEquals(new BigDecimal("24"), pekppp.aspects().get(0).weight());
        assertEquals(6, pekppp.aspects().get(0).indicators().get(0).options().size());
        assertEquals("4.51", pekppp.bands().get(0).min().toPlainString());
        assertFalse(pekppp.provenance().isEmpty());
        Types.Questionnaire ombudsman = client.methodology("ombudsman-2022");
        assertEquals("Hijau", ombudsman.bands().get(0).zone());
        assertEquals("100", ombudsman.aspects().get(0).indicators().get(0).range().max().toPlainString());
        assertTrue(client.methodology("skm-2017").takesRespondents());
    }

    @Test
    void scoresAUnitByIdAndByYear() throws Exception {
        Types.Score s = client.score("pekppp-2022", "Dinas A", example);
        assertEquals("2.97", s.index().toPlainString());
        assertEquals("C", s.band().code());
        assertEquals(new Types.MethodologyRef("pekppp-2022", "2022.1.0"), s.methodology());
        assertEquals(s, client.score("pekppp-2022", Types.Assessment.of("Dinas A", example)));
        assertEquals(s, client.score("pekppp", 2024, Types.Assessment.of("Dinas A", example)));
        // The typed answer holds exactly the numbers of the server's JSON.
        JsonNode json = RaporDistribution.JSON.readTree(client.json(Call.score("pekppp-2022", Types.Assessment.of("Dinas A", example))));
        assertEquals(json.get("index").decimalValue(), s.index());
        assertEquals(json.get("indicators").get(0).get("contribution").decimalValue(), s.indicators().get(0).contribution());
    }

    @Test
    void scoresASurveysRespondentsAsTheRegulationPrintsThem() {
        Map<String, BigDecimal> one = RaporClient.answers("u1", 4, "u2", 4, "u3", 3, "u4", 3, "u5", 2, "u6", 2, "u7", 1, "u8", 1, "u9", 4);
        Map<String, BigDecimal> two = RaporClient.answers("u1", 3, "u2", 3, "u3", 3, "u4", 3, "u5", 3, "u6", 3, "u7", 3, "u8", 3, "u9", 3);
        Types.Score s = client.scoreRespondents("skm-2017", "Puskesmas Contoh", List.of(one, two));
        assertEquals("70.83", s.index().toPlainString());
        assertEquals("C", s.band().code());
        assertEquals("70.83", s.aspects().get(0).contribution().toPlainString(), "the IKM as the bundle prints it, not 34 digits");
        assertEquals(s, client.score("skm", 2024, Types.Assessment.ofRespondents("Puskesmas Contoh", List.of(one, two))));
    }

    @Test
    void scoresARegionEachUnitOrItsErrors() {
        List<Types.Assessment> units = List.of(
                Types.Assessment.of("Dinas A", example),
                Types.Assessment.of("Dinas B", exampleWith("i02", "9")),
                Types.Assessment.of("Dinas C", exampleWith("i31", "5"))); // queueing: information only, the index stays 2.97
        Types.RegionScore region = client.scoreRegion("pekppp-2022", "Kab. Contoh", units, "C");
        assertEquals("Kab. Contoh", region.region());
        assertEquals(3, region.summary().units());
        assertEquals(2, region.summary().scored());
        assertEquals(List.of("Dinas A", "Dinas C"), region.summary().atOrBelow().units());
        assertEquals("C", region.summary().atOrBelow().band());
        assertTrue(region.units().get(0).scored());
        assertEquals("2.97", region.units().get(2).index().toPlainString());
        assertEquals("2.97", region.summary().score().toPlainString());
        assertEquals("units[1].answers.i02", region.units().get(1).errors().get(0).field());
        Types.RegionScore byYear = client.scoreRegion("pekppp", 2024, "Kab. Contoh", units, null);
        assertEquals(region.summary().score(), byYear.summary().score());
        assertEquals(null, byYear.summary().atOrBelow());
    }

    @Test
    void anUnknownIndicatorIs422NamingTheField() {
        RaporException e = assertThrows(RaporException.class, () -> client.score("pekppp-2022", "Dinas A", exampleWith("i99", "1")));
        assertEquals(422, e.status());
        assertEquals("urn:rapor:problem:invalid-assessment", e.type());
        assertEquals("answers.i99", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("\n  answers.i99: indikator tidak dikenal"), e.getMessage());
        assertFalse(e.requestId().isBlank());
    }

    @Test
    void anUnknownMethodologyOrYearIs404() {
        RaporException unknown = assertThrows(RaporException.class, () -> client.methodology("pekppp-1999"));
        assertEquals(404, unknown.status());
        assertEquals("urn:rapor:problem:unknown-methodology", unknown.type());
        assertEquals(404, assertThrows(RaporException.class, () -> client.score("pekppp-1999", "Dinas A", example)).status());
        RaporException year = assertThrows(RaporException.class, () -> client.resolve("ombudsman", 1990));
        assertEquals(404, year.status());
        assertTrue(year.detail().contains("ombudsman-2022"), year.detail());
    }

    @Test
    void oneClientServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                results.add(pool.submit(() -> client.score("pekppp-2022", "Dinas A", example).index().toPlainString()));
            }
            for (Future<String> f : results) assertEquals("2.97", f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
