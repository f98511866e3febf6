package id.rapor.it;

import static id.rapor.it.RaporDistribution.basic;
import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin's users API against the real distribution, rule by rule as an attacker would probe
 * it: only admin, no lock-out, grants checked against the users file's rules and the unit tree,
 * sessions and remembered credentials that follow a change at once, the audit trail, the body
 * limit; and the same file as bin/rapor-user.
 */
class UsersApiIT {
    static RaporDistribution rapor;
    static final String ADMIN = RecordsScenarios.ADMIN;
    static final String POLICY = RecordsScenarios.POLICY;

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(RecordsScenarios::recordEveryRefusal);
        RecordsScenarios.users(rapor); // admin, opd (unit-admin@dinas-a), penilai (evaluator@kab-a), verifikator, kebijakan; kab-a
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"kab-b\",\"name\":\"Kabupaten B\",\"kind\":\"region\"}", ADMIN).statusCode());
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
        rapor = null;
    }

    @Test
    void onlyAnAdminSeesOrChangesUsersAndEveryOtherRoleIsRefusedAudited() throws Exception {
        assertEquals(401, call("GET", "/api/v1/users", null, null).statusCode());
        assertEquals(401, call("PUT", "/api/v1/users/x", "{\"roles\":[\"admin\"],\"password\":\"sandi-baru-1\"}", null).statusCode());
        assertEquals(401, call("DELETE", "/api/v1/users/penilai", null, null).statusCode());
        for (String other : new String[] {RecordsScenarios.OPD, RecordsScenarios.EVALUATOR, RecordsScenarios.VERIFIER, POLICY}) {
            assertProblem(call("GET", "/api/v1/users", null, other), 403, "forbidden", null);
            assertEquals(403, call("GET", "/api/v1/users/admin", null, other).statusCode());
            assertEquals(403, call("PUT", "/api/v1/users/penyusup", "{\"roles\":[\"admin\"],\"password\":\"sandi-penyusup\"}", other).statusCode());
            assertEquals(403, call("DELETE", "/api/v1/users/admin", null, other).statusCode());
        }
        assertEquals(404, call("GET", "/api/v1/users/penyusup", null, ADMIN).statusCode(), "no refused call made a user");
        assertEquals(200, call("GET", "/api/v1/users/admin", null, ADMIN).statusCode(), "no refused call removed one");
        String audit = rapor.get("/api/v1/audit?limit=1000", POLICY).body();
        for (String action : new String[] {"user.list", "user.read", "user.put", "user.delete"}) {
            assertTrue(audit.contains("\"" + action + "\""), action + " refusals are in the trail: " + audit);
        }
        assertTrue(audit.contains("User 'kebijakan' lacks the role 'admin'"), audit);
    }

    @Test
    void anAdminManagesUsersInTheFileBinRaporUserReads() throws Exception {
        HttpResponse<String> created = put("budi", "{\"roles\":[\"verifier\",\"evaluator@kab-a\"],\"password\":\"sandi-budi-1\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/api/v1/users/budi", created.headers().firstValue("Location").orElseThrow());
        assertEquals("[\"evaluator@kab-a\",\"verifier\"]", json(created).get("roles").toString());
        HttpResponse<String> list = call("GET", "/api/v1/users", null, ADMIN);
        assertEquals(200, list.statusCode());
        assertFalse(list.body().contains("pbkdf2"), "never a hash: " + list.body());
        assertFalse(list.body().contains("sandi"), list.body());
        boolean listed = false;
        for (JsonNode u : json(list).get("users")) listed |= u.get("name").asText().equals("budi");
        assertTrue(listed, list.body());
        assertEquals(200, rapor.get("/api/v1/units/kab-a", basic("budi", "sandi-budi-1")).statusCode(), "the new user logs in at once");
        String[] cli = rapor.command("rapor-user", Map.of(), "list");
        assertTrue(cli[1].contains("budi\tevaluator@kab-a,verifier"), "bin/rapor-user reads what the API wrote: " + cli[1]);
        // Grants changed without a password: the password stays.
        assertEquals(200, put("budi", "{\"roles\":[\"policy\"]}").statusCode());
        assertEquals(200, rapor.get("/api/v1/audit", basic("budi", "sandi-budi-1")).statusCode(), "policy now, with the same password");
        // And what bin/rapor-user writes, the API reads.
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-citra-1"), "add", "citra", "unit-admin@dinas-a")[0]);
        assertEquals("[\"unit-admin@dinas-a\"]", json(call("GET", "/api/v1/users/citra", null, ADMIN)).get("roles").toString());
        assertEquals(204, call("DELETE", "/api/v1/users/budi", null, ADMIN).statusCode());
        assertProblem(call("GET", "/api/v1/users/budi", null, ADMIN), 404, "unknown-user", "name");
        assertProblem(call("DELETE", "/api/v1/users/budi", null, ADMIN), 404, "unknown-user", "name");
        assertFalse(rapor.command("rapor-user", Map.of(), "list")[1].contains("budi"));
    }

    @Test
    void grantsAreCheckedByTheUsersFileRulesAndTheUnitTree() throws Exception {
        assertProblem(put("eko", "{\"roles\":[\"evaluator@kab-a\",\"boss\"],\"password\":\"sandi-eko-12\"}"), 422, "invalid-user", "roles[1]");
        assertProblem(put("eko", "{\"roles\":[\"evaluator@kab-tidak-ada\"],\"password\":\"sandi-eko-12\"}"), 422, "invalid-user", "roles[0]");
        assertProblem(put("eko", "{\"roles\":[\"unit-admin\"],\"password\":\"sandi-eko-12\"}"), 422, "invalid-user", "roles[0]");
        assertProblem(put("eko", "{\"roles\":[\"evaluator@Kab A\"],\"password\":\"sandi-eko-12\"}"), 422, "invalid-user", "roles[0]");
        assertProblem(put("eko", "{\"roles\":[],\"password\":\"sandi-eko-12\"}"), 422, "invalid-user", "roles");
        assertProblem(put("eko", "{\"roles\":[\"policy\"]}"), 422, "invalid-user", "password");
        assertProblem(put("eko", "{\"roles\":[\"policy\"],\"password\":\"pendek\"}"), 422, "invalid-user", "password");
        assertProblem(put("eko%20jahat", "{\"roles\":[\"policy\"],\"password\":\"sandi-eko-12\"}"), 422, "invalid-user", "name");
        assertProblem(put("e".repeat(65), "{\"roles\":[\"policy\"],\"password\":\"sandi-eko-12\"}"), 422, "invalid-user", "name");
        assertProblem(put("eko", "{\"roles\":\"policy\",\"password\":\"sandi-eko-12\"}"), 400, "malformed-request", "roles");
        assertProblem(put("eko", "{\"roles\":[\"policy\"],\"password\":\"sandi-eko-12\",\"hash\":\"x\"}"), 400, "malformed-request", "hash");
        assertEquals(404, call("GET", "/api/v1/users/eko", null, ADMIN).statusCode(), "nothing refused was stored");
        // In Indonesian by default, in English on request; the field named either way.
        HttpResponse<String> id = put("eko", "{\"roles\":[\"evaluator@kab-tidak-ada\"],\"password\":\"sandi-eko-12\"}");
        assertEquals("Pengguna tidak valid", json(id).get("title").asText());
        assertTrue(id.body().contains("tidak ada unit 'kab-tidak-ada'"), id.body());
        HttpResponse<String> en = rapor.send(rapor.request("PUT", "/api/v1/users/eko", "{\"roles\":[\"evaluator@kab-tidak-ada\"],\"password\":\"sandi-eko-12\"}",
                ADMIN).header("Accept-Language", "en"));
        assertEquals("Invalid user", json(en).get("title").asText());
        assertTrue(en.body().contains("there is no unit 'kab-tidak-ada'"), en.body());
        assertTrue(en.body().contains("\"roles[0]\""), en.body());
    }

    @Test
    void anAdminCannotLockThemselvesOut() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-kepala-1"), "add", "kepala", "admin")[0]);
        String kepala = basic("kepala", "sandi-kepala-1");
        assertProblem(call("DELETE", "/api/v1/users/kepala", null, kepala), 409, "admin-lockout", "name");
        assertProblem(call("PUT", "/api/v1/users/kepala", "{\"roles\":[\"policy\"]}", kepala), 409, "admin-lockout", "roles");
        assertProblem(call("PUT", "/api/v1/users/kepala", "{\"roles\":[\"evaluator@kab-a\"],\"password\":\"sandi-kepala-2\"}", kepala),
                409, "admin-lockout", "roles");
        assertEquals("[\"admin\"]", json(call("GET", "/api/v1/users/kepala", null, kepala)).get("roles").toString(), "still admin");
        assertTrue(rapor.get("/api/v1/audit?limit=1000", POLICY).body().contains("'kepala' cannot remove themselves"));
        // Another admin may; and an admin may add to their own grants while keeping admin.
        assertEquals(200, call("PUT", "/api/v1/users/kepala", "{\"roles\":[\"admin\",\"policy\"]}", kepala).statusCode());
        assertEquals(204, call("DELETE", "/api/v1/users/kepala", null, ADMIN).statusCode());
    }

    @Test
    void aChangedOrRemovedUserLosesSessionsAndRememberedCredentialsAtOnce() throws Exception {
        assertEquals(201, put("dewi", "{\"roles\":[\"evaluator@kab-a\"],\"password\":\"sandi-dewi-1\"}").statusCode());
        String dewi = basic("dewi", "sandi-dewi-1");
        assertEquals(200, rapor.get("/api/v1/units/kab-a", dewi).statusCode()); // her credentials are remembered now
        String cookie = login("dewi", "sandi-dewi-1");
        assertEquals(200, withCookie("/api/v1/session", cookie).statusCode());
        // Her region changes: the session ends, and the remembered credentials carry the new grants only.
        assertEquals(200, put("dewi", "{\"roles\":[\"evaluator@kab-b\"]}").statusCode());
        assertEquals(401, withCookie("/api/v1/session", cookie).statusCode(), "the session ended with the grant");
        assertEquals(403, rapor.get("/api/v1/units/kab-a", dewi).statusCode(), "kab-a is no longer hers");
        assertEquals(200, rapor.get("/api/v1/units/kab-b", dewi).statusCode());
        // Her password is reset: the old one no longer works, remembered or not.
        cookie = login("dewi", "sandi-dewi-1");
        assertEquals(200, put("dewi", "{\"roles\":[\"evaluator@kab-b\"],\"password\":\"sandi-dewi-2\"}").statusCode());
        assertEquals(401, withCookie("/api/v1/session", cookie).statusCode());
        assertEquals(401, rapor.get("/api/v1/units/kab-b", dewi).statusCode());
        String renewed = basic("dewi", "sandi-dewi-2");
        assertEquals(200, rapor.get("/api/v1/units/kab-b", renewed).statusCode());
        // She is removed: nothing of hers works.
        cookie = login("dewi", "sandi-dewi-2");
        assertEquals(204, call("DELETE", "/api/v1/users/dewi", null, ADMIN).statusCode());
        assertEquals(401, withCookie("/api/v1/session", cookie).statusCode());
        assertEquals(401, rapor.get("/api/v1/units/kab-b", renewed).statusCode());
        // Each change is in the trail: who, from where, what; never a password.
        JsonNode trail = json(rapor.get("/api/v1/audit?limit=1000", POLICY));
        String text = trail.toString();
        assertFalse(text.contains("sandi-dewi"), "no password in the trail");
        assertTrue(text.contains("created user 'dewi' with grants evaluator@kab-a"), text);
        assertTrue(text.contains("changed user 'dewi': grants evaluator@kab-a -> evaluator@kab-b; 1 browser session ended"), text);
        assertTrue(text.contains("changed user 'dewi': grants unchanged (evaluator@kab-b); password reset; 1 browser session ended"), text);
        assertTrue(text.contains("removed user 'dewi'; 1 browser session ended"), text);
        boolean fromWhere = false;
        for (JsonNode e : trail.isArray() ? trail : trail.get("entries")) {
            if ("user.delete".equals(e.path("action").asText()) && "admin".equals(e.path("user").asText())) {
                fromWhere |= "127.0.0.1".equals(e.path("address").asText());
            }
        }
        assertTrue(fromWhere, "the trail says who removed her and from where: " + text);
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        String big = "{\"roles\":[" + "\"policy\",".repeat(120_000) + "\"policy\"],\"password\":\"sandi-besar-1\"}";
        assertTrue(big.length() > 1_048_576);
        assertProblem(put("besar", big), 413, "body-too-large", null);
        assertEquals(404, call("GET", "/api/v1/users/besar", null, ADMIN).statusCode());
    }

    private static String login(String user, String password) throws Exception {
        HttpResponse<String> r = rapor.post("/api/v1/session", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpResponse<String> withCookie(String path, String cookie) throws Exception {
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(path))).header("Cookie", cookie).GET());
    }

    private static HttpResponse<String> put(String name, String body) throws Exception {
        return call("PUT", "/api/v1/users/" + name, body, ADMIN);
    }

    private static HttpResponse<String> call(String method, String path, String body, String authorization) throws Exception {
        return rapor.call(method, path, body, authorization);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type, String field) throws Exception {
        ApiIT.problem(r, status, type, field);
    }
}
