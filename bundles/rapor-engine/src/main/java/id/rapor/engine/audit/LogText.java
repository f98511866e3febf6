package id.rapor.engine.audit;

/**
 * A value from a file or a table, made safe for a log line: control characters (a line break
 * above all) are escaped, so text in a rule bundle, an edit or a jar's name cannot forge a line
 * that seems to come from Rapor ("Revision 7 … activated by siti").
 */
public final class LogText {
    private LogText() {}

    public static String safe(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isISOControl(c) && c != '\u2028' && c != '\u2029') {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }
}
