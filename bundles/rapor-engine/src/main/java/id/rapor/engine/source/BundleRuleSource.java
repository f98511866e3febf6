package id.rapor.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.osgi.framework.Bundle;

/** The files of a rule bundle installed in the framework, read from its own entries (not its class path). */
public final class BundleRuleSource implements RuleSource {
    private final Bundle bundle;

    public BundleRuleSource(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override public String name() { return bundle.getSymbolicName(); }

    @Override public String version() { return bundle.getVersion().toString(); }

    @Override public String read(String path) {
        URL entry = bundle.getEntry(path);
        if (entry == null) return null;
        try (InputStream in = entry.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public List<String> list(String folder, String suffix) {
        List<String> paths = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "*" + suffix, true);
        if (entries != null) {
            while (entries.hasMoreElements()) {
                String p = entries.nextElement().getPath();
                if (p.endsWith("/")) continue; // a folder entry
                paths.add(p.startsWith("/") ? p.substring(1) : p);
            }
        }
        paths.sort(null);
        return paths;
    }
}
