package id.rapor.http.internal;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rapor's settings from etc/rapor.properties, as the launcher passes them to the bundles ({@code rapor.<key>}). */
final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    private final BundleContext context;

    Settings(BundleContext context) {
        this.context = context;
    }

    String text(String key) {
        return context.getProperty("rapor." + key);
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(text(key));
    }

    /** A whole number from {@code min} to {@code max}; the default if unset (the launcher refuses to start with a bad one). */
    int number(String key, int fallback, int min, int max) {
        String value = text(key);
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // below
        }
        LOG.warn("{} must be a whole number from {} to {}, not '{}'; using {}", key, min, max, LogSafe.of(value), fallback);
        return fallback;
    }
}
