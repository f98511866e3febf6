package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords: after ten failures in a minute an address is refused unchecked, 429 with
 * Retry-After; after ten as one name from anywhere, one password a second is checked for it, and
 * its owner still logs in from an address of their own.
 */
class FailedLoginsIT extends StartedDistribution {
    private static HttpResponse<String> audit(String user, String password) throws Exception {
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/audit"))).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET());
    }

    @Test
    void tenWrongPasswordsInAMinuteAndTheAddressWaits() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-kebijakan"), "add", "siti", "policy")[0]);
        assertEquals(200, audit("siti", "sandi-kebijakan").statusCode());
        for (int k = 0; k < 10; k++) problem(audit("siti", "tebakan-" + k), 401);
        HttpResponse<String> blocked = audit("siti", "sandi-kebijakan");
        JsonNode p = problem(blocked, 429);
        assertEquals("urn:rapor:problem:too-many-failed-logins", p.get("type").asText());
        assertTrue(Integer.parseInt(blocked.headers().firstValue("Retry-After").orElse("0")) > 0, blocked.headers().toString());
        assertEquals(200, rapor.get("/api/v1/methodologies").statusCode(), "what needs no login is not affected");
    }

    @Test
    void goodLoginsAsOneUserDoNotResetTheCountOfGuessesAtAnother() throws Exception {
        // The hostile test: 45 wrong passwords for one user, and 5 good logins as another in between, from one address
        // (one of its own, 127.0.0.7: the other test's failures from 127.0.0.1 do not count here).
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-budi-01"), "add", "budi", "policy")[0]);
        String good = RawHttp.request("GET", "/api/v1/audit", null, "Authorization: Basic "
                + Base64.getEncoder().encodeToString("budi:sandi-budi-01".getBytes(StandardCharsets.UTF_8)));
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int k = 0; k < 45; k++) {
            String wrong = RawHttp.request("GET", "/api/v1/audit", null, "Authorization: Basic "
                    + Base64.getEncoder().encodeToString(("admin:tebakan-" + k).getBytes(StandardCharsets.UTF_8)));
            statuses.add(RawHttp.exchange(rapor.port, "127.0.0.7", wrong).status());
            if (k % 9 == 4) RawHttp.exchange(rapor.port, "127.0.0.7", good);
        }
        assertEquals(10, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(35, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        // The guesses count against admin wherever they come from next: a fresh address gets at most one checked.
        java.util.List<Integer> elsewhere = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) {
            String fromElsewhere = RawHttp.request("GET", "/api/v1/audit", null, "Authorization: Basic "
                    + Base64.getEncoder().encodeToString(("admin:tebakan-x" + k).getBytes(StandardCharsets.UTF_8)));
            elsewhere.add(RawHttp.exchange(rapor.port, "127.0.0.8", fromElsewhere).status());
        }
        assertTrue(elsewhere.stream().filter(s -> s == 401).count() <= 1, elsewhere.toString());
        assertTrue(elsewhere.stream().filter(s -> s == 429).count() >= 4, elsewhere.toString());
    }

    @Test
    void theOwnerOfAGuessedNameStillLogsInFromAnAddressOfHerOwn() throws Exception {
        // The review: after ten guesses at a name from anywhere, its owner got 429 with the right password,
        // for as long as anyone kept guessing.
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-dewi-01"), "add", "dewi", "policy")[0]);
        String right = RawHttp.request("GET", "/api/v1/audit", null, "Authorization: Basic "
                + Base64.getEncoder().encodeToString("dewi:sandi-dewi-01".getBytes(StandardCharsets.UTF_8)));
        for (int k = 0; k < 10; k++) {
            String guess = RawHttp.request("GET", "/api/v1/audit", null, "Authorization: Basic "
                    + Base64.getEncoder().encodeToString(("dewi:tebakan-" + k).getBytes(StandardCharsets.UTF_8)));
            assertEquals(401, RawHttp.exchange(rapor.port, "127.0.0.12", guess).status());
        }
        assertEquals(429, RawHttp.exchange(rapor.port, "127.0.0.12", right).status(), "from the guesser's address even she waits");
        Thread.sleep(1_100); // one password a second is checked for a blocked name
        RawHttp.Answer owner = RawHttp.exchange(rapor.port, "127.0.0.13", right);
        assertEquals(200, owner.status(), owner.body());
        String guess = RawHttp.request("GET", "/api/v1/audit", null, "Authorization: Basic "
                + Base64.getEncoder().encodeToString("dewi:tebakan-x".getBytes(StandardCharsets.UTF_8)));
        RawHttp.Answer refused = RawHttp.exchange(rapor.port, "127.0.0.14", guess);
        assertEquals(429, refused.status(), "guesses at her name are still refused");
        assertTrue(refused.body().contains("one password a second"), refused.body());
    }

    @Test
    void credentialsAreCheckedWhereverTheyAreSentByTheSecurityHook() throws Exception {
        // Guesses at a name through calls that need no login count too (from an address of its own): the
        // whiteboard's security hook checks every request's credentials before the API sees it.
        for (int k = 0; k < 10; k++) {
            String guess = RawHttp.request("GET", "/api/v1/health", null, "Authorization: Basic "
                    + Base64.getEncoder().encodeToString(("rahmat:tebakan-" + k).getBytes(StandardCharsets.UTF_8)));
            assertEquals(200, RawHttp.exchange(rapor.port, "127.0.0.9", guess).status(), "health needs no login");
        }
        String protectedCall = RawHttp.request("GET", "/api/v1/audit", null, "Authorization: Basic "
                + Base64.getEncoder().encodeToString("rahmat:tebakan-x".getBytes(StandardCharsets.UTF_8)));
        assertEquals(429, RawHttp.exchange(rapor.port, "127.0.0.9", protectedCall).status());
    }
}
