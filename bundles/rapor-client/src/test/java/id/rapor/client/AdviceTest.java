package id.rapor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plan and the comparison: what the client sends, and the server's real answers (plan.json and
 * compare.json, which ClientFixturesIT keeps equal to what the server says) read into Types.
 */
class AdviceTest {
    private CannedRapor rapor;
    private RaporClient client;

    @BeforeEach
    void serve() throws Exception {
        rapor = new CannedRapor()
                .on("POST", "/api/v1/methodologies/pekppp-2022/plan", 200, "plan.json")
                .on("POST", "/api/v1/methodologies/pekppp-2022/plan?revision=2", 200, "plan.json")
                .on("GET", "/api/v1/assessments/7/plan?target=B-", 200, "plan.json")
                .on("POST", "/api/v1/compare", 200, "compare.json");
        client = RaporClient.builder().baseUrl(rapor.url() + "/").build();
    }

    @AfterEach
    void stop() {
        rapor.close();
    }

    @Test
    void aPlanIsAskedForAndRead() {
        Types.Plan plan = client.plan("pekppp-2022", RaporClient.answers("i01", 3, "i14", 3), null);
        assertEquals("{\"answers\":{\"i01\":3,\"i14\":3}}", rapor.last.body(), "no target: the band above");
        assertEquals(new BigDecimal("2.97"), plan.index());
        assertEquals("C", plan.band().code());
        assertEquals("B-", plan.target().code());
        assertEquals(new BigDecimal("3.01"), plan.target().min());
        assertTrue(plan.reachable());
        assertNull(plan.reason());
        Types.PlanStep step = plan.steps().get(0);
        assertEquals("i14", step.indicator());
        assertEquals(new BigDecimal("0.075"), step.gain());
        assertEquals("Tingkat 4", step.descriptor());
        assertEquals(new BigDecimal("3.05"), plan.indexAfter());
        assertEquals("B-", plan.bandAfter().code());

        client.plan("pekppp-2022", new Types.PlanRequest("Dinas A", RaporClient.answers("i01", 3), "B",
                Map.of("i16", new BigDecimal("10")), List.of("i01")));
        assertEquals("{\"unit\":\"Dinas A\",\"answers\":{\"i01\":3},\"target\":\"B\",\"costs\":{\"i16\":10},\"fixed\":[\"i01\"]}",
                rapor.last.body());
        client.send(Call.plan("pekppp-2022", 2, Types.PlanRequest.of(RaporClient.answers("i01", 3), null)));
        assertEquals("/api/v1/methodologies/pekppp-2022/plan?revision=2", rapor.last.target());
        client.plan(7, "B-");
        assertEquals("/api/v1/assessments/7/plan?target=B-", rapor.last.target());
    }

    @Test
    void aComparisonIsAskedForAndRead() {
        Types.Comparison c = client.compare(Types.CompareSide.of("pekppp-2017", RaporClient.answers("i01", 3)),
                new Types.CompareSide("pekppp-2022", 3, null, null));
        assertEquals("{\"before\":{\"methodology\":\"pekppp-2017\",\"answers\":{\"i01\":3}},\"after\":{\"methodology\":\"pekppp-2022\",\"revision\":3}}",
                rapor.last.body());
        assertTrue(c.decomposed());
        assertEquals(List.of("weights", "answers", "removed", "added"), c.parts().stream().map(Types.ComparisonPart::kind).toList());
        BigDecimal sum = c.parts().stream().map(Types.ComparisonPart::change).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(c.difference()), "the parts add up to the difference");
        assertEquals("pekppp-2022", c.crosswalk().carriedBy());
        assertEquals(4, c.bands().size());
        client.compare(Types.CompareSide.stored(12), new Types.CompareSide(null, null, null, null));
        assertEquals("{\"before\":{\"assessment\":12},\"after\":{}}", rapor.last.body());
    }
}
