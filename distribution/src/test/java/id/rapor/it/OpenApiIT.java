package id.rapor.it;

import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at /api/v1/openapi.json is checked against what the server really
 * answers: every operation is called, for success and for errors, and each body must match
 * the schema the document gives for that status. Response schemas forbid unknown fields, so
 * a field added or renamed without the document fails here.
 */
class OpenApiIT extends StartedDistribution {
    private static JsonNode doc;
    private static final Set<String> covered = new HashSet<>();

    @BeforeAll
    static void start() throws Exception {
        HttpResponse<String> r = rapor.get("/api/v1/openapi.json");
        assertEquals(200, r.statusCode());
        doc = json(r);
        assertEquals("3.1.0", doc.get("openapi").asText());
    }


    @Test
    void everyOperationAnswersAsDocumented() throws Exception {
        String example = Assessments.example().toString();
        String region = "{\"region\":\"R\",\"atOrBelow\":\"C\",\"units\":[" + example + ",{\"unit\":\"bad\",\"answers\":{\"i01\":\"x\"}}]}";
        check("GET", "/api/v1/health", "/api/v1/health", null, 200);
        check("GET", "/api/v1/health/live", "/api/v1/health/live", null, 200);
        check("DELETE", "/api/v1/health/live", "/api/v1/health/live", null, 405);
        for (int i = 0; i < 100 && rapor.get("/api/v1/health/ready").statusCode() == 503; i++) Thread.sleep(100); // the database opens after the API
        check("GET", "/api/v1/health/ready", "/api/v1/health/ready", null, 200);
        check("DELETE", "/api/v1/health/ready", "/api/v1/health/ready", null, 405);
        check("GET", "/api/v1/methodologies", "/api/v1/methodologies", null, 200);
        check("GET", "/api/v1/methodologies", "/api/v1/methodologies?family=ombudsman&year=2023", null, 200);
        check("GET", "/api/v1/methodologies", "/api/v1/methodologies?family=ombudsman&year=1990", null, 404);
        check("GET", "/api/v1/methodologies", "/api/v1/methodologies?family=ombudsman&year=x", null, 400);
        check("DELETE", "/api/v1/methodologies", "/api/v1/methodologies", null, 405);
        for (String id : List.of("pekppp-2022", "pekppp-2017", "ombudsman-2021", "ombudsman-2022", "skm-2017")) {
            check("GET", "/api/v1/methodologies/{id}", "/api/v1/methodologies/" + id, null, 200);
        }
        check("GET", "/api/v1/methodologies/{id}", "/api/v1/methodologies/nope", null, 404);
        String score = "/api/v1/methodologies/{id}/score";
        check("POST", score, "/api/v1/methodologies/pekppp-2022/score", example, 200);
        check("POST", score, "/api/v1/methodologies/pekppp-2022/score", "{\"unit\":", 400);
        check("POST", score, "/api/v1/methodologies/pekppp-2022/score", Assessments.exampleWith("i99", 1), 422);
        check("POST", score, "/api/v1/methodologies/nope/score", example, 404);
        check("POST", score, "/api/v1/methodologies/pekppp-2022/score", "{\"unit\":\"" + "x".repeat(1024 * 1024) + "\"}", 413);
        check("GET", score, "/api/v1/methodologies/pekppp-2022/score", null, 405);
        contentType = "text/plain";
        check("POST", score, "/api/v1/methodologies/pekppp-2022/score", example, 415);
        contentType = "application/json";
        check("POST", "/api/v1/methodologies/{id}/score/batch", "/api/v1/methodologies/pekppp-2022/score/batch", region, 200);
        check("POST", "/api/v1/methodologies/{id}/score/batch", "/api/v1/methodologies/pekppp-2022/score/batch", "{\"region\":\"R\",\"units\":[]}", 422);
        check("POST", "/api/v1/methodologies/{id}/score/batch", "/api/v1/methodologies/pekppp-2022/score/batch",
                "{\"region\":\"R\",\"units\":[" + "{},".repeat(5_000) + "{}]}", 413);
        check("POST", "/api/v1/score", "/api/v1/score?family=skm&year=2024",
                "{\"unit\":\"u\",\"respondents\":[{\"u1\":4,\"u2\":4,\"u3\":3,\"u4\":3,\"u5\":2,\"u6\":2,\"u7\":1,\"u8\":1,\"u9\":4}]}", 200);
        check("POST", "/api/v1/score", "/api/v1/score?family=pekppp&year=2010", example, 404);
        check("POST", "/api/v1/score/batch", "/api/v1/score/batch?family=pekppp&year=2023", region, 200);
        check("GET", "/api/v1/deployments", "/api/v1/deployments", null, 200);
        String revisions = "/api/v1/methodologies/{id}/revisions";
        check("POST", revisions, "/api/v1/methodologies/pekppp-2022/revisions", "{}", 401);
        String[] added = rapor.command("rapor-user", java.util.Map.of("RAPOR_PASSWORD", "sandi-rahasia-1"), "add", "siti", "policy");
        assertEquals("0", added[0], added[1]);
        auth = "Basic " + java.util.Base64.getEncoder().encodeToString("siti:sandi-rahasia-1".getBytes());
        check("POST", revisions, "/api/v1/methodologies/pekppp-2022/revisions",
                "{\"comment\":\"same\",\"files\":{\"methodology/provenance.csv\":\"subject,confidence,source,note\\nall,C,x,\\n\"}}", 201);
        check("POST", revisions, "/api/v1/methodologies/pekppp-2022/revisions", "{\"comment\":1}", 400);
        check("POST", revisions, "/api/v1/methodologies/pekppp-2022/revisions", "{\"comment\":\"x\"}", 422);
        check("GET", revisions, "/api/v1/methodologies/pekppp-2022/revisions", null, 200);
        check("GET", revisions + "/{n}", "/api/v1/methodologies/pekppp-2022/revisions/1", null, 200);
        check("GET", revisions + "/{n}", "/api/v1/methodologies/pekppp-2022/revisions/7", null, 404);
        check("POST", revisions + "/{n}/impact", "/api/v1/methodologies/pekppp-2022/revisions/1/impact", "{\"units\":[" + example + "]}", 200);
        check("GET", revisions + "/{n}/diff/{m}", "/api/v1/methodologies/pekppp-2022/revisions/1/diff/1", null, 200);
        String tables = "/api/v1/methodologies/{id}/tables";
        check("GET", tables, "/api/v1/methodologies/pekppp-2022/tables", null, 200);
        check("GET", tables, "/api/v1/methodologies/pekppp-2022/tables?revision=1&format=xlsx", null, 200);
        check("GET", tables, "/api/v1/methodologies/pekppp-2022/tables?format=pdf", null, 400);
        check("GET", tables, "/api/v1/methodologies/pekppp-2022/tables?revision=9", null, 404);
        check("GET", revisions + "/{n}/impact", "/api/v1/methodologies/pekppp-2022/revisions/1/impact?year=2024", null, 200);
        check("POST", revisions, "/api/v1/methodologies/pekppp-2022/revisions",
                "{\"comment\":\"x\",\"tables\":{\"rules\":{\"columns\":[\"text\"],\"rows\":[[\"rule\"]]}}}", 422);
        check("POST", revisions, "/api/v1/methodologies/pekppp-2022/revisions", // the same files again: revision 1
                "{\"comment\":\"same\",\"files\":{\"methodology/provenance.csv\":\"subject,confidence,source,note\\nall,C,x,\\n\"}}", 200);
        String bands = new String(RuleBundleJar.read(rapor.home.resolve("rules/pekppp-2022.jar")).file("methodology/bands.csv"),
                java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode moved = RaporDistribution.JSON.createObjectNode().put("comment", "C from 2.98");
        moved.putObject("files").put("methodology/bands.csv", BandC.moveBands(bands));
        check("POST", revisions, "/api/v1/methodologies/pekppp-2022/revisions", moved.toString(), 201); // revision 2, golden cases moved
        check("POST", revisions + "/{n}/accept-golden", "/api/v1/methodologies/pekppp-2022/revisions/2/accept-golden", "", 201);
        check("POST", revisions + "/{n}/accept-golden", "/api/v1/methodologies/pekppp-2022/revisions/1/accept-golden", "", 409);
        check("POST", revisions + "/{n}/accept-golden", "/api/v1/methodologies/pekppp-2022/revisions/99/accept-golden", "", 404);
        check("POST", revisions + "/{n}/approve", "/api/v1/methodologies/pekppp-2022/revisions/1/approve", "", 403); // siti's own
        check("POST", revisions + "/{n}/approve", "/api/v1/methodologies/pekppp-2022/revisions/2/approve", "", 409); // rejected
        assertEquals("0", rapor.command("rapor-user", java.util.Map.of("RAPOR_PASSWORD", "sandi-rahasia-2"), "add", "rina", "policy")[0]);
        String siti = auth;
        auth = "Basic " + java.util.Base64.getEncoder().encodeToString("rina:sandi-rahasia-2".getBytes());
        check("POST", revisions + "/{n}/approve", "/api/v1/methodologies/pekppp-2022/revisions/1/approve", "", 200);
        auth = siti;
        check("GET", "/api/v1/audit", "/api/v1/audit?limit=many", null, 400);
        check("GET", "/api/v1/audit", "/api/v1/audit?methodology=pekppp-2022&limit=2&before=100000", null, 200);
        check("POST", revisions + "/{n}/activate", "/api/v1/methodologies/pekppp-2022/revisions/1/activate", "", 200);
        check("POST", score, "/api/v1/methodologies/pekppp-2022/score?revision=1", example, 200);
        check("GET", "/api/v1/audit", "/api/v1/audit", null, 200);
        auth = null;
        check("GET", "/api/v1/audit", "/api/v1/audit", null, 401);
        check("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", null, 200);
        check("POST", "/api/v1/openapi.json", "/api/v1/openapi.json", "{}", 405);
        advice(example);
        records(example);
        sessions();
        users();
        entryRounds(example);

        Set<String> documented = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        assertEquals(documented, covered, "every documented operation is exercised");
    }

    @Test
    void theValidatorRejectsABodyThatDrifted() throws Exception {
        ObjectNode score = (ObjectNode) json(rapor.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString()));
        assertTrue(errors(schemaFor("/api/v1/methodologies/{id}/score", "post", 200), score).isEmpty());
        score.put("grade", "C");
        assertFalse(errors(schemaFor("/api/v1/methodologies/{id}/score", "post", 200), score).isEmpty(), "an undocumented field");
        score.remove("grade");
        score.remove("band");
        assertFalse(errors(schemaFor("/api/v1/methodologies/{id}/score", "post", 200), score).isEmpty(), "a missing field");
    }

