package id.rapor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client sends: the paths, queries and bodies AssessmentReader reads. */
class RequestsTest {
    private CannedRapor rapor;
    private RaporClient client;

    @BeforeEach
    void serve() throws Exception {
        rapor = new CannedRapor()
                .on("POST", "/api/v1/methodologies/pekppp-2022/score", 200, "score.json")
                .on("POST", "/api/v1/methodologies/skm-2017/score", 200, "score-skm.json")
                .on("POST", "/api/v1/score?family=pekppp&year=2024", 200, "score.json")
                .on("POST", "/api/v1/methodologies/ombudsman-2022/score/batch", 200, "region.json")
                .on("POST", "/api/v1/score/batch?family=ombudsman&year=2023", 200, "region.json")
                .on("GET", "/api/v1/methodologies?family=pekppp", 200, "methodologies.json")
                .on("GET", "/api/v1/methodologies/a%20b", 200, "questionnaire-skm-2017.json");
        client = RaporClient.builder().baseUrl(rapor.url() + "/").build();
    }

    @AfterEach
    void stop() {
        rapor.close();
    }

    @Test
    void aUnitsAnswersAreSentAsTheyWereGiven() {
        client.score("pekppp-2022", "Dinas A", RaporClient.answers("i01", 3, "i02", "4.50", "i03", new BigDecimal("1E+1")));
        assertEquals("POST", rapor.last.method());
        assertEquals("application/json", rapor.last.headers().get("content-type"));
        assertEquals("{\"unit\":\"Dinas A\",\"answers\":{\"i01\":3,\"i02\":4.50,\"i03\":1E+1}}", rapor.last.body(),
                "numbers as written, in order, no respondents field");
    }

    @Test
    void aSurveySendsRespondents() {
        client.scoreRespondents("skm-2017", "Puskesmas", List.of(RaporClient.answers("u1", 4), RaporClient.answers("u1", 3)));
        assertEquals("{\"unit\":\"Puskesmas\",\"respondents\":[{\"u1\":4},{\"u1\":3}]}", rapor.last.body());
    }

    @Test
    void byFamilyAndYear() {
        client.score("pekppp", 2024, Types.Assessment.of("Dinas A", RaporClient.answers("i01", 3)));
        assertEquals("/api/v1/score?family=pekppp&year=2024", rapor.last.target());
        client.methodologies("pekppp");
        assertEquals("/api/v1/methodologies?family=pekppp", rapor.last.target());
    }

    @Test
    void aRegionWithAndWithoutAtOrBelow() {
        List<Types.Assessment> units = List.of(Types.Assessment.of("Dinas A", RaporClient.answers("input", 90)));
        client.scoreRegion("ombudsman-2022", "Kota Contoh", units, "C");
        assertEquals("{\"region\":\"Kota Contoh\",\"atOrBelow\":\"C\",\"units\":[{\"unit\":\"Dinas A\",\"answers\":{\"input\":90}}]}", rapor.last.body());
        client.scoreRegion("ombudsman", 2023, "Kota Contoh", units, null);
        assertEquals("/api/v1/score/batch?family=ombudsman&year=2023", rapor.last.target());
        assertEquals("{\"region\":\"Kota Contoh\",\"units\":[{\"unit\":\"Dinas A\",\"answers\":{\"input\":90}}]}", rapor.last.body());
    }

    @Test
    void idsAreEncodedAsPathSegments() {
        client.methodology("a b");
        assertEquals("/api/v1/methodologies/a%20b", rapor.last.target());
        assertEquals("application/json", rapor.last.headers().get("accept"));
    }

    @Test
    void answersComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> RaporClient.answers("i01", 3, "i02"));
        assertThrows(IllegalArgumentException.class, () -> RaporClient.answers(1, 3));
        assertThrows(NumberFormatException.class, () -> RaporClient.answers("i01", "tiga"));
    }

    @Test
    void theBuilderRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> RaporClient.builder().baseUrl("ftp://x").build());
        assertThrows(IllegalArgumentException.class, () -> RaporClient.builder().requestTimeout(java.time.Duration.ZERO));
        assertEquals("http://127.0.0.1:8080/", RaporClient.builder().build().baseUrl().toString());
    }
}
