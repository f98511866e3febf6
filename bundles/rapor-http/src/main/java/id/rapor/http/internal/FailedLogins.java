package id.rapor.http.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed logins per client address. After {@value #LIMIT} in a minute, further attempts from
 * that address are refused without checking the password until the minute is over: guessing
 * passwords gets slow, and the server does not pay a PBKDF2 hash for every guess.
 */
final class FailedLogins {
    static final int LIMIT = 10;
    static final long WINDOW_MILLIS = 60_000;

    private record Window(long start, int failures) {}

    private final ConcurrentHashMap<String, Window> byAddress = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    FailedLogins(LongSupplier clock) {
        this.clock = clock;
    }

    /** Seconds until {@code address} may try again, or 0 if it may try now. */
    long blockedFor(String address) {
        Window w = byAddress.get(address);
        if (w == null || w.failures() < LIMIT) return 0;
        long left = w.start() + WINDOW_MILLIS - clock.getAsLong();
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    void failed(String address) {
        long now = clock.getAsLong();
        if (byAddress.size() > 10_000) byAddress.values().removeIf(w -> w.start() + WINDOW_MILLIS <= now);
        byAddress.merge(address, new Window(now, 1),
                (old, one) -> old.start() + WINDOW_MILLIS <= now ? one : new Window(old.start(), old.failures() + 1));
    }

    void succeeded(String address) {
        byAddress.remove(address);
    }
}
