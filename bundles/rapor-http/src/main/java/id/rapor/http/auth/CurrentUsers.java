package id.rapor.http.auth;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The users this node goes by: etc/users.properties, or, where nodes share a PostgreSQL, its table once
 * {@link SharedUsers} has read it ({@link #use}). Until then ({@link #awaitingShared}) nobody is known, so every login
 * fails closed, and a change is refused: never a stale file in place of what the nodes share.
 */
public final class CurrentUsers implements UserStore {
    private volatile UserStore store;

    CurrentUsers(UserStore store) {
        this.store = store;
    }

    /** A node configured for PostgreSQL, before its users were read. */
    static CurrentUsers awaitingShared() {
        return new CurrentUsers(new UserStore() {
            @Override
            public UsersFile.User find(String name) {
                return null;
            }

            @Override
            public Map<String, UsersFile.User> all() {
                return Map.of();
            }

            @Override
            public void put(String name, Set<String> grants, char[] password, String by) throws IOException {
                throw notRead();
            }

            @Override
            public boolean regrant(String name, Set<String> grants, String by) throws IOException {
                throw notRead();
            }

            @Override
            public boolean remove(String name) throws IOException {
                throw notRead();
            }

            private Unavailable notRead() {
                return new Unavailable("the users are the shared database's, which this node has not read yet", null);
            }
        });
    }

    /** From now on the users are {@code shared}'s. */
    public void use(UserStore shared) {
        store = shared;
    }

    @Override
    public UsersFile.User find(String name) {
        return store.find(name);
    }

    @Override
    public Map<String, UsersFile.User> all() {
        return store.all();
    }

    @Override
    public void put(String name, Set<String> grants, char[] password, String by) throws IOException {
        store.put(name, grants, password, by);
    }

    @Override
    public boolean regrant(String name, Set<String> grants, String by) throws IOException {
        return store.regrant(name, grants, by);
    }

    @Override
    public boolean remove(String name) throws IOException {
        return store.remove(name);
    }
}
