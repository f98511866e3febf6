package id.rapor.it;

import static id.rapor.it.RaporDistribution.json;
import static id.rapor.it.RecordsScenarios.ADMIN;
import static id.rapor.it.RecordsScenarios.EVALUATOR;
import static id.rapor.it.RecordsScenarios.OPD;
import static id.rapor.it.RecordsScenarios.POLICY;
import static id.rapor.it.RecordsScenarios.VERIFIER;
import static id.rapor.it.RecordsScenarios.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regions' entry rounds against the real distribution, as an attacker would probe them: only an admin opens or
 * changes one (every other role 403, audited; anonymous 401); an office admin's self-assessment is refused 409
 * round-closed while its region's round is closed, not yet open or over, and taken while it is open; evaluators are
 * never bound to it; a unit under no round is not restricted; a scoped user sees only the rounds around their units.
 */
class RoundsIT {
    static RaporDistribution rapor;
    static final LocalDate TODAY = LocalDate.now();

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(RecordsScenarios::recordEveryRefusal);
        RecordsScenarios.users(rapor); // admin, opd (unit-admin@dinas-a), penilai (evaluator@kab-a), verifikator, kebijakan; kab-a's tree
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"kab-b\",\"name\":\"Kabupaten B\",\"kind\":\"region\"}", ADMIN).statusCode());
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"kab-c\",\"name\":\"Kabupaten C\",\"kind\":\"region\"}", ADMIN).statusCode());
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"dinas-c\",\"name\":\"Dinas C\",\"kind\":\"office\",\"parent\":\"kab-c\"}", ADMIN)
                .statusCode());
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
        rapor = null;
    }

    @Test
    void onlyAnAdminOpensOrChangesARoundAndEveryOtherRoleIsRefusedAudited() throws Exception {
        String body = round("kab-b", "ombudsman", 2024, TODAY, TODAY.plusDays(5));
        assertEquals(401, call("POST", "/api/v1/rounds", body, null).statusCode());
        assertEquals(401, call("GET", "/api/v1/rounds", null, null).statusCode());
        for (String other : new String[] {OPD, EVALUATOR, VERIFIER, POLICY}) {
            assertProblem(call("POST", "/api/v1/rounds", body, other), 403, "forbidden", null);
        }
        assertTrue(json(call("GET", "/api/v1/rounds?region=kab-b&family=ombudsman", null, ADMIN)).isEmpty(), "no refused call opened it");
        JsonNode opened = created(call("POST", "/api/v1/rounds", body, ADMIN));
        long id = opened.get("id").asLong();
        for (String other : new String[] {OPD, EVALUATOR, VERIFIER, POLICY}) {
            assertEquals(403, call("PUT", "/api/v1/rounds/" + id, "{\"closed\":true}", other).statusCode());
        }
        assertEquals(401, call("PUT", "/api/v1/rounds/" + id, "{\"closed\":true}", null).statusCode());
        assertFalse(json(call("GET", "/api/v1/rounds/" + id, null, ADMIN)).get("closed").asBoolean(), "no refused call closed it");
        String audit = rapor.get("/api/v1/audit?limit=1000", POLICY).body();
        assertTrue(audit.contains("\"round.create\"") && audit.contains("\"round.update\""), "the refusals are in the trail: " + audit);
        assertTrue(audit.contains("lacks the role 'admin'"), audit);
        // The change itself is in the records' trail: who, from where, what.
        String records = rapor.get("/api/v1/records/audit?limit=100", ADMIN).body();
        assertTrue(records.contains("\"subject\":\"round:" + id + "\""), records);
        assertTrue(records.contains("round of kab-b for ombudsman 2024"), records);
    }

    @Test
    void anOfficesSelfAssessmentIsTakenOnlyWhileItsRegionsRoundIsOpenAndEvaluatorsAreNeverBound() throws Exception {
        JsonNode opened = created(call("POST", "/api/v1/rounds", round("kab-a", "pekppp", 2024, TODAY, TODAY.plusDays(10)), ADMIN));
        assertEquals("open", opened.get("state").asText());
        assertEquals("Kabupaten A", opened.get("regionName").asText());
        String id = opened.get("id").asText();
        // Open: the office enters, changes and (later) submits its self-assessment.
        JsonNode draft = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2024, "dalam masa"), OPD));
        long draftId = draft.get("id").asLong();
        // Closed early by the admin: refused, in Indonesian and in English, naming the year and the period.
        assertEquals("closed", json(call("PUT", "/api/v1/rounds/" + id, "{\"closed\":true}", ADMIN)).get("state").asText());
        HttpResponse<String> refused = rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2024, null), OPD);
        assertProblem(refused, 409, "round-closed", "year");
        assertEquals("Putaran ditutup", json(refused).get("title").asText());
        assertTrue(refused.body().contains(TODAY.toString()) && refused.body().contains(TODAY.plusDays(10).toString()), refused.body());
        HttpResponse<String> english = rapor.send(rapor.request("POST", "/api/v1/units/upp-a1/assessments", entry("self", 2024, null), OPD)
                .header("Accept-Language", "en"));
        assertEquals("Round closed", json(english).get("title").asText());
        assertTrue(english.body().contains("was closed by an admin"), english.body());
        assertProblem(call("PUT", "/api/v1/assessments/" + draftId, entry("self", 2024, "diubah"), OPD), 409, "round-closed", "year");
        assertProblem(rapor.post("/api/v1/assessments/" + draftId + "/submit", "", OPD), 409, "round-closed", "year");
        // Evaluators and verifiers are not bound to the period.
        JsonNode evaluated = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("evaluator", 2024, null), EVALUATOR));
        assertEquals(200, rapor.post("/api/v1/assessments/" + evaluated.get("id").asLong() + "/submit", "", EVALUATOR).statusCode());
        created(rapor.post("/api/v1/units/upp-a1/assessments", entry("verifier", 2024, null), VERIFIER));
        // Another year, and a unit under no round, are not restricted.
        created(rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2023, null), OPD));
        created(rapor.post("/api/v1/units/dinas-c/assessments", entry("self", 2024, null), ADMIN));
        // Reopened with a period from tomorrow: not yet open; then from today: taken, and submitted.
        json(call("PUT", "/api/v1/rounds/" + id, "{\"closed\":false,\"opensOn\":\"" + TODAY.plusDays(1) + "\"}", ADMIN));
        HttpResponse<String> early = rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2024, null), OPD);
        assertProblem(early, 409, "round-closed", "year");
        assertTrue(early.body().contains("belum dibuka"), early.body());
        assertEquals("not-yet-open", json(call("GET", "/api/v1/rounds/" + id, null, OPD)).get("state").asText());
        json(call("PUT", "/api/v1/rounds/" + id, "{\"opensOn\":\"" + TODAY + "\",\"closesOn\":\"" + TODAY + "\"}", ADMIN));
        assertEquals(200, call("PUT", "/api/v1/assessments/" + draftId, entry("self", 2024, "hari terakhir"), OPD).statusCode());
        assertEquals("submitted", json(rapor.post("/api/v1/assessments/" + draftId + "/submit", "", OPD)).get("state").asText());
        // Over (its last day was yesterday): refused.
        json(call("PUT", "/api/v1/rounds/" + id, "{\"opensOn\":\"" + TODAY.minusDays(9) + "\",\"closesOn\":\"" + TODAY.minusDays(1) + "\"}", ADMIN));
        HttpResponse<String> over = rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2024, null), OPD);
        assertProblem(over, 409, "round-closed", "year");
        assertTrue(over.body().contains("sudah lewat"), over.body());
        // The verifier still makes the submitted self-assessment final: not an entry of the office's.
        assertEquals(200, rapor.post("/api/v1/assessments/" + draftId + "/finalize", "", VERIFIER).statusCode());
    }

    @Test
    void aRoundIsCheckedFieldByFieldAndOpenedOnce() throws Exception {
        assertProblem(call("POST", "/api/v1/rounds", round("kab-tidak-ada", "pekppp", 2025, TODAY, TODAY), ADMIN), 422, "invalid-entry-round", "region");
        assertProblem(call("POST", "/api/v1/rounds", round("dinas-a", "pekppp", 2025, TODAY, TODAY), ADMIN), 422, "invalid-entry-round", "region");
        assertProblem(call("POST", "/api/v1/rounds", round("kab-c", "rapor", 2025, TODAY, TODAY), ADMIN), 422, "invalid-entry-round", "family");
        assertProblem(call("POST", "/api/v1/rounds", round("kab-c", "pekppp", 2025, TODAY, TODAY.minusDays(1)), ADMIN), 422,
                "invalid-entry-round", "closesOn");
        assertProblem(call("POST", "/api/v1/rounds", round("kab-c", "pekppp", 1900, TODAY, TODAY), ADMIN), 422, "invalid-entry-round", "year");
        assertProblem(call("POST", "/api/v1/rounds", round("kab-c", "pekppp", 2025, TODAY, TODAY).replace(TODAY.toString() + "\",\"closes",
                "1 Maret\",\"closes"), ADMIN), 422, "invalid-entry-round", "opensOn");
        assertProblem(call("POST", "/api/v1/rounds", "{\"region\":\"kab-c\",\"year\":\"2025\"}", ADMIN), 400, "malformed-request", "year");
        HttpResponse<String> english = rapor.send(rapor.request("POST", "/api/v1/rounds", round("dinas-a", "skm", 2025, TODAY, TODAY), ADMIN)
                .header("Accept-Language", "en"));
        assertTrue(english.body().contains("'dinas-a' is of kind office; a round is opened for a region"), english.body());
        assertTrue(json(call("GET", "/api/v1/rounds?region=kab-c", null, ADMIN)).isEmpty(), "nothing refused was stored");
        created(call("POST", "/api/v1/rounds", round("kab-c", "skm", 2025, TODAY, TODAY), ADMIN));
        assertProblem(call("POST", "/api/v1/rounds", round("kab-c", "skm", 2025, TODAY, TODAY.plusDays(1)), ADMIN), 409, "duplicate-round", "year");
        assertProblem(call("GET", "/api/v1/rounds/999999", null, ADMIN), 404, "unknown-round", "id");
        assertProblem(call("PUT", "/api/v1/rounds/999999", "{\"closed\":true}", ADMIN), 404, "unknown-round", "id");
    }

    @Test
    void aScopedUserSeesOnlyTheRoundsAroundTheirUnits() throws Exception {
        long a = created(call("POST", "/api/v1/rounds", round("kab-a", "skm", 2026, TODAY, TODAY.plusDays(3)), ADMIN)).get("id").asLong();
        long b = created(call("POST", "/api/v1/rounds", round("kab-b", "skm", 2026, TODAY, TODAY.plusDays(3)), ADMIN)).get("id").asLong();
        assertEquals(List.of(a), ids(call("GET", "/api/v1/rounds?family=skm&year=2026", null, OPD)), "the office admin of dinas-a: kab-a's");
        assertEquals(List.of(a), ids(call("GET", "/api/v1/rounds?family=skm&year=2026&open=true", null, EVALUATOR)));
        assertEquals(List.of(a, b), ids(call("GET", "/api/v1/rounds?family=skm&year=2026", null, POLICY)), "policy holds everywhere");
        assertEquals(200, call("GET", "/api/v1/rounds/" + a, null, OPD).statusCode());
        assertProblem(call("GET", "/api/v1/rounds/" + b, null, OPD), 403, "forbidden", null);
        // The round that governs a unit; another office's unit is refused.
        assertEquals(List.of(a), ids(call("GET", "/api/v1/rounds?unit=upp-a1&family=skm&year=2026", null, OPD)));
        assertEquals(403, call("GET", "/api/v1/rounds?unit=dinas-b", null, OPD).statusCode());
        assertProblem(call("GET", "/api/v1/rounds?open=perhaps", null, OPD), 400, "malformed-request", "open");
    }

    private static String round(String region, String family, int year, LocalDate opensOn, LocalDate closesOn) {
        return "{\"region\":\"" + region + "\",\"family\":\"" + family + "\",\"year\":" + year + ",\"opensOn\":\"" + opensOn
                + "\",\"closesOn\":\"" + closesOn + "\"}";
    }

    private static List<Long> ids(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        List<Long> ids = new ArrayList<>();
        for (JsonNode n : json(r)) ids.add(n.get("id").asLong());
        return ids;
    }

    private static JsonNode created(HttpResponse<String> r) throws Exception {
        assertEquals(201, r.statusCode(), r.body());
        return json(r);
    }

    private static HttpResponse<String> call(String method, String path, String body, String authorization) throws Exception {
        return rapor.call(method, path, body, authorization);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type, String field) throws Exception {
        ApiIT.problem(r, status, type, field);
    }
}
