package id.rapor.http.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed logins counted per client address (an IPv6 address by its /64, see {@link ClientAddress})
 * and per user name, so that guessing passwords gets slow and the server does not pay a PBKDF2
 * hash for every guess:
 * <ul>
 * <li>A login is counted as failed <em>before</em> its password is checked, and uncounted if it
 * was right. However many arrive at once, at most {@value #LIMIT} passwords a minute are checked
 * from one address, or for one name until it is blocked.
 * <li>After {@value #LIMIT} failures in a minute from one address, logins from there are refused
 * unchecked until that minute is over.
 * <li>After {@value #LIMIT} failures in a minute as one name, from anywhere, the name is blocked:
 * one password a second is still checked for it, from an address that is not blocked and has not
 * failed as that name itself this minute; every other login as it is refused unchecked. Guessing
 * then gets one try a second at most, and one per address a minute, while the owner, from an
 * address of their own, still logs in: a block on a name slows guessing, and locks nobody out.
 * </ul>
 * A successful login clears what was got wrong as that user from that address, in the count of
 * the address and of the name; guesses at the name from elsewhere, and at other names from that
 * address, keep counting.
 */
public final class FailedLogins {
    static final int LIMIT = 10;
    static final long WINDOW_MILLIS = 60_000;
    /** While a name is blocked, one password for it is still checked this often. */
    static final long BLOCKED_NAME_CHECK_MILLIS = 1_000;
    private static final int MAX_TRACKED = 10_000;

    /** One address's failures in its current minute, by the name they were for ("" for credentials naming none). */
    private static final class AddressWindow {
        final long start;
        int failures;
        final Map<String, Integer> byName = new HashMap<>();

        AddressWindow(long start) { this.start = start; }
    }

    private static final class NameWindow {
        final long start;
        int failures;
        long lastChecked;

        NameWindow(long start) { this.start = start; }
    }

    // guarded by this: an attempt is judged and counted in one step, or two at once could both pass the last place
    private final Map<String, AddressWindow> byAddress = new HashMap<>();
    private final Map<String, NameWindow> byName = new HashMap<>();
    private final LongSupplier clock;

    FailedLogins(LongSupplier clock) {
        this.clock = clock;
    }

    /** Why logins are refused unchecked for now, and for how many seconds more. */
    record Block(long seconds, String reason) {}

    /** What blocks a call from {@code address} that sends no credentials, or null: only an address that guesses is held up. */
    synchronized Block blocked(String address) {
        long now = clock.getAsLong();
        AddressWindow a = current(byAddress.get(ClientAddress.of(address)), now);
        return a != null && a.failures >= LIMIT ? addressBlock(address, a, now) : null;
    }

    /**
     * A login from {@code address} as {@code name} (null if the credentials name none) is about to
     * have its password checked: it is counted as failed now (see {@link #succeeded}). Returns
     * what refuses it unchecked instead, or null if its password may be checked.
     */
    synchronized Block attempt(String address, String name) {
        long now = clock.getAsLong();
        String key = ClientAddress.of(address);
        String who = name == null ? "" : name;
        AddressWindow a = current(byAddress.get(key), now);
        if (a != null && a.failures >= LIMIT) return addressBlock(address, a, now);
        NameWindow n = name == null ? null : current(byName.get(name), now);
        if (n != null && n.failures >= LIMIT) {
            if (a != null && a.byName.containsKey(who)) {
                return new Block(seconds(a.start + WINDOW_MILLIS - now),
                        LIMIT + " failed logins as this user within a minute, and one from " + key + " already");
            }
            if (now < n.lastChecked + BLOCKED_NAME_CHECK_MILLIS) {
                return new Block(seconds(n.lastChecked + BLOCKED_NAME_CHECK_MILLIS - now),
                        LIMIT + " failed logins as this user within a minute; one password a second is checked for it");
            }
        }
        sweep(now);
        if (a == null) byAddress.put(key, a = new AddressWindow(now));
        a.failures++;
        a.byName.merge(who, 1, Integer::sum);
        if (name != null) {
            if (n == null) byName.put(name, n = new NameWindow(now));
            n.failures++;
            n.lastChecked = now;
        }
        return null;
    }

    /**
     * The password of a login from {@code address} as {@code name} was right: what was counted
     * as that user from that address no longer counts; nobody else's failures change.
     */
    synchronized void succeeded(String address, String name) {
        long now = clock.getAsLong();
        String key = ClientAddress.of(address);
        AddressWindow a = current(byAddress.get(key), now);
        Integer own = a == null ? null : a.byName.remove(name);
        if (own == null) return;
        a.failures -= own;
        if (a.failures <= 0) byAddress.remove(key);
        NameWindow n = current(byName.get(name), now);
        if (n != null) {
            n.failures -= own;
            if (n.failures <= 0) byName.remove(name);
        }
    }

    private static Block addressBlock(String address, AddressWindow a, long now) {
        return new Block(seconds(a.start + WINDOW_MILLIS - now), LIMIT + " failed logins from " + ClientAddress.of(address) + " within a minute");
    }

    /** {@code w} if its minute is still running, else null. */
    private static AddressWindow current(AddressWindow w, long now) {
        return w != null && now < w.start + WINDOW_MILLIS ? w : null;
    }

    private static NameWindow current(NameWindow w, long now) {
        return w != null && now < w.start + WINDOW_MILLIS ? w : null;
    }

    private void sweep(long now) {
        if (byAddress.size() > MAX_TRACKED) byAddress.values().removeIf(w -> w.start + WINDOW_MILLIS <= now);
        if (byName.size() > MAX_TRACKED) byName.values().removeIf(w -> w.start + WINDOW_MILLIS <= now);
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
