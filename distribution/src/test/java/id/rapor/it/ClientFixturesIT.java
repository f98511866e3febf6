package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's tests answer with canned bodies (bundles/rapor-client/src/test/resources/…/answers):
 * this test is where they come from. It sends each canned answer's request to the real server
 * and checks the answer is, field for field, what the file holds (times set to one fixed
 * instant). When the server's answers change on purpose, rewrite the files from the server:
 * {@code mvn -B verify -pl distribution -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ClientFixturesIT -Drapor.fixtures.write=true}.
 */
class ClientFixturesIT extends StartedDistribution {
    private static final Path ANSWERS = Path.of(System.getProperty("rapor.client.answers",
            "../bundles/rapor-client/src/test/resources/id/rapor/client/answers"));
    private static final String FIXED_TIME = "2026-01-01T00:00:00Z";

    private record Fixture(String file, String method, String path, String body, int status, String authorization) {
        Fixture(String file, String method, String path, String body, int status) {
            this(file, method, path, body, status, null);
        }
    }

    private static final String REVISIONS = "/api/v1/methodologies/pekppp-2022/revisions";

    /** Policy staff's answers: a revision proposed, listed, read, previewed, compared, activated, and the audit trail. */
    private static List<Fixture> revisionFixtures() throws Exception {
        String[] added = rapor.command("rapor-user", java.util.Map.of("RAPOR_PASSWORD", "sandi-rahasia-1"), "add", "siti", "policy");
        assertEquals("0", added[0], added[1]);
        String siti = RaporDistribution.basic("siti", "sandi-rahasia-1");
        RuleBundleJar jar = RuleBundleJar.read(rapor.home.resolve("rules/pekppp-2022.jar"));
        ObjectNode proposal = RaporDistribution.JSON.createObjectNode();
        proposal.put("comment", "Band C from 2.98 (Surat Edaran contoh)");
        proposal.putObject("files")
                .put("methodology/bands.csv", BandC.moveBands(new String(jar.file("methodology/bands.csv"), StandardCharsets.UTF_8)))
                .put("methodology/golden-cases.csv", BandC.moveGoldenCases(new String(jar.file("methodology/golden-cases.csv"), StandardCharsets.UTF_8)));
        ObjectNode impact = RaporDistribution.JSON.createObjectNode();
        impact.putArray("units").add(Assessments.example()).add(RaporDistribution.JSON.readTree(Assessments.exampleWith("i02", 9)));
        return List.of(
                new Fixture("revision-proposed.json", "POST", REVISIONS, proposal.toString(), 201, siti),
                new Fixture("revisions.json", "GET", REVISIONS, null, 200, siti),
                new Fixture("revision.json", "GET", REVISIONS + "/1", null, 200, siti),
                new Fixture("impact.json", "POST", REVISIONS + "/1/impact", impact.toString(), 200, siti),
                new Fixture("diff.json", "GET", REVISIONS + "/0/diff/1", null, 200, siti),
                new Fixture("activated.json", "POST", REVISIONS + "/1/activate", "", 200, siti),
                new Fixture("audit.json", "GET", "/api/v1/audit", null, 200, siti));
    }

