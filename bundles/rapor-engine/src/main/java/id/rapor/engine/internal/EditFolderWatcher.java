package id.rapor.engine.internal;

import id.rapor.api.model.Revision;
import id.rapor.api.model.RevisionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editable rules folder: {@code edit/<methodology>/} holds the files of the version now
 * serving, for a policy officer with file access to edit. An edit goes through the same
 * pipeline as an API revision: proposed, checked, and activated if it passes; STATUS.txt in
 * the folder says which revision serves or why the edit was refused (file and line). A folder
 * is acted on only when its content has been the same for two polls in a row, so a file that
 * is still being written is never read half-way.
 */
final class EditFolderWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EditFolderWatcher.class);
    static final String STATUS = "STATUS.txt";

    private final Path root;
    private final MethodologyRegistry registry;
    private final RevisionManager revisions;
    /** Per methodology: the content last exported or acted on, and the content seen at the last poll. */
    private final Map<String, String> settled = new HashMap<>();
    private final Map<String, String> lastSeen = new HashMap<>();
    private final Map<String, String> exportedVersion = new HashMap<>();

    EditFolderWatcher(Path root, MethodologyRegistry registry, RevisionManager revisions) {
        this.root = root;
        this.registry = registry;
        this.revisions = revisions;
    }

    /** One pass: export what serves where the folder is untouched, then act on settled edits. */
    synchronized void poll() {
        for (String id : registry.servedIds()) {
            try {
                pollOne(id);
            } catch (RuntimeException e) {
                LOG.error("Edit folder of {}: {}", id, e.toString());
            }
        }
    }

    private void pollOne(String id) {
        CompiledMethodology serving = registry.served(id);
        if (serving == null) return;
        Path folder = root.resolve(id);
        Map<String, String> files = read(folder);
        String hash = RevisionManager.hash(files);
        String version = serving.methodology().getVersion();
        boolean untouched = files.isEmpty() || hash.equals(settled.get(id));
        if (untouched && !version.equals(exportedVersion.get(id))) {
            export(folder, serving.files().files());
            settled.put(id, RevisionManager.hash(read(folder)));
            exportedVersion.put(id, version);
            lastSeen.remove(id);
            return;
        }
        if (hash.equals(settled.get(id))) return;
        if (!hash.equals(lastSeen.put(id, hash))) return; // still changing: wait for it to settle
        Map<String, String> changed = new TreeMap<>();
        Map<String, String> current = serving.files().files();
        files.forEach((path, text) -> { if (!text.equals(current.get(path))) changed.put(path, text); });
        settled.put(id, hash);
        if (changed.isEmpty()) return;
        try {
            Revision r = revisions.propose(id, changed, "edit-folder", "edited in " + folder);
            if (r.state() == RevisionState.REJECTED) {
                status(folder, "REJECTED: revision " + r.number() + " was not activated; " + version + " keeps serving.\n"
                        + String.join("\n", r.errors().stream().map(Object::toString).toList()) + "\n");
                LOG.error("Edit of {} rejected as revision {}: {}", id, r.number(), r.errors());
            } else {
                Revision active = revisions.activate(id, r.number(), "edit-folder");
                exportedVersion.put(id, active.version());
                status(folder, "ACTIVE: revision " + r.number() + " (" + active.version() + ") serves " + id + ".\n");
            }
        } catch (Exception e) {
            status(folder, "FAILED: " + e.getMessage() + "\n");
        }
    }

    private static Map<String, String> read(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) return files;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) walk::iterator) {
                String rel = folder.relativize(f).toString().replace('\\', '/');
                if (Files.isRegularFile(f) && !rel.equals(STATUS) && !rel.endsWith("~") && !rel.contains("/.") && !rel.startsWith(".")) {
                    files.put(rel, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void export(Path folder, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = folder.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
                Files.writeString(temp, f.getValue(), StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void status(Path folder, String text) {
        try {
            Files.writeString(folder.resolve(STATUS), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
