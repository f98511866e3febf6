package id.rapor.http.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Puts a {@link BackupArchive} back into a stopped distribution: checks it whole first (the manifest, every entry against
 * SHA256SUMS, nothing missing or extra, only paths under data/, etc/ and deploy/), unpacks it beside the distribution, checks
 * every file again as it is written, and only then moves the files into place. Existing records are kept unless forced; then
 * what data/ holds (but its backups) is first moved into data/before-restore-…/ with a copy of etc/, never deleted. A backup
 * never holds these folders (it takes only the database, revisions/, evidence/ and audit.jsonl of data/).
 */
public final class RestoreArchive {
    private RestoreArchive() {}

    /** A backup that cannot be restored, or not here: the message says why, for the operator. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /** A checked backup: its manifest and the SHA-256 of each entry to unpack. */
    public record Checked(Properties manifest, Map<String, String> sums) {
        public String database() {
            return manifest.getProperty("database");
        }
    }

    /** What a restore did. */
    public record Restored(int files, String database, List<Path> setAside) {}

    /** Reads the whole zip and checks it; changes nothing. */
    public static Checked check(Path zip) throws IOException, Refused {
        try (ZipFile z = open(zip)) {
            ZipEntry sumsEntry = z.getEntry(BackupArchive.SUMS);
            ZipEntry manifestEntry = z.getEntry(BackupArchive.MANIFEST);
            if (sumsEntry == null || manifestEntry == null) {
                throw new Refused(zip + " is not a Rapor backup: it lacks " + BackupArchive.MANIFEST + " or " + BackupArchive.SUMS);
            }
            Map<String, String> sums = sums(z, sumsEntry);
            Map<String, String> seen = new LinkedHashMap<>();
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.equals(BackupArchive.SUMS) || entry.isDirectory()) continue;
                if (seen.containsKey(name)) throw new Refused(zip + " holds " + name + " twice");
                String expected = sums.get(name);
                if (expected == null) throw new Refused(zip + " holds " + name + ", which " + BackupArchive.SUMS + " does not list: it was changed");
                try (InputStream in = z.getInputStream(entry)) {
                    String actual = sha256(in, OutputStream.nullOutputStream());
                    if (!actual.equals(expected)) {
                        throw new Refused(zip + ": " + name + " does not match its SHA-256 in " + BackupArchive.SUMS + ": it was changed or damaged");
                    }
                }
                seen.put(name, expected);
            }
            for (String listed : sums.keySet()) {
                if (!seen.containsKey(listed)) throw new Refused(zip + " lacks " + listed + ", which " + BackupArchive.SUMS + " lists");
            }
            Properties manifest = new Properties();
            try (InputStream in = z.getInputStream(manifestEntry)) {
                manifest.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            if (!BackupArchive.FORMAT.equals(manifest.getProperty("format"))) {
                throw new Refused(zip + " is a backup of format " + manifest.getProperty("format") + "; this Rapor restores format "
                        + BackupArchive.FORMAT);
            }
            String database = manifest.getProperty("database");
            if (!BackupArchive.DATABASE_H2.equals(database) && !BackupArchive.DATABASE_NOT_INCLUDED.equals(database)) {
                throw new Refused(zip + ": its manifest names an unknown database part '" + database + "'");
            }
            Map<String, String> files = new LinkedHashMap<>(sums);
            files.remove(BackupArchive.MANIFEST);
            return new Checked(manifest, files);
        }
    }

    /** What {@code home} already holds that a restore would replace: empty if nothing. */
    public static List<String> existing(Path home) throws IOException {
        List<String> found = new ArrayList<>();
        Path data = home.resolve("data");
        if (Files.exists(data.resolve(BackupArchive.H2_FILE))) found.add("data/" + BackupArchive.H2_FILE);
        for (String folder : List.of("revisions", "evidence")) {
            Path f = data.resolve(folder);
            if (Files.isDirectory(f)) {
                try (var walk = Files.walk(f)) {
                    if (walk.anyMatch(Files::isRegularFile)) found.add("data/" + folder + "/");
                }
            }
        }
        if (Files.exists(data.resolve("audit.jsonl"))) found.add("data/audit.jsonl");
        if (Files.exists(home.resolve("etc/users.properties"))) found.add("etc/users.properties");
        return found;
    }

    /**
     * Restores {@code zip} into the stopped distribution {@code home} (the caller made sure it is stopped). Refused if
     * {@code home} holds records already, unless {@code force}: then data/'s files (but backups/) move to data/before-restore-…/,
     * with a copy of etc/.
     */
    public static Restored restore(Path zip, Path home, boolean force, Instant now) throws IOException, Refused {
        Checked checked = check(zip);
        List<String> existing = existing(home);
        if (!existing.isEmpty() && !force) {
            throw new Refused(home + " holds records already (" + String.join(", ", existing) + "); nothing was changed. "
                    + "Restore into a fresh distribution, or add --force to move data/ and etc/ aside first and restore over them");
        }
        String stamp = now.toString().replace(":", "").replace("-", "");
        // Unpacked within data/ (in a container, the only place besides etc/ that Rapor's user may write).
        Path staging = home.resolve("data").resolve(".restore-" + stamp);
        List<Path> setAside = new ArrayList<>();
        try {
            Files.createDirectories(staging);
            try (ZipFile z = open(zip)) {
                for (Map.Entry<String, String> file : checked.sums().entrySet()) {
                    Path target = staging.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    BackupArchive.createPrivate(target);
                    try (InputStream in = z.getInputStream(z.getEntry(file.getKey()));
                         OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING)) {
                        // Checked again as written: the zip may have changed since it was checked.
                        if (!sha256(in, out).equals(file.getValue())) throw new Refused(zip + " changed while it was restored: " + file.getKey());
                    }
                }
            }
            if (!existing.isEmpty()) {
                // Within data/ (which may be a mount point, a volume): moved, never copied across file systems nor deleted.
                Path aside = home.resolve("data").resolve("before-restore-" + stamp);
                Files.createDirectories(aside);
                try (var children = Files.list(home.resolve("data"))) {
                    for (Path child : children.toList()) {
                        String name = child.getFileName().toString();
                        if (name.equals("backups") || name.startsWith("before-restore-") || name.startsWith(".restore-")) continue;
                        Files.move(child, aside.resolve(name));
                    }
                }
                copyTree(home.resolve("etc"), aside.resolve("etc"));
                setAside.add(aside);
            }
            for (String file : checked.sums().keySet()) {
                Path target = home.resolve(file);
                Files.createDirectories(target.getParent());
                Files.move(staging.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            deleteTree(staging);
        }
        return new Restored(checked.sums().size(), checked.database(), setAside);
    }

    private static ZipFile open(Path zip) throws IOException, Refused {
        if (!Files.isRegularFile(zip)) throw new Refused(zip + " is not a file");
        try {
            return new ZipFile(zip.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new Refused(zip + " is not a zip file: " + e.getMessage());
        }
    }

    /** The SHA256SUMS lines, each name checked to stay inside data/, etc/ or deploy/ (or be the manifest). */
    private static Map<String, String> sums(ZipFile z, ZipEntry entry) throws IOException, Refused {
        Map<String, String> sums = new LinkedHashMap<>();
        String text;
        try (InputStream in = z.getInputStream(entry)) {
            text = new String(in.readNBytes(64 << 20), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            int gap = line.indexOf("  ");
            if (gap != 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) throw new Refused(BackupArchive.SUMS + ": not a line of sha256sum: " + line);
            String name = line.substring(66);
            if (!safe(name)) throw new Refused(BackupArchive.SUMS + " names " + name + ": a backup holds only data/, etc/ and deploy/");
            if (sums.put(name, line.substring(0, 64)) != null) throw new Refused(BackupArchive.SUMS + " lists " + name + " twice");
        }
        if (!sums.containsKey(BackupArchive.MANIFEST)) throw new Refused(BackupArchive.SUMS + " does not list " + BackupArchive.MANIFEST);
        return sums;
    }

    /** A relative path under data/ (not data/backups/), etc/ or deploy/, without "." or ".." parts: it cannot leave the distribution. */
    static boolean safe(String name) {
        if (name.equals(BackupArchive.MANIFEST)) return true;
        if (!(name.startsWith("data/") || name.startsWith("etc/") || name.startsWith("deploy/")) || name.startsWith("data/backups/")) return false;
        if (name.contains("\\") || name.contains("\0") || name.endsWith("/")) return false;
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) return false;
        }
        return true;
    }

    private static String sha256(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = BackupArchive.sha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