    private static List<Fixture> fixtures() throws Exception {
        ObjectNode region = RaporDistribution.JSON.createObjectNode();
        region.put("region", "Kota Contoh").put("atOrBelow", "C");
        var units = region.putArray("units");
        units.addObject().put("unit", "Dinas A").putObject("answers").put("input", 90).put("proses", 85.5).put("output", 80).put("pengaduan", 70);
        units.addObject().put("unit", "Dinas B").putObject("answers").put("input", 50).put("proses", 40).put("output", 60.25).put("pengaduan", 30);
        units.addObject().put("unit", "Dinas C").putObject("answers").put("input", "lima puluh").put("proses", 50).put("output", 50).put("pengaduan", 50);
        units.addObject().put("unit", "Dinas D").putObject("answers").put("input", 120).put("proses", 50).put("output", 50).put("pengaduan", 50);
        ObjectNode survey = RaporDistribution.JSON.createObjectNode();
        survey.put("unit", "Puskesmas Contoh");
        var respondents = survey.putArray("respondents");
        int[][] answers = {{4, 4, 3, 3, 3, 3, 2, 2, 4}, {3, 3, 3, 3, 2, 2, 2, 2, 3}};
        for (int[] r : answers) {
            ObjectNode one = respondents.addObject();
            for (int k = 0; k < r.length; k++) one.put("u" + (k + 1), r[k]);
        }
        return List.of(
                new Fixture("health.json", "GET", "/api/v1/health", null, 200),
                new Fixture("methodologies.json", "GET", "/api/v1/methodologies", null, 200),
                new Fixture("resolve.json", "GET", "/api/v1/methodologies?family=ombudsman&year=2023", null, 200),
                new Fixture("questionnaire-pekppp-2022.json", "GET", "/api/v1/methodologies/pekppp-2022", null, 200),
                new Fixture("questionnaire-ombudsman-2022.json", "GET", "/api/v1/methodologies/ombudsman-2022", null, 200),
                new Fixture("questionnaire-skm-2017.json", "GET", "/api/v1/methodologies/skm-2017", null, 200),
                new Fixture("score.json", "POST", "/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString(), 200),
                new Fixture("score-skm.json", "POST", "/api/v1/score?family=skm&year=2024", survey.toString(), 200),
                new Fixture("region.json", "POST", "/api/v1/score/batch?family=ombudsman&year=2023", region.toString(), 200),
                new Fixture("deployments.json", "GET", "/api/v1/deployments", null, 200),
                new Fixture("plan.json", "POST", "/api/v1/methodologies/pekppp-2022/plan", Assessments.example().toString(), 200),
                new Fixture("compare.json", "POST", "/api/v1/compare", Assessments.comparison().toString(), 200),
                new Fixture("problem-422.json", "POST", "/api/v1/methodologies/pekppp-2022/score", Assessments.exampleWith("i99", 1), 422),
                new Fixture("problem-404.json", "GET", "/api/v1/methodologies/pekppp-1999", null, 404),
                new Fixture("problem-404-year.json", "GET", "/api/v1/methodologies?family=ombudsman&year=1990", null, 404));
    }

    @Test
    void theClientsCannedAnswersAreWhatTheServerSays() throws Exception {
        boolean write = Boolean.getBoolean("rapor.fixtures.write");
        List<Fixture> all = new java.util.ArrayList<>(fixtures());
        all.addAll(revisionFixtures());
        for (Fixture f : all) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rapor.url(f.path())));
            if (f.body() == null) request.GET();
            else if (f.body().isEmpty()) request.POST(HttpRequest.BodyPublishers.noBody());
            else request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(f.body(), StandardCharsets.UTF_8));
            if (f.authorization() != null) request.header("Authorization", f.authorization());
            HttpResponse<String> r = rapor.send(request);
            assertEquals(f.status(), r.statusCode(), f.file() + ": " + r.body());
            JsonNode now = fixTimes(RaporDistribution.JSON.readTree(r.body()));
            if (f.file().equals("audit.json")) now = policyEntries(now);
            Path file = ANSWERS.resolve(f.file());
            if (write) {
                Files.writeString(file, RaporDistribution.JSON.writeValueAsString(now));
            } else {
                String difference = firstDifference("", fixTimes(RaporDistribution.JSON.readTree(Files.readString(file))), now);
                assertEquals(null, difference, () -> f.file() + " is no longer what the server says (" + difference + ");"
                        + " rewrite the client's canned answers from the server with -Drapor.fixtures.write=true (see this class)");
            }
        }
    }

    /** Where two answers first differ, as a JSON pointer with both values, or null if they are equal. */
    private static String firstDifference(String at, JsonNode canned, JsonNode now) {
        if (canned.equals(now)) return null;
        if (canned.isObject() && now.isObject()) {
            var names = new java.util.TreeSet<String>();
            canned.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode a = canned.get(name), b = now.get(name);
                if (a == null || b == null) return at + "/" + name + ": " + (a == null ? "missing in the canned answer" : "no longer sent");
                String d = firstDifference(at + "/" + name, a, b);
                if (d != null) return d;
            }
        }
        if (canned.isArray() && now.isArray() && canned.size() == now.size()) {
            for (int k = 0; k < canned.size(); k++) {
                String d = firstDifference(at + "/" + k, canned.get(k), now.get(k));
                if (d != null) return d;
            }
        }
        String a = canned.toString(), b = now.toString();
        return at + ": canned " + (a.length() > 120 ? a.substring(0, 120) + "…" : a) + ", server " + (b.length() > 120 ? b.substring(0, 120) + "…" : b);
    }

    /** The audit trail's entries of policy staff's calls: the rule bundles' own entries come in the order they happened to compile, from a temporary folder. */
    private static JsonNode policyEntries(JsonNode trail) {
        var kept = RaporDistribution.JSON.createArrayNode();
        trail.forEach(e -> {
            if (e.get("action").asText().startsWith("revision.")) kept.add(e);
        });
        return kept;
    }

    /**
     * A deployment's or revision's time is when this run made it, an audit entry's request id is new each run and
     * its id is its place in the trail's file (which the lengths of the times before it move): fixed values instead.
     */
    private static JsonNode fixTimes(JsonNode node) {
        if (node.isArray()) node.forEach(ClientFixturesIT::fixTimes);
        if (node instanceof ObjectNode o) {
            if (o.has("time")) o.put("time", FIXED_TIME);
            if (o.has("requestId")) o.put("requestId", "fixed-request-id");
            if (o.has("requestId") && o.has("id")) o.put("id", 0);
            o.forEach(ClientFixturesIT::fixTimes);
        }
        return node;
    }
}