    @Test
    void everyResponseCarriesARequestId() throws Exception {
        HttpResponse<String> generated = rapor.get("/api/v1/health");
        assertTrue(generated.headers().firstValue("X-Request-Id").orElse("").length() >= 16);
        HttpResponse<String> echoed = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/nope"))).header("X-Request-Id", "portal-42"));
        assertEquals("portal-42", echoed.headers().firstValue("X-Request-Id").orElse(""));
        assertTrue(rapor.logText().contains("[portal-42] GET /api/v1/nope 404"), "the log names the request");
        HttpResponse<String> hostile = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/health"))).header("X-Request-Id", "a b<script>"));
        assertFalse(hostile.headers().firstValue("X-Request-Id").orElse("").contains("<"), "replaced, not echoed");
    }

    @Test
    void operationsThatMayAnswer401DeclareBasicAuthSoGeneratedClientsSendIt() {
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode security = op.getValue().get("security");
            assertTrue(security != null && security.isArray(), name + " declares its security");
            if (name.equals("POST /api/v1/session")) return; // the login: its 401 is the password it checks
            boolean basic = false;
            for (JsonNode requirement : security) basic |= requirement.has("basic") || requirement.has("session");
            assertEquals(op.getValue().at("/responses/401").isObject(), basic, name + ": basic auth or a session exactly where 401 may come");
        }));
    }

    @Test
    void corsIsOffByDefault() throws Exception {
        HttpResponse<String> r = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/health"))).header("Origin", "https://dashboard.example"));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    private String auth;
    private String contentType = "application/json";
    /** A browser's: the session cookie and its CSRF token, sent when set. */
    private String cookie;
    private String csrf;
    private HttpResponse<String> last;

    /** The browser's session: a login refused and accepted, the session read, a logout without and with its token. */
    private void sessions() throws Exception {
        String saved = auth;
        auth = null;
        String session = "/api/v1/session";
        check("POST", session, session, "{\"user\":\"ani\",\"password\":\"salah\"}", 401);
        check("POST", session, session, "{\"user\":\"ani\"}", 422);
        check("POST", session, session, "{\"user\":", 400);
        check("GET", session, session, null, 401);
        check("POST", session, session, "{\"user\":\"ani\",\"password\":\"sandi-admin-1\"}", 201);
        String setCookie = last.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String token = json(last).get("csrfToken").asText();
        check("GET", session, session, null, 200);
        check("GET", "/api/v1/units", "/api/v1/units", null, 200);
        check("DELETE", session, session, null, 403);
        csrf = token;
        check("DELETE", session, session, null, 204);
        check("DELETE", session, session, null, 401);
        cookie = null;
        csrf = null;
        auth = saved;
    }

    /**
     * The regions' entry rounds: opened, refused, listed, read, changed; a self-assessment under a closed round refused
     * (as ani, admin, after {@link #records}: kab-doc, dinas-dokumen and upp-doc exist; siti is policy).
     */
    private void entryRounds(String example) throws Exception {
        String saved = auth;
        String one = "/api/v1/rounds/{id}";
        auth = null;
        check("GET", "/api/v1/rounds", "/api/v1/rounds", null, 401);
        auth = RaporDistribution.basic("siti", "sandi-rahasia-1");
        check("POST", "/api/v1/rounds", "/api/v1/rounds", "{}", 403);
        auth = RaporDistribution.basic("ani", "sandi-admin-1");
        String today = java.time.LocalDate.now().toString();
        String round = "{\"region\":\"kab-doc\",\"family\":\"pekppp\",\"year\":2024,\"opensOn\":\"" + today + "\",\"closesOn\":\""
                + today + "\"}";
        check("POST", "/api/v1/rounds", "/api/v1/rounds", round, 201);
        long id = json(last).get("id").asLong();
        check("POST", "/api/v1/rounds", "/api/v1/rounds", round, 409);
        check("POST", "/api/v1/rounds", "/api/v1/rounds", round.replace("kab-doc", "dinas-dokumen").replace("pekppp", "nope"), 422);
        check("POST", "/api/v1/rounds", "/api/v1/rounds", "{\"year\":\"2024\"}", 400);
        check("DELETE", "/api/v1/rounds", "/api/v1/rounds", null, 405);
        check("GET", "/api/v1/rounds", "/api/v1/rounds?region=kab-doc&family=pekppp&year=2024&open=true", null, 200);
        check("GET", "/api/v1/rounds", "/api/v1/rounds?open=maybe", null, 400);
        check("GET", one, "/api/v1/rounds/" + id, null, 200);
        check("GET", one, "/api/v1/rounds/999999", null, 404);
        check("PUT", one, "/api/v1/rounds/" + id, "{\"closed\":true}", 200);
        check("PUT", one, "/api/v1/rounds/" + id, "{\"closesOn\":\"2000-01-01\"}", 422);
        check("PUT", one, "/api/v1/rounds/" + id, "{\"region\":\"kab-doc\"}", 400);
        check("PUT", one, "/api/v1/rounds/999999", "{\"closed\":true}", 404);
        check("DELETE", one, "/api/v1/rounds/" + id, null, 405);
        String entry = "{\"year\":2024,\"family\":\"pekppp\",\"role\":\"self\",\"answers\":" + RaporDistribution.JSON.readTree(example).get("answers") + "}";
        check("POST", "/api/v1/units/{id}/assessments", "/api/v1/units/upp-doc/assessments", entry, 409);
        assertEquals("urn:rapor:problem:round-closed", json(last).get("type").asText(), last.body());
        check("PUT", one, "/api/v1/rounds/" + id, "{\"closed\":false}", 200);
        auth = saved;
    }

    /** The admin's users: listed, made, changed, refused, removed (as ani, admin, from {@link #records}; units of kab-doc exist). */
    private void users() throws Exception {
        String one = "/api/v1/users/{name}";
        String saved = auth;
        auth = RaporDistribution.basic("ani", "sandi-admin-1");
        String ani = auth;
        check("GET", "/api/v1/users", "/api/v1/users", null, 200);
        check("POST", "/api/v1/users", "/api/v1/users", "{}", 405);
        check("PUT", one, "/api/v1/users/budi", "{\"roles\":[\"evaluator@kab-doc\",\"verifier\"],\"password\":\"sandi-budi-1\"}", 201);
        check("PUT", one, "/api/v1/users/budi", "{\"roles\":[\"policy\"]}", 200);
        check("PUT", one, "/api/v1/users/budi", "{\"roles\":[\"boss\"]}", 422);
        check("PUT", one, "/api/v1/users/budi", "{\"roles\":\"policy\"}", 400);
        check("PUT", one, "/api/v1/users/budi", "{\"roles\":[" + "\"policy\",".repeat(120_000) + "\"policy\"]}", 413);
        check("PUT", one, "/api/v1/users/ani", "{\"roles\":[\"policy\"]}", 409);
        check("GET", one, "/api/v1/users/budi", null, 200);
        check("GET", one, "/api/v1/users/nobody", null, 404);
        check("POST", one, "/api/v1/users/budi", "{}", 405);
        check("DELETE", one, "/api/v1/users/ani", null, 409);
        check("DELETE", one, "/api/v1/users/budi", null, 204);
        check("DELETE", one, "/api/v1/users/budi", null, 404);
        auth = RaporDistribution.basic("budi", "sandi-budi-1");
        check("GET", "/api/v1/users", "/api/v1/users", null, 401);
        auth = null;
        check("DELETE", one, "/api/v1/users/ani", null, 401);
        auth = RaporDistribution.basic("dokumen", "sandi-dokumen-1");
        check("PUT", one, "/api/v1/users/dokumen", "{\"roles\":[\"admin\"]}", 401);
        auth = ani;
        check("PUT", one, "/api/v1/users/dokumen", "{\"roles\":[\"policy\"],\"password\":\"sandi-dokumen-1\"}", 201);
        auth = RaporDistribution.basic("dokumen", "sandi-dokumen-1");
        check("GET", "/api/v1/users", "/api/v1/users", null, 403);
        check("GET", one, "/api/v1/users/ani", null, 403);
        check("PUT", one, "/api/v1/users/dokumen", "{\"roles\":[\"admin\"]}", 403);
        check("POST", "/api/v1/backups", "/api/v1/backups", "", 403);
        auth = null;
        check("POST", "/api/v1/backups", "/api/v1/backups", "", 401);
        auth = ani;
        check("POST", "/api/v1/backups", "/api/v1/backups", "", 201);
        check("GET", "/api/v1/backups", "/api/v1/backups", null, 405);
        auth = RaporDistribution.basic("dokumen", "sandi-dokumen-1");
        check("DELETE", one, "/api/v1/users/ani", null, 403);
        auth = ani;
        check("DELETE", one, "/api/v1/users/dokumen", null, 204);
        auth = saved;
    }

    /** The evaluation records: units and a round's assessments, answers and refusals as documented. */
    private void records(String example) throws Exception {
        String[] added = rapor.command("rapor-user", java.util.Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "ani", "admin");
        assertEquals("0", added[0], added[1]);
        check("GET", "/api/v1/units", "/api/v1/units", null, 401);
        auth = "Basic " + java.util.Base64.getEncoder().encodeToString("ani:sandi-admin-1".getBytes());
        String region = "{\"id\":\"kab-doc\",\"name\":\"Kabupaten Dokumen\",\"kind\":\"region\"}";
        HttpResponse<String> first = rapor.post("/api/v1/units", region, auth);
        for (int i = 0; i < 100 && first.statusCode() == 503; i++) { // the database may still be opening
            Thread.sleep(100);
            first = rapor.post("/api/v1/units", region, auth);
        }
        assertEquals(201, first.statusCode(), first.body());
        check("POST", "/api/v1/units", "/api/v1/units", "{\"name\":\"Dinas Dokumen\",\"kind\":\"office\",\"parent\":\"kab-doc\"}", 201);
        check("POST", "/api/v1/units", "/api/v1/units", region, 409);
        check("POST", "/api/v1/units", "/api/v1/units", "{\"name\":\"X\",\"kind\":\"kantor\"}", 422);
        check("POST", "/api/v1/units", "/api/v1/units", "{\"name\":1}", 400);
        contentType = "text/csv";
        check("POST", "/api/v1/units/import", "/api/v1/units/import", "id;name;kind;parent\nupp-doc;UPP Dokumen;service-unit;dinas-dokumen\n", 200);
        check("POST", "/api/v1/units/import", "/api/v1/units/import", "id,name,kind,parent\nx,X,kantor,kab-doc\n", 422);
        contentType = "application/json";
        check("GET", "/api/v1/units", "/api/v1/units", null, 200);
        check("GET", "/api/v1/units", "/api/v1/units?region=kab-doc", null, 200);
        check("GET", "/api/v1/units", "/api/v1/units?region=nowhere", null, 404);
        check("GET", "/api/v1/units/{id}", "/api/v1/units/upp-doc", null, 200);
        check("GET", "/api/v1/units/{id}", "/api/v1/units/nowhere", null, 404);
        check("PUT", "/api/v1/units/{id}", "/api/v1/units/upp-doc", "{\"name\":\"UPP Dokumen Baru\",\"kind\":\"service-unit\",\"parent\":\"dinas-dokumen\"}", 200);
        String entry = "{\"year\":2024,\"family\":\"pekppp\",\"role\":\"self\",\"answers\":" + RaporDistribution.JSON.readTree(example).get("answers") + "}";
        String units = "/api/v1/units/{id}/assessments";
        check("POST", units, "/api/v1/units/upp-doc/assessments", entry, 201);
        check("POST", units, "/api/v1/units/upp-doc/assessments", entry.replace("\"self\"", "\"boss\""), 422);
        check("POST", units, "/api/v1/units/upp-doc/assessments", entry.replace("2024", "1990"), 404);
        check("GET", units, "/api/v1/units/upp-doc/assessments?year=2024&family=pekppp", null, 200);
        long id = json(rapor.get("/api/v1/units/upp-doc/assessments", auth)).get(0).get("id").asLong();
        check("GET", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, null, 200);
        check("GET", "/api/v1/assessments/{id}", "/api/v1/assessments/999999", null, 404);
        check("PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, entry, 200);
        evidence(id);
        check("POST", "/api/v1/assessments/{id}/finalize", "/api/v1/assessments/" + id + "/finalize", "", 409);
        check("POST", "/api/v1/assessments/{id}/submit", "/api/v1/assessments/" + id + "/submit", "", 200);
        check("PUT", "/api/v1/assessments/{id}", "/api/v1/assessments/" + id, entry, 409);
        check("GET", "/api/v1/units/{id}/official", "/api/v1/units/upp-doc/official?year=2024&family=pekppp", null, 404);
        check("POST", "/api/v1/assessments/{id}/finalize", "/api/v1/assessments/" + id + "/finalize", "", 200);
        check("GET", "/api/v1/units/{id}/official", "/api/v1/units/upp-doc/official?year=2024&family=pekppp", null, 200);
        check("POST", "/api/v1/assessments/{id}/rescore", "/api/v1/assessments/" + id + "/rescore", "", 201);
        check("POST", "/api/v1/assessments/{id}/rescore", "/api/v1/assessments/999999/rescore", "", 404);
        String plan = "/api/v1/assessments/{id}/plan";
        check("GET", plan, "/api/v1/assessments/" + id + "/plan", null, 200);
        check("GET", plan, "/api/v1/assessments/" + id + "/plan?target=Z", null, 400);
        check("GET", plan, "/api/v1/assessments/" + id + "/plan?target=C-", null, 422);
        check("GET", plan, "/api/v1/assessments/999999/plan", null, 404);
        check("POST", "/api/v1/compare", "/api/v1/compare", "{\"before\":{\"assessment\":" + id + "}}", 200);
        check("PUT", evidence, "/api/v1/assessments/" + id + "/evidence/i01?name=late.pdf", "%PDF-1.4 late", 409);
        check("DELETE", evidence + "/{name}", "/api/v1/assessments/" + id + "/evidence/i01/bukti.pdf", null, 409);
        String trail = "/api/v1/records/audit";
        check("GET", trail, trail + "?assessment=" + id + "&limit=2", null, 200);
        check("GET", trail, trail + "?unit=upp-doc&assessment=" + id, null, 400);
        monitoring();
        rounds(example);
        auth = null;
        check("GET", trail, trail, null, 401);
        check("GET", plan, "/api/v1/assessments/" + id + "/plan", null, 401);
    }

    /** A round's sheet: exported as CSV and as a workbook, imported, refused as documented. */
    private void rounds(String example) throws Exception {
        String round = "?region=kab-doc&year=2024&family=pekppp";
        check("GET", "/api/v1/rounds/export", "/api/v1/rounds/export" + round, null, 200);
        check("GET", "/api/v1/rounds/export", "/api/v1/rounds/export" + round + "&format=xlsx", null, 200);
        check("GET", "/api/v1/rounds/export", "/api/v1/rounds/export" + round + "&format=pdf", null, 400);
        check("GET", "/api/v1/rounds/export", "/api/v1/rounds/export?region=kab-doc&year=2024&family=skm", null, 422);
        check("GET", "/api/v1/rounds/export", "/api/v1/rounds/export?region=nowhere&year=2024&family=pekppp", null, 404);
        JsonNode answers = RaporDistribution.JSON.readTree(example).get("answers");
        StringBuilder header = new StringBuilder("unit,role"), row = new StringBuilder("upp-doc,evaluator");
        answers.fields().forEachRemaining(e -> { header.append(',').append(e.getKey()); row.append(',').append(e.getValue().asText()); });
        contentType = "text/csv";
        check("POST", "/api/v1/rounds/import", "/api/v1/rounds/import" + round, header + "\n" + row + "\n", 200);
        check("POST", "/api/v1/rounds/import", "/api/v1/rounds/import" + round, header + "\n" + row.toString().replace("upp-doc", "nowhere") + "\n", 422);
        check("POST", "/api/v1/rounds/import", "/api/v1/rounds/import?region=kab-doc&family=pekppp", header + "\n", 400);
        contentType = "application/json";
        check("POST", "/api/v1/rounds/import", "/api/v1/rounds/import" + round, "{}", 415);
        String saved = auth;
        auth = null;
        check("GET", "/api/v1/rounds/export", "/api/v1/rounds/export" + round, null, 401);
        auth = saved;
    }

    /** Issue 15: the plan and the comparison, answered and refused as documented. */
    private void advice(String example) throws Exception {
        String plan = "/api/v1/methodologies/{id}/plan";
        check("POST", plan, "/api/v1/methodologies/pekppp-2022/plan", example, 200);
        check("POST", plan, "/api/v1/methodologies/pekppp-2022/plan?exact=true", example, 200);
        check("POST", plan, "/api/v1/methodologies/pekppp-2022/plan", unreachable(example), 200);
        check("POST", plan, "/api/v1/methodologies/pekppp-2022/plan", "{\"answers\":[]}", 400);
        check("POST", plan, "/api/v1/methodologies/pekppp-2022/plan", ((ObjectNode) RaporDistribution.JSON.readTree(example)).put("target", "Z").toString(), 400);
        check("POST", plan, "/api/v1/methodologies/pekppp-2022/plan", ((ObjectNode) RaporDistribution.JSON.readTree(example)).put("target", "C").toString(), 422);
        check("POST", plan, "/api/v1/methodologies/nope/plan", example, 404);
        check("GET", plan, "/api/v1/methodologies/pekppp-2022/plan", null, 405);
        check("POST", plan, "/api/v1/methodologies/pekppp-2022/plan", "{\"unit\":\"" + "x".repeat(1024 * 1024) + "\"}", 413);
        JsonNode answers22 = RaporDistribution.JSON.readTree(example).get("answers");
        JsonNode answers17 = RaporDistribution.JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of(
                System.getProperty("rapor.examples", "../docs/examples"), "pekppp-2017-assessment.json"))).get("answers");
        ObjectNode compare = RaporDistribution.JSON.createObjectNode();
        compare.putObject("before").put("methodology", "pekppp-2017").set("answers", answers17);
        compare.putObject("after").put("methodology", "pekppp-2022").set("answers", answers22);
        check("POST", "/api/v1/compare", "/api/v1/compare", compare.toString(), 200);
        check("POST", "/api/v1/compare", "/api/v1/compare?exact=true", compare.toString(), 200);
        ObjectNode none = RaporDistribution.JSON.createObjectNode();
        none.putObject("before").put("methodology", "ombudsman-2021").putObject("answers");
        for (int v = 1; v <= 9; v++) ((ObjectNode) none.at("/before/answers")).put(String.format("v%02d", v), 81.5);
        ObjectNode later = none.putObject("after").put("methodology", "ombudsman-2022").putObject("answers");
        for (String d : new String[] {"input", "proses", "output", "pengaduan"}) later.put(d, 77);
        check("POST", "/api/v1/compare", "/api/v1/compare", none.toString(), 200);
        ((ObjectNode) compare.get("after")).put("methodology", "skm-2017");
        check("POST", "/api/v1/compare", "/api/v1/compare", compare.toString(), 422);
        check("POST", "/api/v1/compare", "/api/v1/compare", "{\"before\":1}", 400);
        ((ObjectNode) compare.get("after")).put("methodology", "nope");
        check("POST", "/api/v1/compare", "/api/v1/compare", compare.toString(), 404);
        check("GET", "/api/v1/compare", "/api/v1/compare", null, 405);
        check("POST", "/api/v1/compare", "/api/v1/compare", "{\"unit\":\"" + "x".repeat(1024 * 1024) + "\"}", 413);
    }

    /** The example with A as its target and every indicator but i03 kept as it is: out of reach (reachable false, and why). */
    private static String unreachable(String example) throws Exception {
        ObjectNode body = (ObjectNode) RaporDistribution.JSON.readTree(example);
        body.put("target", "A");
        var fixed = body.putArray("fixed");
        body.get("answers").fieldNames().forEachRemaining(id -> {
            if (!id.equals("i03")) fixed.add(id);
        });
        return body.toString();
    }

    private static final String evidence = "/api/v1/assessments/{id}/evidence/{indicator}";

    /** The round's view (with the official score above, and an empty round) and the history of a unit and a region. */
    private void monitoring() throws Exception {
        String view = "/api/v1/monitoring";
        check("GET", view, view + "?region=kab-doc&year=2024&family=pekppp&exact=true", null, 200);
        check("GET", view, view + "?region=kab-doc&year=2023&family=pekppp", null, 200);
        check("GET", view, view + "?region=kab-doc&year=2024", null, 400);
        check("GET", view, view + "?region=nowhere&year=2024&family=pekppp", null, 404);
        check("GET", view, view + "?region=upp-doc&year=2024&family=pekppp", null, 422);
        String history = "/api/v1/units/{id}/history";
        check("GET", history, "/api/v1/units/upp-doc/history?family=pekppp&exact=true", null, 200);
        check("GET", history, "/api/v1/units/kab-doc/history?family=pekppp", null, 200);
        check("GET", history, "/api/v1/units/kab-doc/history", null, 400);
        check("GET", history, "/api/v1/units/nowhere/history?family=pekppp", null, 404);
        String card = "/api/v1/units/{id}/report";
        check("GET", card, "/api/v1/units/upp-doc/report?year=2024&family=pekppp", null, 200);
        check("GET", card, "/api/v1/units/upp-doc/report?year=2024&family=pekppp&format=xlsx", null, 200);
        check("GET", card, "/api/v1/units/upp-doc/report?year=2024&family=pekppp&format=doc", null, 400);
        check("GET", card, "/api/v1/units/nowhere/report?year=2024&family=pekppp", null, 404);
        check("GET", card, "/api/v1/units/upp-doc/report?year=2024&family=ombudsman&methodology=pekppp-2022", null, 422);
        String report = "/api/v1/monitoring/report";
        check("GET", report, report + "?region=kab-doc&year=2024&family=pekppp", null, 200);
        check("GET", report, report + "?region=kab-doc&year=2024&family=pekppp&format=xlsx", null, 200);
        check("GET", report, report + "?region=kab-doc&year=2024", null, 400);
        check("GET", report, report + "?region=nowhere&year=2024&family=pekppp", null, 404);
        check("GET", report, report + "?region=upp-doc&year=2024&family=pekppp", null, 422);
        String saved = auth;
        auth = null;
        check("GET", card, "/api/v1/units/upp-doc/report?year=2024&family=pekppp", null, 401);
        check("GET", report, report + "?region=kab-doc&year=2024&family=pekppp", null, 401);
        check("GET", view, view + "?region=kab-doc&year=2024&family=pekppp", null, 401);
        check("GET", history, "/api/v1/units/kab-doc/history?family=pekppp", null, 401);
        auth = saved;
    }

    /** A draft's evidence: attached, listed, downloaded (bytes of the type detected), refused as documented, removed. */
    private void evidence(long id) throws Exception {
        String at = "/api/v1/assessments/" + id + "/evidence";
        contentType = "application/octet-stream";
        check("PUT", evidence, at + "/i01?name=bukti.pdf", "%PDF-1.4\n%%EOF\n", 201);
        check("PUT", evidence, at + "/i01?name=kedua.pdf", "%PDF-1.4\nkedua\n%%EOF\n", 201);
        check("PUT", evidence, at + "/i01?name=skrip.pdf", "#!/bin/sh\necho\n", 415);
        check("PUT", evidence, at + "/i999?name=bukti.pdf", "%PDF-1.4\n", 422);
        check("PUT", evidence, at + "/i01", "%PDF-1.4\n", 422);
        check("PUT", evidence, "/api/v1/assessments/999999/evidence/i01?name=a.pdf", "%PDF-1.4\n", 404);
        check("PUT", evidence, at + "/i01?name=besar.pdf", "%PDF-1.4\n" + "x".repeat(10 << 20), 413);
        contentType = "application/json";
        check("GET", "/api/v1/assessments/{id}/evidence", at, null, 200);
        check("GET", "/api/v1/assessments/{id}/evidence", "/api/v1/assessments/999999/evidence", null, 404);
        check("GET", evidence + "/{name}", at + "/i01/bukti.pdf", null, 200);
        check("GET", evidence + "/{name}", at + "/i01/none.pdf", null, 404);
        check("DELETE", evidence + "/{name}", at + "/i01/kedua.pdf", null, 204);
        check("DELETE", evidence + "/{name}", at + "/i01/kedua.pdf", null, 404);
        String saved = auth;
        auth = null;
        check("GET", "/api/v1/assessments/{id}/evidence", at, null, 401);
        auth = saved;
    }

    private void check(String method, String template, String path, String body, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rapor.url(path)));
        if (auth != null) request.header("Authorization", auth);
        if (cookie != null) request.header("Cookie", cookie);
        if (csrf != null) request.header("X-CSRF-Token", csrf);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = rapor.send(request);
        last = r;
        assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        String documentedMethod = doc.at("/paths").get(template).has(method.toLowerCase()) ? method.toLowerCase()
                : doc.at("/paths").get(template).fieldNames().next();
        covered.add(documentedMethod.toUpperCase() + " " + template);
        JsonNode schema = schemaFor(template, documentedMethod, status);
        if (schema == null) return; // the document itself: no schema
        String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0];
        String documentedType = doc.at("/paths").get(template).get(documentedMethod).get("responses").get(String.valueOf(status))
                .get("content").fieldNames().next();
        JsonNode documentedTypes = doc.at("/paths").get(template).get(documentedMethod).get("responses").get(String.valueOf(status)).get("content");
        if (!type.endsWith("json")) {
            // A file (evidence): of a documented type, and not JSON to validate.
            assertTrue(documentedTypes.has(type), method + " " + path + ": " + type + " is not documented");
            return;
        }
        assertEquals(documentedType, type, method + " " + path);
        Set<ValidationMessage> errors = errors(schema, json(r));
        if (!errors.isEmpty()) fail(method + " " + path + " " + status + " does not match the document: " + errors + "\n" + r.body());
    }

    private static JsonNode schemaFor(String template, String method, int status) {
        JsonNode response = doc.at("/paths").get(template).get(method).get("responses").get(String.valueOf(status));
        assertTrue(response != null, method + " " + template + " documents no " + status);
        JsonNode content = response.get("content");
        if (content == null) return null;
        Iterator<JsonNode> types = content.elements();
        return types.next().get("schema");
    }

    private static Set<ValidationMessage> errors(JsonNode schema, JsonNode body) {
        ObjectNode root = schema.deepCopy();
        root.set("components", doc.get("components"));
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        return validator.validate(body);
    }
}
