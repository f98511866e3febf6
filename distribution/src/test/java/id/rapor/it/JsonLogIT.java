package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * log.format=json: every line bin/rapor writes, from its start to its stop, is a JSON object, and
 * a request's lines carry its request id, user and methodology.
 */
class JsonLogIT {

    @Test
    void everyLineIsJsonWithTheRequestsContext() throws Exception {
        RaporDistribution rapor = RaporDistribution.start(home -> {
            Path props = home.resolve("etc/rapor.properties");
            Files.writeString(props, Files.readString(props).replace("log.format=text", "log.format=json"));
            Path http = home.resolve("etc/id.rapor.http.cfg");
            Files.writeString(http, Files.readString(http).replace("access.log=false", "access.log=true")
                    .replace("scoring.protected=false", "scoring.protected=true"));
        });
        try {
            assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-penilai-1"), "add", "budi", "evaluator")[0]);
            HttpRequest.Builder score = HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/methodologies/pekppp-2022/score")))
                    .header("Content-Type", "application/json").header("X-Request-Id", "json-log-it-1")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("budi:sandi-penilai-1".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(Assessments.example().toString()));
            assertEquals(200, rapor.send(score).statusCode());
            rapor.awaitLog(s -> s.contains("json-log-it-1"), java.time.Duration.ofSeconds(5));
        } finally {
            rapor.close();
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(rapor.log, StandardCharsets.UTF_8)) {
            try {
                lines.add(RaporDistribution.JSON.readTree(line));
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line + "\nthe log:\n" + rapor.logText(), e);
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.path("formattedMessage").asText().startsWith("Rapor is ready")), "the launcher's lines");
        JsonNode request = lines.stream().filter(l -> "json-log-it-1".equals(l.path("mdc").path("requestId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no line with the request id: " + lines));
        assertEquals("budi", request.path("mdc").path("user").asText(), request.toString());
        assertEquals("pekppp-2022", request.path("mdc").path("methodology").asText(), request.toString());
        assertEquals("INFO", request.path("level").asText());
    }
}
