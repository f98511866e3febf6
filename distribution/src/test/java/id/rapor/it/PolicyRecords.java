package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;

/** The records policy staff's tests need: a unit's final evaluator assessment of 2024, the README's example (2.97, band C). */
final class PolicyRecords {
    private PolicyRecords() {}

    static long finalAssessment(String unit, String admin, RaporDistribution rapor) throws Exception {
        ObjectNode body = RaporDistribution.JSON.createObjectNode().put("year", 2024).put("family", "pekppp").put("role", "evaluator");
        body.set("answers", Assessments.example().get("answers"));
        HttpResponse<String> created = rapor.post("/api/v1/units/" + unit + "/assessments", body.toString(), admin);
        assertEquals(201, created.statusCode(), created.body());
        long id = RaporDistribution.json(created).get("id").asLong();
        return finalized(id, admin, rapor);
    }

    static long finalized(long id, String admin, RaporDistribution rapor) throws Exception {
        HttpResponse<String> submitted = rapor.post("/api/v1/assessments/" + id + "/submit", "", admin);
        assertEquals(200, submitted.statusCode(), submitted.body());
        HttpResponse<String> done = rapor.post("/api/v1/assessments/" + id + "/finalize", "", admin);
        assertEquals(200, done.statusCode(), done.body());
        return id;
    }
}
