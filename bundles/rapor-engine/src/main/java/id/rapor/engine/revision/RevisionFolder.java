package id.rapor.engine.revision;

import id.rapor.engine.audit.LogText;

import id.rapor.api.model.Revision;
import id.rapor.api.model.RevisionState;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Revisions on disk, under {@code <data>/revisions/<methodology>/}: one folder per revision
 * ({@code <n>/revision.properties}, {@code <n>/files/…}) and a file {@code active} naming the
 * active one. Every write goes to a temporary name first and is then renamed atomically, so a
 * crash leaves either the old state or the new one, never half of a revision; the
 * {@code active} file is the single point where an activation takes effect. A single node's
 * store; nodes sharing a PostgreSQL use {@link RevisionTable}.
 */
public final class RevisionFolder implements RevisionStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RevisionFolder.class);
    private static final String ACTIVATION = "activation.properties";
    private final Path root;

    public RevisionFolder(Path dataFolder) {
        this.root = dataFolder.resolve("revisions");
    }

    /** Whether revisions were ever stored here (a node about to share a database brings them along). */
    public boolean isEmpty() {
        return load().isEmpty();
    }

    @Override
    public Map<String, List<Revision>> load() {
        Map<String, List<Revision>> all = new TreeMap<>();
        if (!Files.isDirectory(root)) return all;
        try (Stream<Path> methodologies = Files.list(root)) {
            for (Path m : (Iterable<Path>) methodologies::iterator) {
                if (!Files.isDirectory(m)) continue;
                Integer active = active(m);
                List<Revision> list = new ArrayList<>();
                try (Stream<Path> revisions = Files.list(m)) {
                    for (Path r : (Iterable<Path>) revisions::iterator) {
                        String name = r.getFileName().toString();
                        if (name.contains(".tmp")) { deleteTree(r); continue; } // a write that did not finish
                        if (!Files.isDirectory(r) || !name.chars().allMatch(Character::isDigit)) continue;
                        try {
                            list.add(read(m.getFileName().toString(), r, active));
                        } catch (IOException | RuntimeException e) {
                            // One damaged revision must not take the others, or the service, with it.
                            LOG.error("Revision {} is unreadable and is left out: {}", r, e.toString());
                        }
                    }
                }
                list.sort(Comparator.comparingInt(Revision::number));
                all.put(m.getFileName().toString(), list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    @Override
    public int highestNumber(String methodologyId) {
        Path folder = root.resolve(methodologyId);
        if (!Files.isDirectory(folder)) return 0;
        try (Stream<Path> revisions = Files.list(folder)) {
            return revisions.map(r -> r.getFileName().toString()).filter(n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit))
                    .mapToInt(Integer::parseInt).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A single node's: the number its manager reserved is the one. */
    @Override
    public Revision save(Revision r) {
        Path folder = root.resolve(r.methodologyId());
        Path temp = folder.resolve(r.number() + ".tmp");
        try {
            deleteTree(temp);
            for (Map.Entry<String, String> f : r.files().entrySet()) {
                Path file = temp.resolve("files").resolve(f.getKey()).normalize();
                if (!file.startsWith(temp.resolve("files"))) throw new IllegalArgumentException("file path leaves the revision: " + f.getKey());
                Files.createDirectories(file.getParent());
                writeDurably(file, f.getValue());
            }
            writeProperties(temp.resolve("revision.properties"), r, false);
            Files.move(temp, folder.resolve(Integer.toString(r.number())), StandardCopyOption.ATOMIC_MOVE);
            syncFolder(folder);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code active} file is the atomic step; who did it and when is kept beside it (activation.properties). */
    @Override
    public void activate(String methodologyId, int number, String by, Instant at) {
        Path folder = root.resolve(methodologyId);
        try {
            Files.createDirectories(folder);
            if (number > 0) {
                Path props = folder.resolve(number + "/revision.properties");
                Properties p = properties(props);
                p.setProperty("activated", "true");
                replace(props, p);
            }
            Path temp = folder.resolve("active.tmp");
            writeDurably(temp, Integer.toString(number));
            Files.move(temp, folder.resolve("active"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(folder);
            Properties who = new Properties();
            who.setProperty("revision", Integer.toString(number));
            who.setProperty("by", by);
            who.setProperty("at", at.toString());
            replace(folder.resolve(ACTIVATION), who);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void approve(String methodologyId, int number, String by, Instant at) {
        Path props = root.resolve(methodologyId).resolve(number + "/revision.properties");
        try {
            Properties p = properties(props);
            p.setProperty("approvedBy", by);
            p.setProperty("approvedAt", at.toString());
            replace(props, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores of earlier versions lack it. */
    @Override
    public Map<String, Activation> activations() {
        Map<String, Activation> all = new TreeMap<>();
        if (!Files.isDirectory(root)) return all;
        try (Stream<Path> methodologies = Files.list(root)) {
            for (Path m : (Iterable<Path>) methodologies::iterator) {
                Path file = m.resolve(ACTIVATION);
                if (!Files.isRegularFile(file)) continue;
                try {
                    Properties p = properties(file);
                    all.put(m.getFileName().toString(), new Activation(Integer.parseInt(p.getProperty("revision")), p.getProperty("by"),
                            Instant.parse(p.getProperty("at"))));
                } catch (IOException | RuntimeException e) {
                    LOG.error("{} is unreadable and is left out: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private Revision read(String methodologyId, Path folder, Integer active) throws IOException {
        return RevisionText.revision(methodologyId, Integer.parseInt(folder.getFileName().toString()), properties(folder.resolve("revision.properties")), active);
    }

    @Override
    public Map<String, String> files(String methodologyId, int number) {
        Map<String, String> files = new TreeMap<>();
        Path base = root.resolve(methodologyId).resolve(Integer.toString(number)).resolve("files");
        if (!Files.isDirectory(base)) return files;
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    files.put(base.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void writeProperties(Path file, Revision r, boolean activated) throws IOException {
        Files.createDirectories(file.getParent());
        writeDurably(file, RevisionText.text(RevisionText.properties(r, activated)));
    }

    private static void replace(Path file, Properties p) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        writeDurably(temp, RevisionText.text(p));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(file.getParent());
    }

    /** Written and forced to disk before it is renamed into place: after a power cut the rename never points at an empty file. */
    private static void writeDurably(Path file, String text) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) ch.write(bytes);
            ch.force(true);
        }
    }

    /** Makes a rename in {@code folder} durable; where a folder cannot be opened for that (not Linux), the rename stands as it is. */
    private static void syncFolder(Path folder) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(folder, java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("cannot sync {}: {}", folder, e.toString());
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Integer active(Path folder) throws IOException {
        Path file = folder.resolve("active");
        if (!Files.isRegularFile(file)) return null;
        String text = Files.readString(file).trim();
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            LOG.error("{} holds '{}', not a revision number: no revision is active for {} and its rule bundles serve it until one is activated",
                    file, LogText.safe(text), folder.getFileName());
            return null;
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(f);
        }
    }
}
