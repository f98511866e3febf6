package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * bin/rapor-backup while Rapor runs and stores assessments, then bin/rapor-restore into a fresh distribution that was never
 * started: the unit, the assessment, its evidence file, the active rule revision and the users are all back, and every
 * assessment of the backup is whole. Only an admin for all units may have a backup made; a restore refuses a running
 * distribution, existing records (without --force) and a changed zip.
 */
class BackupIT {
    private static final String ADMIN = RaporDistribution.basic("admin", "sandi-admin-1");
    private static final String SITI = RaporDistribution.basic("siti", "sandi-policy-1");
    private static final String REVISIONS = "/api/v1/methodologies/pekppp-2022/revisions";

    @Test
    void aBackupOfARunningRaporRestoresIntoAFreshDistribution() throws Exception {
        RaporDistribution rapor = RaporDistribution.start();
        Path zip;
        Path stoppedZip;
        byte[] pdf = pdf("bukti kab-b " + System.nanoTime());
        long assessment;
        List<Long> storedBefore;
        List<Long> written = Collections.synchronizedList(new ArrayList<>());
        try {
            user(rapor, "admin", "sandi-admin-1", "admin");
            user(rapor, "siti", "sandi-policy-1", "policy");
            user(rapor, "eva", "sandi-evaluator-1", "evaluator");
            user(rapor, "adm-b", "sandi-admin-b-1", "admin@kab-b");
            String kabB = "{\"id\":\"kab-b\",\"name\":\"Kabupaten B\",\"kind\":\"region\"}";
            HttpResponse<String> first = rapor.post("/api/v1/units", kabB, ADMIN);
            for (int i = 0; i < 100 && first.statusCode() == 503; i++) { // the records' database comes a moment after "ready"
                Thread.sleep(100);
                first = rapor.post("/api/v1/units", kabB, ADMIN);
            }
            created(first, rapor);
            assessment = RaporDistribution.json(created(rapor.post("/api/v1/units/kab-b/assessments", entry(), ADMIN), rapor)).get("id").asLong();
            assertEquals(201, attach(rapor, assessment, pdf).statusCode());
            // A rule revision, activated: the label of band F changes.
            String bands = new String(RuleBundleJar.read(rapor.home.resolve("rules/pekppp-2022.jar")).file("methodology/bands.csv"), StandardCharsets.UTF_8);
            ObjectNode revision = RaporDistribution.JSON.createObjectNode();
            revision.put("comment", "label F");
            revision.putObject("files").put("methodology/bands.csv", bands.replace("F,Gagal,", "F,Gagal (Prioritas Pembinaan),"));
            HttpResponse<String> proposed = rapor.post(REVISIONS, revision.toString(), SITI);
            assertEquals(201, proposed.statusCode(), proposed.body());
            HttpResponse<String> activated = rapor.post(REVISIONS + "/1/activate", "", SITI);
            assertEquals(200, activated.statusCode(), activated.body());

            // Nobody but an admin for all units has a backup made; each refusal audited, no file written.
            assertEquals(401, rapor.post("/api/v1/backups", "", null).statusCode());
            assertEquals(401, rapor.post("/api/v1/backups", "", RaporDistribution.basic("admin", "wrong-password")).statusCode());
            assertEquals(403, rapor.post("/api/v1/backups", "", RaporDistribution.basic("eva", "sandi-evaluator-1")).statusCode());
            assertEquals(403, rapor.post("/api/v1/backups", "", SITI).statusCode());
            HttpResponse<String> scoped = rapor.post("/api/v1/backups", "", RaporDistribution.basic("adm-b", "sandi-admin-b-1"));
            assertEquals(403, scoped.statusCode(), scoped.body());
            assertTrue(scoped.body().contains("adm-b"), scoped.body());
            assertFalse(Files.exists(rapor.home.resolve("data/backups")) && listing(rapor.home.resolve("data/backups")).stream().anyMatch(n -> n.endsWith(".zip")),
                    "a refused backup writes nothing");
            // Without credentials bin/rapor-backup says what it needs.
            String[] anonymous = rapor.command("rapor-backup", Map.of("RAPOR_HTTP_PORT", Integer.toString(rapor.port)));
            assertEquals("1", anonymous[0], anonymous[1]);
            assertTrue(anonymous[1].contains("RAPOR_USER"), anonymous[1]);

            // A writer stores a unit and its assessment after another while the backup is made.
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        String unit = "w-" + i;
                        if (rapor.post("/api/v1/units", "{\"id\":\"" + unit + "\",\"name\":\"Unit " + i + "\",\"kind\":\"region\"}", ADMIN)
                                .statusCode() != 201) continue;
                        HttpResponse<String> r = rapor.post("/api/v1/units/" + unit + "/assessments", entry(), ADMIN);
                        if (r.statusCode() == 201) written.add(RaporDistribution.json(r).get("id").asLong());
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "backup-it-writer");
            writer.start();
            while (written.size() < 5) Thread.sleep(20);
            storedBefore = List.copyOf(written);
            String[] backup = rapor.command("rapor-backup",
                    Map.of("RAPOR_HTTP_PORT", Integer.toString(rapor.port), "RAPOR_USER", "admin", "RAPOR_PASSWORD", "sandi-admin-1"));
            int afterBackup = written.size();
            while (written.size() < afterBackup + 3) Thread.sleep(20);
            stop.set(true);
            writer.join(30_000);
            assertEquals("0", backup[0], backup[1] + rapor.logText());
            zip = Path.of(backup[1].lines().findFirst().orElseThrow());
            assertTrue(zip.startsWith(rapor.home.resolve("data/backups")) && Files.isRegularFile(zip), backup[1]);
            assertTrue(backup[1].contains("the embedded database is in it"), backup[1]);
            try (ZipFile z = new ZipFile(zip.toFile())) {
                for (String name : List.of("rapor-backup.properties", "SHA256SUMS", "data/rapor.mv.db", "data/audit.jsonl",
                        "etc/users.properties", "etc/rapor.properties")) {
                    assertTrue(z.getEntry(name) != null, name + " is in the backup");
                }
                assertTrue(Collections.list(z.entries()).stream().anyMatch(e -> e.getName().startsWith("data/revisions/")), "the revisions");
                assertTrue(Collections.list(z.entries()).stream().anyMatch(e -> e.getName().startsWith("data/evidence/")), "the evidence");
                assertTrue(Collections.list(z.entries()).stream().noneMatch(e -> e.getName().startsWith("data/backups/")
                        || e.getName().startsWith("data/felix-cache/")), "neither backups nor the framework's cache");
            }
            if (Files.getFileStore(zip).supportsFileAttributeView("posix")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));
            }
            assertTrue(rapor.logText().contains("Backup written by admin"), rapor.logText());

            // A restore never goes into a running distribution.
            String[] intoRunning = rapor.command("rapor-restore", Map.of("RAPOR_HTTP_PORT", Integer.toString(rapor.port)), zip.toString());
            assertEquals("1", intoRunning[0], intoRunning[1]);
            assertTrue(intoRunning[1].contains("Rapor is running"), intoRunning[1]);
        } finally {
            rapor.close();
        }
        // Stopped, bin/rapor-backup copies the files itself.
        String[] stopped = rapor.command("rapor-backup", Map.of("RAPOR_HTTP_PORT", Integer.toString(rapor.port)));
        assertEquals("0", stopped[0], stopped[1]);
        assertTrue(stopped[1].contains("Rapor is stopped"), stopped[1]);
        stoppedZip = Path.of(stopped[1].lines().findFirst().orElseThrow());
        try (ZipFile z = new ZipFile(stoppedZip.toFile())) {
            assertTrue(z.getEntry("data/rapor.mv.db") != null);
        }

        // Changed zips are refused whole: a file changed, a file added that SHA256SUMS does not list (and would leave the folder).
        Path tampered = Files.createTempFile("rapor-tampered-", ".zip");
        Path smuggled = Files.createTempFile("rapor-smuggled-", ".zip");
        rewrite(zip, tampered, (name) -> name.equals("etc/users.properties") ? "mallory=admin|pbkdf2-sha256$1$AA$AA\n" : null, null);
        rewrite(zip, smuggled, name -> null, "data/../../evil.sh");
        Path restoredZip = zip;
        AtomicBoolean checked = new AtomicBoolean();
        RaporDistribution restored = RaporDistribution.start(home -> {
            String[] changed = run(home, "rapor-restore", tampered.toString());
            assertEquals("1", changed[0], changed[1]);
            assertTrue(changed[1].contains("etc/users.properties does not match its SHA-256"), changed[1]);
            String[] added = run(home, "rapor-restore", smuggled.toString());
            assertEquals("1", added[0], added[1]);
            assertFalse(Files.exists(home.resolve("data/rapor.mv.db")) || Files.exists(home.resolve("etc/users.properties"))
                    || Files.exists(home.getParent().resolve("evil.sh")), "a refused restore changes nothing");

            String[] done = run(home, "rapor-restore", restoredZip.toString());
            assertEquals("0", done[0], done[1]);
            assertTrue(done[1].contains("Restored"), done[1]);
            String[] again = run(home, "rapor-restore", restoredZip.toString());
            assertEquals("1", again[0], again[1]);
            assertTrue(again[1].contains("holds records already"), again[1]);
            String[] forced = run(home, "rapor-restore", "--force", restoredZip.toString());
            assertEquals("0", forced[0], forced[1]);
            assertTrue(forced[1].contains("data/before-restore-"), forced[1]);
            try (var aside = Files.list(home.resolve("data"))) {
                Path kept = aside.filter(p -> p.getFileName().toString().startsWith("before-restore-")).findFirst().orElseThrow();
                assertTrue(Files.exists(kept.resolve("rapor.mv.db")) && Files.exists(kept.resolve("etc/users.properties")), "what was there is kept");
            }
            checked.set(true);
        });
        try {
            assertTrue(checked.get());
            JsonNode unit = awaitRecords(restored, "/api/v1/units/kab-b");
            assertEquals("Kabupaten B", unit.get("name").asText());
            JsonNode stored = RaporDistribution.json(restored.get("/api/v1/assessments/" + assessment, ADMIN));
            assertEquals("kab-b", stored.get("unit").asText());
            HttpResponse<byte[]> file = restored.sendBytes(HttpRequest.newBuilder(URI.create(restored.url(
                    "/api/v1/assessments/" + assessment + "/evidence/i01/bukti.pdf"))).header("Authorization", ADMIN).GET());
            assertEquals(200, file.statusCode());
            assertArrayEquals(pdf, file.body(), "the evidence file's content");
            // The active revision serves: the example scores with the revised rule bundle.
            JsonNode score = RaporDistribution.json(restored.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString()));
            assertEquals("2022.1.0+r1", score.at("/methodology/version").asText(), score.toString());
            // The users: their passwords work, their roles hold.
            JsonNode users = RaporDistribution.json(restored.get("/api/v1/users", ADMIN));
            assertTrue(users.toString().contains("\"eva\"") && users.toString().contains("\"siti\""), users.toString());
            assertEquals(403, restored.post("/api/v1/backups", "", RaporDistribution.basic("eva", "sandi-evaluator-1")).statusCode());
            // Every assessment stored before the backup began is back, and every assessment in it is whole.
            int answers = Assessments.example().get("answers").size();
            for (long id : storedBefore) {
                HttpResponse<String> r = restored.get("/api/v1/assessments/" + id, ADMIN);
                assertEquals(200, r.statusCode(), "assessment " + id + " stored before the backup: " + r.body());
            }
            int whole = 0;
            for (JsonNode u : RaporDistribution.json(restored.get("/api/v1/units", ADMIN))) {
                if (!u.path("id").asText().startsWith("w-")) continue;
                for (JsonNode a : RaporDistribution.json(restored.get("/api/v1/units/" + u.get("id").asText() + "/assessments", ADMIN))) {
                    assertEquals(answers, a.at("/input/answers").size(), a.toString());
                    assertTrue(a.path("index").isNumber() && a.at("/score/band/code").isTextual(), a.toString());
                    whole++;
                }
            }
            assertTrue(whole >= storedBefore.size(), whole + " assessments of the writer restored, at least " + storedBefore.size());
            assertTrue(whole < written.size(), "those stored after the backup are not in it: " + whole + " of " + written.size());
        } finally {
            restored.close();
        }
    }

    /**
     * With PostgreSQL (docs/operations.md, "With PostgreSQL", followed as written): pg_dump, then bin/rapor-backup, whose zip says
     * the database is not in it; pg_restore into a new database, bin/rapor-restore into a fresh distribution, and the unit is back.
     */
    @Test
    void onPostgresTheDatabaseIsPgDumpsAndTheZipHoldsTheRest() throws Exception {
        try (id.rapor.testing.PostgresServer postgres = id.rapor.testing.PostgresServer.start()) {
            Path bin = Path.of("/usr/lib/postgresql", postgres.version(), "bin");
            Path dump = Files.createTempDirectory("rapor-pg-dump-").resolve("rapor.dump");
            Map<String, String> pgPassword = Map.of("PGPASSWORD", id.rapor.testing.PostgresServer.PASSWORD);
            String settings = "\ndatabase.url=" + postgres.url("rapor") + "\ndatabase.user=" + id.rapor.testing.PostgresServer.USER
                    + "\ndatabase.password=" + id.rapor.testing.PostgresServer.PASSWORD + "\n";
            RaporDistribution rapor = RaporDistribution.start(home -> Files.writeString(home.resolve("etc/rapor.properties"), settings,
                    java.nio.file.StandardOpenOption.APPEND));
            Path zip;
            try {
                user(rapor, "admin", "sandi-admin-1", "admin");
                String kabP = "{\"id\":\"kab-p\",\"name\":\"Kabupaten P\",\"kind\":\"region\"}";
                HttpResponse<String> first = rapor.post("/api/v1/units", kabP, ADMIN);
                // The database may still be migrating, and the node reads bin/rapor-user's users a moment after (NOTIFY).
                for (int i = 0; i < 100 && (first.statusCode() == 503 || first.statusCode() == 401); i++) {
                    Thread.sleep(100);
                    first = rapor.post("/api/v1/units", kabP, ADMIN);
                }
                created(first, rapor);
                String[] dumped = runWith(pgPassword, bin.resolve("pg_dump").toString(), "--format=custom", "--host=127.0.0.1",
                        "--port=" + postgres.port, "--username=rapor", "--file=" + dump, "rapor");
                assertEquals("0", dumped[0], dumped[1]);
                String[] backup = rapor.command("rapor-backup",
                        Map.of("RAPOR_HTTP_PORT", Integer.toString(rapor.port), "RAPOR_USER", "admin", "RAPOR_PASSWORD", "sandi-admin-1"));
                assertEquals("0", backup[0], backup[1]);
                assertTrue(backup[1].contains("the database is NOT in it"), backup[1]);
                zip = Path.of(backup[1].lines().findFirst().orElseThrow());
                try (ZipFile z = new ZipFile(zip.toFile())) {
                    assertTrue(z.getEntry("data/rapor.mv.db") == null, "no database file");
                    String manifest = new String(z.getInputStream(z.getEntry("rapor-backup.properties")).readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(manifest.contains("database=not-included") && manifest.contains("pg_dump"), manifest);
                }
            } finally {
                rapor.close();
            }
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.url("postgres"), id.rapor.testing.PostgresServer.USER,
                    id.rapor.testing.PostgresServer.PASSWORD); java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE rapor_restored");
            }
            String[] restoredDb = runWith(pgPassword, bin.resolve("pg_restore").toString(), "--clean", "--if-exists", "--no-owner",
                    "--host=127.0.0.1", "--port=" + postgres.port, "--username=rapor", "--dbname=rapor_restored", dump.toString());
            assertEquals("0", restoredDb[0], restoredDb[1]);
            RaporDistribution fresh = RaporDistribution.start(home -> {
                String[] done = run(home, "rapor-restore", zip.toString());
                assertEquals("0", done[0], done[1]);
                assertTrue(done[1].contains("pg_restore"), done[1]);
                Path props = home.resolve("etc/rapor.properties");
                Files.writeString(props, Files.readString(props).replace(postgres.url("rapor"), postgres.url("rapor_restored")));
            });
            try {
                assertEquals("Kabupaten P", awaitRecords(fresh, "/api/v1/units/kab-p").get("name").asText());
            } finally {
                fresh.close();
            }
        }
    }

    /** Repeated backups cannot fill the disk: the newest backups.keep stay, the older ones go as a new one is written. */
    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        try (RaporDistribution rapor = RaporDistribution.start(home -> {
            Path cfg = home.resolve("etc/id.rapor.http.cfg");
            Files.writeString(cfg, Files.readString(cfg).replace("backups.keep=10", "backups.keep=2"));
        })) {
            user(rapor, "admin", "sandi-admin-1", "admin");
            List<String> made = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                HttpResponse<String> r = rapor.post("/api/v1/backups", "", ADMIN);
                for (int i = 0; i < 100 && r.statusCode() == 503; i++) { // the records' database comes a moment after "ready"
                    Thread.sleep(100);
                    r = rapor.post("/api/v1/backups", "", ADMIN);
                }
                assertEquals(201, r.statusCode(), r.body());
                made.add(RaporDistribution.json(r).get("file").asText());
            }
            assertEquals(List.of(made.get(2), made.get(3)), listing(rapor.home.resolve("data/backups")).stream()
                    .filter(n -> n.endsWith(".zip")).sorted().toList(), "the two newest of " + made);
            assertTrue(rapor.logText().contains("Backups beyond backups.keep=2 removed"), rapor.logText());
        }
    }

    private static void user(RaporDistribution rapor, String name, String password, String roles) throws Exception {
        String[] r = rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", password), "add", name, roles);
        assertEquals("0", r[0], r[1]);
    }

    /** A 201, once the records' database is there (it may come a moment after "ready"). */
    private static HttpResponse<String> created(HttpResponse<String> first, RaporDistribution rapor) {
        assertEquals(201, first.statusCode(), first.body());
        return first;
    }

    private static JsonNode awaitRecords(RaporDistribution rapor, String path) throws Exception {
        HttpResponse<String> r = rapor.get(path, ADMIN);
        for (int i = 0; i < 100 && r.statusCode() == 503; i++) {
            Thread.sleep(100);
            r = rapor.get(path, ADMIN);
        }
        assertEquals(200, r.statusCode(), r.body());
        return RaporDistribution.json(r);
    }

    private static String entry() throws Exception {
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.put("year", 2024).put("family", "pekppp").put("role", "evaluator");
        body.set("answers", Assessments.example().get("answers"));
        return body.toString();
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static HttpResponse<String> attach(RaporDistribution rapor, long id, byte[] file) throws Exception {
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/assessments/" + id + "/evidence/i01?name=bukti.pdf")))
                .header("Content-Type", "application/pdf").header("Authorization", ADMIN).PUT(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    private static List<String> listing(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** A bin/ command of the distribution at {@code home}, not started. */
    private static String[] run(Path home, String name, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/" + name).toString()));
        cmd.addAll(List.of(args));
        return runWith(Map.of(), cmd.toArray(String[]::new));
    }

    private static String[] runWith(Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {Integer.toString(p.waitFor()), out};
    }

    /** A copy of {@code zip} whose entries {@code change} gives new content for (null: as they were), plus {@code extra} if given. */
    private static void rewrite(Path zip, Path to, UnaryOperator<String> change, String extra) throws Exception {
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                String changed = change.apply(entry.getName());
                if (changed != null) {
                    out.write(changed.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            if (extra != null) {
                out.putNextEntry(new ZipEntry(extra));
                out.write("#!/bin/sh\necho owned\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
