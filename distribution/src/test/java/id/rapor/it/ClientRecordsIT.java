package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.client.RaporClient;
import id.rapor.client.RaporException;
import id.rapor.client.Types;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java client over the records: every call typed, against the real server. */
class ClientRecordsIT extends StartedDistribution {

    @Test
    void aRoundThroughTheClient() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "ani", "admin")[0]);
        RaporClient admin = RaporClient.builder().baseUrl(rapor.url("")).credentials("ani", "sandi-admin-1").build();
        Types.Unit region = createRegion(admin, "kota-klien", "Kota Klien");
        assertEquals("kota-klien", region.id());
        Types.UnitImport imported = admin.importUnits("name;kind;parent\nDinas Kesehatan;office;kota-klien\n");
        assertEquals("dinas-kesehatan", imported.units().get(0).id());
        admin.updateUnit("dinas-kesehatan", new Types.UnitRequest(null, "Dinas Kesehatan Kota", "office", "kota-klien", true));
        assertEquals("Dinas Kesehatan Kota", admin.unit("dinas-kesehatan").name());
        assertEquals(2, admin.units("kota-klien").size());

        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        Assessments.example().get("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().decimalValue()));
        Types.AssessmentRecord draft = admin.enter("dinas-kesehatan", Types.AssessmentRequest.of(2024, "pekppp", "evaluator", answers));
        assertEquals("draft", draft.state());
        assertEquals(new BigDecimal("2.97"), draft.index());
        assertEquals("C", draft.score().band().code());
        assertEquals("pekppp-2022", draft.methodology().id());
        // Evidence: a file from a Path, listed, downloaded to a Path (its SHA-256 checked against the server's), removed.
        java.nio.file.Path pdf = java.nio.file.Files.writeString(rapor.home.resolve("SK Penilai.pdf"), "%PDF-1.4\nbukti\n%%EOF\n");
        Types.Evidence attached = admin.attachEvidence(draft.id(), "i01", pdf);
        assertEquals("application/pdf", attached.mediaType());
        assertEquals("SK Penilai.pdf", admin.evidence(draft.id()).get(0).name());
        java.nio.file.Path back = admin.downloadEvidence(draft.id(), "i01", "SK Penilai.pdf", rapor.home.resolve("unduhan.pdf"));
        assertEquals(java.nio.file.Files.readString(pdf), java.nio.file.Files.readString(back));
        admin.attachEvidence(draft.id(), "i02", pdf);
        admin.removeEvidence(draft.id(), "i02", "SK Penilai.pdf");
        assertEquals(1, admin.evidence(draft.id()).size());
        assertEquals(415, assertThrows(RaporException.class, () -> admin.attachEvidence(draft.id(), "i01",
                java.nio.file.Files.writeString(rapor.home.resolve("bukan.pdf"), "#!/bin/sh\n"))).status());
        admin.submit(draft.id());
        admin.finalizeAssessment(draft.id());
        Types.AssessmentRecord official = admin.official("dinas-kesehatan", 2024, "pekppp");
        assertEquals(draft.id(), official.id());
        assertTrue(admin.assessments("dinas-kesehatan", 2024, "pekppp").get(0).official());
        RaporException refused = assertThrows(RaporException.class, () -> admin.changeDraft(draft.id(),
                Types.AssessmentRequest.of(2024, "pekppp", "evaluator", answers)));
        assertEquals(409, refused.status());
        Types.AssessmentRecord again = admin.rescore(draft.id());
        assertEquals(Long.valueOf(draft.id()), again.rescoredFrom());
        // Who changed it, newest first: the finalize last, the create first; the unit's own row apart.
        List<Types.RecordChange> trail = admin.assessmentAudit(draft.id());
        assertEquals("assessment.finalize", trail.get(0).action());
        assertEquals("assessment.create", trail.get(trail.size() - 1).action());
        assertTrue(trail.stream().anyMatch(c -> c.action().equals("evidence.remove")), trail.toString());
        assertEquals("unit.update", admin.unitAudit("dinas-kesehatan").get(0).action());

        // The round's view and the history, typed.
        Types.MonitoringView view = admin.monitoring("kota-klien", "pekppp", 2024);
        assertEquals(0, new BigDecimal("2.97").compareTo(view.index()));
        assertEquals("C", view.band().code());
        assertEquals("dinas-kesehatan", view.units().get(0).id());
        assertEquals(1, view.units().get(0).rank());
        assertEquals("evaluator", view.units().get(0).official().role());
        assertEquals(List.of("dinas-kesehatan"), view.atOrBelow().units());
        assertEquals(null, view.previous());
        Types.MonitoringView empty = admin.monitoring(new Types.MonitoringQuery("kota-klien", 2023, null, "pekppp-2022", "D"));
        assertTrue(empty.empty());
        assertEquals(null, empty.index());
        assertEquals(List.of("dinas-kesehatan"), empty.notEntered());
        Types.History history = admin.history("dinas-kesehatan", "pekppp");
        assertEquals(1, history.rounds().size());
        assertEquals("pekppp-2022", history.rounds().get(0).methodology());
        assertEquals(422, assertThrows(RaporException.class, () -> admin.monitoring("dinas-kesehatan", "pekppp", 2024)).status());

        // The same records from the command line.
        java.nio.file.Path csv = rapor.home.resolve("unit-list.csv");
        java.nio.file.Files.writeString(csv, "id;name;kind;parent\nupp-klinik;UPP Klinik Kota;service-unit;dinas-kesehatan\n");
        Map<String, String> env = Map.of("RAPOR_USER", "ani", "RAPOR_PASSWORD", "sandi-admin-1");
        String url = rapor.url("");
        String[] imported2 = rapor.command("rapor-cli", env, "--url", url, "import-units", csv.toString());
        assertEquals("0", imported2[0], imported2[1]);
        assertTrue(imported2[1].contains("upp-klinik"), imported2[1]);
        String[] units = rapor.command("rapor-cli", env, "--url", url, "units", "--region", "kota-klien");
        assertTrue(units[1].contains("UPP Klinik Kota") && units[1].contains("dinas-kesehatan"), units[1]);
        String[] listed = rapor.command("rapor-cli", env, "--url", url, "assessments", "dinas-kesehatan", "--year", "2024");
        assertEquals("0", listed[0], listed[1]);
        assertTrue(listed[1].contains("official") && listed[1].contains("2.97"), listed[1]);
        String[] changes = rapor.command("rapor-cli", env, "--url", url, "records-audit", "--assessment", Long.toString(draft.id()));
        assertEquals("0", changes[0], changes[1]);
        assertTrue(changes[1].contains("assessment.finalize") && changes[1].contains("assessment:" + draft.id()), changes[1]);
        java.nio.file.Files.writeString(csv, "id,name,kind,parent\nx,X,kantor,kota-klien\n");
        // Imported above: the office is now assessed through its service unit, which has entered nothing.
        String[] monitoring = rapor.command("rapor-cli", env, "--url", url, "monitoring", "--region", "kota-klien", "--year", "2024",
                "--family", "pekppp");
        assertEquals("0", monitoring[0], monitoring[1]);
        assertTrue(monitoring[1].contains("not entered: upp-klinik"), monitoring[1]);
        String[] trend = rapor.command("rapor-cli", env, "--url", url, "history", "kota-klien", "--family", "pekppp");
        assertEquals("0", trend[0], trend[1]);
        assertTrue(trend[1].contains("the index of its units, round by round"), trend[1]);
        String[] refusedCsv = rapor.command("rapor-cli", env, "--url", url, "import-units", csv.toString());
        assertEquals("1", refusedCsv[0], refusedCsv[1]);
        assertTrue(refusedCsv[1].contains("row 2, column kind"), refusedCsv[1]);

        // A round's sheet: exported to a file, imported back, through the client and the command line.
        java.nio.file.Path sheet = admin.exportRound("kota-klien", "pekppp", 2024, rapor.home.resolve("putaran.xlsx"));
        Types.RoundImport round = admin.importRound("kota-klien", "pekppp", 2024, sheet);
        assertEquals(1, round.imported(), "the latest evaluator's assessment of dinas-kesehatan; upp-klinik's empty row is skipped");
        assertEquals("dinas-kesehatan", round.assessments().get(0).unit());
        assertEquals(new BigDecimal("2.97"), round.assessments().get(0).index());
        String[] exported = rapor.command("rapor-cli", env, "--url", url, "export-round", "kota-klien", "pekppp:2024",
                rapor.home.resolve("putaran.csv").toString());
        assertEquals("0", exported[0], exported[1]);
        String text = java.nio.file.Files.readString(rapor.home.resolve("putaran.csv"));
        assertTrue(text.startsWith("unit,name,role,state,assessment,index,band,comment,i01"), text);
        String[] importedRound = rapor.command("rapor-cli", env, "--url", url, "import-round", "kota-klien", "pekppp:2024",
                rapor.home.resolve("putaran.csv").toString());
        assertEquals("0", importedRound[0], importedRound[1]);
        assertTrue(importedRound[1].contains("1 assessments of kota-klien imported") && importedRound[1].contains("row 2"), importedRound[1]);
        java.nio.file.Files.writeString(rapor.home.resolve("salah.csv"), text.replace("dinas-kesehatan,", "dinas-lain,"));
        String[] wrong = rapor.command("rapor-cli", env, "--url", url, "import-round", "kota-klien", "pekppp:2024",
                rapor.home.resolve("salah.csv").toString());
        assertEquals("1", wrong[0], wrong[1]);
        assertTrue(wrong[1].contains("baris 2, kolom unit: tidak ada unit 'dinas-lain' di wilayah 'kota-klien'"), wrong[1]);
        RaporException english = assertThrows(RaporException.class, () -> admin.importRound("kota-klien", "pekppp", 2024,
                rapor.home.resolve("salah.csv")));
        assertEquals(422, english.status());
        assertEquals("row 2, column unit", english.errors().get(0).field());
    }

    /** The admin's users through the client: made with a scoped grant, listed, changed, refused, removed. */
    @Test
    void usersThroughTheClient() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "ani", "admin")[0]);
        RaporClient admin = RaporClient.builder().baseUrl(rapor.url("")).credentials("ani", "sandi-admin-1").build();
        createRegion(admin, "kota-pengguna", "Kota Pengguna");
        Types.User rina = admin.putUser("rina", java.util.List.of("evaluator@kota-pengguna"), "sandi-rina-1");
        assertEquals(java.util.List.of("evaluator@kota-pengguna"), rina.roles());
        Types.Users users = admin.users();
        assertEquals(1, users.users().stream().filter(u -> u.name().equals("rina")).count());
        assertEquals(java.util.List.of("admin", "evaluator", "policy", "unit-admin", "verifier"), users.roles());
        RaporClient asRina = RaporClient.builder().baseUrl(rapor.url("")).credentials("rina", "sandi-rina-1").build();
        assertEquals("kota-pengguna", asRina.unit("kota-pengguna").id());
        assertEquals(java.util.List.of("policy"), admin.putUser("rina", java.util.List.of("policy"), null).roles());
        assertEquals(java.util.List.of("policy"), admin.user("rina").roles());
        RaporException refused = org.junit.jupiter.api.Assertions.assertThrows(RaporException.class,
                () -> admin.putUser("rina", java.util.List.of("evaluator@tidak-ada"), null));
        assertEquals(422, refused.status());
        admin.deleteUser("rina");
        assertEquals(404, org.junit.jupiter.api.Assertions.assertThrows(RaporException.class, () -> admin.user("rina")).status());
    }

    /** Entry rounds through the client: opened, listed, read, closed; a self-assessment refused while it is closed. */
    @Test
    void roundsThroughTheClient() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "ani", "admin")[0]);
        RaporClient admin = RaporClient.builder().baseUrl(rapor.url("")).credentials("ani", "sandi-admin-1").build();
        createRegion(admin, "kota-putaran", "Kota Putaran");
        admin.importUnits("id;name;kind;parent\ndinas-putaran;Dinas Putaran;office;kota-putaran\n");
        java.time.LocalDate today = java.time.LocalDate.now();
        Types.EntryRound opened = admin.createRound("kota-putaran", "pekppp", 2024, today.toString(), today.plusDays(30).toString());
        assertEquals("open", opened.state());
        assertEquals("Kota Putaran", opened.regionName());
        assertEquals(opened, admin.round(opened.id()));
        assertEquals(List.of(opened.id()), admin.rounds("kota-putaran", "pekppp", 2024, true).stream().map(Types.EntryRound::id).toList());
        Types.EntryRound closed = admin.updateRound(opened.id(), null, null, true);
        assertEquals("closed", closed.state());
        assertEquals(opened.closesOn(), closed.closesOn(), "what is not sent is kept");
        assertTrue(admin.rounds(null, null, 2024, true).isEmpty());
        assertEquals(409, assertThrows(RaporException.class, () -> admin.createRound("kota-putaran", "pekppp", 2024, today.toString(),
                today.toString())).status());
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        Assessments.example().get("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().decimalValue()));
        RaporException refused = assertThrows(RaporException.class,
                () -> admin.enter("dinas-putaran", Types.AssessmentRequest.of(2024, "pekppp", "self", answers)));
        assertEquals(409, refused.status());
        assertEquals("year", refused.errors().get(0).field());
    }

    /** A region, once the database has opened (it may still be opening when the API answers). */
    private static Types.Unit createRegion(RaporClient admin, String id, String name) throws InterruptedException {
        for (int i = 0; ; i++) {
            try {
                return admin.createUnit(Types.UnitRequest.of(id, name, "region", null));
            } catch (RaporException e) {
                if (e.status() != 503 || i >= 100) throw e;
                Thread.sleep(100);
            }
        }
    }
}
