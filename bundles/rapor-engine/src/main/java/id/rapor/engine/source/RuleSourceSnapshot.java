package id.rapor.engine.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a rule bundle copied into memory. The extender takes one while the bundle
 * event is being delivered, when the bundle's content is sure to be the one announced; a
 * compile that read the bundle later could meet a revision FileInstall has already replaced.
 */
public final class RuleSourceSnapshot implements RuleSource {
    private static final List<String> FOLDERS = List.of("methodology", RuleBundleLayout.RULES_FOLDER);

    private final String name;
    private final String version;
    private final Map<String, String> files;

    private RuleSourceSnapshot(String name, String version, Map<String, String> files) {
        this.name = name;
        this.version = version;
        this.files = files;
    }

    /** A snapshot of files held in memory already (a revision's), under the version it will report. */
    public static RuleSourceSnapshot of(String name, String version, Map<String, String> files) {
        return new RuleSourceSnapshot(name, version, new TreeMap<>(files));
    }

    /** Every file, by path. */
    public Map<String, String> files() { return java.util.Collections.unmodifiableMap(files); }

    public static RuleSourceSnapshot of(RuleSource source) {
        if (source instanceof RuleSourceSnapshot s) return s;
        Map<String, String> files = new TreeMap<>();
        for (String folder : FOLDERS) {
            for (String path : source.list(folder, "")) files.put(path, source.read(path));
        }
        return new RuleSourceSnapshot(source.name(), source.version(), files);
    }

    @Override public String name() { return name; }

    @Override public String version() { return version; }

    @Override public String read(String path) { return files.get(path); }

    @Override public List<String> list(String folder, String suffix) {
        List<String> paths = new ArrayList<>();
        for (String path : files.keySet()) {
            if (path.startsWith(folder + "/") && path.endsWith(suffix)) paths.add(path);
        }
        return paths;
    }

    /** SHA-256 over the files in path order: the same content always has the same hash. */
    public static String hash(Map<String, String> files) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((path, text) -> {
                d.update(path.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(text.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            });
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
