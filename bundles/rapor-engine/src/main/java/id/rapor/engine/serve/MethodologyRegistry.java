package id.rapor.engine.serve;

import id.rapor.engine.compile.Compilation;
import id.rapor.engine.score.CompiledMethodology;

import id.rapor.api.model.Deployment;
import id.rapor.api.model.DeploymentState;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.model.RuleError;
import java.time.Instant;
import org.osgi.service.component.annotations.Component;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which compiled version serves each methodology. Every rule bundle is a candidate; the
 * highest version whose last compilation was accepted serves. A bundle whose update is
 * rejected keeps its last accepted content, so a bad edit never replaces working rules.
 * Readers see an immutable snapshot that is swapped in one volatile write.
 */
@Component(service = MethodologyRegistry.class)
public final class MethodologyRegistry {

    private static final class Candidate {
        final long bundleId;
        final String bundle;
        final long sequence;
        String methodologyId;
        String version;
        Instant time;
        List<RuleError> errors = List.of();
        CompiledMethodology lastGood;
        /** Seen, and waiting for (or in) its compile: its last good content, if any, serves meanwhile. */
        boolean pending;

        Candidate(long bundleId, String bundle, long sequence) {
            this.bundleId = bundleId;
            this.bundle = bundle;
            this.sequence = sequence;
        }
    }

    private final Map<Long, Candidate> candidates = new HashMap<>();
    /** Jars of deploy/ that were refused before they became bundles, by location: listed, never served. */
    private final Map<String, Deployment> refused = new TreeMap<>();
    /** Activated revisions: they serve their methodology in place of the rule bundles. */
    private final Map<String, CompiledMethodology> revisions = new HashMap<>();
    /** Methodologies whose stored active revision is not restored yet, and that revision's version: they are PENDING meanwhile. */
    private final Map<String, String> awaitingRevision = new HashMap<>();
    private volatile Map<String, CompiledMethodology> served = Map.of();
    private long sequence;

    /** The ids of the methodologies something serves. */
    public java.util.Set<String> servedIds() {
        return served.keySet();
    }

    /** The version serving {@code methodologyId}, or null. */
    public CompiledMethodology served(String methodologyId) {
        return served.get(methodologyId);
    }

    /** A bundle was installed or updated and is queued for its compile: listed as PENDING until it is done. */
    public synchronized void pending(long bundleId, String bundle, String methodologyId, String version) {
        Candidate c = candidates.computeIfAbsent(bundleId, id -> new Candidate(id, bundle, ++sequence));
        c.methodologyId = methodologyId;
        c.version = version;
        c.time = Instant.now();
        c.pending = true;
    }

    /** Records a compilation of a bundle (new or updated) and re-elects the served versions. */
    public synchronized void record(long bundleId, String bundle, Compilation compilation) {
        Candidate c = candidates.computeIfAbsent(bundleId, id -> new Candidate(id, bundle, ++sequence));
        c.methodologyId = compilation.methodologyId();
        c.version = compilation.version();
        c.time = Instant.now();
        c.errors = compilation.errors();
        c.pending = false;
        if (compilation.accepted()) {
            c.lastGood = compilation.compiled();
        } else if (c.lastGood != null && !c.lastGood.methodology().getId().equals(c.methodologyId)) {
            c.lastGood = null; // the bundle now claims another methodology: its old content no longer applies
        }
        elect();
    }

    /** Serves an activated revision of its methodology from now on, whatever the rule bundles hold. */
    public synchronized void activateRevision(CompiledMethodology revision) {
        revisions.put(revision.methodology().getId(), revision);
        awaitingRevision.remove(revision.methodology().getId());
        elect();
    }

    /** The rule bundles serve the methodology again. */
    public synchronized void deactivateRevision(String methodologyId) {
        boolean awaited = awaitingRevision.remove(methodologyId) != null;
        if (revisions.remove(methodologyId) != null || awaited) elect();
    }

    /** A stored revision of the methodology will be restored: serve nothing for it until then (not its old bundle). */
    public synchronized void awaitRevision(String methodologyId, String version) {
        if (awaitingRevision.put(methodologyId, version) == null) elect();
    }

    /** True while a rule bundle of the methodology waits for (or is in) its compile. */
    public synchronized boolean compiling(String methodologyId) {
        return candidates.values().stream().anyMatch(c -> c.pending && methodologyId.equals(c.methodologyId));
    }

    /** The version of the methodology's active revision while it is being restored at start, else null. */
    public synchronized String awaitedRevision(String methodologyId) {
        return awaitingRevision.get(methodologyId);
    }

    /** The rule bundle the bundles' choice for the methodology came from, and when it was compiled; null if none. */
    public synchronized Deployment chosenBundle(String methodologyId) {
        CompiledMethodology choice = bundleChoice(methodologyId);
        for (Candidate c : candidates.values()) {
            if (choice != null && c.lastGood == choice) {
                return new Deployment(methodologyId, c.bundle, c.version, DeploymentState.ACTIVE, choice.methodology().getVersion(), c.time,
                        c.errors, null, 0);
            }
        }
        return null;
    }

    /** What serves a methodology when no revision is activated: the rule bundles' choice. */
    public synchronized CompiledMethodology bundleChoice(String methodologyId) {
        Candidate best = null;
        for (Candidate c : candidates.values()) {
            if (c.lastGood != null && c.lastGood.methodology().getId().equals(methodologyId) && (best == null || better(c, best))) best = c;
        }
        return best == null ? null : best.lastGood;
    }

    public synchronized void remove(long bundleId) {
        if (candidates.remove(bundleId) != null) elect();
    }

