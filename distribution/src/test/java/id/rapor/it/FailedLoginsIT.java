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

/** Guessing passwords: after ten failures in a minute an address is refused unchecked, 429 with Retry-After. */
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
}
