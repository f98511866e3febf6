package id.rapor.http.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/rapor-backup} and {@code bin/rapor-restore}. A backup of a running Rapor is made by Rapor itself
 * ({@code POST /api/v1/backups}, as an admin from {@code RAPOR_USER}/{@code RAPOR_PASSWORD}): only it can copy its open
 * database consistently. With Rapor stopped the files are copied as they are. A restore goes only into a stopped
 * distribution. Rapor runs if the embedded database's file is locked (H2 locks it while open) or its port answers.
 * JDK only: it runs from the rapor-http jar without the framework, as bin/rapor-user does.
 */
public final class BackupCommand {
    static final String USAGE = """
            Usage:
              rapor-backup                     a backup of this distribution, under data/backups/
                                               (Rapor running: as an admin, RAPOR_USER and RAPOR_PASSWORD)
              rapor-restore [--force] FILE     restores a backup into this distribution, which must be stopped;
                                               --force: over existing records (kept in data/before-restore-TIME/)
            """;

    private final Path home;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    BackupCommand(Path home, Map<String, String> env, PrintStream out, PrintStream err) {
        this.home = home;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("rapor.home", ".")).toAbsolutePath().normalize();
        System.exit(new BackupCommand(home, System.getenv(), System.out, System.err).run(args));
    }

    /** 0 done, 1 refused or failed, 2 a usage error. */
    int run(String[] args) {
        try {
            if (args.length == 1 && args[0].equals("backup")) return backup();
            if (args.length >= 2 && args[0].equals("restore")) {
                boolean force = args.length == 3 && args[1].equals("--force");
                if (args.length == 2 || force) return restore(Path.of(args[args.length - 1]), force);
            }
            err.print(USAGE);
            return 2;
        } catch (RestoreArchive.Refused e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int backup() throws IOException, InterruptedException {
        String url = url();
        String locked = lockedDatabase();
        if (locked != null || answers(url)) {
            if (!answers(url)) {
                err.println(locked + ", but nothing answers on " + url + ": wait until Rapor is ready (or set RAPOR_URL), then try again");
                return 1;
            }
            return backupByRapor(url);
        }
        BackupArchive.Home layout = BackupArchive.Home.of(home);
        BackupArchive.DatabasePart database = embedded() ? BackupArchive.DatabasePart.closedH2(layout.data())
                : BackupArchive.DatabasePart.notIncluded();
        BackupArchive.Written w = BackupArchive.write(layout, database, Instant.now());
        print(w.file().toString(), w.bytes(), w.sha256(), w.database(), "Rapor is stopped: its files were copied as they are");
        return 0;
    }

    private int backupByRapor(String url) throws IOException, InterruptedException {
        String user = env.get("RAPOR_USER");
        String password = env.get("RAPOR_PASSWORD");
        if (user == null || user.isEmpty() || password == null) {
            err.println("Rapor runs (" + url + "): it makes the backup itself, for an admin. Set RAPOR_USER and RAPOR_PASSWORD to an admin's"
                    + " name and password (bin/rapor-user add NAME admin) and run this again.");
            return 1;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/backups"))
                .timeout(Duration.ofHours(2))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> r = client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 201) {
            String detail = field(r.body(), "detail");
            err.println("Rapor refused the backup: " + r.statusCode() + " " + (detail != null ? detail : r.body()));
            return 1;
        }
        String path = field(r.body(), "path");
        print(home.resolve(path).toString(), Long.parseLong(number(r.body(), "bytes")), field(r.body(), "sha256"), field(r.body(), "database"),
                "written by the running Rapor, on its machine");
        return 0;
    }

    private void print(String file, long bytes, String sha256, String database, String how) {
        out.println(file);
        out.println("  " + bytes + " bytes, sha256 " + sha256 + "; " + how);
        out.println(BackupArchive.DATABASE_H2.equals(database) ? "  the embedded database is in it"
                : "  the database is NOT in it (database.url names PostgreSQL): back it up with pg_dump (docs/operations.md)");
    }

    private int restore(Path zip, boolean force) throws IOException, InterruptedException, RestoreArchive.Refused {
        String url = url();
        String locked = lockedDatabase();
        if (locked != null) throw new RestoreArchive.Refused("Rapor is running (" + locked + "): stop it first; nothing was changed");
        if (answers(url)) throw new RestoreArchive.Refused("Rapor is running (it answers on " + url + "): stop it first; nothing was changed");
        RestoreArchive.Restored r = RestoreArchive.restore(zip.toAbsolutePath(), home, force, Instant.now());
        out.println("Restored " + r.files() + " files from " + zip + " into " + home);
        for (Path aside : r.setAside()) out.println("  what was there before is kept in " + aside);
        if (BackupArchive.DATABASE_NOT_INCLUDED.equals(r.database())) {
            out.println("  the database is not in this backup: restore PostgreSQL from its pg_dump (pg_restore) before starting Rapor");
        }
        out.println("Start Rapor: bin/rapor");
        return 0;
    }

    /** Why the embedded database's file is in use (H2 holds a lock on it while open), or null. */
    private String lockedDatabase() throws IOException {
        Path file = home.resolve("data").resolve(BackupArchive.H2_FILE);
        if (!Files.exists(file)) return null;
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = c.tryLock();
            if (lock == null) return "data/" + BackupArchive.H2_FILE + " is locked by the process that has it open";
            lock.release();
            return null;
        } catch (OverlappingFileLockException e) {
            return "data/" + BackupArchive.H2_FILE + " is open in this process";
        }
    }

    /** Whether anything answers HTTP on {@code url}. */
    private boolean answers(String url) throws InterruptedException {
        try {
            client().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/health/live")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException nothing) {
            return false;
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** $RAPOR_URL, or the address and port of etc/rapor.properties ($RAPOR_HTTP_HOST, $RAPOR_HTTP_PORT override them), as bin/rapor uses them. */
    String url() throws IOException {
        String url = env.get("RAPOR_URL");
        if (url != null && !url.isBlank()) return url.replaceAll("/+$", "");
        Properties p = settings();
        String host = first(env.get("RAPOR_HTTP_HOST"), p.getProperty("http.host"), "127.0.0.1");
        String port = first(env.get("RAPOR_HTTP_PORT"), p.getProperty("http.port"), "8080");
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) host = "127.0.0.1";
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        return "http://" + host + ":" + port;
    }

    /** Whether the records live in the embedded H2 file (no database.url, nor $RAPOR_DATABASE_URL). */
    private boolean embedded() throws IOException {
        return first(env.get("RAPOR_DATABASE_URL"), settings().getProperty("database.url"), "").isEmpty();
    }

    private Properties settings() throws IOException {
        Properties p = new Properties();
        Path file = home.resolve("etc/rapor.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.trim();
        return "";
    }

    /** A string field of the server's flat JSON answer (names and hashes: no escapes in them). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : null;
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "0";
    }
}
