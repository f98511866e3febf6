package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rapor.client.RaporClient;
import id.rapor.client.RaporException;
import id.rapor.client.Types;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 over HTTP, on the real distribution: the improvement plan (the README's 2.97 C unit
 * to B-), for answers sent and for a stored assessment; the comparison of PEKPPP 2017 and 2022
 * through the crosswalk (parts that add up exactly), of Ombudsman 2021 and 2022 (no shared
 * inputs), and the refusals, in both languages; the client and the command line.
 */
class AdviceIT extends StartedDistribution {

    private static String plan(ObjectNode body) {
        return body.toString();
    }

    @Test
    void theReadmeUnitAt297ReachesBMinusWithOneLevelOfI14() throws Exception {
        ObjectNode body = Assessments.example();
        HttpResponse<String> r = rapor.post("/api/v1/methodologies/pekppp-2022/plan", plan(body));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode p = RaporDistribution.json(r);
        assertEquals("2.97", p.get("index").asText());
        assertEquals("C", p.at("/band/code").asText());
        assertEquals("B-", p.at("/target/code").asText());
        assertTrue(p.get("reachable").asBoolean());
        assertEquals(1, p.get("steps").size());
        assertEquals("i14", p.at("/steps/0/indicator").asText());
        assertEquals("Tingkat 4", p.at("/steps/0/descriptor").asText());
        assertEquals("3.05", p.get("indexAfter").asText());
        assertTrue(p.at("/method/0").asText().startsWith("Biaya"), "Indonesian by default");
        // Costs: documenting i14 is cheap, a waiting room (i16) dear; B needs several steps.
        body.put("target", "B").putObject("costs").put("i14", 0.5).put("i16", 10);
        JsonNode toB = RaporDistribution.json(rapor.post("/api/v1/methodologies/pekppp-2022/plan", plan(body)));
        assertEquals("B", toB.at("/bandAfter/code").asText());
        assertEquals("8", toB.get("cost").asText());
        for (JsonNode s : toB.get("steps")) assertFalse(s.get("indicator").asText().equals("i16"));
    }

    @Test
    void planRefusalsArePreciseInBothLanguages() throws Exception {
        ObjectNode unknown = Assessments.example().put("target", "Z");
        HttpResponse<String> r = rapor.post("/api/v1/methodologies/pekppp-2022/plan", unknown.toString());
        assertEquals(400, r.statusCode());
        JsonNode p = RaporDistribution.json(r);
        assertEquals("urn:rapor:problem:unknown-band", p.get("type").asText());
        assertEquals("target", p.at("/errors/0/field").asText());
        assertTrue(p.get("detail").asText().contains("A, A-") || p.get("detail").asText().contains("F, E"), p.toString());

        HttpResponse<String> reached = english("/api/v1/methodologies/pekppp-2022/plan", Assessments.example().put("target", "C-").toString());
        assertEquals(422, reached.statusCode());
        JsonNode q = RaporDistribution.json(reached);
        assertEquals("urn:rapor:problem:target-reached", q.get("type").asText());
        assertEquals("The index 2.97 (C) already reaches C-, which starts at 2.01; choose a higher band.", q.get("detail").asText());

        HttpResponse<String> incomplete = rapor.post("/api/v1/methodologies/pekppp-2022/plan", Assessments.exampleWith("i05", null));
        assertEquals(422, incomplete.statusCode());
        assertEquals("answers.i05", RaporDistribution.json(incomplete).at("/errors/0/field").asText());

        HttpResponse<String> survey = rapor.post("/api/v1/methodologies/skm-2017/plan", "{\"answers\":{}}");
        assertEquals(422, survey.statusCode());
        assertEquals("urn:rapor:problem:plan-not-applicable", RaporDistribution.json(survey).get("type").asText());

        HttpResponse<String> costs = rapor.post("/api/v1/methodologies/pekppp-2022/plan",
                Assessments.example().set("costs", RaporDistribution.JSON.readTree("{\"i99\":1}")).toString());
        assertEquals(422, costs.statusCode());
        assertEquals("costs.i99", RaporDistribution.json(costs).at("/errors/0/field").asText());
    }

