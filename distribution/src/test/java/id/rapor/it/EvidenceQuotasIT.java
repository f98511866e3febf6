package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No caller can fill the disk: a unit's evidence stays within evidence.unit.max.bytes (409 evidence-quota), a unit holds at
 * most assessment.drafts.max drafts of a round and role (409 too-many-drafts), and an upload that would leave less than
 * evidence.disk.min.free.bytes free is refused (507 insufficient-storage) — each naming its limit, nothing of it kept.
 */
class EvidenceQuotasIT {
    private static final String ADMIN = RaporDistribution.basic("admin", "sandi-admin-1");
    private static RaporDistribution rapor;

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(home -> {
            Path cfg = home.resolve("etc/id.rapor.http.cfg");
            String shipped = Files.readString(cfg);
            assertTrue(shipped.contains("\nevidence.unit.max.bytes=2147483648\n") && shipped.contains("\nassessment.drafts.max=10\n")
                    && shipped.contains("\nevidence.disk.min.free.bytes=536870912\n"), "the shipped settings, with their defaults");
            Files.writeString(cfg, shipped.replace("\nevidence.unit.max.bytes=2147483648\n", "\nevidence.unit.max.bytes=1048576\n")
                    .replace("\nassessment.drafts.max=10\n", "\nassessment.drafts.max=2\n")
                    .replace("\nevidence.disk.min.free.bytes=536870912\n", "\nevidence.disk.min.free.bytes=0\n"));
        });
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "admin", "admin")[0]);
        HttpResponse<String> r = rapor.post("/api/v1/units", "{\"id\":\"kab-q\",\"name\":\"Kabupaten Q\",\"kind\":\"region\"}", ADMIN);
        for (int i = 0; i < 100 && r.statusCode() == 503; i++) {
            Thread.sleep(100);
            r = rapor.post("/api/v1/units", "{\"id\":\"kab-q\",\"name\":\"Kabupaten Q\",\"kind\":\"region\"}", ADMIN);
        }
        assertEquals(201, r.statusCode(), r.body());
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
    }

    @Test
    void eachLimitRefusesPreciselyAndKeepsNothing() throws Exception {
        long first = draft();
        long second = draft();
        problem(rapor.post("/api/v1/units/kab-q/assessments", entry(), ADMIN), 409, "too-many-drafts", "role", "assessment.drafts.max");

        // 600 KiB on each draft: the second passes the unit's 1 MiB, counted over both drafts.
        byte[] a = pdf(600 * 1024, 'a');
        byte[] b = pdf(600 * 1024, 'b');
        assertEquals(201, attach(first, "a.pdf", a).statusCode());
        problem(attach(second, "b.pdf", b), 409, "evidence-quota", "file", "evidence.unit.max.bytes");
        assertEquals(0, RaporDistribution.json(rapor.get("/api/v1/assessments/" + second + "/evidence", ADMIN)).size());

        // The floor raised while Rapor runs: no upload may leave less free than 1 TiB.
        Path cfg = rapor.home.resolve("etc/id.rapor.http.cfg");
        Files.writeString(cfg, Files.readString(cfg).replace("\nevidence.disk.min.free.bytes=0\n", "\nevidence.disk.min.free.bytes=1099511627776\n"));
        byte[] small = pdf(1024, 'c');
        HttpResponse<String> r = attach(second, "c.pdf", small);
        for (int i = 0; i < 200 && r.statusCode() != 507; i++) { // until the setting applies; undo what got through meanwhile
            if (r.statusCode() == 201) {
                // The API re-registers as the setting applies: remove it until the removal is answered.
                int removed = 0;
                for (int k = 0; k < 100 && removed != 204; k++) {
                    removed = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/assessments/" + second + "/evidence/i01/c.pdf")))
                            .header("Authorization", ADMIN).DELETE()).statusCode();
                    if (removed != 204) Thread.sleep(100);
                }
                assertEquals(204, removed);
            }
            Thread.sleep(100);
            r = attach(second, "c.pdf", small);
        }
        problem(r, 507, "insufficient-storage", "file", "evidence.disk.min.free.bytes");
        assertEquals(0, RaporDistribution.json(rapor.get("/api/v1/assessments/" + second + "/evidence", ADMIN)).size());
        try (var files = Files.list(rapor.home.resolve("data/evidence/incoming"))) {
            assertEquals(0, files.count(), "nothing half-written remains");
        }
    }

    private static long draft() throws Exception {
        HttpResponse<String> r = rapor.post("/api/v1/units/kab-q/assessments", entry(), ADMIN);
        assertEquals(201, r.statusCode(), r.body());
        return RaporDistribution.json(r).get("id").asLong();
    }

    private static String entry() throws Exception {
        var body = RaporDistribution.JSON.createObjectNode();
        body.put("year", 2024).put("family", "pekppp").put("role", "evaluator");
        body.set("answers", Assessments.example().get("answers"));
        return body.toString();
    }

    private static byte[] pdf(int size, char fill) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) fill);
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static HttpResponse<String> attach(long id, String name, byte[] file) throws Exception {
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/assessments/" + id + "/evidence/i01?name=" + name)))
                .header("Content-Type", "application/pdf").header("Authorization", ADMIN).PUT(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    private static void problem(HttpResponse<String> r, int status, String type, String field, String setting) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
        JsonNode p = RaporDistribution.json(r);
        assertEquals("urn:rapor:problem:" + type, p.get("type").asText(), r.body());
        assertEquals(field, p.get("errors").get(0).get("field").asText(), r.body());
        assertTrue(r.body().contains(setting), "names the limit: " + r.body());
    }
}
