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
public final class UsersFile implements UserStore {
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

    /** A user's name: what the file and the API accept (it is also a path segment of /api/v1/users/{name}). */
    public static final String NAME_PATTERN = "[A-Za-z0-9._@-]{1,64}";

    /** What is wrong with one grant ({@code role} or {@code role@unit}). */
    public enum GrantFault {
        /** The part before @ is no role. */
        UNKNOWN_ROLE,
        /** After @ comes no unit id. */
        BAD_UNIT,
        /** A role that holds for named units only came without one. */
        NEEDS_UNIT
    }

    /** What is wrong with {@code grant}, or null if it is one; the one rule for bin/rapor-user and the API. */
    public static GrantFault fault(String grant) {
        int at = grant.indexOf('@');
        String role = at < 0 ? grant : grant.substring(0, at);
        if (!ROLES.contains(role)) return GrantFault.UNKNOWN_ROLE;
        if (at >= 0 && !grant.substring(at + 1).matches("[a-z0-9][a-z0-9-]{0,99}")) return GrantFault.BAD_UNIT;
        if (at < 0 && SCOPED_ONLY.contains(role)) return GrantFault.NEEDS_UNIT;
        return null;
    }

    /** The unit a grant is limited to, or null if it holds everywhere. */
    public static String unit(String grant) {
        int at = grant.indexOf('@');
        return at < 0 ? null : grant.substring(at + 1);
    }

    /** The roles a user may be given. */
    public static java.util.SortedSet<String> roles() {
        return new java.util.TreeSet<>(ROLES);
    }

    /** Checks {@code role,role@unit,…} as bin/rapor-user is given it; the message says what is wrong. */
    static void check(Set<String> grants) {
        if (grants.isEmpty()) throw new IllegalArgumentException("give at least one role: " + String.join(", ", roles()));
        for (String g : grants) {
            GrantFault fault = fault(g);
            if (fault == null) continue;
            String role = g.indexOf('@') < 0 ? g : g.substring(0, g.indexOf('@'));
            throw new IllegalArgumentException(switch (fault) {
                case UNKNOWN_ROLE -> "'" + role + "' is not a role; roles are " + String.join(", ", roles());
                case BAD_UNIT -> "'" + g + "': after @ comes a unit id (lower-case letters, digits, -)";
                case NEEDS_UNIT -> role + " holds for named units only: " + role + "@<unit id>";
            });
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

    @Override
    public User find(String name) {
        reloadIfChanged();
        return users.get(name);
    }

    @Override
    public Map<String, User> all() {
        reloadIfChanged();
        return users;
    }

    /** Adds or replaces a user; written to a temporary file and renamed, so a reader never sees half of it. */
    public void put(String name, Set<String> roles, char[] password) throws IOException {
        put(name, roles, password, null);
    }

    /** {@code by} is not kept: the file says nothing of who changed it. */
    @Override
    public synchronized void put(String name, Set<String> roles, char[] password, String by) throws IOException {
        checkName(name);
        check(roles);
        String entry = String.join(",", roles) + "|" + Passwords.hash(password);
        change(p -> p.setProperty(name, entry));
    }

    /**
     * Gives an existing user {@code roles}, keeping their password; false (nothing written) if there
     * is no such user.
     */
    public boolean regrant(String name, Set<String> roles) throws IOException {
        return regrant(name, roles, null);
    }

    @Override
    public synchronized boolean regrant(String name, Set<String> roles, String by) throws IOException {
        checkName(name);
        check(roles);
        boolean[] found = {false};
        change(p -> {
            String[] parts = p.getProperty(name, "").split("\\|", 2);
            if (parts.length != 2) return;
            found[0] = true;
            p.setProperty(name, String.join(",", roles) + "|" + parts[1].trim());
        });
        return found[0];
    }

    static void checkName(String name) {
        if (!name.matches(NAME_PATTERN)) throw new IllegalArgumentException("a user name is 1-64 letters, digits, . _ @ -");
    }

    @Override
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
                loaded = null; // read again at the next use, whatever the file system's timestamps say
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
