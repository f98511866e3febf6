package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static id.rapor.it.RaporDistribution.basic;
import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Policy staff change PEKPPP 2022 through the API while it is scored: authenticated,
 * checked, activated under load with no failed or mixed answer, rolled back, audited, and
 * still active after a restart. The steps build on each other and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevisionsIT extends StartedDistribution {
    private static final String REVISIONS = "/api/v1/methodologies/pekppp-2022/revisions";
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static String siti;
    private static String budi;



    private static HttpResponse<String> post(String path, String body, String auth) throws Exception {
        return rapor.post(path, body, auth);
    }

    private static HttpResponse<String> get(String path, String auth) throws Exception {
        return rapor.get(path, auth);
    }

    /** Band C from 2.98: the example's 2.97 becomes C-; the golden cases that said C below 2.98 move with it. */
    private static String bandMoved(String comment) throws Exception {
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.put("comment", comment);
        ObjectNode files = body.putObject("files");
        String shipped = new String(RuleBundleJar.read(rapor.home.resolve("rules/pekppp-2022.jar")).file("methodology/bands.csv"), StandardCharsets.UTF_8);
        String golden = new String(RuleBundleJar.read(rapor.home.resolve("rules/pekppp-2022.jar")).file("methodology/golden-cases.csv"), StandardCharsets.UTF_8);
        files.put("methodology/bands.csv", BandC.moveBands(shipped));
        files.put("methodology/golden-cases.csv", BandC.moveGoldenCases(golden));
        return body.toString();
    }

    @Test
    @Order(1)
    void withNoUsersEveryRuleChangeIsRefused() throws Exception {
        HttpResponse<String> r = post(REVISIONS, "{}", null);
        problem(r, 401);
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        problem(post(REVISIONS, "{}", basic("admin", "admin")), 401);
    }

    @Test
    @Order(2)
    void usersAreAddedWithTheBinCommandAndRolesAreEnforced() throws Exception {
        String[] added = rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-rahasia-1"), "add", "siti", "policy");
        assertEquals("0", added[0], added[1]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-rahasia-2"), "add", "budi", "evaluator")[0]);
        assertEquals("2", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "short"), "add", "x", "policy")[0]);
        String users = java.nio.file.Files.readString(rapor.home.resolve("etc/users.properties"));
        assertTrue(users.contains("siti=policy|pbkdf2-sha256$"), users);
        assertTrue(!users.contains("sandi-rahasia"), "no plain password is stored");
        siti = basic("siti", "sandi-rahasia-1");
        budi = basic("budi", "sandi-rahasia-2");
        problem(post(REVISIONS, bandMoved("x"), basic("siti", "wrong-password")), 401);
        problem(post(REVISIONS, bandMoved("x"), budi), 403);
        assertEquals(200, get(REVISIONS, siti).statusCode());
    }

    @Test
    @Order(3)
    void aProposedRevisionIsCheckedAndServesOnlyWhenActivated() throws Exception {
        HttpResponse<String> created = post(REVISIONS, bandMoved("C starts at 2.98 (uji coba)"), siti);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode r = json(created);
        assertEquals(1, r.get("revision").asInt());
        assertEquals("DRAFT", r.get("state").asText());
        assertEquals("siti", r.get("author").asText());
        assertEquals(64, r.get("hash").asText().length());
        assertEquals("2022.1.0", json(rapor.post(SCORE, Assessments.example().toString())).at("/methodology/version").asText());
        problem(rapor.post(SCORE + "?revision=1", Assessments.example().toString()), 401); // a draft: policy staff only
        JsonNode pinned = json(post(SCORE + "?revision=1", Assessments.example().toString(), siti));
        assertEquals("C-", pinned.at("/band/code").asText());
        assertEquals("2022.1.0+r1", pinned.at("/methodology/version").asText());
        JsonNode detail = json(get(REVISIONS + "/1", siti));
        assertTrue(detail.at("/files/methodology~1bands.csv").asText().contains("C,Cukup,2.98,3.00"));
    }

    @Test
    @Order(4)
    void impactAndDiffShowWhatActivatingWouldChange() throws Exception {
        ObjectNode units = RaporDistribution.JSON.createObjectNode();
        var list = units.putArray("units");
        list.add(Assessments.example()); // 2.97: C today, C- under revision 1
        ObjectNode high = Assessments.example().deepCopy();
        high.put("unit", "Dinas lain");
        ApiIT.fields(high.get("answers")).forEach(f -> ((ObjectNode) high.get("answers")).put(f, 5));
        list.add(high);
        JsonNode impact = json(post(REVISIONS + "/1/impact", units.toString(), siti));
        assertEquals("2022.1.0", impact.get("activeVersion").asText());
        assertEquals("2022.1.0+r1", impact.get("candidateVersion").asText());
        assertEquals(1, impact.get("unchanged").asInt());
        assertEquals(1, impact.get("changed").size());
        JsonNode line = impact.get("changed").get(0);
        assertEquals("C", line.at("/old/band").asText());
        assertEquals("C-", line.at("/new/band").asText());
        assertEquals("0", line.get("delta").asText().replace(".00", ""));
        problem(post(REVISIONS + "/1/impact", units.toString(), budi), 403);

        JsonNode second = json(post(REVISIONS, "{\"comment\":\"label\",\"files\":{\"methodology/bands.csv\":"
                + RaporDistribution.JSON.writeValueAsString(new String(RuleBundleJar.read(rapor.home.resolve("rules/pekppp-2022.jar"))
                        .file("methodology/bands.csv"), StandardCharsets.UTF_8).replace("F,Gagal,", "F,Gagal (Prioritas Pembinaan),")) + "}}", siti));
        assertEquals(2, second.get("revision").asInt());
        assertEquals("DRAFT", second.get("state").asText(), second.toString());
        JsonNode diff = json(get(REVISIONS + "/1/diff/2", siti));
        var kinds = StreamSupport.stream(diff.get("changes").spliterator(), false)
                .map(c -> c.get("file").asText() + " " + c.get("kind").asText() + " " + c.get("key").asText()).toList();
        assertTrue(kinds.contains("methodology/bands.csv CHANGED F"), kinds.toString());
        assertTrue(kinds.contains("methodology/bands.csv CHANGED C"), "revision 2 was made over the serving bundle, not revision 1: " + kinds);
        assertTrue(kinds.contains("methodology/golden-cases.csv CHANGED published: Banjarnegara 2024 self-assessment 2.97 C Cukup"), kinds.toString());

        var fromBundle = StreamSupport.stream(json(get(REVISIONS + "/0/diff/2", siti)).get("changes").spliterator(), false)
                .map(c -> c.get("file").asText() + " " + c.get("kind").asText() + " " + c.get("key").asText()).toList();
        assertEquals(List.of("methodology/bands.csv CHANGED F"), fromBundle, "revision 0 is the rule bundle: revision 2 changes one row of it");
    }

    @Test
    @Order(5)
    void aBadRevisionIsRejectedWithErrorsInTheAuthorsTextAndCannotBeActivated() throws Exception {
        String before = rapor.post(SCORE, Assessments.example().toString()).body();
        String questionnaire = rapor.get("/api/v1/methodologies/pekppp-2022").body();
        JsonNode weights = json(post(REVISIONS, "{\"comment\":\"SDM 26\",\"files\":{\"methodology/aspects.csv\":"
                + "\"id,name,weight\\nkebijakan,K,24\\nsdm,S,26\\nsarpras,P,18\\nsipp,I,11\\nkonsultasi,K,10\\ninovasi,V,12\\nantrian,A,0\\n\"}}", siti));
        assertEquals("REJECTED", weights.get("state").asText());
        assertEquals("methodology/aspects.csv", weights.at("/errors/0/file").asText());
        JsonNode unsafe = json(post(REVISIONS, "{\"comment\":\"exit\",\"files\":{\"rules/extra.drl\":"
                + "\"package id.rapor.rules;\\nrule \\\"x\\\"\\nwhen\\nthen\\n    System.exit( 0 );\\nend\\n\"}}", siti));
        assertEquals("REJECTED", unsafe.get("state").asText());
        assertEquals("rules/extra.drl", unsafe.at("/errors/0/file").asText());
        assertTrue(unsafe.at("/errors/0/message").asText().startsWith("rule text is code and changes only with a rule bundle jar"), unsafe.toString());
        problem(post(REVISIONS + "/3/activate", "", siti), 409);
        problem(post(REVISIONS + "/99/activate", "", siti), 404);
        // Bodies that break the parser's limits or are no jar are the client's fault: 400, never an empty 200.
        problem(post(REVISIONS, "[".repeat(1500) + "]".repeat(1500), siti), 400);
        problem(post(REVISIONS, "{\"comment\":" + "[".repeat(1500) + "]".repeat(1500) + "}", siti), 400);
        HttpResponse<String> notAJar = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(REVISIONS + "?comment=x")))
                .header("Content-Type", "application/java-archive").header("Authorization", siti)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'P', 'K', 3, 4, 20, 0, 8, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                        13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28})));
        problem(notAJar, 400);
        assertEquals(before, rapor.post(SCORE, Assessments.example().toString()).body(), "the serving version answers bit for bit as before");
        assertEquals(questionnaire, rapor.get("/api/v1/methodologies/pekppp-2022").body());
    }

    @Test
    @Order(6)
    void anIdenticalProposalIsTheExistingRevisionAndGoldenCasesThatOnlyMovedAreAcceptedInOneStep() throws Exception {
        // Issue 12, point 14: the same files again are revision 1, not a new draft.
        HttpResponse<String> same = post(REVISIONS, bandMoved("the same bands, a second time"), siti);
        assertEquals(200, same.statusCode(), same.body());
        assertEquals(1, json(same).get("sameAs").asInt());
        assertEquals(1, json(same).get("revision").asInt());
        assertEquals("/api/v1/methodologies/pekppp-2022/revisions/1", same.headers().firstValue("Location").orElse(""));

        // Issue 12, point 11: band C moved (and F relabelled) without touching the golden cases: they fail by their numbers only.
        String bands = new String(RuleBundleJar.read(rapor.home.resolve("rules/pekppp-2022.jar")).file("methodology/bands.csv"), StandardCharsets.UTF_8);
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.put("comment", "C from 2.98, F relabelled");
        body.putObject("files").put("methodology/bands.csv", BandC.moveBands(bands).replace("F,Gagal,", "F,Gagal (Prioritas Pembinaan),"));
        JsonNode moved = json(post(REVISIONS, body.toString(), siti));
        assertEquals(5, moved.get("revision").asInt());
        assertEquals("REJECTED", moved.get("state").asText());
        assertEquals(moved.get("errors").size(), moved.get("goldenChanges").size(), moved.toString());
        JsonNode published = StreamSupport.stream(moved.get("goldenChanges").spliterator(), false)
                .filter(c -> c.get("case").asText().startsWith("published: Banjarnegara")).findFirst().orElseThrow();
        assertEquals("C", published.at("/expected/band").asText(), "old and new side by side");
        assertEquals("C-", published.at("/given/band").asText());
        assertEquals(published.at("/expected/index").decimalValue(), published.at("/given/index").decimalValue());

        {
            var client = id.rapor.client.RaporClient.builder().baseUrl(rapor.url("/")).credentials("siti", "sandi-rahasia-1").build();
            id.rapor.client.Types.Revision accepted = client.acceptGoldenChanges("pekppp-2022", 5);
            assertEquals(6, accepted.revision());
            assertEquals("DRAFT", accepted.state(), accepted.toString());
            assertEquals(List.of(), accepted.goldenChanges());
            assertEquals(6, client.acceptGoldenChanges("pekppp-2022", 5).sameAs(), "accepting again is the same revision");
            var refused = org.junit.jupiter.api.Assertions.assertThrows(id.rapor.client.RaporException.class,
                    () -> client.acceptGoldenChanges("pekppp-2022", 3));
            assertEquals(409, refused.status(), "revision 3 failed for its weights, not moved numbers");
        }
        assertEquals("REJECTED", json(get(REVISIONS + "/5", siti)).get("state").asText(), "revision 5 stays as it was made");
        String golden = json(get(REVISIONS + "/6", siti)).at("/files/methodology~1golden-cases.csv").asText();
        assertTrue(golden.contains(",2.97,C-,"), golden);
        assertEquals(409, ApiIT.problem(post(REVISIONS + "/3/accept-golden", "", siti), 409).get("status").asInt());
    }

    @Test
    @Order(7)
    void activationAndRollbackUnderLoadFailNoRequestAndMixNoAnswer() throws Exception {
        ScoringLoad load = new ScoringLoad(rapor, 3);
        try (load) {
            Thread.sleep(200);
            assertEquals(200, post(REVISIONS + "/1/activate", "", siti).statusCode());
            Thread.sleep(200);
            assertEquals(200, post(REVISIONS + "/6/activate", "", siti).statusCode());
            Thread.sleep(200);
            assertEquals(200, post(REVISIONS + "/1/activate", "", siti).statusCode()); // rollback
            Thread.sleep(200);
        }
        assertEquals(0, load.failures(), "failed requests of " + load.requests());
        assertEquals(Set.of("2022.1.0 C", "2022.1.0+r1 C-", "2022.1.0+r6 C-"), load.seen(), "each answer wholly from one version");
        var states = StreamSupport.stream(json(get(REVISIONS, siti)).spliterator(), false)
                .map(x -> x.get("revision").asInt() + " " + x.get("state").asText()).toList();
        assertEquals(java.util.List.of("1 ACTIVE", "2 DRAFT", "3 REJECTED", "4 REJECTED", "5 REJECTED", "6 SUPERSEDED"), states);
    }

    @Test
    @Order(8)
    void everyChangeAndEveryRefusalIsAudited() throws Exception {
        problem(get("/api/v1/audit", budi), 403);
        JsonNode audit = json(get("/api/v1/audit", siti));
        var lines = StreamSupport.stream(audit.spliterator(), false)
                .map(e -> e.get("action").asText() + " " + e.get("status").asInt() + " " + e.get("user").asText("-")).toList();
        assertTrue(lines.contains("revision.propose 401 -"), lines.toString());
        assertTrue(lines.contains("revision.propose 401 admin"), "a 401 names the user that was tried: " + lines);
        assertTrue(lines.contains("revision.propose 401 siti"), lines.toString());
        assertTrue(lines.contains("revision.propose 403 budi"), lines.toString());
        assertTrue(lines.contains("revision.propose 201 siti"), lines.toString());
        assertTrue(lines.contains("revision.propose 422 siti"), "a rejected revision is recorded as 422, as through the edit folder: " + lines);
        assertTrue(lines.contains("revision.propose 200 siti"), "the identical proposal: " + lines);
        assertTrue(lines.contains("revision.accept-golden 201 siti"), lines.toString());
        assertTrue(lines.contains("revision.activate 409 siti"), lines.toString());
        assertTrue(lines.stream().filter(l -> l.equals("revision.activate 200 siti")).count() >= 3, lines.toString());
        assertTrue(lines.contains("bundle.deploy 200 -"), "rule bundles deployed at start are in the trail too: " + lines);
        JsonNode first = StreamSupport.stream(audit.spliterator(), false).filter(e -> e.get("action").asText().startsWith("revision")).findFirst().orElseThrow();
        assertEquals("127.0.0.1", first.get("address").asText());
        assertTrue(first.get("requestId").asText().length() > 0);
        JsonNode wrongPassword = StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.get("status").asInt() == 401 && e.get("user").asText("").equals("siti")).findFirst().orElseThrow();
        assertEquals("127.0.0.1", wrongPassword.get("address").asText(), "and the address it came from");
        assertTrue(!wrongPassword.toString().contains("wrong-password"), "never the password: " + wrongPassword);
        JsonNode accepted = StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.get("action").asText().equals("revision.accept-golden") && e.get("status").asInt() == 201).findFirst().orElseThrow();
        assertEquals(6, accepted.get("revision").asInt());
        assertTrue(accepted.get("detail").asText().contains("golden cases of revision 5 accepted, old → new: '"), accepted.toString());
        assertTrue(accepted.get("detail").asText().contains("'published: Banjarnegara 2024 self-assessment 2.97 C Cukup' 2.97 C → 2.97 C-"),
                accepted.toString());
    }

    /** Issue 12, point 14: ?methodology= filters, and the trail comes newest first a page at a time. */
    @Test
    @Order(9)
    void theAuditTrailIsFilteredByMethodologyAndPaged() throws Exception {
        JsonNode skm = json(get("/api/v1/audit?methodology=skm-2017", siti));
        assertTrue(skm.size() > 0);
        for (JsonNode e : skm) assertEquals("skm-2017", e.get("methodology").asText(), skm.toString());
        HttpResponse<String> first = get("/api/v1/audit?methodology=pekppp-2022&limit=3", siti);
        JsonNode page = json(first);
        assertEquals(3, page.size());
        assertTrue(page.get(0).get("id").asLong() > page.get(1).get("id").asLong(), "newest first");
        String link = first.headers().firstValue("Link").orElseThrow();
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertEquals("/api/v1/audit?limit=3&before=" + page.get(2).get("id").asLong() + "&methodology=pekppp-2022", next);
        JsonNode older = json(get(next, siti));
        assertTrue(older.get(0).get("id").asLong() < page.get(2).get("id").asLong(), "the next page goes on from the last entry");
        JsonNode all = json(get("/api/v1/audit?methodology=pekppp-2022&limit=1000", siti));
        assertEquals(all.get(3).get("id"), older.get(0).get("id"));
        JsonNode bad = ApiIT.problem(get("/api/v1/audit?limit=many", siti), 400);
        assertEquals("limit", bad.at("/errors/0/field").asText(), bad.toString());
    }

    @Test
    @Order(10)
    void withApprovalRequiredASecondPolicyUserApprovesBeforeActivation() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-rahasia-3"), "add", "rina", "policy")[0]);
        java.nio.file.Path cfg = rapor.home.resolve("etc/id.rapor.revisions.cfg");
        String off = java.nio.file.Files.readString(cfg);
        assertTrue(off.contains("approval.required=false"), "off by default: " + off);
        java.nio.file.Files.writeString(cfg, off.replace("approval.required=false", "approval.required=true"));
        HttpResponse<String> refused = awaitActivation(1, 409); // revision 1 serves, and was never approved
        JsonNode problem = ApiIT.problem(refused, 409);
        assertEquals("approval-required", problem.get("type").asText().replaceAll(".*:", ""), problem.toString());
        assertTrue(problem.get("detail").asText().contains("approve"), problem.toString());
        assertEquals("2022.1.0+r1", json(rapor.post(SCORE, Assessments.example().toString())).at("/methodology/version").asText(), "revision 1 serves on");

        assertEquals("own-revision", ApiIT.problem(post(REVISIONS + "/2/approve", "", siti), 403).get("type").asText().replaceAll(".*:", ""));
        var rina = id.rapor.client.RaporClient.builder().baseUrl(rapor.url("/")).credentials("rina", "sandi-rahasia-3").build();
        id.rapor.client.Types.Revision approved = rina.approveRevision("pekppp-2022", 2);
        assertEquals("rina", approved.approvedBy());
        assertEquals(200, post(REVISIONS + "/2/activate", "", siti).statusCode());
        assertEquals("2022.1.0+r2", json(rapor.post(SCORE, Assessments.example().toString())).at("/methodology/version").asText());

        java.nio.file.Files.writeString(cfg, off); // off again: revision 1, never approved, can be activated once more
        ApiIT.problem(post(REVISIONS + "/1/activate", "", siti), 409);
        assertEquals(200, awaitActivation(1, 200).statusCode());
        var lines = StreamSupport.stream(json(get("/api/v1/audit?limit=1000", siti)).spliterator(), false)
                .map(e -> e.get("action").asText() + " " + e.get("status").asInt() + " " + e.get("user").asText("-")).toList();
        assertTrue(lines.contains("revision.approve 200 rina"), lines.toString());
        assertTrue(lines.contains("revision.approve 403 siti"), lines.toString());
        assertTrue(lines.contains("revision.activate 409 siti"), lines.toString());
    }

    /** Activates revision n until the answer is {@code status}: a changed etc/*.cfg applies within seconds. */
    private static HttpResponse<String> awaitActivation(int n, int status) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r;
        do {
            r = post(REVISIONS + "/" + n + "/activate", "", siti);
            if (r.statusCode() == status) return r;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("activating revision " + n + " still answers " + r.statusCode() + ": " + r.body());
    }

    @Test
    @Order(11)
    void theActiveRevisionSurvivesARestart() throws Exception {
        rapor.restart();
        JsonNode s = json(rapor.post(SCORE, Assessments.example().toString()));
        assertEquals("2022.1.0+r1", s.at("/methodology/version").asText());
        assertEquals("C-", s.at("/band/code").asText());
        assertEquals("ACTIVE", json(get(REVISIONS, siti)).get(0).get("state").asText());
        assertTrue(rapor.logText().contains("Revision 1 of pekppp-2022 restored"), rapor.logText());
        assertEquals("2022.1.0+r1", pekppp2022Deployment().get("overriddenBy").asText(), "deployments say a revision serves in place of the bundle");
        // Issue 12, point 15: what actually serves, and never "served by nothing" while the revision is restored.
        assertEquals("2022.1.0+r1", pekppp2022Deployment().get("servedVersion").asText());
        assertEquals(1, pekppp2022Deployment().get("servedRevision").asInt());
        assertTrue(!rapor.logText().contains("pekppp-2022 is served by nothing"), rapor.logText());
        // Issue 12, point 13: STATUS.txt says what serves after the API's activations and the restart.
        // The edit folder's watcher rewrites it at its next scan once the restored revision serves (poll.ms).
        java.nio.file.Path statusFile = rapor.home.resolve("edit/pekppp-2022/STATUS.txt");
        String status = java.nio.file.Files.readString(statusFile);
        for (long end = System.nanoTime() + 10_000_000_000L; !status.startsWith("SERVING:") && System.nanoTime() < end; ) {
            Thread.sleep(100);
            status = java.nio.file.Files.readString(statusFile);
        }
        assertTrue(status.startsWith("SERVING: pekppp-2022 2022.1.0+r1 (revision 1), since "), status);
        assertTrue(status.contains(", by siti"), status);
        // Revision 0: the rule bundles serve again.
        assertEquals(200, post(REVISIONS + "/0/activate", "", siti).statusCode());
        assertEquals("2022.1.0", json(rapor.post(SCORE, Assessments.example().toString())).at("/methodology/version").asText());
        assertTrue(pekppp2022Deployment().get("overriddenBy").isNull());
        assertEquals("2022.1.0", pekppp2022Deployment().get("servedVersion").asText());
        assertEquals(0, pekppp2022Deployment().get("servedRevision").asInt());
    }

    private static JsonNode pekppp2022Deployment() throws Exception {
        for (JsonNode d : json(rapor.get("/api/v1/deployments"))) {
            if (d.get("methodology").asText().equals("pekppp-2022")) return d;
        }
        throw new AssertionError("no pekppp-2022 deployment");
    }
}
