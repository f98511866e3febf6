package id.rapor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Policy staff's calls: rule revisions and the audit trail, as the real server answered them (see ClientFixturesIT). */
class RevisionsTest {
    private static final String REVISIONS = "/api/v1/methodologies/pekppp-2022/revisions";
    private CannedRapor rapor;
    private RaporClient client;

    @BeforeEach
    void serve() throws Exception {
        rapor = new CannedRapor()
                .on("POST", REVISIONS, 201, "revision-proposed.json")
                .on("GET", REVISIONS, 200, "revisions.json")
                .on("GET", REVISIONS + "/1", 200, "revision.json")
                .on("POST", REVISIONS + "/1/impact", 200, "impact.json")
                .on("GET", REVISIONS + "/0/diff/1", 200, "diff.json")
                .on("POST", REVISIONS + "/1/activate", 200, "activated.json")
                .on("GET", "/api/v1/audit", 200, "audit.json")
                .onText("GET", "/api/v1/methodologies/pekppp-2022/revisions/7", 404, "application/problem+json",
                        "{\"type\":\"urn:rapor:problem:unknown-revision\",\"title\":\"Unknown revision\",\"status\":404,"
                                + "\"detail\":\"pekppp-2022 has no revision 7.\",\"errors\":[]}");
        client = RaporClient.builder().baseUrl(rapor.url()).credentials("siti", "sandi-rahasia-1").build();
    }

    @AfterEach
    void stop() {
        rapor.close();
    }

    @Test
    void proposeSendsTheCommentAndTheChangedFilesAsTheUser() {
        Types.Revision r = client.propose("pekppp-2022", "Band C from 2.98", Map.of("methodology/bands.csv", "code,label\n"));
        assertEquals("POST", rapor.last.method());
        assertEquals("{\"comment\":\"Band C from 2.98\",\"files\":{\"methodology/bands.csv\":\"code,label\\n\"}}", rapor.last.body());
        assertEquals("Basic c2l0aTpzYW5kaS1yYWhhc2lhLTE=", rapor.last.headers().get("authorization"));
        assertEquals(1, r.revision());
        assertEquals("DRAFT", r.state());
        assertEquals("2022.1.0+r1", r.version());
        assertEquals("siti", r.author());
        assertEquals(64, r.hash().length());
        assertTrue(r.errors().isEmpty());
        assertTrue(r.files().isEmpty(), "a proposal's answer has no files");
    }

    @Test
    void revisionsAreListedWithoutFilesAndReadOneByOneWithThem() {
        List<Types.Revision> list = client.revisions("pekppp-2022");
        assertEquals(List.of(1), list.stream().map(Types.Revision::revision).toList());
        assertEquals("Band C from 2.98 (Surat Edaran contoh)", list.get(0).comment());
        Types.Revision one = client.revision("pekppp-2022", 1);
        assertTrue(one.files().get("methodology/bands.csv").contains("C,Cukup,2.98,3.00"), one.files().keySet().toString());
        assertTrue(one.files().containsKey("methodology/indicators.csv"), "every file of the revision, not only the changed ones");
    }

    @Test
    void impactSendsTheUnitsAndListsThoseThatChange() {
        Types.Impact i = client.impact("pekppp-2022", 1, List.of(Types.Assessment.of("Dinas A", RaporClient.answers("i01", 3))));
        assertEquals("{\"units\":[{\"unit\":\"Dinas A\",\"answers\":{\"i01\":3}}]}", rapor.last.body());
        assertEquals("2022.1.0", i.activeVersion());
        assertEquals("2022.1.0+r1", i.candidateVersion());
        assertEquals(0, i.unchanged());
        Types.ImpactChange c = i.changed().get(0);
        assertEquals("Dinas Kependudukan dan Pencatatan Sipil (contoh)", c.unit());
        assertEquals(new Types.IndexAndBand(new BigDecimal("2.97"), "C"), c.before());
        assertEquals(new Types.IndexAndBand(new BigDecimal("2.97"), "C-"), c.after());
        assertEquals("0.00", c.delta().toPlainString());
        assertEquals(1, i.errors().size());
        assertTrue(i.errors().get(0).errors().get(0).field().endsWith("answers.i02"), i.errors().toString());
    }

    @Test
    void diffListsTheChangedRows() {
        Types.Diff d = client.diff("pekppp-2022", 0, 1);
        assertEquals(0, d.from());
        assertEquals(1, d.to());
        Types.Change bandC = d.changes().stream().filter(c -> c.key().equals("C")).findFirst().orElseThrow();
        assertEquals(new Types.Change("methodology/bands.csv", "CHANGED", "C", "C,Cukup,2.51,3.00", "C,Cukup,2.98,3.00"), bandC);
    }

    @Test
    void activateIsAPostWithoutBody() {
        Types.Revision r = client.activate("pekppp-2022", 1);
        assertEquals("POST " + REVISIONS + "/1/activate", rapor.last.method() + " " + rapor.last.target());
        assertEquals("", rapor.last.body());
        assertEquals("ACTIVE", r.state());
    }

    @Test
    void theAuditTrailHasEveryChange() {
        List<Types.AuditEntry> trail = client.audit();
        Types.AuditEntry activated = trail.stream().filter(e -> e.action().equals("revision.activate")).findFirst().orElseThrow();
        assertEquals("siti", activated.user());
        assertEquals("pekppp-2022", activated.methodology());
        assertEquals(1, activated.revision());
        assertEquals(200, activated.status());
        assertTrue(trail.stream().anyMatch(e -> e.action().equals("revision.propose") && e.status() == 201), trail.toString());
    }

    @Test
    void anUnknownRevisionIs404() {
        RaporException e = assertThrows(RaporException.class, () -> client.revision("pekppp-2022", 7));
        assertEquals(404, e.status());
        assertEquals("urn:rapor:problem:unknown-revision", e.type());
    }
}
