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
