package id.rapor.http.api;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The X-Request-Id of a request: the caller's, when it is a sensible token, else a new one.
 * Random from ThreadLocalRandom, not UUID.randomUUID(), whose SecureRandom serialises
 * threads on the hot path; uniqueness for correlating log lines is all that is needed.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final int MAX_LENGTH = 128;

    private RequestIds() {}

    public static String of(String given) {
        return given != null && acceptable(given) ? given : generate();
    }

    private static boolean acceptable(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) return false;
        for (int k = 0; k < id.length(); k++) {
            char c = id.charAt(k);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.:/+=".indexOf(c) >= 0;
            if (!ok) return false; // keeps log lines and headers free of injected text
        }
        return true;
    }

    private static String generate() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
    }
}
