package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A round of evaluation records over HTTP, the same on every database Rapor supports: the
 * subclasses start the distribution on the embedded H2 and on a real PostgreSQL. Each test
 * works in its own region, so they share one distribution in any order.
 */
abstract class RecordsScenarios {
    static RaporDistribution rapor;
    static final String ADMIN = RaporDistribution.basic("admin", "sandi-admin-1");
    static final String OPD = RaporDistribution.basic("opd", "sandi-opd-1");
    static final String EVALUATOR = RaporDistribution.basic("penilai", "sandi-penilai-1");
    static final String VERIFIER = RaporDistribution.basic("verifikator", "sandi-verif-1");
    static final String POLICY = RaporDistribution.basic("kebijakan", "sandi-kebijakan");

    /** The users of every scenario: the office admin of dinas-a in region kab-a, an evaluator and a verifier of kab-a. */
    static void users(RaporDistribution rapor) throws Exception {
        add(rapor, "admin", "sandi-admin-1", "admin");
        add(rapor, "opd", "sandi-opd-1", "unit-admin@dinas-a");
        add(rapor, "penilai", "sandi-penilai-1", "evaluator@kab-a");
        add(rapor, "verifikator", "sandi-verif-1", "verifier@kab-a");
        add(rapor, "kebijakan", "sandi-kebijakan", "policy");
        // The region every scenario works in.
        HttpResponse<String> r = rapor.post("/api/v1/units", "{\"id\":\"kab-a\",\"name\":\"Kabupaten A\",\"kind\":\"region\"}", ADMIN);
        // The database may still be migrating; on PostgreSQL the users are its, and the node reads the new ones a moment
        // after bin/rapor-user wrote them (NOTIFY): until then a 401.
        for (int i = 0; i < 100 && (r.statusCode() == 503 || r.statusCode() == 401); i++) {
            Thread.sleep(100);
            r = rapor.post("/api/v1/units", "{\"id\":\"kab-a\",\"name\":\"Kabupaten A\",\"kind\":\"region\"}", ADMIN);
        }
        assertEquals(201, r.statusCode(), r.body());
        HttpResponse<String> imported = csv("/api/v1/units/import",
                "id;name;kind;parent\ndinas-a;Dinas A;office;kab-a\ndinas-b;Dinas B;office;kab-a\nupp-a1;UPP A1;service-unit;dinas-a\n"
                        + "upp-b1;UPP B1;service-unit;dinas-b\n", ADMIN, rapor);
        assertEquals(200, imported.statusCode(), imported.body());
    }

    /**
     * Every refusal recorded one by one: the scenarios read the trail, and together they refuse
     * more than the 20 a minute per address that are recorded singly by default.
     */
    static void recordEveryRefusal(java.nio.file.Path home) throws Exception {
        java.nio.file.Path cfg = home.resolve("etc/id.rapor.http.cfg");
        String settings = java.nio.file.Files.readString(cfg);
        String raised = settings.replace("audit.refusals.per.minute=20", "audit.refusals.per.minute=100000")
                .replace("audit.refusals.total.per.minute=200", "audit.refusals.total.per.minute=100000");
        assertTrue(!raised.equals(settings), "the shipped limits are where the scenarios expect them");
        java.nio.file.Files.writeString(cfg, raised);
    }

    private static void add(RaporDistribution rapor, String user, String password, String roles) throws Exception {
        String[] result = rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", password), "add", user, roles);
        assertEquals("0", result[0], result[1]);
    }

