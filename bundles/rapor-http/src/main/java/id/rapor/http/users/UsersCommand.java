package id.rapor.http.users;

import id.rapor.http.auth.Passwords;
import id.rapor.http.auth.UserStore;
import id.rapor.http.auth.UserTable;
import id.rapor.http.auth.UsersFile;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.Properties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * bin/rapor-user: manages etc/users.properties without a running server; where bin/rapor's database is a PostgreSQL
 * (etc/rapor.properties' database.url, or RAPOR_DATABASE_URL), the table rapor_user the nodes share instead, each
 * change told to every node ({@code NOTIFY rapor_users}).
 * <pre>
 *   rapor-user add NAME ROLES    ROLES: policy, evaluator, verifier, admin, unit-admin@UNIT, comma-separated;
 *                                a role may be limited to units: evaluator@kab-contoh; asks for the password
 *   rapor-user remove NAME
 *   rapor-user list
 * </pre>
 * The password is read from the terminal without echo, or from RAPOR_PASSWORD, or from the
 * first line of standard input when there is no terminal (scripts).
 */
public final class UsersCommand {
    private UsersCommand() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args));
    }

    static int run(String[] args) throws IOException {
        Path file = Path.of(System.getProperty("rapor.users.file", "etc/users.properties"));
        String[] database = database(Path.of(System.getProperty("rapor.settings.file", file.resolveSibling("rapor.properties").toString())));
        try {
            if (database == null) return run(args, new UsersFile(file), file.toString());
            UserTable table = new UserTable(() -> DriverManager.getConnection(database[0], database[1], database[2]), true);
            read(table);
            return run(args, table, "the shared database (" + database[0] + ")");
        } catch (UserStore.Unavailable e) {
            System.err.println("rapor-user: " + e.getMessage()
                    + "\n  (the table rapor_user is made when bin/rapor first starts with this database: start it once, then try again)");
            return 1;
        }
    }

    /** How long bin/rapor-user waits for a database that is starting, or a node that is still making its tables. */
    static final long WAIT_MS = 15_000;

    /**
     * Reads the users; waits (up to {@value #WAIT_MS} ms) while the database cannot be reached yet or its tables are
     * not made yet (a node started a moment ago is migrating it), and not at all for anything else (a wrong password).
     */
    private static void read(UserTable table) throws IOException {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        boolean said = false;
        while (true) {
            try {
                table.reload();
                return;
            } catch (UserStore.Unavailable e) {
                String state = e.getCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
                boolean passing = state.startsWith("08") || state.equals("42P01") || state.equals("57P03");
                if (!passing || System.nanoTime() > deadline) throw e;
                if (!said) System.err.println("rapor-user: waiting for the shared database (" + e.getMessage() + ")");
                said = true;
                try {
                    Thread.sleep(500);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * The PostgreSQL the nodes share, as bin/rapor finds it (etc/rapor.properties' database.url, user, password; the
     * RAPOR_DATABASE_* environment variables first): {url, user, password}; null if there is none (the users are the file's).
     */
    static String[] database(Path settings) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(settings)) {
            try (Reader r = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        String url = setting(p, "database.url", "RAPOR_DATABASE_URL");
        if (!id.rapor.api.cluster.SharedDatabase.at(url)) return null;
        return new String[] {url, setting(p, "database.user", "RAPOR_DATABASE_USER"), setting(p, "database.password", "RAPOR_DATABASE_PASSWORD")};
    }

    private static String setting(Properties p, String key, String env) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) value = p.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int run(String[] args, UserStore users, String where) throws IOException {
        String by = "bin/rapor-user (" + System.getProperty("user.name") + ")";
        if (args.length == 3 && args[0].equals("add")) {
            Set<String> roles = Arrays.stream(args[2].split(",")).map(String::trim).collect(Collectors.toSet());
            char[] password = password();
            if (password == null || password.length < Passwords.MIN_LENGTH) {
                System.err.println("rapor-user: a password of at least " + Passwords.MIN_LENGTH + " characters is needed");
                return 2;
            }
            try {
                users.put(args[1], roles, password, by);
            } catch (IllegalArgumentException e) {
                System.err.println("rapor-user: " + e.getMessage());
                return 2;
            }
            System.out.println("User " + args[1] + " (" + String.join(",", roles) + ") saved in " + where);
            return 0;
        }
        if (args.length == 2 && args[0].equals("remove")) {
            boolean removed = users.remove(args[1]);
            System.out.println(removed ? "User " + args[1] + " removed" : "No user " + args[1]);
            return removed ? 0 : 1;
        }
        if (args.length == 1 && args[0].equals("list")) {
            users.all().values().forEach(u -> System.out.println(u.name() + "\t" + u.grants()));
            return 0;
        }
        System.err.println("usage: rapor-user add NAME ROLE[@UNIT][,ROLE[@UNIT]…] | remove NAME | list\n"
                + "  roles: policy, evaluator, verifier, admin, unit-admin (unit-admin always @UNIT)");
        return 2;
    }

    private static char[] password() throws IOException {
        String env = System.getenv("RAPOR_PASSWORD");
        if (env != null) return env.toCharArray();
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            return Arrays.equals(first, again) ? first : null;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
