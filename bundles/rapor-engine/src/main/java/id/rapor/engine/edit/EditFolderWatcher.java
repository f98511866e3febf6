package id.rapor.engine.edit;

import id.rapor.engine.score.CompiledMethodology;
import id.rapor.engine.audit.LogText;
import id.rapor.engine.serve.MethodologyRegistry;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.engine.source.RuleSourceSnapshot;

import id.rapor.api.model.Revision;
import id.rapor.api.model.RevisionState;
import id.rapor.api.SameRevisionException;
import id.rapor.api.model.DeploymentState;
import id.rapor.api.model.Serving;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editable rules folder: {@code edit/<methodology>/} holds the files of the version now
 * serving, for a policy officer with file access to edit. An edit goes through the same
 * pipeline as an API revision: proposed, checked, and activated if it passes (where approval is
 * required, it waits for a second policy user's). STATUS.txt in the folder says, first, what
 * serves now (version, revision, since when, by whom; kept up to date whichever way that
 * changes) and then what became of the last edit if it did not come to serve: why it was
 * refused (file and line), or that it awaits approval. A folder
 * is acted on only when its content has been the same for two polls in a row, so a file that
 * is still being written is never read half-way.
 *
 * <p>An edit is what differs from the files as they were exported (a copy is kept in
 * {@code .rapor-exported/}), proposed on top of what serves now: a change made meanwhile
 * through the API or deploy/ to other files stands. If the same file was changed both ways,
 * nothing is proposed and STATUS.txt says CONFLICT.
 */
public final class EditFolderWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EditFolderWatcher.class);
    static final String STATUS = "STATUS.txt";
    private static final String STATE = ".rapor-state";
    private static final String BASELINE = ".rapor-exported";

    private final Path root;
    private final ConfinedFiles files;
    private final MethodologyRegistry registry;
    private final RuleRevisions revisions;
    private final id.rapor.api.AuditTrail audit;
    /** Per methodology: the content last exported or acted on, and the content seen at the last poll. */
    private final Map<String, String> settled = new HashMap<>();
    private final Map<String, String> lastSeen = new HashMap<>();
    private final Map<String, String> exportedVersion = new HashMap<>();
    /** Per methodology: what became of the last edit, if it did not come to serve (else ""), and the STATUS.txt last written. */
    private final Map<String, String> outcome = new HashMap<>();
    private final Map<String, String> statusWritten = new HashMap<>();

    public EditFolderWatcher(Path root, MethodologyRegistry registry, RuleRevisions revisions, id.rapor.api.AuditTrail audit) {
        this.root = root;
        this.files = new ConfinedFiles(root);
        this.registry = registry;
        this.revisions = revisions;
        this.audit = audit;
    }

    /** One pass: export what serves where the folder is untouched, act on settled edits, and say in STATUS.txt what serves. */
    public synchronized void poll() {
        java.util.Set<String> ids = new java.util.TreeSet<>(registry.knownIds());
        ids.addAll(registry.servedIds());
        for (String id : ids) {
            try {
                pollOne(id);
            } catch (RuntimeException e) {
                LOG.error("Edit folder of {}: {}", LogText.safe(id), LogText.safe(e));
            }
            try {
                writeStatus(root.resolve(id), id);
            } catch (RuntimeException e) {
                LOG.error("Edit folder of {}: STATUS.txt: {}", LogText.safe(id), LogText.safe(e));
            }
        }
    }

    /** STATUS.txt of every methodology known, as the component starts: it exists before anything is edited. */
    public synchronized void writeStatuses() {
        for (String id : registry.knownIds()) {
            try {
                Path folder = root.resolve(id);
                if (!settled.containsKey(id)) recall(folder, id);
                writeStatus(folder, id);
            } catch (RuntimeException e) {
                LOG.error("Edit folder of {}: STATUS.txt: {}", LogText.safe(id), LogText.safe(e));
            }
        }
    }

    private void pollOne(String id) {
        CompiledMethodology serving = registry.served(id);
        if (serving == null) return;
        Path folder = root.resolve(id);
        if (!settled.containsKey(id)) recall(folder, id);
        Map<String, String> files = read(folder);
        String hash = RuleSourceSnapshot.hash(files);
        String version = serving.methodology().getVersion();
        boolean untouched = files.isEmpty() || hash.equals(settled.get(id));
        if (untouched && !version.equals(exportedVersion.get(id))) {
            outcome.put(id, ""); // the folder holds what serves now: no edit of it is outstanding
            show(folder, id, serving);
            lastSeen.remove(id);
            return;
        }
        if (hash.equals(settled.get(id))) return;
        if (!hash.equals(lastSeen.put(id, hash))) return; // still changing: wait for it to settle
        Map<String, String> changed = new TreeMap<>();
        Map<String, String> current = serving.files().files();
        Map<String, String> exported = read(folder.resolve(BASELINE));
        Map<String, String> baseline = exported.isEmpty() ? current : exported; // folders exported before the copy was kept
        files.forEach((path, text) -> { if (!text.equals(baseline.get(path))) changed.put(path, text); });
        settled.put(id, hash);
        if (changed.isEmpty()) {
            outcome.put(id, ""); // the edit was undone: what it said no longer applies
            remember(folder, id);
            return;
        }
        remember(folder, id);
        java.util.List<String> conflicts = changed.keySet().stream()
                .filter(path -> !java.util.Objects.equals(baseline.get(path), current.get(path))).toList();
        if (!conflicts.isEmpty()) {
            outcome(folder, id, "CONFLICT: " + String.join(", ", conflicts) + " changed here and, since this folder was exported, in "
                    + version + " too. Nothing was proposed.\n"
                    + "Keep a copy of your edits, delete the files in this folder (Rapor exports what serves again), then edit anew.\n");
            audit(folder, "revision.propose", id, 0, 409, "conflict: " + conflicts);
            LOG.warn("Edit of {} not proposed: {} changed meanwhile in {}", LogText.safe(id), LogText.safe(conflicts), LogText.safe(version));
            return;
        }
        Revision r;
        try {
            try {
                r = revisions.propose(id, changed, EDITOR, "edited in " + folder);
                audit(folder, "revision.propose", id, r.number(), r.state() == RevisionState.REJECTED ? 422 : 201, r.state() + ": " + changed.keySet());
            } catch (SameRevisionException same) {
                // The edit brings back an existing revision's files: that revision is the proposal (a rollback by editing).
                r = same.existing();
                audit(folder, "revision.propose", id, r.number(), 200, "the same as revision " + r.number() + " (" + r.state()
                        + "); nothing new stored: " + changed.keySet());
            }
            if (r.state() == RevisionState.REJECTED) {
                outcome(folder, id, "REJECTED: your edit, revision " + r.number() + ", was not activated:\n"
                        + String.join("\n", r.errors().stream().map(Object::toString).toList()) + "\n"
                        + (r.goldenChanges().isEmpty() ? "" : "Only golden cases' numbers moved; if the new numbers are right, a policy user accepts them "
                        + "with POST /api/v1/methodologies/" + id + "/revisions/" + r.number() + "/accept-golden.\n"));
                LOG.error("Edit of {} rejected as revision {}: {}", LogText.safe(id), r.number(), LogText.safe(r.errors()));
            } else if (r.state() != RevisionState.ACTIVE) {
                activate(folder, id, r);
            } else {
                outcome(folder, id, "");
            }
        } catch (UnknownMethodologyException | MethodologyUnavailableException | UnknownRevisionException e) {
            // The methodology went away, or stopped serving, between the poll and the proposal.
            outcome(folder, id, "FAILED: " + e.getMessage() + "\n");
            LOG.warn("Edit of {} not proposed: {}", LogText.safe(id), LogText.safe(e.getMessage()));
        } catch (RuntimeException e) {
            outcome(folder, id, "FAILED: " + e + "\n");
            LOG.error("Edit of {} failed", LogText.safe(id), e);
        }
    }

    /** Activates the edit's revision, or (approval required) leaves it proposed, said in STATUS.txt. */
    private void activate(Path folder, String id, Revision r) throws UnknownMethodologyException, UnknownRevisionException {
        try {
            Revision active = revisions.activate(id, r.number(), EDITOR);
            audit(folder, "revision.activate", id, r.number(), 200, "now serving " + active.version());
            // The folder now shows what serves: this edit merged with any change made meanwhile.
            show(folder, id, registry.served(id));
            outcome(folder, id, "");
        } catch (UnknownRevisionException e) {
            if (e.reason() != UnknownRevisionException.Reason.NOT_APPROVED) throw e;
            audit(folder, "revision.activate", id, r.number(), 409, e.getMessage());
            outcome(folder, id, "PROPOSED: revision " + r.number() + " (your edit) awaits approval: it serves once a policy user approves it "
                    + "(POST /api/v1/methodologies/" + id + "/revisions/" + r.number() + "/approve) and it is activated.\n");
        }
    }

    /** What became of the last edit, remembered across restarts and shown below what serves. */
    private void outcome(Path folder, String id, String text) {
        outcome.put(id, text);
        remember(folder, id);
        writeStatus(folder, id);
    }

    private static final java.util.regex.Pattern AWAITING = java.util.regex.Pattern.compile("^PROPOSED: revision (\\d+) ");

    /** STATUS.txt: what serves now, then the outcome of the last edit if it is still news; written only when it changes. */
    private void writeStatus(Path folder, String id) {
        Serving serving;
        try {
            serving = revisions.serving(id);
        } catch (UnknownMethodologyException e) {
            return; // gone
        }
        String last = outcome.getOrDefault(id, "");
        java.util.regex.Matcher awaiting = AWAITING.matcher(last);
        if (awaiting.find() && Integer.parseInt(awaiting.group(1)) == serving.revision() && serving.state() == DeploymentState.ACTIVE) {
            outcome.put(id, ""); // approved and activated meanwhile
            remember(folder, id);
            last = "";
        }
        String text = servingLine(serving) + (last.isEmpty() ? "" : "\n" + last);
        if (text.equals(statusWritten.get(id))) return;
        status(folder, text);
        statusWritten.put(id, text);
    }

    /** "SERVING: pekppp-2022 2022.1.0+r3 (revision 3), since 2026-01-05T10:00:00Z, by siti" and the like. */
    static String servingLine(Serving s) {
        String since = s.since() == null ? "" : ", since " + s.since() + (s.by() == null ? "" : ", by " + s.by());
        String which = s.version() + " (revision " + s.revision() + (s.revision() == 0 ? ": its rule bundles" : "") + ")";
        return switch (s.state()) {
            case ACTIVE -> "SERVING: " + s.methodologyId() + " " + which + since + "\n";
            case PENDING -> s.version() == null ? "PENDING: " + s.methodologyId() + ": its rule bundles are being checked; nothing serves it yet\n"
                    : "PENDING: " + s.methodologyId() + " " + which + " is being restored" + (s.since() == null ? "" : " (activated "
                    + s.since() + (s.by() == null ? "" : " by " + s.by()) + ")") + "; it serves once restored\n";
            default -> "NOT SERVED: " + s.methodologyId() + ": no version of it passed its checks (GET /api/v1/deployments says why)\n";
        };
    }

    /** Exports what serves and remembers it as the folder's untouched state. */
    private void show(Path folder, String id, CompiledMethodology serving) {
        Map<String, String> files = serving.files().files();
        export(folder, files);
        // What was written, not what is there now: an edit made in the meantime must still count as one.
        settled.put(id, RuleSourceSnapshot.hash(files));
        exportedVersion.put(id, serving.methodology().getVersion());
        remember(folder, id);
    }

    /**
     * What the watcher last wrote or acted on, kept in the folder (.rapor-state, ignored as an
     * edit) so that after a restart a folder nobody touched is not mistaken for an edit.
     */
    private void remember(Path folder, String id) {
        try {
            files.write(folder.resolve(STATE), settled.get(id) + "\n" + exportedVersion.getOrDefault(id, "") + "\n" + outcome.getOrDefault(id, ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void recall(Path folder, String id) {
        try {
            Path state = folder.resolve(STATE);
            if (!files.isFile(state)) return;
            java.util.List<String> lines = files.read(state).lines().toList();
            if (lines.size() >= 2) {
                settled.put(id, lines.get(0));
                if (!lines.get(1).isEmpty()) exportedVersion.put(id, lines.get(1));
                String last = String.join("\n", lines.subList(2, lines.size()));
                outcome.put(id, last.isEmpty() ? "" : last + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who the trail and the revisions name for a change made in the edit folder. */
    static final String EDITOR = "edit-folder";

    private void audit(Path folder, String action, String methodology, int revision, int status, String detail) {
        audit.record(new id.rapor.api.model.AuditEntry(java.time.Instant.now(), EDITOR, folder.toString(), null, action,
                methodology, revision, status, detail));
    }

    /** The folder's files, links and anything outside it left out (see {@link ConfinedFiles}). */
    private Map<String, String> read(Path folder) {
        Map<String, String> found = new TreeMap<>();
        try {
            if (!files.isFolder(folder)) return found;
            try (Stream<Path> walk = Files.walk(folder)) { // does not follow links
                for (Path f : (Iterable<Path>) walk::iterator) {
                    String rel = folder.relativize(f).toString().replace('\\', '/');
                    if (rel.equals(STATUS) || rel.endsWith("~") || rel.contains("/.") || rel.startsWith(".")) continue;
                    if (Files.isSymbolicLink(f)) {
                        LOG.warn("Edit folder: {} is a link and is not read; the edit folder holds plain files only", LogText.safe(f));
                    } else if (files.isFile(f)) {
                        found.put(rel, files.read(f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /**
     * The files for editing, and the same as the baseline that later edits are told apart from.
     * Every file is written aside first and then renamed into place, all in one quick pass, so an
     * editor opening the folder meanwhile finds the old set or the new one, not half of each.
     */
    private void export(Path folder, Map<String, String> exported) {
        try {
            Map<Path, Path> moves = new java.util.LinkedHashMap<>();
            for (Path into : new Path[] {folder.resolve(BASELINE), folder}) {
                for (Map.Entry<String, String> f : exported.entrySet()) {
                    Path target = into.resolve(f.getKey());
                    moves.put(files.writeAside(target, f.getValue()), target);
                }
            }
            for (Map.Entry<Path, Path> m : moves.entrySet()) files.place(m.getKey(), m.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void status(Path folder, String text) {
        try {
            files.write(folder.resolve(STATUS), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
