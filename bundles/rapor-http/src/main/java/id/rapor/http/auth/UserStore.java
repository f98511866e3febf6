package id.rapor.http.auth;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Where the users live: etc/users.properties on a single node ({@link UsersFile}), or the table several nodes on one
 * PostgreSQL share ({@link UserTable}). Either way the users are read into memory, so a login never waits for a disk
 * or a database; a write is whole or not at all.
 */
public interface UserStore {

    /** The user {@code name}, or null. */
    UsersFile.User find(String name);

    /** Every user, by name. */
    Map<String, UsersFile.User> all();

    /** Adds or replaces a user ({@code by}: who did it, as the table keeps it). */
    void put(String name, Set<String> grants, char[] password, String by) throws IOException;

    /** Gives an existing user {@code grants}, keeping their password; false (nothing written) if there is no such user. */
    boolean regrant(String name, Set<String> grants, String by) throws IOException;

    /** Removes {@code name}; false if there was no such user. */
    boolean remove(String name) throws IOException;

    /** A store that cannot be used yet: the shared database's users were not read (a login fails closed, a change is refused). */
    final class Unavailable extends IOException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
