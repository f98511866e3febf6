package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        for (int i = 0; i < 100 && r.statusCode() == 503; i++) { // the database may still be migrating
            Thread.sleep(100);
            r = rapor.post("/api/v1/units", "{\"id\":\"kab-a\",\"name\":\"Kabupaten A\",\"kind\":\"region\"}", ADMIN);
        }
        assertEquals(201, r.statusCode(), r.body());
        HttpResponse<String> imported = csv("/api/v1/units/import",
                "id;name;kind;parent\ndinas-a;Dinas A;office;kab-a\ndinas-b;Dinas B;office;kab-a\nupp-a1;UPP A1;service-unit;dinas-a\n"
                        + "upp-b1;UPP B1;service-unit;dinas-b\n", ADMIN, rapor);
        assertEquals(200, imported.statusCode(), imported.body());
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
        assertTrue(first[1].contains("Example data loaded: 4 unit(s) and 6 assessment(s) added, 6 made final"), first[1]);

        assertEquals(4, ok(rapor.get("/api/v1/units?region=contoh", ADMIN)).size(), "region contoh and its three");
        assertTrue(ok(rapor.get("/api/v1/units/contoh", ADMIN)).get("name").asText().startsWith("Data contoh"));
        // unit, family, year: the official score's role, index, band code, and the published label or zone
        String[][] published = {
            {"contoh-kab-banjarnegara", "pekppp", "2024", "evaluator", "4.56", "A", "Pelayanan Prima"},
            {"contoh-kab-banjarnegara", "ombudsman", "2023", "evaluator", "93.16", "A", "Kualitas Tertinggi"},
            {"contoh-kab-banjarnegara", "ombudsman", "2024", "evaluator", "95.23", "A", "Kualitas Tertinggi"},
            {"contoh-kota-banjarmasin", "ombudsman", "2024", "evaluator", "95.45", "A", "Hijau"},
            {"contoh-kab-banyuasin", "ombudsman", "2021", "evaluator", "69.39", "Kuning", "Kuning"},
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
        for (JsonNode a : ok(rapor.get("/api/v1/units/contoh-kab-banjarnegara/assessments?year=2024&family=pekppp", ADMIN))) {
            if (a.get("role").asText().equals("self")) self = a;
        }
        assertEquals("2.97", self.get("index").asText());
        assertEquals("C", self.get("band").get("code").asText());
        assertEquals("Cukup", self.get("band").get("label").asText());
        assertEquals("final", self.get("state").asText());
        assertEquals(false, self.get("official").asBoolean());

        String before = everyAssessment();
        String[] second = rapor.command("rapor-cli", env, "load-examples");
        assertEquals("0", second[0], second[1]);
        assertTrue(second[1].contains("Nothing added: the example data of"), second[1]);
        assertEquals(before, everyAssessment(), "a second run changes nothing");
    }

    private static String everyAssessment() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String unit : new String[] {"contoh", "contoh-kab-banjarnegara", "contoh-kab-banyuasin", "contoh-kota-banjarmasin"}) {
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

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
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
