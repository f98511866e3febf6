package id.rapor.http.users;

import id.rapor.http.auth.Passwords;
import id.rapor.http.auth.UsersFile;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * bin/rapor-user: manages etc/users.properties without a running server.
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
        UsersFile users = new UsersFile(file);
        if (args.length == 3 && args[0].equals("add")) {
            Set<String> roles = Arrays.stream(args[2].split(",")).map(String::trim).collect(Collectors.toSet());
            char[] password = password();
            if (password == null || password.length < Passwords.MIN_LENGTH) {
                System.err.println("rapor-user: a password of at least " + Passwords.MIN_LENGTH + " characters is needed");
                return 2;
            }
            try {
                users.put(args[1], roles, password);
            } catch (IllegalArgumentException e) {
                System.err.println("rapor-user: " + e.getMessage());
                return 2;
            }
            System.out.println("User " + args[1] + " (" + String.join(",", roles) + ") saved in " + file);
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
