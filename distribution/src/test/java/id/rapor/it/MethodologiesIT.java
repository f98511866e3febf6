package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every shipped methodology side by side over HTTP: chosen by year, scored at its edges, rolled up by region. */
class MethodologiesIT extends StartedDistribution {



    private static String ids(JsonNode list) {
        return String.join(",", StreamSupport.stream(list.spliterator(), false).map(x -> x.get("id").asText()).toList());
    }

    /** Rule bases compile after the start: under load one may still answer 503 methodology-compiling when a test scores. */
    @BeforeAll
    static void everyMethodologyCompiled() throws Exception {
        for (String id : List.of("pekppp-2017", "pekppp-2022", "ombudsman-2021", "ombudsman-2022", "skm-2017")) {
            long deadline = System.currentTimeMillis() + 90_000;
            while (rapor.post("/api/v1/methodologies/" + id + "/score", "{\"unit\":\"x\",\"answers\":{}}").statusCode() == 503
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
        }
    }

    @Test
    void aFamilyAndYearResolveToTheMethodologyOfThatYear() throws Exception {
        assertEquals("ombudsman-2022", ids(json(rapor.get("/api/v1/methodologies?family=ombudsman&year=2023"))));
        assertEquals("ombudsman-2021", ids(json(rapor.get("/api/v1/methodologies?family=ombudsman&year=2021"))));
        assertEquals("pekppp-2017", ids(json(rapor.get("/api/v1/methodologies?family=pekppp&year=2019"))));
        assertEquals("pekppp-2022", ids(json(rapor.get("/api/v1/methodologies?family=pekppp&year=2026"))));
        assertEquals("pekppp-2017,pekppp-2022", ids(json(rapor.get("/api/v1/methodologies?family=pekppp"))));
    }

    @Test
    void anUnknownYearIs404AndListsTheYearsAvailable() throws Exception {
        JsonNode p = problem(rapor.get("/api/v1/methodologies?family=ombudsman&year=2025"), 404);
        assertTrue(p.get("detail").asText().contains("ombudsman-2021: 2019–2021"), p.toString());
        assertTrue(p.get("detail").asText().contains("ombudsman-2022: 2022–2024"), p.toString());
        JsonNode family = problem(rapor.get("/api/v1/methodologies?family=ikm&year=2020"), 404);
        assertTrue(family.get("detail").asText().contains("family pekppp"), family.toString());
        problem(rapor.get("/api/v1/methodologies?family=pekppp&year=dua"), 400);
    }

    @Test
    void scoresByFamilyAndYear() throws Exception {
        JsonNode s = json(rapor.post("/api/v1/score?family=ombudsman&year=2024",
                "{\"unit\":\"Kota Banjarmasin\",\"answers\":{\"input\":95.45,\"proses\":95.45,\"output\":95.45,\"pengaduan\":95.45}}"));
        assertEquals("ombudsman-2022", s.at("/methodology/id").asText());
        assertEquals("95.45", s.get("index").asText());
        assertEquals("A", s.at("/band/code").asText());
        assertEquals("Kualitas Tertinggi", s.at("/band/label").asText());
        assertEquals("Hijau", s.at("/band/zone").asText());
        assertEquals("20.86", s.at("/aspects/0/contribution").asText(), "the Input dimension's weighted points, with 2 decimals as published");
    }

    @Test
    void theSameUnitFallsAZoneWhenTheMethodChanged() throws Exception {
        // As Bontang did: hijau under the 2021 method, kuning (C) under 2022's with the same 81.
        String v = "81";
        JsonNode y2021 = json(rapor.post("/api/v1/score?family=ombudsman&year=2021", "{\"unit\":\"Kota Bontang\",\"answers\":{"
                + "\"v01\":81,\"v02\":81,\"v03\":81,\"v04\":81,\"v05\":81,\"v06\":81,\"v07\":81,\"v08\":81,\"v09\":81}}"));
        JsonNode y2022 = json(rapor.post("/api/v1/score?family=ombudsman&year=2022",
                "{\"unit\":\"Kota Bontang\",\"answers\":{\"input\":" + v + ",\"proses\":70,\"output\":" + v + ",\"pengaduan\":" + v + "}}"));
        assertEquals("Hijau", y2021.at("/band/zone").asText());
        assertEquals("Kuning", y2022.at("/band/zone").asText());
    }

    @Test
    void surveysAreScoredOnRespondents() throws Exception {
        JsonNode s = json(rapor.post("/api/v1/score?family=skm&year=2024", "{\"unit\":\"Puskesmas\",\"respondents\":["
                + "{\"u1\":4,\"u2\":4,\"u3\":3,\"u4\":3,\"u5\":2,\"u6\":2,\"u7\":1,\"u8\":1,\"u9\":4},"
                + "{\"u1\":2,\"u2\":4,\"u3\":3,\"u4\":1,\"u5\":2,\"u6\":4,\"u7\":1,\"u8\":3,\"u9\":4}]}"));
        assertEquals("skm-2017", s.at("/methodology/id").asText());
        assertEquals("66.67", s.get("index").asText());
        assertEquals("C", s.at("/band/code").asText());
        assertEquals("3", s.at("/indicators/0/answer").asText(), "u1's NRR");
        JsonNode p = problem(rapor.post("/api/v1/methodologies/skm-2017/score",
                "{\"unit\":\"x\",\"respondents\":[{\"u1\":4,\"u2\":4,\"u3\":3,\"u4\":3,\"u5\":7,\"u6\":2,\"u7\":1,\"u8\":1,\"u9\":4}]}"), 422);
        assertEquals("respondents[0].u5", p.at("/errors/0/field").asText());
    }

    @Test
    void anEmptyListOfRespondentsOrObjectOfAnswersIsNone() throws Exception {
        // As a client generated from openapi.json sends them: every field, empty or not.
        ObjectNode pekppp = Assessments.example();
        pekppp.putArray("respondents");
        HttpResponse<String> r = rapor.post("/api/v1/methodologies/pekppp-2022/score", pekppp.toString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("2.97", json(r).get("index").asText());
        assertEquals("C", json(r).at("/band/code").asText());
        r = rapor.post("/api/v1/methodologies/skm-2017/score", "{\"unit\":\"x\",\"answers\":{},\"respondents\":["
                + "{\"u1\":4,\"u2\":4,\"u3\":3,\"u4\":3,\"u5\":2,\"u6\":2,\"u7\":1,\"u8\":1,\"u9\":4}]}");
        assertEquals(200, r.statusCode(), r.body());
        // Respondents that are there are still refused where answers are scored.
        pekppp.putArray("respondents").addObject().put("i01", 1);
        JsonNode p = problem(rapor.post("/api/v1/methodologies/pekppp-2022/score", pekppp.toString()), 422);
        assertEquals("respondents", p.at("/errors/0/field").asText());
    }

    @Test
    void ombudsman2021EdgesOverHttp() throws Exception {
        for (Map.Entry<String, String> e : Map.of("81.00", "Hijau", "80.99", "Kuning", "51.00", "Kuning", "50.99", "Merah").entrySet()) {
            StringBuilder body = new StringBuilder("{\"unit\":\"u\",\"answers\":{");
            for (int k = 1; k <= 9; k++) body.append(k > 1 ? "," : "").append("\"v0").append(k).append("\":").append(e.getKey());
            JsonNode s = json(rapor.post("/api/v1/methodologies/ombudsman-2021/score", body.append("}}").toString()));
            assertEquals(e.getKey(), s.get("index").asText());
            assertEquals(e.getValue(), s.at("/band/code").asText(), e.getKey());
        }
    }

    @Test
    void aRegionRollsUpItsUnitsAndListsThoseAtOrBelowABand() throws Exception {
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.put("region", "Kabupaten Contoh");
        body.put("atOrBelow", "C");
        ArrayNode units = body.putArray("units");
        units.add(unit("Dinas A", 5));   // 5.00 A
        units.add(unit("Dinas B", 3));   // 3.00 C
        units.add(unit("Dinas C", 2));   // 2.00 D
        ObjectNode bad = unit("Dinas D", 3);
        ((ObjectNode) bad.get("answers")).put("i05", 9);
        units.add(bad);
        ObjectNode wrongType = unit("Dinas E", 3);
        ((ObjectNode) wrongType.get("answers")).put("i06", "tiga");
        units.add(wrongType);
        HttpResponse<String> r = rapor.post("/api/v1/methodologies/pekppp-2022/score/batch", body.toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode region = json(r);
        assertEquals("Kabupaten Contoh", region.get("region").asText());
        JsonNode summary = region.get("summary");
        assertEquals("mean", summary.get("aggregation").asText());
        assertEquals(5, summary.get("units").asInt());
        assertEquals(3, summary.get("scored").asInt());
        assertEquals("3.33", summary.get("score").asText(), "mean of 5.00, 3.00 and 2.00, half-up");
        assertEquals("B-", summary.at("/band/code").asText());
        assertEquals(1, summary.at("/unitsPerBand/A").asInt());
        assertEquals(1, summary.at("/unitsPerBand/C").asInt());
        assertEquals(1, summary.at("/unitsPerBand/D").asInt());
        assertEquals(0, summary.at("/unitsPerBand/B").asInt());
        assertEquals(List.of("Dinas B", "Dinas C"), StreamSupport.stream(summary.at("/atOrBelow/units").spliterator(), false)
                .map(JsonNode::asText).toList());
        JsonNode out = region.get("units");
        assertEquals(5, out.size());
        assertEquals("5.00", out.get(0).get("index").asText());
        assertEquals("units[3].answers.i05", out.get(3).at("/errors/0/field").asText(), "the engine's refusal, by its path in the request");
        assertEquals("Dinas D", out.get(3).get("unit").asText());
        assertEquals("units[4].answers.i06", out.get(4).at("/errors/0/field").asText(), "the reader's refusal, the same way");
        assertEquals("Dinas E", out.get(4).get("unit").asText(), "a unit that could not be read keeps its name");
    }

    @Test
    void aRegionByFamilyAndYearAndItsErrors() throws Exception {
        String one = "{\"region\":\"R\",\"units\":[{\"unit\":\"x\",\"answers\":{\"input\":50,\"proses\":50,\"output\":50,\"pengaduan\":50}}]}";
        JsonNode region = json(rapor.post("/api/v1/score/batch?family=ombudsman&year=2023", one));
        assertEquals("ombudsman-2022", region.at("/methodology/id").asText());
        assertEquals("50.00", region.at("/summary/score").asText());
        JsonNode badBand = problem(rapor.post("/api/v1/score/batch?family=ombudsman&year=2023",
                one.replace("{\"region\":\"R\",", "{\"region\":\"R\",\"atOrBelow\":\"Z\",")), 422);
        assertEquals("atOrBelow", badBand.at("/errors/0/field").asText());
        problem(rapor.post("/api/v1/methodologies/pekppp-2022/score/batch", "{\"region\":\"R\",\"units\":[]}"), 422);
        problem(rapor.post("/api/v1/methodologies/pekppp-2022/score/batch", "{\"region\":\"R\",\"units\":{}}"), 400);
    }

    private static ObjectNode unit(String name, int everyAnswer) throws Exception {
        ObjectNode u = Assessments.example().deepCopy();
        u.put("unit", name);
        ObjectNode answers = (ObjectNode) u.get("answers");
        for (String id : ApiIT.fields(answers)) answers.put(id, everyAnswer);
        return u;
    }
}
