package id.rapor.engine.serve;

import java.util.Comparator;

/** Orders OSGi-style versions (major.minor.micro.qualifier) without needing the framework. */
public final class Versions {
    static final Comparator<String> ORDER = Versions::compare;

    private Versions() {}

    static int compare(String a, String b) {
        String[] x = a.split("\\.", 4);
        String[] y = b.split("\\.", 4);
        for (int k = 0; k < 3; k++) {
            int c = Long.compare(number(x, k), number(y, k));
            if (c != 0) return c;
        }
        return qualifier(x).compareTo(qualifier(y));
    }

    /** The revision a served version comes from: n for "2022.1.0+r3", 0 for a rule bundle's own version. */
    public static int revisionOf(String version) {
        java.util.regex.Matcher m = REVISION.matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static final java.util.regex.Pattern REVISION = java.util.regex.Pattern.compile("\\+r(\\d+)$");

    private static long number(String[] parts, int k) {
        try {
            return k < parts.length ? Long.parseLong(parts[k]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String qualifier(String[] parts) {
        return parts.length > 3 ? parts[3] : "";
    }
}
