package id.rapor.http.api;

/**
 * Values from a request as they may appear in the log: control characters (CR, LF, tab, NUL,
 * DEL, the C1 range and Unicode line and paragraph separators) are written as escapes, so a
 * JSON key, a path or a user name can never start a forged log line; and a value is cut at
 * {@value #MAX} characters, so one request cannot fill the log.
 */
public final class LogSafe {
    static final int MAX = 500;

    private LogSafe() {}

    public static String of(Object value) {
        if (value == null) return "null";
        String s = value.toString();
        StringBuilder b = null;
        int end = Math.min(s.length(), MAX);
        for (int k = 0; k < end; k++) {
            char c = s.charAt(k);
            if (needsEscape(c)) {
                if (b == null) b = new StringBuilder(end + 16).append(s, 0, k);
                switch (c) {
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(String.format("\\u%04x", (int) c));
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        String safe = b == null ? s.substring(0, end) : b.toString();
        return s.length() > MAX ? safe + "…(" + (s.length() - MAX) + " more characters)" : safe;
    }

    /** A copy of {@code failure} (and its causes) whose messages are escaped, with the same stack traces: for LOG.error(…, e). */
    public static Throwable failure(Throwable failure) {
        return copy(failure, 0);
    }

    private static Throwable copy(Throwable t, int depth) {
        if (t == null || depth > 8) return null;
        Throwable copy = new LoggedFailure(of(t.toString()), copy(t.getCause(), depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    /** Stands in for a failure in the log: its message is the original's class and escaped message. */
    static final class LoggedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoggedFailure(String description, Throwable cause) {
            super(description, cause);
        }

        @Override
        public String toString() {
            return getMessage(); // already "class: message"; no second class name in front
        }
    }
}
