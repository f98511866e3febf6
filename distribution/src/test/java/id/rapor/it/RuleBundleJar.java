package id.rapor.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A rule bundle as policy staff would change it: the shipped jar with edited files and a new version. */
final class RuleBundleJar {
    private final Manifest manifest;
    private final Map<String, byte[]> entries;

    private RuleBundleJar(Manifest manifest, Map<String, byte[]> entries) {
        this.manifest = manifest;
        this.entries = entries;
    }

    static RuleBundleJar read(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                if (!e.isDirectory()) entries.put(e.getName(), in.readAllBytes());
            }
            return new RuleBundleJar(manifest, entries);
        }
    }

    byte[] file(String path) {
        return entries.get(path);
    }

    RuleBundleJar version(String version) {
        Manifest m = new Manifest(manifest);
        m.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
        return new RuleBundleJar(m, entries);
    }

    /** The jar with a manifest header set (e.g. a Bundle-Activator) and a file added as it is. */
    RuleBundleJar with(String header, String value, String path, byte[] content) {
        Manifest m = new Manifest(manifest);
        m.getMainAttributes().put(new Attributes.Name(header), value);
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(path, content);
        return new RuleBundleJar(m, copy);
    }

    RuleBundleJar edit(String path, UnaryOperator<String> change) {
        Map<String, byte[]> copy = new HashMap<>(entries);
        String text = new String(entries.get(path), StandardCharsets.UTF_8);
        String changed = change.apply(text);
        if (changed.equals(text)) throw new IllegalArgumentException("the edit changed nothing in " + path);
        copy.put(path, changed.getBytes(StandardCharsets.UTF_8));
        return new RuleBundleJar(manifest, copy);
    }

    /** Writes the jar next to the folder, then moves it in, as deploy/README.txt tells users to. */
    void deployTo(Path deploy, String fileName) throws IOException {
        Path temp = Files.createTempFile(deploy.getParent(), "rule-", ".tmp");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(temp), manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        Files.move(temp, deploy.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

}
