package id.rapor.http.auth;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The users as the admin's API changes them: the same users file as bin/rapor-user (so both agree,
 * and {@link Authenticator}'s remembered credentials follow the file's new version), and a user
 * whose grants or password change, or who is removed, loses their browser sessions at once.
 */
public final class Accounts {
    /** What a save did: whether it made the user, their grants before (null if new) and after, and the sessions it ended. */
    public record Saved(boolean created, String grantsBefore, String grantsAfter, boolean passwordSet, int sessionsEnded) {}

    private final UserStore users;
    private final Sessions sessions;

    Accounts(UserStore users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    public Map<String, UsersFile.User> all() {
        return users.all();
    }

    /** The user {@code name}, or null. */
    public UsersFile.User find(String name) {
        return users.find(name);
    }

    /**
     * Gives {@code name} {@code grants}, and {@code password} unless it is null (then the user must
     * exist: null is answered, nothing written). The grants are checked by {@link UsersFile#check}.
     */
    public Saved save(String name, Set<String> grants, char[] password) throws IOException {
        return save(name, grants, password, null);
    }

    /** As {@link #save(String, Set, char[])}, {@code by} an admin (kept where the users are the shared database's). */
    public Saved save(String name, Set<String> grants, char[] password, String by) throws IOException {
        synchronized (this) { // one admin's change at a time: "before" is what this change replaced
            UsersFile.User before = users.find(name);
            if (password != null) {
                users.put(name, grants, password, by);
                Arrays.fill(password, '\0');
            } else if (before == null || !users.regrant(name, grants, by)) {
                return null;
            }
            UsersFile.User after = users.find(name);
            if (after == null) return null; // another node removed them meanwhile
            boolean changed = before == null || password != null || !before.grants().equals(after.grants());
            int ended = changed ? sessions.endAll(name) : 0;
            return new Saved(before == null, before == null ? null : before.grants(), after.grants(), password != null, ended);
        }
    }

    /** Removes {@code name} and ends their sessions; the number ended, or -1 if there was no such user. */
    public synchronized int remove(String name) throws IOException {
        if (!users.remove(name)) return -1;
        return sessions.endAll(name);
    }
}
