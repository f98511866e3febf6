package id.rapor.http.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * etc/users.properties: one line per user, {@code name = role,role|<password hash>}. A role may be
 * limited to units: {@code unit-admin@dinas-a} (that office and the units below it),
 * {@code evaluator@kab-contoh} (that region's units); a role without {@code @} holds everywhere,
 * except {@code unit-admin}, which is always limited to its units. Re-read
 * when it changes, so users added with bin/rapor-user count at once. No user ships: with an
 * empty or missing file every protected call is refused.
 */
public final class UsersFile {
    static final Set<String> ROLES = Set.of("policy", "evaluator", "verifier", "unit-admin", "admin");
    /** Roles that only ever hold for named units. */
    static final Set<String> SCOPED_ONLY = Set.of("unit-admin");

    /**
     * A user: roles, and for a role limited to units, those units ({@code scopes}; a role not in
     * it holds everywhere).
     */
    public record User(String name, Set<String> roles, Map<String, Set<String>> scopes, String passwordHash) {
        public User {
            roles = Set.copyOf(roles);
            scopes = Map.copyOf(scopes);
        }

        /** As the file writes them: {@code admin,evaluator@kab-contoh}, sorted. */
        public String grants() {
            java.util.TreeSet<String> out = new java.util.TreeSet<>();
            for (String role : roles) {
                Set<String> units = scopes.get(role);
                if (units == null) out.add(role);
                else units.forEach(u -> out.add(role + "@" + u));
            }
            return String.join(",", out);
        }
    }

    /** Parses {@code role,role@unit,…}: unknown roles and a scoped-only role without units are left out. */
    static User parse(String name, String grants, String hash) {
        Set<String> roles = new java.util.HashSet<>();
        Map<String, Set<String>> scopes = new java.util.HashMap<>();
        Set<String> everywhere = new java.util.HashSet<>();
        for (String grant : grants.split(",")) {
            String g = grant.trim();
            int at = g.indexOf('@');
            String role = at < 0 ? g : g.substring(0, at);
            if (!ROLES.contains(role)) continue;
            if (at < 0) {
                if (SCOPED_ONLY.contains(role)) continue;
                everywhere.add(role);
            } else {
                scopes.computeIfAbsent(role, r -> new java.util.HashSet<>()).add(g.substring(at + 1));
            }
            roles.add(role);
        }
        everywhere.forEach(scopes::remove); // unlimited wins over limited
        Map<String, Set<String>> frozen = new java.util.HashMap<>();
        scopes.forEach((r, units) -> frozen.put(r, Set.copyOf(units)));
        return new User(name, roles, frozen, hash);
    }

    /** Checks {@code role,role@unit,…} as bin/rapor-user is given it; the message says what is wrong. */
    static void check(Set<String> grants) {
        if (grants.isEmpty()) throw new IllegalArgumentException("give at least one role: " + String.join(", ", new java.util.TreeSet<>(ROLES)));
        for (String g : grants) {
            int at = g.indexOf('@');
            String role = at < 0 ? g : g.substring(0, at);
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("'" + role + "' is not a role; roles are " + String.join(", ", new java.util.TreeSet<>(ROLES)));
            }
            if (at >= 0 && !g.substring(at + 1).matches("[a-z0-9][a-z0-9-]{0,99}")) {
                throw new IllegalArgumentException("'" + g + "': after @ comes a unit id (lower-case letters, digits, -)");
            }
            if (at < 0 && SCOPED_ONLY.contains(role)) {
                throw new IllegalArgumentException(role + " holds for named units only: " + role + "@<unit id>");
            }
        }
    }

    private static final Object CHANGES = new Object();
    private final Path file;
    private volatile Map<String, User> users = Map.of();
    private volatile FileTime loaded;
    // With the time: on file systems with coarse timestamps a change within the same tick still shows in the size.
    private volatile long loadedSize = -1;

    public UsersFile(Path file) {
        this.file = file;
    }

    User find(String name) {
        reloadIfChanged();
        return users.get(name);
    }

    public Map<String, User> all() {
        reloadIfChanged();
        return users;
    }

    /** Adds or replaces a user; written to a temporary file and renamed, so a reader never sees half of it. */
    public synchronized void put(String name, Set<String> roles, char[] password) throws IOException {
        if (!name.matches("[A-Za-z0-9._@-]{1,64}")) throw new IllegalArgumentException("a user name is 1-64 letters, digits, . _ @ -");
        check(roles);
        String entry = String.join(",", roles) + "|" + Passwords.hash(password);
        change(p -> p.setProperty(name, entry));
    }

    public synchronized boolean remove(String name) throws IOException {
        boolean[] removed = {false};
        change(p -> removed[0] = p.remove(name) != null);
        return removed[0];
    }

    /** Read, change, write under a file lock: two bin/rapor-user runs at once must not lose one's change. */
    private void change(java.util.function.Consumer<Properties> edit) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        // The file lock keeps other processes out; within this JVM, one change at a time (a JVM may hold one lock per file).
        synchronized (CHANGES) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock held = ch.lock()) {
                Properties p = read();
                edit.accept(p);
                write(p);
            }
        }
    }

    private void reloadIfChanged() {
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified == null) {
                users = Map.of();
                loaded = null;
            } else if (!modified.equals(loaded) || Files.size(file) != loadedSize) {
                Map<String, User> next = new TreeMap<>();
                Properties p = read();
                for (String name : p.stringPropertyNames()) {
                    String[] parts = p.getProperty(name).split("\\|", 2);
                    if (parts.length != 2) continue;
                    next.put(name, parse(name, parts[0], parts[1].trim()));
                }
                users = Map.copyOf(next);
                loaded = modified;
                loadedSize = Files.size(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties read() throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    private void write(Properties p) throws IOException {
        // Readable by its owner only: the hashes are slow to crack, not impossible.
        Path temp = ownerOnly(file.resolveSibling(file.getFileName() + ".tmp"));
        try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(w, "Rapor users: name = roles|PBKDF2 hash. Manage with bin/rapor-user.");
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path ownerOnly(Path temp) throws IOException {
        Files.deleteIfExists(temp);
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) return Files.createFile(temp);
        return Files.createFile(temp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }
}
