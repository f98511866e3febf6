package id.rapor.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A rule bundle unpacked in a folder: used by rule tests and by tools, not by the running service. */
public final class DirectoryRuleSource implements RuleSource {
    private final Path root;
    private final String version;

    public DirectoryRuleSource(Path root, String version) {
        this.root = root;
        this.version = version;
    }

    @Override public String name() { return root.toString(); }

    @Override public String version() { return version; }

    @Override public String read(String path) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) return null;
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public List<String> list(String folder, String suffix) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
