package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser's session (POST /api/v1/session) attacked: a change without the CSRF token, with
 * another session's token, from another origin; the cookie after logout, after its idle time
 * (session.idle.seconds=8 here), and after the user's password changed; guessing passwords
 * through it is throttled as through Basic, and every login is in the audit trail.
 */
class SessionIT {
    private static final String UNITS = "/api/v1/units";
    private static RaporDistribution rapor;

    /** A logged-in browser: its cookie and its CSRF token. */
    record Browser(String cookie, String csrf, JsonNode session) {}

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(home -> {
            Path settings = home.resolve("etc/id.rapor.http.cfg");
            Files.writeString(settings, Files.readString(settings).replace("session.idle.seconds=1800", "session.idle.seconds=8"));
        });
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "ani", "admin,policy")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-opd-1"), "add", "opd", "unit-admin@dinas-a")[0]);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
    }

    private static HttpResponse<String> login(String user, String password, String from) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/session")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}"));
        return rapor.send(b);
    }

    static Browser loggedIn(String user, String password) throws Exception {
        HttpResponse<String> r = login(user, password, null);
        assertEquals(201, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        JsonNode session = RaporDistribution.json(r);
        return new Browser(setCookie.substring(0, setCookie.indexOf(';')), session.get("csrfToken").asText(), session);
    }

    private static HttpResponse<String> call(String method, String path, String body, String cookie, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rapor.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) b.header("Content-Type", "application/json");
        if (cookie != null) b.header("Cookie", cookie);
        headers.forEach(b::header);
        return rapor.send(b);
    }

    private static String unit(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Unit " + id + "\",\"kind\":\"region\"}";
    }

    @Test
    void theCookieIsHttpOnlySameSiteStrictAndTheSessionSaysWhoAndItsToken() throws Exception {
        HttpResponse<String> r = login("opd", "sandi-opd-1", null);
        assertEquals(201, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("rapor_session="), setCookie);
        for (String attribute : List.of("HttpOnly", "SameSite=Strict", "Path=/")) assertTrue(setCookie.contains(attribute), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http: a Secure cookie would never come back: " + setCookie);
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        JsonNode session = RaporDistribution.json(r);
        assertEquals("opd", session.get("user").asText());
        assertEquals("[\"unit-admin\"]", session.get("roles").toString());
        assertEquals("{\"unit-admin\":[\"dinas-a\"]}", session.get("scopes").toString());
        assertEquals(8, session.get("idleSeconds").asInt());
        assertFalse(r.body().contains("sandi-opd-1"));
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        JsonNode again = RaporDistribution.json(call("GET", "/api/v1/session", null, cookie, Map.of()));
        assertEquals(session.get("csrfToken").asText(), again.get("csrfToken").asText(), "a reloaded page gets the token again");
    }

    @Test
    void aChangeWithTheCookieButWithoutItsCsrfTokenIsRefused() throws Exception {
        Browser ani = loggedIn("ani", "sandi-admin-1");
        JsonNode p = problem(call("POST", UNITS, unit("tanpa-token"), ani.cookie(), Map.of()), 403);
        assertEquals("urn:rapor:problem:csrf-token-missing", p.get("type").asText());
        assertEquals("X-CSRF-Token", p.at("/errors/0/field").asText());
        problem(call("POST", UNITS, unit("token-salah"), ani.cookie(), Map.of("X-CSRF-Token", "tebakan")), 403);
        // Another session's token is no better: each session has its own.
        Browser other = loggedIn("ani", "sandi-admin-1");
        assertNotEquals(ani.csrf(), other.csrf());
        problem(call("POST", UNITS, unit("token-lain"), ani.cookie(), Map.of("X-CSRF-Token", other.csrf())), 403);
        assertEquals(404, call("GET", UNITS + "/tanpa-token", null, ani.cookie(), Map.of()).statusCode(), "nothing was made");
        // Reading needs no token; changing with it works.
        assertEquals(200, call("GET", UNITS, null, ani.cookie(), Map.of()).statusCode());
        assertEquals(201, call("POST", UNITS, unit("dengan-token"), ani.cookie(), Map.of("X-CSRF-Token", ani.csrf())).statusCode());
        // The refusal is audited as every refusal is.
        JsonNode trail = RaporDistribution.json(rapor.get("/api/v1/audit?limit=50", RaporDistribution.basic("ani", "sandi-admin-1")));
        boolean audited = false;
        for (JsonNode e : trail) audited |= e.path("detail").asText().contains("without its CSRF token");
        assertTrue(audited, trail.toString());
    }

    @Test
    void aChangeFromAPageOfAnotherOriginIsRefusedEvenWithTheCookieAndToken() throws Exception {
        Browser ani = loggedIn("ani", "sandi-admin-1");
        JsonNode p = problem(call("POST", UNITS, unit("dari-luar"), ani.cookie(),
                Map.of("X-CSRF-Token", ani.csrf(), "Origin", "http://evil.example")), 403);
        assertEquals("urn:rapor:problem:cross-origin-refused", p.get("type").asText());
        // A login from another origin's page is refused too (no login CSRF).
        HttpResponse<String> foreignLogin = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/session")))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"ani\",\"password\":\"sandi-admin-1\"}")));
        problem(foreignLogin, 403);
        assertTrue(foreignLogin.headers().firstValue("Set-Cookie").isEmpty());
        // The same page's origin is this server's own: accepted.
        assertEquals(201, call("POST", UNITS, unit("dari-dalam"), ani.cookie(),
                Map.of("X-CSRF-Token", ani.csrf(), "Origin", rapor.url(""))).statusCode());
    }

    @Test
    void afterLogoutTheCookieIsWorthNothing() throws Exception {
        Browser ani = loggedIn("ani", "sandi-admin-1");
        problem(call("DELETE", "/api/v1/session", null, ani.cookie(), Map.of()), 403); // logging out is a change: the token too
        HttpResponse<String> out = call("DELETE", "/api/v1/session", null, ani.cookie(), Map.of("X-CSRF-Token", ani.csrf()));
        assertEquals(204, out.statusCode(), out.body());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"), out.headers().toString());
        problem(call("GET", UNITS, null, ani.cookie(), Map.of()), 401);
        problem(call("GET", "/api/v1/session", null, ani.cookie(), Map.of()), 401);
        problem(call("POST", UNITS, unit("nach-logout"), ani.cookie(), Map.of("X-CSRF-Token", ani.csrf())), 401);
        // A page's call gets no Basic challenge (the browser would ask for a password in a dialog); curl still does.
        HttpResponse<String> fromPage = call("GET", UNITS, null, ani.cookie(), Map.of("X-Requested-With", "rapor-web"));
        assertTrue(fromPage.headers().firstValue("WWW-Authenticate").isEmpty(), fromPage.headers().toString());
        assertTrue(call("GET", UNITS, null, null, Map.of()).headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void aSessionIdleLongerThanSessionIdleSecondsIsOver() throws Exception {
        Browser ani = loggedIn("ani", "sandi-admin-1");
        for (int k = 0; k < 3; k++) {
            Thread.sleep(4_000); // each call starts the idle time again
            assertEquals(200, call("GET", UNITS, null, ani.cookie(), Map.of()).statusCode());
        }
        Thread.sleep(9_000);
        problem(call("GET", UNITS, null, ani.cookie(), Map.of()), 401);
        problem(call("GET", "/api/v1/session", null, ani.cookie(), Map.of()), 401);
    }

    @Test
    void aChangedPasswordEndsTheSessionsOfTheOldOne() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-lama-1"), "add", "budi", "evaluator")[0]);
        Browser budi = loggedIn("budi", "sandi-lama-1");
        assertEquals(200, call("GET", UNITS, null, budi.cookie(), Map.of()).statusCode());
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-baru-2"), "add", "budi", "evaluator")[0]);
        // The users file is read again when it changes: wait for that, as an operator's next call would.
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status;
        do {
            status = call("GET", UNITS, null, budi.cookie(), Map.of()).statusCode();
            if (status == 401) break;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(401, status);
    }

    @Test
    void wrongPasswordsAreThrottledAndAuditedAsForBasic() throws Exception {
        // From an address of its own (the other tests log in from 127.0.0.1), as a user of its own (a name guessed at is slowed everywhere).
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-eko-1"), "add", "eko", "policy")[0]);
        for (int k = 0; k < 10; k++) {
            RawHttp.Answer a = RawHttp.exchange(rapor.port, "127.0.0.9", loginRequest("eko", "tebakan-" + k));
            assertEquals(401, a.status(), a.toString());
            assertEquals(null, a.header("Set-Cookie"), a.toString());
        }
        RawHttp.Answer blocked = RawHttp.exchange(rapor.port, "127.0.0.9", loginRequest("eko", "sandi-eko-1"));
        assertEquals(429, blocked.status(), blocked.toString());
        JsonNode trail = RaporDistribution.json(rapor.get("/api/v1/audit?limit=100", RaporDistribution.basic("ani", "sandi-admin-1")));
        int refused = 0;
        boolean loggedIn = false;
        for (JsonNode e : trail) {
            if ("session.create".equals(e.path("action").asText()) && e.path("status").asInt() == 401) refused++;
            loggedIn |= "session.create".equals(e.path("action").asText()) && e.path("status").asInt() == 201;
        }
        assertEquals(10, refused, trail.toString());
        assertTrue(loggedIn, "a login is recorded too: " + trail);
        Thread.sleep(1_100); // while a name is blocked, one password a second is still checked for it
        assertEquals(201, login("eko", "sandi-eko-1", null).statusCode(), "its owner, from an address of their own, still logs in");
        JsonNode missing = problem(login("eko", "", null), 422);
        assertEquals("password", missing.at("/errors/0/field").asText());
    }

    private static String loginRequest(String user, String password) {
        String body = "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}";
        return RawHttp.request("POST", "/api/v1/session", body, "Content-Type: application/json");
    }
}
