package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.client.RaporClient;
import id.rapor.client.RaporException;
import id.rapor.client.Types;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java client integrators embed, against the started distribution. */
class ClientIT extends StartedDistribution {
    private static RaporClient client;
    private static Map<String, BigDecimal> example;

    @BeforeAll
    static void connect() throws Exception {
        client = RaporClient.builder().baseUrl("http://127.0.0.1:" + rapor.port).requestTimeout(Duration.ofSeconds(20)).build();
        example = new java.util.LinkedHashMap<>();
        Assessments.example().get("answers").fields().forEachRemaining(e -> example.put(e.getKey(), e.getValue().decimalValue()));
    }

    @Test
    void listsResolvesAndDescribes() {
        assertEquals("UP", client.health().status());
        assertEquals(5, client.methodologies().size());
        assertEquals(List.of("pekppp-2017", "pekppp-2022"), client.methodologies("pekppp").stream().map(Types.MethodologySummary::id).toList());
        assertEquals("ombudsman-2022", client.resolve("ombudsman", 2023).id());
        Types.Questionnaire q = client.methodology("pekppp-2022");
        assertEquals(new BigDecimal("24"), q.aspects().get(0).weight());
        assertEquals("4.51", q.bands().get(0).min().toPlainString());
        assertEquals("Hijau", client.methodology("ombudsman-2022").bands().get(0).zone());
        assertEquals(5, client.deployments().size());
    }

    @Test
    void scoresAUnitARegionAndASurvey() {
        Types.Score s = client.score("pekppp-2022", Types.Assessment.of("Dinas A", example));
        assertEquals("2.97", s.index().toPlainString());
        assertEquals("C", s.band().code());
        assertEquals("2022.1.0", s.methodology().version());
        assertEquals("pekppp-2022", client.score("pekppp", 2024, Types.Assessment.of("Dinas A", example)).methodology().id());
        Map<String, BigDecimal> bad = new java.util.HashMap<>(example);
        bad.put("i02", new BigDecimal("9"));
        Types.RegionScore region = client.scoreRegion("pekppp-2022", "Kab. Contoh",
                List.of(Types.Assessment.of("Dinas A", example), Types.Assessment.of("Dinas B", bad)), "C");
        assertEquals(1, region.summary().scored());
        assertEquals(List.of("Dinas A"), region.summary().atOrBelow().units());
        assertEquals("answers.i02", region.units().get(1).errors().get(0).field());
        Map<String, BigDecimal> r = RaporClient.answers("u1", 4, "u2", 4, "u3", 3, "u4", 3, "u5", 2, "u6", 2, "u7", 1, "u8", 1, "u9", 4);
        assertEquals("C", client.score("skm", 2024, Types.Assessment.ofRespondents("Puskesmas", List.of(r))).band().code());
    }

    @Test
    void refusalsBecomeExceptionsWithTheProblem() {
        Map<String, BigDecimal> unknown = new java.util.HashMap<>(example);
        unknown.put("i99", BigDecimal.ONE);
        RaporException e = assertThrows(RaporException.class, () -> client.score("pekppp-2022", Types.Assessment.of("u", unknown)));
        assertEquals(422, e.status());
        assertEquals("answers.i99", e.errors().get(0).field());
        assertEquals(404, assertThrows(RaporException.class, () -> client.methodology("nope")).status());
        assertEquals(404, assertThrows(RaporException.class, () -> client.resolve("ombudsman", 1990)).status());
        RaporClient nowhere = RaporClient.builder().baseUrl("http://127.0.0.1:9").connectTimeout(Duration.ofSeconds(1)).build();
        RaporException down = assertThrows(RaporException.class, nowhere::methodologies);
        assertEquals(0, down.status());
        assertTrue(down.getMessage().contains("127.0.0.1:9"), down.getMessage());
    }

    @Test
    void oneClientServesManyThreads() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        List<Future<String>> results = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            results.add(pool.submit(() -> client.score("pekppp-2022", Types.Assessment.of("u", example)).index().toPlainString()));
        }
        for (Future<String> f : results) assertEquals("2.97", f.get());
        pool.shutdown();
    }
}
