package id.rapor.http.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A backup of a distribution: one zip holding the embedded database ({@code data/rapor.mv.db}), the rule revisions
 * ({@code data/revisions/}), the evidence files ({@code data/evidence/}), the rules' audit trail ({@code data/audit.jsonl}),
 * {@code deploy/} and {@code etc/} (settings and users), under the same paths as in the distribution. The first entry,
 * {@value #MANIFEST}, says what it is and whether the database is in it; the last, {@value #SUMS}, holds every other entry's
 * SHA-256 in the format of {@code sha256sum}, so {@link RestoreArchive} (or {@code sha256sum -c}) finds any change.
 * <p>
 * JDK only: {@code bin/rapor-backup} writes it with Rapor stopped, the running server through {@code POST /api/v1/backups}.
 */
public final class BackupArchive {
    public static final String MANIFEST = "rapor-backup.properties";
    public static final String SUMS = "SHA256SUMS";
    public static final String FORMAT = "1";
    /** The database part: the embedded H2 file is in the zip, or the database is elsewhere (PostgreSQL: pg_dump). */
    public static final String DATABASE_H2 = "h2";
    public static final String DATABASE_NOT_INCLUDED = "not-included";
    /** The embedded database's file, under data/. */
    public static final String H2_FILE = "rapor.mv.db";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private BackupArchive() {}

    /** Where a distribution keeps what a backup holds. */
    public record Home(Path data, Path etc, Path deploy) {
        public static Home of(Path home) {
            return new Home(home.resolve("data"), home.resolve("etc"), home.resolve("deploy"));
        }

        /** Where backups are written: never chosen by a caller. */
        public Path backups() {
            return data.resolve("backups");
        }
    }

    /** How the database gets into the zip. */
    public interface DatabasePart {
        /** {@value #DATABASE_H2} or {@value #DATABASE_NOT_INCLUDED}. */
        String kind();

        /** Adds the database's entries (under data/); called before the files are copied. */
        void write(Entries zip) throws IOException;

        /** The embedded database while it is closed: its file as it is. */
        static DatabasePart closedH2(Path data) {
            return new DatabasePart() {
                @Override public String kind() {
                    return DATABASE_H2;
                }

                @Override public void write(Entries zip) throws IOException {
                    zip.file("data/" + H2_FILE, data.resolve(H2_FILE));
                }
            };
        }

        /**
         * The embedded database while Rapor runs: H2's {@code BACKUP TO} copies it as one transaction sees it (MVCC: nothing
         * waits), into a zip of its own under {@code backups}, whose database file becomes data/rapor.mv.db.
         */
        static DatabasePart runningH2(javax.sql.DataSource database, Path backups) {
            return new DatabasePart() {
                @Override public String kind() {
                    return DATABASE_H2;
                }

                @Override public void write(Entries zip) throws IOException {
                    Path copy = backups.resolve(".h2-" + System.nanoTime() + ".zip");
                    try {
                        try (java.sql.Connection c = database.getConnection(); java.sql.Statement s = c.createStatement()) {
                            s.execute("BACKUP TO '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
                        } catch (java.sql.SQLException e) {
                            throw new IOException("the database's BACKUP TO failed: " + e.getMessage(), e);
                        }
                        boolean found = false;
                        try (java.util.zip.ZipFile h2 = new java.util.zip.ZipFile(copy.toFile())) {
                            for (var e = h2.entries(); e.hasMoreElements(); ) {
                                ZipEntry entry = e.nextElement();
                                if (!entry.getName().endsWith(".mv.db")) continue;
                                if (found) throw new IOException("H2's backup holds more than one database file");
                                try (InputStream in = h2.getInputStream(entry)) {
                                    zip.stream("data/" + H2_FILE, in);
                                }
                                found = true;
                            }
                        }
                        if (!found) throw new IOException("H2's backup holds no database file");
                    } finally {
                        Files.deleteIfExists(copy);
                    }
                }
            };
        }

        /** A database the zip does not hold (PostgreSQL: its own pg_dump). */
        static DatabasePart notIncluded() {
            return new DatabasePart() {
                @Override public String kind() {
                    return DATABASE_NOT_INCLUDED;
                }

                @Override public void write(Entries zip) {
                    // the manifest says so
                }
            };
        }
    }

    /** A backup written: its file, size and SHA-256, and whether the database is in it. */
    public record Written(Path file, long bytes, String sha256, String database, Instant created) {}

    /**
     * Deletes all but the {@code keep} newest backups in {@code folder} (their names sort by the time they were made);
     * answers the names deleted. Only whole backups of this naming are counted and touched.
     */
    public static List<String> keepNewest(Path folder, int keep) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        List<Path> backups;
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            backups = files.filter(p -> p.getFileName().toString().matches("rapor-backup-[0-9TZ.-]+\\.zip"))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        List<String> removed = new java.util.ArrayList<>();
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old);
            removed.add(old.getFileName().toString());
        }
        return removed;
    }

    /**
     * Writes a backup under {@code home.backups()}, named by {@code now} (UTC, to the millisecond); the file appears under
     * its name only when whole (written as {@code .part}, forced to disk, then moved), readable by the process's user only.
     */
    public static Written write(Home home, DatabasePart database, Instant now) throws IOException {
        Path folder = home.backups();
        Files.createDirectories(folder);
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------")); // the backups are the Rapor user's alone
        }
        String name = "rapor-backup-" + NAME_TIME.format(now) + ".zip";
        Path target = folder.resolve(name);
        Path part = folder.resolve(name + ".part");
        if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
        MessageDigest whole = sha256();
        try {
            createPrivate(part);
            try (OutputStream file = Files.newOutputStream(part, StandardOpenOption.TRUNCATE_EXISTING);
                 DigestOutputStream digest = new DigestOutputStream(file, whole);
                 ZipOutputStream zip = new ZipOutputStream(digest)) {
                Entries entries = new Entries(zip);
                entries.bytes(MANIFEST, manifest(database.kind(), now));
                database.write(entries);
                entries.tree("data/revisions/", home.data().resolve("revisions"), List.of());
                // incoming/ holds uploads still arriving: never named by a row.
                entries.tree("data/evidence/", home.data().resolve("evidence"), List.of("incoming/"));
                entries.lines("data/audit.jsonl", home.data().resolve("audit.jsonl"));
                entries.tree("deploy/", home.deploy(), List.of());
                entries.tree("etc/", home.etc(), List.of());
                entries.bytes(SUMS, entries.sums());
            }
            try (FileChannel c = FileChannel.open(part, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return new Written(target, Files.size(target), HexFormat.of().formatHex(whole.digest()), database.kind(), now);
    }

    private static byte[] manifest(String database, Instant now) {
        StringBuilder s = new StringBuilder("# A backup of Rapor: bin/rapor-restore checks it (SHA256SUMS) and unpacks it into a stopped distribution.\n")
                .append("format=").append(FORMAT).append('\n')
                .append("created=").append(now).append('\n')
                .append("database=").append(database).append('\n');
        if (DATABASE_NOT_INCLUDED.equals(database)) {
            s.append("database.note=The records' database is not in this zip (database.url names PostgreSQL): restore it from its pg_dump"
                    + " with pg_restore (docs/operations.md, Backup and restore).\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Creates {@code file} empty, readable and writable by the process's user only (where the file system knows owners). */
    static void createPrivate(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The zip's entries as they are written, each with its SHA-256. */
    public static final class Entries {
        private final ZipOutputStream zip;
        private final Map<String, String> sums = new LinkedHashMap<>();
        private final byte[] buffer = new byte[64 * 1024];

        Entries(ZipOutputStream zip) {
            this.zip = zip;
        }

        /** Adds {@code in}, read to its end, as {@code name}. */
        public void stream(String name, InputStream in) throws IOException {
            if (sums.containsKey(name)) throw new IOException("twice in the backup: " + name);
            MessageDigest digest = sha256();
            zip.putNextEntry(new ZipEntry(name));
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                zip.write(buffer, 0, n);
            }
            zip.closeEntry();
            sums.put(name, HexFormat.of().formatHex(digest.digest()));
        }

        void bytes(String name, byte[] content) throws IOException {
            stream(name, new java.io.ByteArrayInputStream(content));
        }

        /** Adds {@code file}; false if it is not there (gone meanwhile, or never made). */
        boolean file(String name, Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                stream(name, in);
                return true;
            } catch (NoSuchFileException gone) {
                return false;
            }
        }

        /** An append-only file of lines (the audit trail) up to its last whole line: one being appended now is left out. */
        void lines(String name, Path file) throws IOException {
            byte[] all;
            try {
                all = Files.readAllBytes(file);
            } catch (NoSuchFileException none) {
                return;
            }
            int end = all.length;
            while (end > 0 && all[end - 1] != '\n') end--;
            bytes(name, java.util.Arrays.copyOf(all, end));
        }

        /**
         * Every file under {@code folder} as {@code prefix} + its relative path, in name order, but those under the relative
         * folders {@code skipped}. A file removed while the tree is read is left out: only finished writes are moved into
         * these folders, and what removes a file there removed what named it first.
         */
        void tree(String prefix, Path folder, List<String> skipped) throws IOException {
            if (!Files.isDirectory(folder)) return;
            List<Path> files = new java.util.ArrayList<>();
            Files.walkFileTree(folder, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) files.add(file);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) return java.nio.file.FileVisitResult.CONTINUE; // a temporary folder, gone
                    throw e;
                }
            });
            java.util.Collections.sort(files);
            for (Path f : files) {
                String relative = folder.relativize(f).toString().replace('\\', '/');
                if (skipped.stream().anyMatch(relative::startsWith)) continue;
                file(prefix + relative, f);
            }
        }

        /** The SHA256SUMS file: one line per entry, "hash  name", as sha256sum writes and reads them. */
        byte[] sums() {
            StringBuilder s = new StringBuilder();
            sums.forEach((name, hash) -> s.append(hash).append("  ").append(name).append('\n'));
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
