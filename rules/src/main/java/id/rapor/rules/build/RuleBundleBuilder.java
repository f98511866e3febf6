package id.rapor.rules.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Turns every methodology folder of {@code rules/} into a rule bundle: a folder is one that
 * holds {@code methodology/methodology.properties}, and its {@code bundle.properties} says its
 * version and which parts of {@code common/} it shares. The bundle is written twice: unpacked
 * ({@code <out>/<folder>/}, for the rule tests) and as a jar ({@code <out>/<folder>.jar}, for the
 * distribution), with the manifest the engine looks for. Adding a year is adding a folder.
 *
 * <p>Usage: {@code RuleBundleBuilder <rules folder> <out folder>}.
 */
public final class RuleBundleBuilder {
    static final String DESCRIPTOR = "methodology/methodology.properties";
    static final String BUNDLE = "bundle.properties";
    /** Every methodology ends in an index and a band. */
    static final String ALWAYS_SHARED = "index-and-band";
    /** A fixed time for every jar entry: the same folder always makes the same jar. */
    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L); // 1980-01-01, the zip format's first day

    private final Path rules;
    private final Path out;

    public RuleBundleBuilder(Path rules, Path out) {
        this.rules = rules;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: RuleBundleBuilder <rules folder> <out folder>");
        List<Path> built = new RuleBundleBuilder(Path.of(args[0]), Path.of(args[1])).buildAll();
        System.out.println("[rapor] " + built.size() + " rule bundles: " + built.stream().map(p -> p.getFileName().toString()).toList());
    }

    /** The methodology folders, by name. */
    public List<Path> folders() throws IOException {
        try (Stream<Path> children = Files.list(rules)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(DESCRIPTOR))).sorted().toList();
        }
    }

    /** Builds every folder; the jars written. */
    public List<Path> buildAll() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (Path folder : folders()) jars.add(build(folder));
        return jars;
    }

    /** Builds one folder into {@code <out>/<name>/} and {@code <out>/<name>.jar}. */
    public Path build(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        Properties bundle = properties(folder.resolve(BUNDLE), name + "/" + BUNDLE);
        String id = properties(folder.resolve(DESCRIPTOR), name + "/" + DESCRIPTOR).getProperty("id", "").trim();
        if (!id.equals(name)) {
            throw new IllegalStateException("rules/" + name + ": the folder must be named after the methodology id in " + DESCRIPTOR
                    + " ('" + id + "')");
        }
        String version = required(bundle, "version", name);
        Map<String, Path> files = new TreeMap<>();
        List<String> shared = new ArrayList<>(List.of(ALWAYS_SHARED));
        for (String part : bundle.getProperty("shared", "").split(",")) if (!part.isBlank()) shared.add(part.trim());
        for (String part : shared) {
            Path common = rules.resolve("common").resolve(part);
            if (!Files.isDirectory(common)) throw new IllegalStateException("rules/" + name + "/" + BUNDLE + ": no common/" + part);
            collect(common, files);
        }
        collect(folder.resolve("methodology"), folder, files);
        collect(folder.resolve("rules"), folder, files);

        Manifest manifest = manifest(id, version, bundle.getProperty("name", id).trim());
        Path unpacked = out.resolve(name);
        deleteTree(unpacked);
        for (Map.Entry<String, Path> f : files.entrySet()) {
            Path target = unpacked.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.copy(f.getValue(), target);
        }
        Files.createDirectories(unpacked.resolve("META-INF"));
        try (OutputStream m = Files.newOutputStream(unpacked.resolve("META-INF/MANIFEST.MF"))) {
            manifest.write(m);
        }
        Path jar = out.resolve(name + ".jar");
        Files.createDirectories(out);
        try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(jar))) {
            JarEntry meta = new JarEntry("META-INF/MANIFEST.MF");
            meta.setLastModifiedTime(EPOCH);
            zip.putNextEntry(meta);
            manifest.write(zip);
            zip.closeEntry();
            for (Map.Entry<String, Path> f : files.entrySet()) {
                JarEntry e = new JarEntry(f.getKey());
                e.setLastModifiedTime(EPOCH);
                zip.putNextEntry(e);
                Files.copy(f.getValue(), zip);
                zip.closeEntry();
            }
        }
        return jar;
    }

    static Manifest manifest(String id, String version, String name) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "id.rapor.rules." + id);
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Name", "Rapor rules: " + name);
        a.putValue("Rapor-Methodology", id);
        return m;
    }

    /** The files under {@code root}, by their path relative to it ('/'-separated). */
    private static void collect(Path root, Map<String, Path> files) throws IOException {
        collect(root, root, files);
    }

    private static void collect(Path dir, Path root, Map<String, Path> files) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), p);
            }
        }
    }

    private static Properties properties(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalStateException("rules/" + what + " is missing");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file); Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static String required(Properties p, String key, String folder) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalStateException("rules/" + folder + "/" + BUNDLE + ": " + key + " is missing");
        return v.trim();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
