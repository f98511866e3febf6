package id.rapor.http.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed logins counted per client address and per user name. After {@value #LIMIT} failures
 * in a minute from one address, or for one name from anywhere, further logins from that address
 * or as that user are refused without checking the password until the minute is over: guessing
 * passwords gets slow, and the server does not pay a PBKDF2 hash for every guess.
 * <p>
 * A successful login clears only what that user got wrong: their own count, and their own
 * failures in the count of the address they logged in from. Logging in correctly as one user
 * between guesses at another's password does not reset anything the guesses counted.
 */
public final class FailedLogins {
    static final int LIMIT = 10;
    static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_TRACKED = 10_000;

    /** One address's failures in its current minute, by the name they were for (at most {@value #LIMIT} names: it is blocked then). */
    private record AddressWindow(long start, Map<String, Integer> byName, int failures) {}

    private record UserWindow(long start, int failures) {}

    private final ConcurrentHashMap<String, AddressWindow> byAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, UserWindow> byUser = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    FailedLogins(LongSupplier clock) {
        this.clock = clock;
    }

    /** What blocks a login from {@code address} as {@code name} (null if no name was given), or null if it may try now. */
    Block blocked(String address, String name) {
        long now = clock.getAsLong();
        AddressWindow a = byAddress.get(address);
        if (a != null && a.failures() >= LIMIT && now < a.start() + WINDOW_MILLIS) {
            return new Block(seconds(a.start() + WINDOW_MILLIS - now), LIMIT + " failed logins from " + address + " within a minute");
        }
        UserWindow u = name == null ? null : byUser.get(name);
        if (u != null && u.failures() >= LIMIT && now < u.start() + WINDOW_MILLIS) {
            return new Block(seconds(u.start() + WINDOW_MILLIS - now), LIMIT + " failed logins as this user within a minute");
        }
        return null;
    }

    /** Why logins are refused unchecked for now, and for how many seconds more. */
    record Block(long seconds, String reason) {}

    /** A wrong password (or unknown user) from {@code address} for {@code name} (null if the credentials named none). */
    void failed(String address, String name) {
        long now = clock.getAsLong();
        String who = name == null ? "" : name;
        if (byAddress.size() > MAX_TRACKED) byAddress.values().removeIf(w -> w.start() + WINDOW_MILLIS <= now);
        if (byUser.size() > MAX_TRACKED) byUser.values().removeIf(w -> w.start() + WINDOW_MILLIS <= now);
        byAddress.compute(address, (k, old) -> {
            AddressWindow w = old == null || old.start() + WINDOW_MILLIS <= now ? new AddressWindow(now, Map.of(), 0) : old;
            Map<String, Integer> byName = new HashMap<>(w.byName());
            byName.merge(who, 1, Integer::sum);
            return new AddressWindow(w.start(), Map.copyOf(byName), w.failures() + 1);
        });
        if (name != null) {
            byUser.compute(name, (k, old) -> old == null || old.start() + WINDOW_MILLIS <= now
                    ? new UserWindow(now, 1) : new UserWindow(old.start(), old.failures() + 1));
        }
    }

    /** {@code name} logged in from {@code address}: their own failures no longer count, nobody else's change. */
    void succeeded(String address, String name) {
        byUser.remove(name);
        byAddress.computeIfPresent(address, (k, w) -> {
            Integer own = w.byName().get(name);
            if (own == null) return w;
            Map<String, Integer> rest = new HashMap<>(w.byName());
            rest.remove(name);
            return rest.isEmpty() ? null : new AddressWindow(w.start(), Map.copyOf(rest), w.failures() - own);
        });
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
