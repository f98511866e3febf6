package id.rapor.http.auth;

import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic authentication against the users file, and the role check: 401 without valid
 * credentials, 403 with the wrong role. A verified header is remembered (by its exact value and
 * the users file's version) so PBKDF2's cost is paid once per user, not on every request.
 */
public final class Authenticator {
    /** Who called: roles, and the units a limited role holds for ({@link UsersFile.User#scopes()}). */
    public record Caller(String name, java.util.Set<String> roles, java.util.Map<String, java.util.Set<String>> scopes) {
        public Caller(String name, java.util.Set<String> roles) {
            this(name, roles, java.util.Map.of());
        }

        /** The units {@code role} is limited to, or null if it holds everywhere (or the caller lacks it). */
        public java.util.Set<String> scope(String role) {
            return scopes.get(role);
        }
    }

    /** Made at the first login of an unknown user, not at start: one PBKDF2 hash is a tenth of a second of CPU. */
    private static final class UnknownUser {
        static final String HASH = Passwords.hash("no user has this password".toCharArray());
    }

    private final UserStore users;
    private final ConcurrentHashMap<String, UsersFile.User> verified = new ConcurrentHashMap<>();

    Authenticator(UserStore users) {
        this.users = users;
    }

    /** The caller if the Authorization header holds valid credentials, else null. */
    Caller identify(String authorization) {
        String decoded = decode(authorization);
        int colon = decoded == null ? -1 : decoded.indexOf(':');
        if (colon < 0) return null;
        UsersFile.User user = users.find(decoded.substring(0, colon));
        if (user == null) {
            // As slow as a wrong password, so the time of a refusal does not tell which names exist.
            Passwords.matches(decoded.substring(colon + 1).toCharArray(), UnknownUser.HASH);
            return null;
        }
        UsersFile.User known = verified.get(authorization);
        if (known != user) { // a new header, or the users file changed
            if (!Passwords.matches(decoded.substring(colon + 1).toCharArray(), user.passwordHash())) return null;
            if (verified.size() > 10_000) verified.clear();
            verified.put(authorization, user);
        }
        return new Caller(user.name(), user.roles(), user.scopes());
    }

    /** The user {@code name} if {@code password} is theirs, else null; as slow for an unknown name as for a wrong password. */
    UsersFile.User check(String name, char[] password) {
        UsersFile.User user = users.find(name);
        if (user == null) {
            Passwords.matches(password, UnknownUser.HASH);
            return null;
        }
        return Passwords.matches(password, user.passwordHash()) ? user : null;
    }

    /**
     * The caller a session stands for; null if the user was removed or their password or grants
     * changed since the login (the session is then over: whoever changed them, the API or bin/rapor-user).
     */
    Caller stillValid(Sessions.Session session) {
        UsersFile.User user = users.find(session.user);
        if (user == null || !user.passwordHash().equals(session.passwordHash) || !user.grants().equals(session.grants)) return null;
        return new Caller(user.name(), user.roles(), user.scopes());
    }

    UserStore users() {
        return users;
    }

    /** The user name HTTP Basic credentials claim (verified or not), or null if there are none. */
    static String claimedName(String authorization) {
        String decoded = decode(authorization);
        int colon = decoded == null ? -1 : decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(0, colon);
    }

    private static String decode(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Null if {@code caller} (identified, or null) may act as {@code role} (null: any user); otherwise the 401 or 403 to answer. */
    static HttpProblem refusal(Caller caller, String role) {
        if (caller == null) {
            return HttpProblem.of(401, "unauthorized", role == null ? Message.of("problem.unauthorized.detail")
                    : Message.of("problem.unauthorized.detail.role", role), List.of());
        }
        if (role != null && !caller.roles().contains(role)) {
            return HttpProblem.of(403, "forbidden", Message.of("problem.forbidden.detail", caller.name(), role), List.of());
        }
        return null;
    }
}
