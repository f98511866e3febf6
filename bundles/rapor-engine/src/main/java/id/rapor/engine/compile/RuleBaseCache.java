package id.rapor.engine.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule text kept on disk, so a restart compiles nothing that has not changed: the Drools packages a
 * compile produced, serialized as Drools serializes them, under {@code data/cache/rule-bases/<key>.kpkg}. The key
 * is the SHA-256 of the rule files (path and text) and of the engine that compiled them (its version and build
 * time: a new Drools or new fact types never read an older file). A file that cannot be read back is deleted and
 * the text compiled again. Beside them, an empty {@code <key>.proven} file says that a rule bundle whose every file
 * read (tables, golden cases, rule text) and engine hash to that key passed all its golden cases: on the very same
 * files a restart runs only the first (the same inputs give the same scores; the one checks the rules read back);
 * any change of a byte runs them all.
 *
 * <p>The files are code (the rules' compiled classes are in them, and the golden cases run them): as trusted as the
 * bundles beside them, writable by Rapor's service account only; a backup leaves them out. Reading them back admits
 * only the classes a rule base is made of (a deserialization filter): that keeps a damaged or foreign file from making
 * Java build objects of other libraries, not a planted one from carrying rules of its own.
 */
public final class RuleBaseCache {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleBaseCache.class);
    static final String SUFFIX = ".kpkg";
    /** An empty file: the bundle whose files and engine hash to its name passed all its golden cases. */
    static final String PROVEN = ".proven";
    /** Files kept: every methodology's serving text and a few revisions each; the least recently used go first. */
    static final int KEEP = 40;
    /** What a serialized rule base may contain: Drools' and MVEL's own types, Rapor's fact types and the JDK's. */
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;maxrefs=2000000;org.drools.**;org.kie.**;org.mvel2.**;id.rapor.api.**;java.**;!*");

    private final Path folder;
    private final String engine;

    /** {@code engine}: what identifies the compiling engine (its version and build), part of every key. */
    public RuleBaseCache(Path folder, String engine) {
        this.folder = folder;
        this.engine = engine;
    }

    /** The key of a rule text: its files in path order, and the engine. */
    String key(Map<String, String> drlByPath) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(engine.getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(drlByPath).forEach((path, text) -> {
                d.update((byte) 0);
                d.update(path.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(text.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The packages stored under {@code key}, read with {@code loader}; empty when there are none or they are unreadable. */
    @SuppressWarnings("unchecked")
    Optional<Collection<KiePackage>> load(String key, ClassLoader loader) {
        Path file = folder.resolve(key + SUFFIX);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream in = Files.newInputStream(file); DroolsObjectInputStream objects = new DroolsObjectInputStream(in, loader)) {
            objects.setObjectInputFilter(CLASSES);
            Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
            touch(file);
            LOG.info("Rule text compiled before read back from {}", file.getFileName());
            return Optional.of(packages);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.warn("Compiled rule base {} is unreadable ({}); it is deleted and the rule text compiled again", file, e.toString());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next store replaces it
            }
            return Optional.empty();
        }
    }

    /** Keeps the packages under {@code key}: written beside, then renamed, so a reader never meets half a file. */
    void store(String key, Collection<KiePackage> packages) {
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, key, ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary); DroolsObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
                objects.writeObject(new ArrayList<>(packages));
            }
            Files.move(temporary, folder.resolve(key + SUFFIX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            prune();
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written costs the next start a compile, nothing else.
            LOG.warn("Compiled rule base not kept in {}: {}", folder, e.toString());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // pruned with the rest next time
                }
            }
        }
    }

    /**
     * Whether the files and engine that hash to {@code key} passed their golden cases before. A marker is no more
     * trusted than the compiled rules beside it: it only vouches for files byte for byte the same as ones that passed.
     */
    boolean proven(String key) {
        Path marker = folder.resolve(key + PROVEN);
        if (!Files.isRegularFile(marker)) return false;
        touch(marker);
        return true;
    }

    /** Records that the files and engine hashing to {@code key} passed their golden cases. */
    void prove(String key) {
        try {
            Files.createDirectories(folder);
            Path marker = folder.resolve(key + PROVEN);
            if (!Files.exists(marker)) Files.createFile(marker);
            prune();
        } catch (IOException | RuntimeException e) {
            // Not recorded: the next start runs the golden cases again, nothing else.
            LOG.warn("Golden-case verdict not kept in {}: {}", folder, e.toString());
        }
    }

    /** Marks a file used now (kept longest); a file Rapor may read but not change (another owner) is used all the same. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debug("cannot mark {} as used: {}", file, e.toString());
        }
    }

    private void prune() throws IOException {
        pruneAll(SUFFIX);
        pruneAll(PROVEN);
        // Writes that did not finish (a crash between create and rename), older than a minute.
        try (Stream<Path> all = Files.list(folder)) {
            for (Path t : all.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    && modified(p).toMillis() < System.currentTimeMillis() - 60_000).toList()) Files.deleteIfExists(t);
        }
    }

    /** Keeps the {@link #KEEP} files ending in {@code suffix} used last. */
    private void pruneAll(String suffix) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(folder)) {
            files = all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted(Comparator.comparing(RuleBaseCache::modified).reversed()).toList();
        }
        for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) Files.deleteIfExists(old);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