    @Test
    void aRoundFromSelfAssessmentToTheOfficialScore() throws Exception {
        // The office admin enters its self-assessment: scored at once, a draft.
        JsonNode self = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2024, null), OPD));
        assertEquals("draft", self.get("state").asText());
        assertEquals("2.97", self.get("index").decimalValue().toPlainString());
        assertEquals("C", self.get("band").get("code").asText());
        assertEquals("pekppp-2022", self.get("methodology").get("id").asText());
        assertEquals("2022.1.0", self.get("methodology").get("version").asText());
        assertEquals("2.97", self.get("score").get("index").decimalValue().toPlainString(), "the score as the score endpoint gives it");
        long selfId = self.get("id").asLong();

        // A draft changes (and is scored again); submitted, it does not.
        JsonNode changed = ok(put("/api/v1/assessments/" + selfId, entryWith("self", "i01", 5), OPD));
        assertTrue(changed.get("index").decimalValue().compareTo(self.get("index").decimalValue()) > 0);
        ok(rapor.post("/api/v1/assessments/" + selfId + "/submit", "", OPD));
        assertEquals(409, put("/api/v1/assessments/" + selfId, entry("self", 2024, null), OPD).statusCode());

        // The evaluator scores the same unit; the verifier makes both final.
        JsonNode evaluated = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("evaluator", 2024, null), EVALUATOR));
        long evaluatorId = evaluated.get("id").asLong();
        ok(rapor.post("/api/v1/assessments/" + evaluatorId + "/submit", "", EVALUATOR));
        ok(rapor.post("/api/v1/assessments/" + selfId + "/finalize", "", VERIFIER));
        JsonNode fin = ok(rapor.post("/api/v1/assessments/" + evaluatorId + "/finalize", "", VERIFIER));
        assertEquals("final", fin.get("state").asText());

        // The official score is the evaluator's (the highest role with a final assessment), and the list says which.
        JsonNode official = ok(rapor.get("/api/v1/units/upp-a1/official?year=2024&family=pekppp", OPD));
        assertEquals(evaluatorId, official.get("id").asLong());
        JsonNode list = ok(rapor.get("/api/v1/units/upp-a1/assessments?year=2024&family=pekppp", OPD));
        for (JsonNode a : list) assertEquals(a.get("id").asLong() == evaluatorId, a.get("official").asBoolean(), a.toString());

        // A final assessment never changes; a correction replaces it and the old one stays.
        assertEquals(409, rapor.post("/api/v1/assessments/" + evaluatorId + "/finalize", "", VERIFIER).statusCode());
        ObjectNode correction = (ObjectNode) RaporDistribution.JSON.readTree(entryWith("evaluator", "i02", 4));
        correction.put("replaces", evaluatorId);
        JsonNode corrected = created(rapor.post("/api/v1/units/upp-a1/assessments", correction.toString(), EVALUATOR));
        assertEquals(evaluatorId, corrected.get("replaces").asLong());
        assertEquals("2.97", ok(rapor.get("/api/v1/assessments/" + evaluatorId, OPD)).get("index").decimalValue().toPlainString());

        // Scoring again is explicit: a new draft from the same answers, by the rules serving now, naming its source.
        assertEquals(403, rapor.post("/api/v1/assessments/" + evaluatorId + "/rescore", "", OPD).statusCode());
        JsonNode again = created(rapor.post("/api/v1/assessments/" + evaluatorId + "/rescore", "", EVALUATOR));
        assertEquals(evaluatorId, again.get("rescoredFrom").asLong());
        assertEquals("draft", again.get("state").asText());
        assertEquals("evaluator", again.get("role").asText());
        assertEquals("final", ok(rapor.get("/api/v1/assessments/" + evaluatorId, OPD)).get("state").asText());
    }

    @Test
    void eachRoleDoesOnlyItsOwnJobForItsOwnUnits() throws Exception {
        // Another office's unit: 403, whether the unit exists or not (and the refusal is audited).
        assertEquals(403, rapor.post("/api/v1/units/upp-b1/assessments", entry("self", 2024, null), OPD).statusCode());
        assertEquals(403, rapor.post("/api/v1/units/no-such-unit/assessments", entry("self", 2024, null), OPD).statusCode());
        assertEquals(403, rapor.get("/api/v1/units/upp-b1/assessments", OPD).statusCode());
        // An office admin enters only self-assessments, never an evaluator's; nobody finalizes but a verifier.
        assertEquals(403, rapor.post("/api/v1/units/upp-a1/assessments", entry("evaluator", 2024, null), OPD).statusCode());
        JsonNode draft = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2023, null), OPD));
        ok(rapor.post("/api/v1/assessments/" + draft.get("id").asLong() + "/submit", "", OPD));
        assertEquals(403, rapor.post("/api/v1/assessments/" + draft.get("id").asLong() + "/finalize", "", OPD).statusCode());
        assertEquals(403, rapor.post("/api/v1/assessments/" + draft.get("id").asLong() + "/finalize", "", EVALUATOR).statusCode());
        // Only admin manages units; nobody without a login reads the records.
        assertEquals(403, rapor.post("/api/v1/units", "{\"name\":\"Dinas C\",\"kind\":\"office\",\"parent\":\"kab-a\"}", OPD).statusCode());
        assertEquals(401, rapor.get("/api/v1/units/upp-a1/assessments").statusCode());
        assertEquals(401, rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2024, null)).statusCode());
        // Policy staff read everything, enter nothing.
        assertEquals(200, rapor.get("/api/v1/units/upp-b1/assessments", POLICY).statusCode());
        assertEquals(403, rapor.post("/api/v1/units/upp-b1/assessments", entry("self", 2024, null), POLICY).statusCode());
        String audit = rapor.get("/api/v1/audit", POLICY).body();
        assertTrue(audit.contains("outside the units"), audit);
    }

    @Test
    void badInputIsAPreciseProblemAndChangesNothing() throws Exception {
        int before = ok(rapor.get("/api/v1/units/upp-b1/assessments", ADMIN)).size();
        assertProblem(rapor.post("/api/v1/units/upp-b1/assessments", entry("self", 1990, null), ADMIN), 404, "unknown-year", null);
        assertProblem(rapor.post("/api/v1/units/upp-b1/assessments", entry("boss", 2024, null), ADMIN), 422, "invalid-assessment", "role");
        assertProblem(rapor.post("/api/v1/units/upp-b1/assessments", entryWith("self", "i07", 6), ADMIN), 422, "invalid-assessment", "i07");
        assertProblem(rapor.post("/api/v1/units/upp-b1/assessments", "{\"year\":\"2024\"}", ADMIN), 400, "malformed-request", "year");
        assertProblem(rapor.post("/api/v1/units/nowhere/assessments", entry("self", 2024, null), ADMIN), 404, "unknown-unit", "unit");
        assertProblem(rapor.post("/api/v1/units", "{\"id\":\"dinas-b\",\"name\":\"Dinas B\",\"kind\":\"office\",\"parent\":\"kab-a\"}", ADMIN),
                409, "duplicate-unit", "id");
        assertProblem(rapor.post("/api/v1/units", "{\"name\":\"X\",\"kind\":\"kantor\"}", ADMIN), 422, "invalid-unit", "kind");
        assertProblem(csv("/api/v1/units/import", "id,name,kind,parent\nupp-b2,UPP B2,service-unit,dinas-b\nupp-b3,UPP B3,service-unit,dinas-z\n",
                ADMIN, rapor), 422, "import-refused", "row 2");
        assertEquals(404, rapor.get("/api/v1/units/upp-b2", ADMIN).statusCode(), "nothing of a refused import is kept");
        assertEquals(before, ok(rapor.get("/api/v1/units/upp-b1/assessments", ADMIN)).size());
    }

    @Test
    void evidenceIsStoredWholeDownloadedAsItWasAndRefusedPrecisely() throws Exception {
        long id = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2023, "dengan bukti"), OPD)).get("id").asLong();
        String at = "/api/v1/assessments/" + id + "/evidence";
        byte[] pdf = ("%PDF-1.4\n% SK Kepala Dinas " + id + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        // Sent as whatever the client says (here text/plain): the type is read from the content.
        HttpResponse<String> attached = evidence(at + "/i01?name=SK%20Kepala%20Dinas.pdf", pdf, "text/plain", OPD);
        JsonNode e = created(attached);
        assertEquals("application/pdf", e.get("mediaType").asText());
        assertEquals(pdf.length, e.get("size").asLong());
        assertEquals(sha256(pdf), e.get("sha256").asText());
        assertEquals("opd", e.get("storedBy").asText());
        String href = attached.headers().firstValue("Location").orElseThrow();
        assertEquals(href, e.get("href").asText());

        // Downloaded by whoever reads the unit: the same bytes, as an attachment of the stored type, never sniffed.
        HttpResponse<byte[]> file = download(href, EVALUATOR);
        assertEquals(200, file.statusCode());
        assertEquals(sha256(pdf), sha256(file.body()));
        assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertEquals(String.valueOf(pdf.length), file.headers().firstValue("Content-Length").orElse(""));
        assertEquals(1, ok(rapor.get(at, POLICY)).size());

        // Refused, each precisely, and nothing stored is lost or changed.
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
        assertProblem(evidence(at + "/i01?name=laporan.pdf", elf, "application/pdf", OPD), 415, "evidence-type-refused", "file");
        assertProblem(evidence(at + "/i01?name=run.pdf", "#!/bin/sh\nid\n".getBytes(StandardCharsets.US_ASCII), "application/pdf", OPD),
                415, "evidence-type-refused", "file");
        byte[] large = new byte[(10 << 20) + 1];
        System.arraycopy(pdf, 0, large, 0, pdf.length);
        assertProblem(evidence(at + "/i01?name=besar.pdf", large, "application/pdf", OPD), 413, "evidence-too-large", "file");
        assertProblem(evidence(at + "/i99?name=a.pdf", pdf, "application/pdf", OPD), 422, "unknown-indicator", "indicator");
        assertProblem(rapor.get(at + "/i01/tidak-ada.pdf", OPD), 404, "unknown-evidence", "name");
        ok(rapor.post("/api/v1/assessments/" + id + "/submit", "", OPD));
        ok(rapor.post("/api/v1/assessments/" + id + "/finalize", "", VERIFIER));
        assertProblem(evidence(at + "/i02?name=telat.pdf", pdf, "application/pdf", OPD), 409, "not-a-draft", "state");
        JsonNode list = ok(rapor.get(at, OPD));
        assertEquals(1, list.size(), list.toString());
        assertEquals(sha256(pdf), sha256(download(href, OPD).body()), "the stored file is as it was");
        // No orphan: every stored file is named by a row, and nothing is left half-received.
        java.nio.file.Path folder = rapor.home.resolve("data/evidence");
        try (var files = java.nio.file.Files.walk(folder)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
                assertTrue(!f.getParent().getFileName().toString().equals("incoming"), "half-received file left: " + f);
                assertTrue(java.nio.file.Files.getPosixFilePermissions(f).stream().noneMatch(p -> p.name().endsWith("EXECUTE")), f.toString());
            }
        }
        assertTrue(java.nio.file.Files.isRegularFile(folder.resolve(sha256(pdf).substring(0, 2)).resolve(sha256(pdf))));
    }

    /** Evidence as multipart/form-data, as a browser's form or plain java.net.http sends it: one file part, under the same limits. */
    @Test
    void evidenceArrivesAsTheOneFilePartOfMultipartFormData() throws Exception {
        long id = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2025, "bukti multipart"), OPD)).get("id").asLong();
        String at = "/api/v1/assessments/" + id + "/evidence";
        byte[] pdf = ("%PDF-1.4\n% Maklumat Pelayanan " + id + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        // The part says octet-stream: its kind is read from its content. Its file name names the evidence.
        JsonNode e = created(multipart(at + "/i05", "----rapor" + id, part("file", "Maklumat Pelayanan.pdf", pdf)));
        assertEquals("Maklumat Pelayanan.pdf", e.get("name").asText());
        assertEquals("application/pdf", e.get("mediaType").asText());
        assertEquals(pdf.length, e.get("size").asLong());
        assertEquals(sha256(pdf), e.get("sha256").asText());
        assertEquals(sha256(pdf), sha256(download(e.get("href").asText(), OPD).body()));
        // ?name= wins over the part's file name, as for a raw body.
        assertEquals("maklumat.pdf", created(multipart(at + "/i05?name=maklumat.pdf", "b1", part("file", "C:\\scan\\x.pdf", pdf)))
                .get("name").asText());

        // Refused precisely, and nothing of a refused upload is kept.
        byte[] other = ("%PDF-1.4\n% lain " + id + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        assertProblem(multipart(at + "/i05", "b2", part("file", "a.pdf", other), part("file", "b.pdf", pdf)), 400, "malformed-request", "file");
        assertProblem(multipart(at + "/i05", "b3", field("name", "a.pdf"), part("file", "a.pdf", other)), 400, "malformed-request", "file");
        assertProblem(multipart(at + "/i05", "b4"), 400, "malformed-request", "file");
        assertProblem(rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(at + "/i05?name=x.pdf")))
                .header("Content-Type", "multipart/form-data").header("Authorization", OPD).PUT(HttpRequest.BodyPublishers.ofByteArray(other))),
                400, "malformed-request", "file");
        assertProblem(evidence(at + "/i05?name=x.pdf", other, "multipart/mixed; boundary=b5", OPD), 415, "unsupported-media-type", "Content-Type");
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
        assertProblem(multipart(at + "/i05", "b6", part("file", "laporan.pdf", elf)), 415, "evidence-type-refused", "file");
        byte[] large = new byte[(10 << 20) + 1];
        System.arraycopy(other, 0, large, 0, other.length);
        assertProblem(multipart(at + "/i05", "b7", part("file", "besar.pdf", large)), 413, "evidence-too-large", "file");
        assertEquals(2, ok(rapor.get(at, OPD)).size());
        try (var files = java.nio.file.Files.list(rapor.home.resolve("data/evidence/incoming"))) {
            assertEquals(0, files.count(), "nothing half-received is left");
        }
        assertTrue(!java.nio.file.Files.exists(rapor.home.resolve("data/evidence").resolve(sha256(other).substring(0, 2)).resolve(sha256(other))),
                "the refused file is not stored");
    }

    /** One part of a multipart/form-data body: its headers and content. */
    private static byte[] part(String field, String fileName, byte[] content) {
        return concat(("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8), content);
    }

    private static byte[] field(String field, String value) {
        return ("Content-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value).getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart/form-data PUT by plain java.net.http: each part after its boundary, then the closing one. */
    private static HttpResponse<String> multipart(String path, String boundary, byte[]... parts) throws Exception {
        byte[] body = new byte[0];
        for (byte[] p : parts) body = concat(body, ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII), p, "\r\n".getBytes(StandardCharsets.US_ASCII));
        body = concat(body, ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(path))).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", OPD).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] concat(byte[]... arrays) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] a : arrays) out.writeBytes(a);
        return out.toByteArray();
    }

    @Test
    void anotherOfficesUserNeitherAttachesNorReadsEvidence() throws Exception {
        long id = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2023, null), OPD)).get("id").asLong();
        String at = "/api/v1/assessments/" + id + "/evidence";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        String href = created(evidence(at + "/i01?name=foto.png", png, "image/png", OPD)).get("href").asText();
        String otherOffice = RaporDistribution.basic("opd-lain", "sandi-opd-lain1");
        add(rapor, "opd-lain", "sandi-opd-lain1", "unit-admin@dinas-b");
        assertEquals(403, evidence(at + "/i01?name=foto.png", png, "image/png", otherOffice).statusCode());
        assertEquals(403, rapor.get(at, otherOffice).statusCode());
        assertEquals(403, download(href, otherOffice).statusCode());
        assertEquals(401, download(href, null).statusCode());
        assertEquals("image/png", download(href, OPD).headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void theRoundsViewReproducesBanjarnegarasFiguresFromTheStoredScores() throws Exception {
        csv("/api/v1/units/import", "id,name,kind,parent\nkab-bnr,Kabupaten Banjarnegara,region,\nbnr-dinkes,Dinas Kesehatan,office,kab-bnr\n"
                + "bnr-dukcapil,Dinas Dukcapil,office,kab-bnr\nbnr-rsud,RSUD,office,kab-bnr\nbnr-dpmptsp,DPMPTSP,office,kab-bnr\n", ADMIN, rapor);
        // 2023: (92.16 + 94.16) / 2 = 93.16; 2024: (95.00 + 95.46) / 2 = 95.23, as Banjarnegara published.
        official("bnr-dinkes", 2023, "verifier", "92.16");
        official("bnr-dukcapil", 2023, "verifier", "94.16");
        official("bnr-dinkes", 2024, "verifier", "95.00");
        official("bnr-dukcapil", 2024, "self", "97.00");
        official("bnr-dukcapil", 2024, "evaluator", "95.00");
        official("bnr-dukcapil", 2024, "verifier", "95.46");
        created(rapor.post("/api/v1/units/bnr-rsud/assessments", ombudsman2022(2024, "self", "80.00"), ADMIN)); // a draft: pending

        JsonNode v = ok(rapor.get("/api/v1/monitoring?region=kab-bnr&year=2024&family=ombudsman&exact=true", POLICY));
        assertEquals("95.23", v.get("index").decimalValue().toPlainString());
        assertEquals("A", v.get("band").get("code").asText());
        assertEquals("ombudsman-2022", v.get("methodology").get("id").asText());
        assertEquals(false, v.get("empty").asBoolean());
        assertEquals("93.16", v.get("previous").get("index").decimalValue().toPlainString());
        JsonNode change = v.get("previous").get("change");
        assertEquals("2.07", change.get("points").decimalValue().toPlainString());
        assertEquals("2.22", change.get("percent").decimalValue().toPlainString(), "relative to the previous index");
        assertEquals(false, change.get("methodologyChanged").asBoolean());
        assertTrue(change.get("exact").get("percent").decimalValue().toPlainString().startsWith("2.2219"), change.toString());
        JsonNode first = v.get("units").get(0);
        assertEquals("bnr-dukcapil", first.get("id").asText());
        assertEquals(1, first.get("rank").asInt());
        assertEquals("verifier", first.get("official").get("role").asText());
        assertEquals("97.00", first.get("self").decimalValue().toPlainString());
        assertEquals("2.00", first.get("gap").decimalValue().toPlainString(), "self minus evaluator");
        assertEquals("above", first.get("position").asText());
        assertEquals("1.30", first.get("previous").get("change").get("points").decimalValue().toPlainString());
        assertEquals("1.38", first.get("previous").get("change").get("percent").decimalValue().toPlainString());
        JsonNode second = v.get("units").get(1);
        assertEquals("bnr-dinkes", second.get("id").asText());
        assertEquals("below", second.get("position").asText());
        assertEquals("3.08", second.get("previous").get("change").get("percent").decimalValue().toPlainString(), "2.84 of 92.16");
        assertEquals("not-entered", v.get("units").get(2).get("status").asText(), "the others after the scored ones, by id");
        assertEquals("bnr-rsud", v.get("units").get(3).get("id").asText());
        assertEquals("pending", v.get("units").get(3).get("status").asText(), "entered, nothing final");
        assertEquals("[\"bnr-dpmptsp\"]", v.get("notEntered").toString());
        assertEquals("[\"bnr-dinkes\"]", v.get("belowAverage").toString());
        assertEquals("C", v.get("atOrBelow").get("band").asText());
        assertEquals(0, v.get("atOrBelow").get("units").size());
        assertEquals(2, v.get("bands").get(0).get("units").asInt(), "two units in A");
        assertEquals(2, v.get("summary").get("scored").asInt());

        JsonNode region = ok(rapor.get("/api/v1/units/kab-bnr/history?family=ombudsman", ADMIN));
        assertTrue(region.get("region").asBoolean());
        assertEquals(2, region.get("rounds").size());
        assertEquals("93.16", region.get("rounds").get(0).get("index").decimalValue().toPlainString());
        assertEquals("2.22", region.get("rounds").get(1).get("change").get("percent").decimalValue().toPlainString());
        JsonNode unit = ok(rapor.get("/api/v1/units/bnr-dukcapil/history?family=ombudsman", ADMIN));
        assertEquals(false, unit.get("region").asBoolean());
        assertEquals("95.46", unit.get("rounds").get(1).get("index").decimalValue().toPlainString());
        assertEquals("2022.1.0", unit.get("rounds").get(1).get("versions").get(0).get("version").asText());

        // A round nobody has a final score in is an empty view that says so.
        JsonNode empty = ok(rapor.get("/api/v1/monitoring?region=kab-bnr&year=2022&family=ombudsman", ADMIN));
        assertTrue(empty.get("empty").asBoolean());
        assertTrue(empty.get("index").isNull());
        assertEquals(4, empty.get("notEntered").size());
        assertTrue(empty.get("note").asText().startsWith("Belum ada unit"), empty.toString());
        // A view is kept while the records stay as they were: one final score later, the same question has a new answer.
        official("bnr-dukcapil", 2022, "verifier", "90.00");
        JsonNode after = ok(rapor.get("/api/v1/monitoring?region=kab-bnr&year=2022&family=ombudsman", ADMIN));
        assertFalse(after.get("empty").asBoolean(), after.toString());
        assertEquals(3, after.get("notEntered").size(), after.toString());
    }

    @Test
    void aChangeOfMethodIsSaidBesideTheChangeTheBontangCase() throws Exception {
        csv("/api/v1/units/import", "id,name,kind,parent\nprov-kaltim,Provinsi Kalimantan Timur,region,\n"
                + "kota-bontang,Kota Bontang,region,prov-kaltim\nbontang-dpmptsp,DPMPTSP Bontang,office,kota-bontang\n"
                + "kota-samarinda,Kota Samarinda,region,prov-kaltim\nsmd-dpmptsp,DPMPTSP Samarinda,office,kota-samarinda\n", ADMIN, rapor);
        ObjectNode old = RaporDistribution.JSON.createObjectNode();
        old.put("year", 2021).put("family", "ombudsman").put("role", "verifier");
        ObjectNode answers = old.putObject("answers");
        for (int k = 1; k <= 9; k++) answers.put("v0" + k, 85);
        finalized(created(rapor.post("/api/v1/units/bontang-dpmptsp/assessments", old.toString(), ADMIN)));
        official("bontang-dpmptsp", 2022, "verifier", "70.00");
        official("smd-dpmptsp", 2022, "verifier", "80.00");

        JsonNode v = ok(rapor.get("/api/v1/monitoring?region=prov-kaltim&year=2022&family=ombudsman", POLICY));
        JsonNode bontang = v.get("units").get(1);
        assertEquals("bontang-dpmptsp", bontang.get("id").asText());
        assertEquals("kota-bontang", bontang.get("region").asText());
        JsonNode change = bontang.get("previous").get("change");
        assertEquals("-15.00", change.get("points").decimalValue().toPlainString());
        assertTrue(change.get("methodologyChanged").asBoolean(), change.toString());
        assertEquals("ombudsman-2021", change.get("from").get(0).get("id").asText());
        assertEquals("ombudsman-2022", change.get("to").get(0).get("id").asText());
        assertEquals("Hijau", bontang.get("previous").get("official").get("band").get("code").asText());
        assertEquals("C", bontang.get("official").get("band").get("code").asText());
        assertEquals("[\"bontang-dpmptsp\"]", v.get("atOrBelow").get("units").toString(), "C or below by default");
        assertTrue(v.get("previous").get("change").get("methodologyChanged").asBoolean());
        // The province rolls up over its cities, every figure from the unit rows.
        assertEquals("75.00", v.get("index").decimalValue().toPlainString());
        assertEquals("kota-bontang", v.get("regions").get(0).get("id").asText());
        assertEquals("70.00", v.get("regions").get(0).get("index").decimalValue().toPlainString());
        assertEquals("80.00", v.get("regions").get(1).get("index").decimalValue().toPlainString());
        assertEquals("[\"bontang-dpmptsp\"]", ok(rapor.get("/api/v1/monitoring?region=prov-kaltim&year=2022&family=ombudsman&atOrBelow=B",
                ADMIN)).get("belowAverage").toString());
    }

    @Test
    void onlyTheRegionsOwnPeopleSeeItsMonitoringAndAnOfficeAdminOnlyItsOwnHistory() throws Exception {
        String kabA = "/api/v1/monitoring?region=kab-a&year=2024&family=pekppp";
        assertEquals(200, rapor.get(kabA, EVALUATOR).statusCode());
        assertEquals(200, rapor.get(kabA, VERIFIER).statusCode());
        assertEquals(200, rapor.get(kabA, POLICY).statusCode());
        assertEquals(200, rapor.get(kabA, ADMIN).statusCode());
        assertEquals(401, rapor.get(kabA).statusCode());
        assertEquals(403, rapor.get(kabA, OPD).statusCode(), "an office admin sees no region's view");
        assertEquals(403, rapor.get("/api/v1/monitoring?region=dinas-a&year=2024&family=pekppp", OPD).statusCode());
        csv("/api/v1/units/import", "id,name,kind,parent\nkab-z,Kabupaten Z,region,\nz-dinas,Dinas Z,office,kab-z\n", ADMIN, rapor);
        assertEquals(403, rapor.get("/api/v1/monitoring?region=kab-z&year=2024&family=pekppp", EVALUATOR).statusCode(), "another region");
        assertEquals(403, rapor.get("/api/v1/monitoring?region=no-such-region&year=2024&family=pekppp", EVALUATOR).statusCode(),
                "never a 404 that tells whether a region exists");
        assertEquals(200, rapor.get("/api/v1/units/upp-a1/history?family=pekppp", OPD).statusCode(), "its own unit");
        assertEquals(200, rapor.get("/api/v1/units/dinas-a/history?family=pekppp", OPD).statusCode());
        assertEquals(403, rapor.get("/api/v1/units/upp-b1/history?family=pekppp", OPD).statusCode());
        assertEquals(403, rapor.get("/api/v1/units/kab-a/history?family=pekppp", OPD).statusCode(), "a region's history is its monitoring");
        assertEquals(200, rapor.get("/api/v1/units/kab-a/history?family=pekppp", EVALUATOR).statusCode());
        String audit = rapor.get("/api/v1/audit", POLICY).body();
        assertTrue(audit.contains("monitoring.read"), audit);
    }

    @Test
    void badMonitoringQueriesArePreciseProblemsInBothLanguages() throws Exception {
        csv("/api/v1/units/import", "id,name,kind,parent\nkab-kosong,Kabupaten Kosong,region,\n", ADMIN, rapor);
        assertProblem(rapor.get("/api/v1/monitoring?region=nowhere&year=2024&family=pekppp", ADMIN), 404, "unknown-unit", "region");
        assertProblem(rapor.get("/api/v1/monitoring?region=kab-a&year=1990&family=pekppp", ADMIN), 404, "unknown-year", null);
        assertProblem(rapor.get("/api/v1/monitoring?region=kab-a&year=2024&family=rapor", ADMIN), 404, "unknown-year", null);
        assertProblem(rapor.get("/api/v1/monitoring?region=kab-kosong&year=2024&family=pekppp", ADMIN), 422, "empty-region", "region");
        assertProblem(rapor.get("/api/v1/monitoring?region=kab-a&year=2024&family=pekppp&atOrBelow=Z", ADMIN), 422, "unknown-band", "atOrBelow");
        assertProblem(rapor.get("/api/v1/monitoring?region=kab-a&year=2024&family=ombudsman&methodology=pekppp-2022", ADMIN), 422,
                "other-family", "methodology");
        assertProblem(rapor.get("/api/v1/monitoring?region=kab-a&year=2024&methodology=nope", ADMIN), 404, "unknown-methodology", null);
        assertProblem(rapor.get("/api/v1/monitoring?region=kab-a&family=pekppp", ADMIN), 400, "malformed-request", "year");
        assertProblem(rapor.get("/api/v1/monitoring?region=kab-a&year=dua&family=pekppp", ADMIN), 400, "malformed-request", "year");
        assertProblem(rapor.get("/api/v1/monitoring?region=kab-a&year=2024", ADMIN), 400, "malformed-request", "family");
        assertProblem(rapor.get("/api/v1/monitoring?year=2024&family=pekppp", ADMIN), 400, "malformed-request", "region");
        assertProblem(rapor.get("/api/v1/units/kab-a/history", ADMIN), 400, "malformed-request", "family");
        HttpResponse<String> english = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/monitoring?region=kab-kosong&year=2024&family=pekppp")))
                .header("Authorization", ADMIN).header("Accept-Language", "en"));
        assertEquals("'kab-kosong' has no office or service unit below it to monitor", RaporDistribution.json(english).get("detail").asText());
        assertEquals("'kab-kosong' tidak memiliki perangkat daerah atau unit layanan di bawahnya untuk dipantau",
                RaporDistribution.json(rapor.get("/api/v1/monitoring?region=kab-kosong&year=2024&family=pekppp", ADMIN)).get("detail").asText());
    }

    /** An Ombudsman 2022 assessment whose four dimensions are all {@code value}: its index is {@code value}. */
    private static String ombudsman2022(int year, String role, String value) {
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.put("year", year).put("family", "ombudsman").put("role", role);
        ObjectNode answers = body.putObject("answers");
        for (String d : new String[] {"input", "proses", "output", "pengaduan"}) answers.put(d, new java.math.BigDecimal(value));
        return body.toString();
    }

    /** Entered, submitted and finalized by admin (who may, for any unit). */
    private static void official(String unit, int year, String role, String value) throws Exception {
        JsonNode a = created(rapor.post("/api/v1/units/" + unit + "/assessments", ombudsman2022(year, role, value), ADMIN));
        assertEquals(0, new java.math.BigDecimal(value).compareTo(a.get("index").decimalValue()), a.toString());
        finalized(a);
    }

    private static void finalized(JsonNode a) throws Exception {
        ok(rapor.post("/api/v1/assessments/" + a.get("id").asLong() + "/submit", "", ADMIN));
        ok(rapor.post("/api/v1/assessments/" + a.get("id").asLong() + "/finalize", "", ADMIN));
    }

    /**
     * README "See a populated system": the published history is not there by default, loads with one command through the
     * API, reads back as published (each round's official score, its band, label or zone), and a second run adds nothing.
     */
    @Test
    void thePublishedHistoryLoadsWithOneCommandAndReadsBackAsPublished() throws Exception {
        assertEquals(404, rapor.get("/api/v1/units/contoh", ADMIN).statusCode(), "example data is never loaded by default");
        Map<String, String> env = Map.of("RAPOR_URL", rapor.url(""), "RAPOR_USER", "admin", "RAPOR_PASSWORD", "sandi-admin-1");
        String[] first = rapor.command("rapor-cli", env, "load-examples");
        assertEquals("0", first[0], first[1]);
        assertTrue(first[1].contains("Example data loaded: 7 unit(s) and 6 assessment(s) added, 6 made final"), first[1]);

        assertEquals(7, ok(rapor.get("/api/v1/units?region=contoh", ADMIN)).size(), "region contoh, its three and their governments");
        assertTrue(ok(rapor.get("/api/v1/units/contoh", ADMIN)).get("name").asText().startsWith("Data contoh"));
        // unit, family, year: the official score's role, index, band code, and the published label or zone
        String[][] published = {
            {"contoh-pemkab-banjarnegara", "pekppp", "2024", "evaluator", "4.56", "A", "Pelayanan Prima"},
            {"contoh-pemkab-banjarnegara", "ombudsman", "2023", "evaluator", "93.16", "A", "Kualitas Tertinggi"},
            {"contoh-pemkab-banjarnegara", "ombudsman", "2024", "evaluator", "95.23", "A", "Kualitas Tertinggi"},
            {"contoh-pemkot-banjarmasin", "ombudsman", "2024", "evaluator", "95.45", "A", "Hijau"},
            {"contoh-pemkab-banyuasin", "ombudsman", "2021", "evaluator", "69.39", "Kuning", "Kuning"},
        };
        for (String[] p : published) {
            JsonNode o = ok(rapor.get("/api/v1/units/" + p[0] + "/official?year=" + p[2] + "&family=" + p[1], ADMIN));
            String round = String.join(" ", p);
            assertEquals(p[3], o.get("role").asText(), round);
            assertEquals("final", o.get("state").asText(), round);
            assertEquals(p[4], o.get("index").asText(), round);
            assertEquals(p[5], o.get("band").get("code").asText(), round);
            JsonNode band = o.get("score").get("band");
            assertTrue(p[6].equals(band.get("label").asText()) || p[6].equals(band.path("zone").asText()), round + ": " + band);
            assertTrue(o.get("comment").asText().startsWith("DATA CONTOH") && o.get("comment").asText().contains(p[4].replace('.', ',')), round);
        }
        // The self-assessment is kept beside the evaluator's, final; the evaluator's is the official one.
        JsonNode self = null;
        for (JsonNode a : ok(rapor.get("/api/v1/units/contoh-pemkab-banjarnegara/assessments?year=2024&family=pekppp", ADMIN))) {
            if (a.get("role").asText().equals("self")) self = a;
        }
        assertEquals("2.97", self.get("index").asText());
        assertEquals("C", self.get("band").get("code").asText());
        assertEquals("Cukup", self.get("band").get("label").asText());
        assertEquals("final", self.get("state").asText());
        assertEquals(false, self.get("official").asBoolean());

        // The round's view reproduces the published figures: Banjarnegara's index and its change from 93.16 (2023),
        // "up 2.22%"; over the example region, Banjarnegara and Banjarmasin side by side, Banyuasin not entered.
        JsonNode bnr = ok(rapor.get("/api/v1/monitoring?region=contoh-kab-banjarnegara&year=2024&family=ombudsman", ADMIN));
        assertEquals("95.23", bnr.get("index").asText());
        assertEquals("93.16", bnr.at("/previous/index").asText());
        assertEquals("2.07", bnr.at("/previous/change/points").asText(), bnr.toString());
        assertEquals("2.22", bnr.at("/previous/change/percent").asText(), bnr.toString());
        JsonNode all = ok(rapor.get("/api/v1/monitoring?region=contoh&year=2024&family=ombudsman", ADMIN));
        assertEquals("95.34", all.get("index").asText(), "the mean of 95.23 and 95.45");
        assertEquals("contoh-pemkab-banyuasin", all.at("/notEntered/0").asText(), all.toString());
        JsonNode history = ok(rapor.get("/api/v1/units/contoh-kab-banjarnegara/history?family=ombudsman", ADMIN));
        assertEquals("93.16", history.at("/rounds/0/index").asText(), history.toString());
        assertEquals("95.23", history.at("/rounds/1/index").asText(), history.toString());

        String before = everyAssessment();
        String[] second = rapor.command("rapor-cli", env, "load-examples");
        assertEquals("0", second[0], second[1]);
        assertTrue(second[1].contains("Nothing added: the example data of"), second[1]);
        assertEquals(before, everyAssessment(), "a second run changes nothing");
    }

    private static String everyAssessment() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String unit : new String[] {"contoh-pemkab-banjarnegara", "contoh-pemkab-banyuasin", "contoh-pemkot-banjarmasin"}) {
            all.append(ok(rapor.get("/api/v1/units/" + unit + "/assessments", ADMIN)));
        }
        all.append(ok(rapor.get("/api/v1/units?region=contoh", ADMIN)));
        return all.toString();
    }

    private static HttpResponse<String> evidence(String path, byte[] file, String type, String authorization) throws Exception {
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(path))).header("Content-Type", type)
                .header("Authorization", authorization).PUT(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    private static HttpResponse<byte[]> download(String path, String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(rapor.url(path))).timeout(java.time.Duration.ofSeconds(30));
        if (authorization != null) r.header("Authorization", authorization);
        return java.net.http.HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyChangeIsInTheRecordsAuditTrailWhichOnlyTheAdminReads() throws Exception {
        JsonNode draft = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2024, "untuk jejak audit"), OPD));
        long id = draft.get("id").asLong();
        ok(put("/api/v1/assessments/" + id, entryWith("self", "i03", 1), OPD));
        ok(rapor.post("/api/v1/assessments/" + id + "/submit", "", OPD));

        JsonNode trail = ok(rapor.get("/api/v1/records/audit?assessment=" + id, ADMIN));
        assertEquals(3, trail.size(), trail.toString());
        assertEquals("assessment.submit", trail.get(0).get("action").asText(), "newest first");
        assertEquals("assessment.update", trail.get(1).get("action").asText());
        assertEquals("assessment.create", trail.get(2).get("action").asText());
        for (JsonNode e : trail) {
            assertEquals("opd", e.get("user").asText());
            assertEquals("assessment:" + id, e.get("subject").asText());
            assertTrue(e.get("address").asText().startsWith("127.0.0.1"), e.toString());
        }
        // A page at a time: the Link names the next (older) page, which holds the rest.
        HttpResponse<String> first = rapor.get("/api/v1/records/audit?assessment=" + id + "&limit=2", ADMIN);
        assertEquals(2, ok(first).size());
        String next = first.headers().firstValue("Link").orElseThrow();
        assertTrue(next.startsWith("</api/v1/records/audit?limit=2&before=") && next.contains("assessment=" + id), next);
        JsonNode rest = ok(rapor.get(next.substring(1, next.indexOf('>')), ADMIN));
        assertEquals(1, rest.size());
        assertEquals("assessment.create", rest.get(0).get("action").asText());
        assertTrue(rapor.get(next.substring(1, next.indexOf('>')), ADMIN).headers().firstValue("Link").isEmpty(), "the last page");
        // A unit's own row: created by the admin when the scenarios began.
        JsonNode unit = ok(rapor.get("/api/v1/records/audit?unit=kab-a", ADMIN));
        assertEquals("unit.create", unit.get(unit.size() - 1).get("action").asText());

        // It names every unit and user: the admin's alone. Bad parameters are named.
        assertProblem(rapor.get("/api/v1/records/audit", OPD), 403, "forbidden", null);
        assertProblem(rapor.get("/api/v1/records/audit", POLICY), 403, "forbidden", null);
        assertEquals(401, rapor.get("/api/v1/records/audit").statusCode());
        assertProblem(rapor.get("/api/v1/records/audit?unit=kab-a&assessment=" + id, ADMIN), 400, "malformed-request", "assessment");
        assertProblem(rapor.get("/api/v1/records/audit?assessment=satu", ADMIN), 400, "malformed-request", "assessment");
        assertProblem(rapor.get("/api/v1/records/audit?limit=0", ADMIN), 400, "malformed-request", "limit");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aRoundExportedAsCsvAndAsAWorkbookImportsBack() throws Exception {
        HttpResponse<String> units = csv("/api/v1/units/import", "id,name,kind,parent\nkab-r,Kabupaten R,region,\ndinas-r,Dinas R,office,kab-r\n"
                + "upp-r1,UPP R1,service-unit,dinas-r\nupp-r2,UPP R2,service-unit,dinas-r\n", ADMIN, rapor);
        assertEquals(200, units.statusCode(), units.body());
        long entered = created(rapor.post("/api/v1/units/upp-r1/assessments", entry("self", 2024, "from the office"), ADMIN)).get("id").asLong();

        String round = "region=kab-r&year=2024&family=pekppp";
        HttpResponse<String> exported = rapor.get("/api/v1/rounds/export?" + round, ADMIN);
        assertEquals(200, exported.statusCode(), exported.body());
        assertTrue(exported.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), exported.headers().toString());
        String[] lines = exported.body().split("\r?\n");
        assertTrue(lines[0].startsWith("unit,name,role,state,assessment,index,band,comment,i01,i02,"), lines[0]);
        assertEquals(4, lines.length, exported.body()); // dinas-r and upp-r2 as rows of the form to fill in, upp-r1's self-assessment
        assertTrue(lines[1].startsWith("dinas-r,Dinas R,,"), lines[1]);
        assertTrue(lines[2].startsWith("upp-r1,UPP R1,self,draft," + entered + ",2.97"), lines[2]);
        assertTrue(lines[3].startsWith("upp-r2,UPP R2,,"), lines[3]);

        // The sheet as exported imports back: the same answers, a new draft of the same score; the empty rows are skipped.
        JsonNode imported = ok(csv("/api/v1/rounds/import?" + round, exported.body(), ADMIN, rapor));
        assertEquals(1, imported.get("imported").asInt());
        JsonNode row = imported.get("assessments").get(0);
        assertEquals(3, row.get("row").asInt());
        assertEquals("upp-r1", row.get("unit").asText());
        assertEquals("2.97", row.get("index").decimalValue().toPlainString());
        JsonNode stored = ok(rapor.get("/api/v1/assessments/" + row.get("id").asLong(), ADMIN));
        assertEquals("draft", stored.get("state").asText());
        assertEquals("from the office", stored.get("comment").asText());
        assertEquals("pekppp-2022", stored.get("methodology").get("id").asText());
        assertEquals(RaporDistribution.JSON.readTree(entry("self", 2024, null)).get("answers"), stored.get("input").get("answers"));

        // The same round as an Excel workbook, and back.
        HttpResponse<byte[]> workbook = bytes("/api/v1/rounds/export?" + round + "&format=xlsx", ADMIN);
        assertEquals(200, workbook.statusCode());
        assertEquals(XLSX, workbook.headers().firstValue("Content-Type").orElse(""));
        assertEquals("PK", new String(workbook.body(), 0, 2, StandardCharsets.ISO_8859_1), "a workbook is a zip");
        HttpResponse<String> back = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/rounds/import?" + round)))
                .header("Content-Type", XLSX).header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.ofByteArray(workbook.body())));
        assertEquals(1, ok(back).get("imported").asInt());
        assertEquals(3, ok(rapor.get("/api/v1/units/upp-r1/assessments?year=2024&family=pekppp", ADMIN)).size());

        // A survey's round is one row per respondent, not per unit: said so.
        assertProblem(rapor.get("/api/v1/rounds/export?region=kab-r&year=2024&family=skm", ADMIN), 422, "invalid-round", "methodology");
    }

    @Test
    void aSheetWithWrongCellsStoresNothingAndNamesEveryCellInTheReadersLanguage() throws Exception {
        String before = ok(rapor.get("/api/v1/units/upp-a1/assessments", ADMIN)).toString();
        String sheet = sheet("upp-a1,self,4", "upp-b1,evaluator,6", "nowhere,self,3", "upp-a1,self,2");
        HttpResponse<String> id = csv("/api/v1/rounds/import?region=kab-a&year=2024&family=pekppp", sheet, ADMIN, rapor);
        assertProblem(id, 422, "invalid-round", "row 3, column i07");
        JsonNode errors = RaporDistribution.json(id).get("errors");
        assertEquals(3, errors.size(), id.body());
        assertEquals("baris 3, kolom i07: 6 bukan pilihan (0–5)", errors.get(0).get("message").asText());
        assertEquals("baris 4, kolom unit: tidak ada unit 'nowhere' di wilayah 'kab-a'", errors.get(1).get("message").asText());
        assertEquals("baris 5, kolom unit: unit 'upp-a1' sebagai self sudah ada di baris 2", errors.get(2).get("message").asText());
        HttpResponse<String> en = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/rounds/import?region=kab-a&year=2024&family=pekppp")))
                .header("Content-Type", "text/csv").header("Accept-Language", "en").header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(sheet, StandardCharsets.UTF_8)));
        JsonNode english = RaporDistribution.json(en);
        assertEquals("row 3, column i07: 6 is not an option (0–5)", english.get("errors").get(0).get("message").asText(), en.body());
        assertEquals("row 3, column i07", english.get("errors").get(0).get("field").asText());
        assertTrue(english.get("detail").asText().contains("nothing was imported"), en.body());
        assertEquals(before, ok(rapor.get("/api/v1/units/upp-a1/assessments", ADMIN)).toString(), "nothing of the sheet is kept");
    }

    @Test
    void aRowTheUserMayNotEnterRefusesTheWholeSheet() throws Exception {
        String before = ok(rapor.get("/api/v1/units/upp-a1/assessments", ADMIN)).toString();
        // The office's admin enters its own unit's self-assessment, never an evaluator's: one such row and nothing is stored.
        String sheet = sheet("upp-a1,self,4", "upp-a1,evaluator,4");
        assertEquals(403, csv("/api/v1/rounds/import?region=dinas-a&year=2024&family=pekppp", sheet, OPD, rapor).statusCode());
        // Nor a region above its office.
        assertEquals(403, csv("/api/v1/rounds/import?region=kab-a&year=2024&family=pekppp", sheet("upp-a1,self,4"), OPD, rapor).statusCode());
        assertEquals(before, ok(rapor.get("/api/v1/units/upp-a1/assessments", ADMIN)).toString());
        String audit = rapor.get("/api/v1/audit", POLICY).body();
        assertTrue(audit.contains("round.import"), audit);
        // Its own rows it imports.
        assertEquals(1, ok(csv("/api/v1/rounds/import?region=dinas-a&year=2024&family=pekppp", sheet("upp-a1,self,4"), OPD, rapor))
                .get("imported").asInt());
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A round's sheet of pekppp 2024, semicolons and decimal commas as Indonesian spreadsheets save it: each row unit,role,i07 and the example's other answers. */
    static String sheet(String... rows) throws Exception {
        JsonNode answers = Assessments.example().get("answers");
        StringBuilder s = new StringBuilder("unit;role");
        java.util.List<String> others = new java.util.ArrayList<>();
        answers.fieldNames().forEachRemaining(i -> { if (!i.equals("i07")) others.add(i); });
        s.append(";i07");
        for (String i : others) s.append(';').append(i);
        s.append('\n');
        for (String row : rows) {
            s.append(row.replace(',', ';'));
            for (String i : others) s.append(';').append(answers.get(i).decimalValue().toPlainString().replace('.', ','));
            s.append('\n');
        }
        return s.toString();
    }

    static HttpResponse<byte[]> bytes(String path, String authorization) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rapor.url(path)))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type, String field) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
        JsonNode p = RaporDistribution.json(r);
        assertEquals("urn:rapor:problem:" + type, p.get("type").asText(), r.body());
        if (field != null) {
            boolean named = false;
            for (JsonNode e : p.get("errors")) named |= e.get("field").asText().contains(field);
            assertTrue(named, "the problem names " + field + ": " + r.body());
        }
    }

    /** A region's entry round on this database: opened, closed, a self-assessment refused, an evaluator's taken, reopened. */
    @Test
    void aRegionsRoundTakesSelfAssessmentsOnlyWhileItIsOpen() throws Exception {
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"kab-putaran\",\"name\":\"Kabupaten Putaran\",\"kind\":\"region\"}", ADMIN)
                .statusCode());
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"dinas-putaran\",\"name\":\"Dinas Putaran\",\"kind\":\"office\","
                + "\"parent\":\"kab-putaran\"}", ADMIN).statusCode());
        String today = java.time.LocalDate.now().toString();
        String round = "{\"region\":\"kab-putaran\",\"family\":\"pekppp\",\"year\":2024,\"opensOn\":\"" + today + "\",\"closesOn\":\""
                + today + "\",\"closed\":true}";
        JsonNode opened = created(rapor.post("/api/v1/rounds", round, ADMIN));
        assertEquals("closed", opened.get("state").asText());
        assertEquals(409, rapor.post("/api/v1/rounds", round, ADMIN).statusCode(), "once per region, family and year");
        assertProblem(rapor.post("/api/v1/units/dinas-putaran/assessments", entry("self", 2024, null), ADMIN), 409, "round-closed", "year");
        created(rapor.post("/api/v1/units/dinas-putaran/assessments", entry("evaluator", 2024, null), ADMIN));
        JsonNode reopened = ok(put("/api/v1/rounds/" + opened.get("id").asLong(), "{\"closed\":false}", ADMIN));
        assertEquals("open", reopened.get("state").asText());
        assertEquals(today, reopened.get("closesOn").asText());
        created(rapor.post("/api/v1/units/dinas-putaran/assessments", entry("self", 2024, null), ADMIN));
        JsonNode listed = ok(rapor.get("/api/v1/rounds?region=kab-putaran&open=true", ADMIN));
        assertEquals(1, listed.size(), listed.toString());
    }

    static String entry(String role, int year, String comment) throws Exception {
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.put("year", year);
        body.put("family", "pekppp");
        body.put("role", role);
        body.set("answers", Assessments.example().get("answers"));
        if (comment != null) body.put("comment", comment);
        return body.toString();
    }

    static String entryWith(String role, String indicator, int answer) throws Exception {
        ObjectNode body = (ObjectNode) RaporDistribution.JSON.readTree(entry(role, 2024, null));
        ((ObjectNode) body.get("answers")).put(indicator, answer);
        return body.toString();
    }

    static JsonNode created(HttpResponse<String> r) throws Exception {
        assertEquals(201, r.statusCode(), r.body());
        return RaporDistribution.json(r);
    }

    static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return RaporDistribution.json(r);
    }

    static HttpResponse<String> put(String path, String body, String authorization) throws Exception {
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(path))).header("Content-Type", "application/json")
                .header("Authorization", authorization).PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    static HttpResponse<String> csv(String path, String body, String authorization, RaporDistribution rapor) throws Exception {
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(path))).header("Content-Type", "text/csv")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
}
