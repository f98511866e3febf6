package id.rapor.http.json;

import id.rapor.http.api.ApiServlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import id.rapor.api.FieldError;
import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.Aspect;
import id.rapor.api.model.AspectResult;
import id.rapor.api.model.AuditEntry;
import id.rapor.api.model.Band;
import id.rapor.api.model.Deployment;
import id.rapor.api.model.DeploymentState;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.IndicatorResult;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.model.ProvenanceEntry;
import id.rapor.api.model.RegionResult;
import id.rapor.api.model.RuleError;
import id.rapor.api.model.Scale;
import id.rapor.api.model.Presentation;
import id.rapor.api.model.ScoreResult;
import id.rapor.api.text.Language;
import id.rapor.api.text.Message;
import id.rapor.api.model.UnitOutcome;
import id.rapor.api.model.Years;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What JsonViews writes, checked against the schemas of the served openapi.json at unit-test
 * speed: a field added, renamed or dropped on either side fails here, before any integration test
 * starts a server. (OpenApiIT checks the same contract against the running server's answers.)
 * Every state an enum of the API has is written once, so the contract lists them all.
 */
public class JsonViewsContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode contract;

    private static final Band C = new Band("C", "Cukup", new BigDecimal("2.51"), new BigDecimal("3.00"), null);
    private static final Band KUNING = new Band("C", "Kualitas Sedang", new BigDecimal("54.00"), new BigDecimal("77.99"), "Kuning");
    private static final Indicator I01 = new Indicator("i01", "a.Ak", "Service standard", "kebijakan", new BigDecimal("17"),
            List.of(new AnswerOption(BigDecimal.ZERO, "none"), new AnswerOption(BigDecimal.ONE, "some")), null);
    private static final Aspect KEBIJAKAN = new Aspect("kebijakan", "Kebijakan Pelayanan", new BigDecimal("24"), new BigDecimal("100"), List.of(I01));
    private static final Aspect ANTRIAN = new Aspect("antrian", "Sistem Antrian (informasi)", BigDecimal.ZERO, new BigDecimal("100"), List.of());
    private static final ScoreResult SCORE = new ScoreResult("pekppp-2022", "2022.1.0", "Dinas A", new BigDecimal("2.97"),
            new BigDecimal("2.9712"), C, List.of(new AspectResult(KEBIJAKAN, new BigDecimal("3"), new BigDecimal("0.72")),
                    new AspectResult(ANTRIAN, new BigDecimal("2"), BigDecimal.ZERO)),
            List.of(new IndicatorResult(I01, BigDecimal.ONE, new BigDecimal("0.0408"))),
            List.of(Message.of("explain.index", new BigDecimal("2.9712"), 2, new BigDecimal("2.97"))),
            new Presentation(Map.of(Presentation.ASPECT_SCORE, 2)));
    private static final Audience PRINTED = new Audience(Language.INDONESIAN, false);
    private static final Audience EXACT = new Audience(Language.ENGLISH, true);

    @BeforeAll
    static void readTheContract() throws Exception {
        try (InputStream in = ApiServlet.class.getResourceAsStream("openapi.json")) {
            contract = JSON.readTree(in);
        }
    }

    @Test
    void aScoreAndARegionAreAsDocumented() throws Exception {
        assertMatches("Score", write(g -> JsonViews.score(g, SCORE, PRINTED)));
        assertMatches("Score", write(g -> JsonViews.score(g, SCORE, EXACT)));
        List<UnitOutcome> units = List.of(new UnitOutcome("Dinas A", SCORE, List.of()),
                new UnitOutcome("Dinas B", null, List.of(new FieldError("units[1].answers.i01", "missing answer"))));
        RegionResult region = new RegionResult("pekppp-2022", "2022.1.0", "Kota Contoh", units, "mean", new BigDecimal("2.97"), C,
                Map.of("C", 1), "C", List.of("Dinas A"));
        assertMatches("Region", write(g -> JsonViews.region(g, region, units, PRINTED)));
        assertMatches("Region", write(g -> JsonViews.region(g, region, units, EXACT)));
        RegionResult none = new RegionResult("ombudsman-2022", "2022.1.0", "Kota Contoh", units.subList(1, 2), "mean", null, null,
                Map.of("C", 0), "C", List.of());
        assertMatches("Region", write(g -> JsonViews.region(g, none, units.subList(1, 2), PRINTED)));
    }

    @Test
    void aMethodologyAndItsSummariesAreAsDocumented() throws Exception {
        Methodology m = new Methodology("ombudsman-2022", "Ombudsman 2022", "Peraturan", "ombudsman", new Years(2022, 2024), "2022.1.0",
                new Scale(BigDecimal.ZERO, new BigDecimal("100"), 2), List.of(KEBIJAKAN), List.of(KUNING),
                List.of(new ProvenanceEntry("bands.csv", "C", "source", "")), "mean", InputKind.ANSWERS, Map.of("k", "v"));
        assertMatches("Methodology", write(g -> JsonViews.methodology(g, m)));
        for (DeploymentState state : new DeploymentState[] {DeploymentState.ACTIVE, DeploymentState.PENDING, DeploymentState.REJECTED}) {
            JsonNode list = write(g -> JsonViews.summaries(g, List.of(new MethodologySummary("pekppp-2022", "t", "r", "pekppp",
                    new Years(2022, null), "2022.1.0", state))));
            assertMatches("MethodologySummary", list.get(0));
        }
    }

    @Test
    void deploymentsInEveryStateAreAsDocumented() throws Exception {
        for (DeploymentState state : DeploymentState.values()) {
            Deployment d = new Deployment("pekppp-2022", "id.rapor.rules.pekppp-2022", "2022.1.0", state, state == DeploymentState.ACTIVE ? "2022.1.0" : null,
                    Instant.now(), state == DeploymentState.REJECTED ? List.of(new RuleError("methodology/bands.csv", 3, 0, "gap")) : List.of(),
                    state == DeploymentState.ACTIVE ? "2022.1.0+r1" : null, state == DeploymentState.ACTIVE ? 1 : null);
            assertMatches("Deployment", write(g -> JsonViews.deployments(g, List.of(d))).get(0));
        }
    }

    @Test
    void problemsHealthAndTheAuditAreAsDocumented() throws Exception {
        HttpProblem p = Problems.invalidAssessment(List.of(new FieldError("answers.i99", "unknown indicator")));
        assertMatches("Problem", write(g -> JsonViews.problem(g, p, "/api/v1/methodologies/pekppp-2022/score", Language.INDONESIAN)));
        assertMatches("Health", write(g -> JsonViews.health(g, List.of(new MethodologySummary("pekppp-2022", "t", "r", "pekppp",
                new Years(2022, null), "2022.1.0", DeploymentState.ACTIVE)), 0, List.of(
                new id.rapor.api.model.RevisionMismatch("pekppp-2022", 3, "2022.1.0", "it could not be compiled: boom", Instant.now()),
                new id.rapor.api.model.RevisionMismatch("ombudsman-2022", 2, "2022.1.0+r1", null, null)))));
        assertMatches("Ready", write(g -> JsonViews.ready(g, List.of(
                new id.rapor.api.model.RevisionMismatch("pekppp-2022", 0, null, null, null)))));
        JsonNode audit = write(g -> JsonViews.audit(g, List.of(new AuditEntry(Instant.now(), "siti", "127.0.0.1", "r-1", "revision.propose",
                "pekppp-2022", 1, 201, "DRAFT", 120L), new AuditEntry(Instant.now(), null, null, null, "refusal.summary", null, null, 401, "20 more", 0L))));
        for (JsonNode entry : audit) assertMatches("AuditEntry", entry);
    }

    /** Issue 12: golden cases moved beside what they expect, the approval, and sameAs for an identical proposal. */
    @Test
    void revisionsWithGoldenChangesApprovalAndSameAsAreAsDocumented() throws Exception {
        var golden = List.of(new id.rapor.api.model.GoldenChange("published", 4, new BigDecimal("2.97"), "C", new BigDecimal("2.97"), "C-"));
        var r = new id.rapor.api.model.Revision("pekppp-2022", 3, id.rapor.api.model.RevisionState.REJECTED, "ab", "siti", Instant.now(), "C from 2.98",
                "2022.1.0", Map.of("methodology/bands.csv", "x"), List.of(new RuleError("methodology/golden-cases.csv", 4, 0, "case 'published'")),
                golden, "budi", Instant.now());
        JsonNode view = write(g -> RevisionViews.revision(g, r, true, 3));
        assertMatches("Revision", view);
        assertEquals("C", view.at("/goldenChanges/0/expected/band").asText());
        assertEquals("C-", view.at("/goldenChanges/0/given/band").asText());
        assertMatches("Revision", write(g -> RevisionViews.revision(g, new id.rapor.api.model.Revision("pekppp-2022", 1,
                id.rapor.api.model.RevisionState.DRAFT, "ab", "siti", Instant.now(), "c", "2022.1.0", Map.of(), List.of()), false)));
    }

    @Test
    void evidenceIsAsDocumented() throws Exception {
        id.rapor.api.records.Evidence e = new id.rapor.api.records.Evidence(7, "i01", "SK Bupati 2024.pdf", "application/pdf", 1234,
                "ab".repeat(32), "opd", Instant.parse("2024-05-01T08:00:00Z"));
        JsonNode view = write(g -> RecordViews.evidence(g, e));
        assertMatches("Evidence", view);
        org.junit.jupiter.api.Assertions.assertEquals("/api/v1/assessments/7/evidence/i01/SK%20Bupati%202024.pdf", view.get("href").asText());
    }

    /** Issue 15: a plan (reachable or not) and a comparison (split, or not for lack of shared inputs). */
    @Test
    void plansAndComparisonsAreAsDocumented() throws Exception {
        var step = new id.rapor.api.advice.Plan.PlanStep("i14", "b.K", "Staff", "sdm", new BigDecimal("3"), new BigDecimal("4"), 1,
                BigDecimal.ONE, new BigDecimal("0.075"), "Tingkat 4");
        var method = List.of(Message.of("advice.plan.method.steps"), Message.of("advice.plan.method.ties"));
        var plan = new id.rapor.api.advice.Plan("pekppp-2022", "2022.1.0", "Dinas A", new BigDecimal("2.97"), C, C, true, BigDecimal.ONE,
                new BigDecimal("3.05"), C, List.of(step), method, null, new Presentation(Map.of(Presentation.INDICATOR_CONTRIBUTION, 4)));
        assertMatches("Plan", write(g -> AdviceViews.plan(g, plan, PRINTED)));
        assertMatches("Plan", write(g -> AdviceViews.plan(g, plan, EXACT)));
        var unreachable = new id.rapor.api.advice.Plan("pekppp-2022", "2022.1.0", null, new BigDecimal("2.97"), C, C, false, BigDecimal.ONE,
                new BigDecimal("2.99"), C, List.of(step), method, Message.of("advice.plan.unreachable", "A", new BigDecimal("4.51"),
                new BigDecimal("2.99"), ""), Presentation.EXACT);
        assertMatches("Plan", write(g -> AdviceViews.plan(g, unreachable, PRINTED)));
        var before = new id.rapor.api.advice.Comparison.Side("pekppp-2017", "2017.1.0", "Dinas A", new BigDecimal("3.10"), new BigDecimal("3.1"), C);
        var after = new id.rapor.api.advice.Comparison.Side("pekppp-2022", "2022.1.0", "Dinas A", new BigDecimal("2.97"), new BigDecimal("2.97"), C);
        var part = new id.rapor.api.advice.Comparison.Part("weights", new BigDecimal("3.10"), new BigDecimal("2.97"), new BigDecimal("-0.13"),
                List.of("i06→i01"), Message.of("advice.compare.part.weights", new BigDecimal("3.10"), new BigDecimal("2.97"), new BigDecimal("-0.13"), 1));
        var bands = List.of(new id.rapor.api.advice.Comparison.BandUnder("before", new BigDecimal("3.10"), "pekppp-2017", C),
                new id.rapor.api.advice.Comparison.BandUnder("after", new BigDecimal("2.97"), "ombudsman-2022", null));
        var split = new id.rapor.api.advice.Comparison(before, after, new BigDecimal("-0.13"), true, List.of(part), bands,
                List.of(new id.rapor.api.model.CrosswalkEntry("i06", "i01", "U", "inferred")), "pekppp-2022",
                List.of(Message.of("advice.compare.method.order")), null, Presentation.EXACT);
        assertMatches("Comparison", write(g -> AdviceViews.comparison(g, split, PRINTED)));
        assertMatches("Comparison", write(g -> AdviceViews.comparison(g, split, EXACT)));
        var none = new id.rapor.api.advice.Comparison(before, after, new BigDecimal("-0.13"), false, List.of(), bands, List.of(), null,
                List.of(Message.of("advice.compare.method.bands")), Message.of("advice.compare.noSharedInputs", "a", "b"), Presentation.EXACT);
        assertMatches("Comparison", write(g -> AdviceViews.comparison(g, none, PRINTED)));
    }

    @Test
    void theMonitoringIsAsDocumented() throws Exception {
        var unit = new id.rapor.api.records.Unit("dinas-a", "Dinas A", id.rapor.api.records.UnitKind.OFFICE, "kab-a", true);
        var region = new id.rapor.api.records.Unit("kab-a", "Kabupaten A", id.rapor.api.records.UnitKind.REGION, null, true);
        var method = new id.rapor.api.monitoring.MethodVersion("ombudsman-2022", "2022.1.0", null);
        var revised = new id.rapor.api.monitoring.MethodVersion("ombudsman-2022", "2022.1.0+r1", 1);
        var f = new id.rapor.api.monitoring.Figure(new BigDecimal("95.23"), new BigDecimal("95.2299"));
        var change = new id.rapor.api.monitoring.Change(f, f, true, List.of(method), List.of(revised));
        var noPercent = new id.rapor.api.monitoring.Change(f, null, false, List.of(method), List.of(method));
        var official = new id.rapor.api.monitoring.OfficialScore(7, id.rapor.api.records.AssessmentRole.VERIFIER, new BigDecimal("95.23"), "A",
                null, method);
        List<id.rapor.api.monitoring.UnitRow> rows = new java.util.ArrayList<>();
        for (var status : id.rapor.api.monitoring.UnitStatus.values()) {
            rows.add(new id.rapor.api.monitoring.UnitRow(unit, status.ordinal() == 0 ? null : "kab-b", status, official, BigDecimal.ONE, null,
                    null, null, 1, id.rapor.api.monitoring.Position.values()[status.ordinal() % 3],
                    new id.rapor.api.monitoring.UnitRow.PreviousScore(2023, official, status.ordinal() == 0 ? change : null)));
        }
        rows.add(new id.rapor.api.monitoring.UnitRow(unit, null, id.rapor.api.monitoring.UnitStatus.NOT_ENTERED, null, null, null, null, null,
                null, null, null));
        var previous = new id.rapor.api.monitoring.RoundView.Previous(2023, f, KUNING, 3, List.of(method), noPercent);
        var view = new id.rapor.api.monitoring.RoundView(region, "ombudsman", 2024, method, "mean", f, KUNING, false, 4, 1, rows,
                List.of("dinas-b"), List.of("dinas-a"), KUNING, List.of("dinas-a"), List.of(new id.rapor.api.monitoring.RoundView.BandCount(C, 2)),
                List.of(new id.rapor.api.monitoring.RoundView.RegionRow(region, 2, 1, f, C)), previous);
        assertMatches("MonitoringView", write(g -> MonitoringViews.round(g, view, EXACT)));
        assertMatches("MonitoringView", write(g -> MonitoringViews.round(g, view, PRINTED)));
        var empty = new id.rapor.api.monitoring.RoundView(region, "ombudsman", 2024, method, "mean", null, null, true, 0, 0, List.of(),
                List.of(), List.of(), null, List.of(), List.of(), List.of(new id.rapor.api.monitoring.RoundView.RegionRow(region, 0, 0, null, null)), null);
        JsonNode emptyView = write(g -> MonitoringViews.round(g, empty, EXACT));
        assertMatches("MonitoringView", emptyView);
        assertEquals("Belum ada unit dengan nilai resmi (penilaian final) pada putaran ombudsman 2024.",
                write(g -> MonitoringViews.round(g, empty, PRINTED)).get("note").asText());
        var history = new id.rapor.api.monitoring.History(unit, "ombudsman", false, List.of(
                new id.rapor.api.monitoring.History.Round(2023, "ombudsman-2022", List.of(method), f, "A", null,
                        id.rapor.api.records.AssessmentRole.SELF, 3L, null, null),
                new id.rapor.api.monitoring.History.Round(2024, "ombudsman-2022", List.of(method, revised), f, null, null, null, null, 4, change)));
        assertMatches("History", write(g -> MonitoringViews.history(g, history, EXACT)));
        assertMatches("History", write(g -> MonitoringViews.history(g, history, PRINTED)));
    }

    @Test
    void anUndocumentedFieldFails() throws Exception {
        ObjectNode score = (ObjectNode) write(g -> JsonViews.score(g, SCORE, EXACT));
        score.put("surprise", 1);
        assertFalse(errors("Score", score).isEmpty(), "the schemas forbid fields they do not name");
    }

    private interface View {
        void write(JsonGenerator g) throws Exception;
    }

    private static JsonNode write(View view) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            view.write(g);
        }
        return JSON.readTree(out.toString());
    }

    private static void assertMatches(String schema, JsonNode body) {
        assertEquals(Set.of(), errors(schema, body), () -> schema + " as JsonViews writes it does not match openapi.json: " + body);
    }

    private static Set<?> errors(String schema, JsonNode body) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$ref", "#/components/schemas/" + schema);
        root.set("components", contract.get("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root).validate(body);
    }
}