    private static HttpResponse<String> english(String path, String body) throws Exception {
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(path))).header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static JsonNode answersOf(String file) throws Exception {
        Path p = Path.of(System.getProperty("rapor.examples", "../docs/examples"), file);
        return RaporDistribution.JSON.readTree(Files.readString(p)).get("answers");
    }

    @Test
    void pekppp2017To2022SplitsExactlyThroughTheCrosswalk() throws Exception {
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.putObject("before").put("methodology", "pekppp-2017").set("answers", answersOf("pekppp-2017-assessment.json"));
        body.putObject("after").put("methodology", "pekppp-2022").set("answers", answersOf("pekppp-2022-assessment.json"));
        HttpResponse<String> r = english("/api/v1/compare", body.toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode c = RaporDistribution.json(r);
        assertTrue(c.get("decomposed").asBoolean());
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode part : c.get("parts")) sum = sum.add(part.get("change").decimalValue());
        assertEquals(0, sum.compareTo(c.get("difference").decimalValue()), c.toString());
        assertEquals(0, c.get("difference").decimalValue().compareTo(c.at("/after/index").decimalValue().subtract(c.at("/before/index").decimalValue())));
        assertEquals("weights", c.at("/parts/0/kind").asText());
        assertEquals("added", c.at("/parts/3/kind").asText());
        assertEquals("pekppp-2022", c.at("/crosswalk/carriedBy").asText());
        assertEquals("U", c.at("/crosswalk/rows/0/confidence").asText());
        assertEquals(4, c.get("bands").size());
    }

    @Test
    void ombudsman2021And2022ShareNoInputsAndFamiliesWithoutACrosswalkAreRefused() throws Exception {
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        ObjectNode a21 = body.putObject("before").put("methodology", "ombudsman-2021").putObject("answers");
        for (int v = 1; v <= 9; v++) a21.put(String.format("v%02d", v), 81.5);
        ObjectNode a22 = body.putObject("after").put("methodology", "ombudsman-2022").putObject("answers");
        for (String d : new String[] {"input", "proses", "output", "pengaduan"}) a22.put(d, 77);
        JsonNode c = RaporDistribution.json(english("/api/v1/compare", body.toString()));
        assertFalse(c.get("decomposed").asBoolean(), c.toString());
        assertEquals(0, c.get("parts").size());
        assertTrue(c.get("reason").asText().contains("share no inputs"), c.toString());
        assertEquals("Hijau", c.at("/bands/0/band/code").asText());

        ObjectNode families = RaporDistribution.JSON.createObjectNode();
        families.putObject("before").put("methodology", "pekppp-2022").set("answers", answersOf("pekppp-2022-assessment.json"));
        families.putObject("after").put("methodology", "ombudsman-2022").putObject("answers");
        HttpResponse<String> refused = rapor.post("/api/v1/compare", families.toString());
        assertEquals(422, refused.statusCode(), refused.body());
        JsonNode p = RaporDistribution.json(refused);
        assertEquals("urn:rapor:problem:not-comparable", p.get("type").asText());
        assertEquals("after.methodology", p.at("/errors/0/field").asText());
    }

    @Test
    void aStoredAssessmentIsPlannedAndComparedWithTheAccessOfReadingIt() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "ani", "admin")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-opd-1"), "add", "opd", "unit-admin@lain")[0]);
        RaporClient admin = RaporClient.builder().baseUrl(rapor.url("")).credentials("ani", "sandi-admin-1").build();
        for (int i = 0; i < 100; i++) { // the database may still be opening
            try {
                admin.createUnit(Types.UnitRequest.of("kota-saran", "Kota Saran", "region", null));
                break;
            } catch (RaporException e) {
                if (e.status() != 503) throw e;
                Thread.sleep(100);
            }
        }
        admin.createUnit(Types.UnitRequest.of("dinas-saran", "Dinas Saran", "office", "kota-saran"));
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        Assessments.example().get("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().decimalValue()));
        long id = admin.enter("dinas-saran", Types.AssessmentRequest.of(2024, "pekppp", "evaluator", answers)).id();

        Types.Plan plan = admin.plan(id, null);
        assertEquals("B-", plan.target().code());
        assertEquals("i14", plan.steps().get(0).indicator());
        assertEquals(new BigDecimal("3.05"), plan.indexAfter());
        // Someone whose role holds elsewhere is refused, as reading it would be.
        HttpResponse<String> outside = rapor.get("/api/v1/assessments/" + id + "/plan", RaporDistribution.basic("opd", "sandi-opd-1"));
        assertEquals(403, outside.statusCode(), outside.body());
        assertEquals(401, rapor.get("/api/v1/assessments/" + id + "/plan").statusCode());

        // Re-scored by the rules serving now (the same rules here): nothing moved, every part zero.
        Types.Comparison same = admin.compare(Types.CompareSide.stored(id), new Types.CompareSide(null, null, null, null));
        assertTrue(same.decomposed());
        assertEquals(0, same.difference().signum());
        assertEquals(4, same.parts().size());

        // The command line says the same.
        Map<String, String> env = Map.of("RAPOR_USER", "ani", "RAPOR_PASSWORD", "sandi-admin-1");
        String[] cli = rapor.command("rapor-cli", env, "--url", rapor.url(""), "plan-assessment", String.valueOf(id));
        assertEquals("0", cli[0], cli[1]);
        assertTrue(cli[1].contains("i14") && cli[1].contains("3 → 4") && cli[1].contains("reaches 3.05 B-"), cli[1]);
        Path before = Path.of(System.getProperty("rapor.examples", "../docs/examples"), "pekppp-2017-assessment.json").toAbsolutePath();
        Path after = Path.of(System.getProperty("rapor.examples", "../docs/examples"), "pekppp-2022-assessment.json").toAbsolutePath();
        String[] compared = rapor.command("rapor-cli", Map.of(), "--url", rapor.url(""), "compare", "pekppp-2017", before.toString(),
                "pekppp-2022", after.toString());
        assertEquals("0", compared[0], compared[1]);
        assertTrue(compared[1].contains("difference") && compared[1].contains("weights") && compared[1].contains("removed"), compared[1]);
        String[] plannedCli = rapor.command("rapor-cli", Map.of(), "--url", rapor.url(""), "plan", "pekppp-2022", after.toString(),
                "--target", "B", "--costs", "i14=0.5,i16=10");
        assertEquals("0", plannedCli[0], plannedCli[1]);
        assertTrue(plannedCli[1].contains("reaches 3.52 B"), plannedCli[1]);
    }
}
