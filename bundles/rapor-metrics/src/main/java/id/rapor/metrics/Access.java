package id.rapor.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read the figures, as {@code access} and {@code token} say. A token shorter than
 * {@link #MIN_TOKEN} characters (or a misspelt mode) turns metrics off and says so: a guess must never open them.
 */
record Access(Mode mode, byte[] token) {
    static final int MIN_TOKEN = 32;
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);

    enum Mode { OFF, OPEN, TOKEN }

    static final Access OFF = new Access(Mode.OFF, new byte[0]);

    static Access of(MetricsSettings s) {
        String mode = s.access() == null ? "off" : s.access().trim().toLowerCase(java.util.Locale.ROOT);
        switch (mode) {
            case "off":
                return OFF;
            case "open":
                return new Access(Mode.OPEN, new byte[0]);
            case "token":
                String token = s.token() == null ? "" : s.token().trim();
                if (token.length() < MIN_TOKEN) {
                    LOG.warn("metrics: access=token needs a token of at least {} characters in etc/{}.cfg; metrics stay off",
                            MIN_TOKEN, MetricsSettings.PID);
                    return OFF;
                }
                return new Access(Mode.TOKEN, token.getBytes(StandardCharsets.UTF_8));
            default:
                LOG.warn("metrics: access must be off, open or token, not '{}'; metrics stay off", mode.replaceAll("[^a-z0-9_-]", "?"));
                return OFF;
        }
    }

    boolean counting() {
        return mode != Mode.OFF;
    }

    /** Whether a request with this Authorization header may read the figures. */
    boolean admits(String authorization) {
        if (mode == Mode.OPEN) return true;
        if (mode == Mode.OFF || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        // Constant time: the answer's timing says nothing about how much of a guess was right.
        return MessageDigest.isEqual(token, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }
}