    private void elect() {
        Map<String, Candidate> best = new HashMap<>();
        for (Candidate c : candidates.values()) {
            if (c.lastGood == null) continue;
            best.merge(c.lastGood.methodology().getId(), c, (a, b) -> better(a, b) ? a : b);
        }
        Map<String, CompiledMethodology> next = new HashMap<>();
        best.forEach((id, c) -> next.put(id, c.lastGood));
        next.putAll(revisions);
        next.keySet().removeAll(awaitingRevision.keySet());
        served = Map.copyOf(next);
    }

    private static boolean better(Candidate a, Candidate b) {
        int c = Versions.compare(a.lastGood.methodology().getVersion(), b.lastGood.methodology().getVersion());
        return c != 0 ? c > 0 : a.sequence > b.sequence;
    }

    /** A jar of deploy/ refused before it became a bundle (not a rule bundle, or a clash with a shipped one). */
    public synchronized void recordRefused(String location, String methodologyId, String bundle, RuleError error) {
        refused.put(location, new Deployment(methodologyId == null ? "" : methodologyId.trim(), bundle, "", DeploymentState.REJECTED, null,
                Instant.now(), List.of(error), null, null));
    }

    public synchronized void forgetRefused(String location) {
        refused.remove(location);
    }

    synchronized List<Deployment> deployments() {
        List<Deployment> list = new ArrayList<>(refused.values());
        for (Candidate c : candidates.values()) {
            CompiledMethodology current = bundleChoice(c.methodologyId);
            boolean chosen = c.lastGood != null && current == c.lastGood;
            boolean restoring = awaitingRevision.containsKey(c.methodologyId);
            DeploymentState state = c.pending || (chosen && restoring) ? DeploymentState.PENDING : !c.errors.isEmpty() ? DeploymentState.REJECTED
                    : chosen ? DeploymentState.ACTIVE : DeploymentState.STANDBY;
            // On the chosen bundle: what actually serves the methodology, a revision in its place included.
            CompiledMethodology serving = chosen ? served.get(c.methodologyId) : null;
            String servedVersion = serving == null ? null : serving.methodology().getVersion();
            CompiledMethodology revision = revisions.get(c.methodologyId);
            String overriddenBy = revision == null ? restoring ? awaitingRevision.get(c.methodologyId) : null : revision.methodology().getVersion();
            list.add(new Deployment(c.methodologyId, c.bundle, c.version, state, servedVersion, c.time, c.errors,
                    overriddenBy, servedVersion == null ? null : Versions.revisionOf(servedVersion)));
        }
        list.sort(Comparator.comparing(Deployment::methodologyId)
                .thenComparing(Deployment::version, Versions.ORDER)
                .thenComparing(Deployment::bundle));
        return list;
    }

    /** One line per methodology: the served version, or the newest rejected one if none serves. */
    synchronized List<MethodologySummary> summaries() {
        Map<String, MethodologySummary> byId = new TreeMap<>();
        for (Map.Entry<String, CompiledMethodology> e : served.entrySet()) {
            var m = e.getValue().methodology();
            byId.put(e.getKey(), new MethodologySummary(m.getId(), m.getTitle(), m.getRegulation(), m.getFamily(),
                    m.getYears(), m.getVersion(), DeploymentState.ACTIVE));
        }
        Map<String, Candidate> newestRejected = new LinkedHashMap<>();
        for (Candidate c : candidates.values()) {
            if (byId.containsKey(c.methodologyId)) continue;
            newestRejected.merge(c.methodologyId, c, (a, b) -> Versions.compare(a.version, b.version) >= 0 ? a : b);
        }
        newestRejected.forEach((id, c) -> byId.put(id, new MethodologySummary(id, null, null, null, null,
                awaitingRevision.getOrDefault(id, c.version),
                c.pending || awaitingRevision.containsKey(id) ? DeploymentState.PENDING : DeploymentState.REJECTED)));
        return List.copyOf(byId.values());
    }

    /** The errors of every bundle of a methodology that serves nothing, for the caller who asks for it. */
    public synchronized List<RuleError> errorsOf(String methodologyId) {
        List<RuleError> errors = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            if (methodologyId.equals(c.methodologyId)) errors.addAll(c.errors);
        }
        return errors;
    }

    public synchronized boolean knows(String methodologyId) {
        return candidates.values().stream().anyMatch(c -> methodologyId.equals(c.methodologyId));
    }

    /**
     * The served methodology of {@code family} for {@code year}: if several apply, the one whose
     * years start latest. Null if none; then {@link #yearsOf} says what there is.
     */
    CompiledMethodology resolve(String family, int year) {
        CompiledMethodology best = null;
        for (CompiledMethodology c : served.values()) {
            var m = c.methodology();
            if (m.getFamily().equals(family) && m.getYears().contains(year)
                    && (best == null || m.getYears().from() > best.methodology().getYears().from())) {
                best = c;
            }
        }
        return best;
    }

    /** "pekppp-2017: 2017–2021" for each served methodology of the family, or every family if it has none. */
    List<String> yearsOf(String family) {
        List<String> lines = new ArrayList<>();
        for (CompiledMethodology c : served.values()) {
            var m = c.methodology();
            if (m.getFamily().equals(family)) lines.add(m.getId() + ": " + m.getYears());
        }
        if (lines.isEmpty()) {
            served.values().stream().map(c -> "family " + c.methodology().getFamily()).distinct().forEach(lines::add);
            lines.sort(null);
            return lines;
        }
        lines.sort(null);
        return lines;
    }

    /** The ids of every methodology any bundle defines, for "did you mean" messages. */
    public synchronized List<String> knownIds() {
        return candidates.values().stream().map(c -> c.methodologyId).distinct().sorted().toList();
    }
}
