package id.rapor.engine.compile;

import id.rapor.engine.source.RuleSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule bundle's files as one compile read them: every file read (or found missing) and every folder listed, so that
 * what decided the compile's outcome can be named by one hash ({@link RuleBaseCache#key}).
 */
final class ReadFiles implements RuleSource {
    private static final String MISSING = "\u0000missing";
    private final RuleSource source;
    private final Map<String, String> read = new TreeMap<>();

    ReadFiles(RuleSource source) {
        this.source = source;
    }

    @Override public String name() { return source.name(); }

    @Override public String version() { return source.version(); }

    @Override
    public String read(String path) {
        String text = source.read(path);
        read.put(path, text == null ? MISSING : text);
        return text;
    }

    @Override
    public List<String> list(String folder, String suffix) {
        List<String> paths = source.list(folder, suffix);
        read.put("\u0000list " + folder + " *" + suffix, String.join("\n", paths));
        return paths;
    }

    /** What was read so far, with {@code extra} entries (say, the methodology it was read as). */
    Map<String, String> soFar(Map<String, String> extra) {
        Map<String, String> all = new TreeMap<>(read);
        extra.forEach((k, v) -> all.put("\u0000" + k, v));
        return all;
    }
}
