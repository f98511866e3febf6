package id.rapor.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Browser sessions: what a user who logged in through {@code POST /api/v1/session} is known by
 * instead of HTTP Basic. A session is a random token (the HttpOnly cookie {@value #COOKIE}) and
 * its own random CSRF token, which every call that changes something must send back in
 * {@value #CSRF_HEADER}: another page of the same site can make the browser send the cookie, but
 * cannot read the token. Sessions live in memory only (a restart logs everybody out), end after
 * {@code idleMillis} without a call and at the latest {@value #MAX_AGE_HOURS} hours after login,
 * and when the user's password or grants change or the user is removed (checked on each use, see
 * {@link Authenticator#stillValid}; a change through the API ends them at once, see {@link #endAll}).
 */
public final class Sessions {
    public static final String COOKIE = "rapor_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final int MAX_AGE_HOURS = 12;
    private static final long MAX_AGE_MILLIS = MAX_AGE_HOURS * 3_600_000L;
    /** More live sessions than this and the oldest idle ones are not kept: memory stays bounded whatever logs in. */
    static final int MAX_SESSIONS = 100_000;

    /** One login: whose, the password hash and the grants it was made with, and its CSRF token. */
    public static final class Session {
        final String token;
        final String csrf;
        final String user;
        final String passwordHash;
        final String grants;
        final long created;
        volatile long lastUsed;

        Session(String token, String csrf, String user, String passwordHash, String grants, long now) {
            this.token = token;
            this.csrf = csrf;
            this.user = user;
            this.passwordHash = passwordHash;
            this.grants = grants;
            this.created = now;
            this.lastUsed = now;
        }

        public String token() { return token; }

        public String csrf() { return csrf; }

        public String user() { return user; }

        /** Whether {@code sent} is this session's CSRF token, compared in constant time. */
        boolean csrfMatches(String sent) {
            return sent != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> live = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile long idleMillis;
    private volatile long lastSweep;

    Sessions(LongSupplier clock, long idleMillis) {
        this.clock = clock;
        this.idleMillis = idleMillis;
    }

    /** Takes effect for every session at its next use. */
    void idleMillis(long idleMillis) {
        this.idleMillis = idleMillis;
    }

    long idleMillis() {
        return idleMillis;
    }

    /** A new session for {@code user}, logged in with the password whose hash is {@code passwordHash}, holding {@code grants}. */
    Session open(String user, String passwordHash, String grants) {
        long now = clock.getAsLong();
        if (now - lastSweep >= 60_000 || live.size() >= MAX_SESSIONS) sweep(now);
        if (live.size() >= MAX_SESSIONS) {
            live.values().stream().min(java.util.Comparator.comparingLong(s -> s.lastUsed)).ifPresent(s -> live.remove(s.token));
        }
        Session s = new Session(token(), token(), user, passwordHash, grants, now);
        live.put(s.token, s);
        return s;
    }

    /** The live session of {@code token} (its idle time starts again), or null: unknown, ended, or expired. */
    Session use(String token) {
        if (token == null) return null;
        Session s = live.get(token);
        if (s == null) return null;
        long now = clock.getAsLong();
        if (expired(s, now)) {
            live.remove(token, s);
            return null;
        }
        s.lastUsed = now;
        return s;
    }

    /** Ends the session of {@code token}, if it is live; true if one was ended. */
    boolean close(String token) {
        return token != null && live.remove(token) != null;
    }

    /** Ends a session found no longer valid (its user's password changed). */
    void drop(Session s) {
        live.remove(s.token, s);
    }

    /** Ends every session of {@code user}: their grants or password changed, or they were removed; the number ended. */
    int endAll(String user) {
        int[] ended = {0};
        live.values().removeIf(s -> s.user.equals(user) && ++ended[0] > 0);
        return ended[0];
    }

    int size() {
        return live.size();
    }

    private boolean expired(Session s, long now) {
        return now - s.lastUsed >= idleMillis || now - s.created >= MAX_AGE_MILLIS;
    }

    private void sweep(long now) {
        lastSweep = now;
        live.values().removeIf(s -> expired(s, now));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
