package id.rapor.engine.revision;

import id.rapor.engine.compile.Compilation;
import id.rapor.engine.compile.CompileQueue;
import id.rapor.engine.score.CompiledMethodology;
import id.rapor.engine.serve.MethodologyRegistry;
import id.rapor.engine.deploy.OperatorRuleText;
import id.rapor.engine.compile.RuleBundleCompiler;
import id.rapor.engine.source.RuleSourceSnapshot;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Change;
import id.rapor.api.model.Impact;
import id.rapor.api.model.ImpactLine;
import id.rapor.api.model.UnitOutcome;
import id.rapor.api.model.DeploymentState;
import id.rapor.api.model.GoldenChange;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.Revision;
import id.rapor.api.model.Serving;
import id.rapor.api.SameRevisionException;
import id.rapor.engine.serve.Versions;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import id.rapor.api.model.RevisionState;
import id.rapor.api.model.RuleError;
import id.rapor.api.model.ScoreResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import id.rapor.engine.source.RuleBundleLayout;
import java.nio.file.Path;
import java.util.Comparator;
import id.rapor.api.RuleRevisions;
import id.rapor.engine.deploy.RuleBundleExtender;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import id.rapor.api.metrics.Meters;
import id.rapor.api.model.RevisionMismatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revisions of methodologies' rules: proposed over the version now serving, checked through
 * the same pipeline as a rule bundle, stored, and served only once activated. An activated
 * revision serves its methodology in place of the rule bundles until another revision is
 * activated. Compiled revisions are kept once built, so a rollback is instant.
 *
 * <p>Readers see an immutable snapshot of every methodology's revisions, swapped in one
 * volatile write, and never wait. Compiles run on the {@link CompileQueue}, outside any lock:
 * listing revisions or scoring a compiled one never waits behind a compile (a golden case may
 * take up to 30 s). Changes (a new revision, an activation) are short sections under one lock.
 */
@Component(service = {RuleRevisions.class, RevisionManager.class}, configurationPid = RevisionManager.PID)
@Designate(ocd = RevisionManager.Settings.class)
public final class RevisionManager implements RuleRevisions {
    static final String PID = "id.rapor.revisions";

    /** etc/id.rapor.revisions.cfg */
    @ObjectClassDefinition(name = "Rapor revisions", description = "How revisions of the rules come to serve.")
    public @interface Settings {
        @AttributeDefinition(name = "Approval required", description = "A revision must be approved by a second policy user "
                + "(not its author) before it can be activated; the edit folder then proposes but does not activate.")
        boolean approval_required() default false;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RevisionManager.class);
    /** The tables a revision may add; any other file it changes must be one the rule bundle has. */
    private static final List<String> TABLES = List.of(RuleBundleLayout.DESCRIPTOR, RuleBundleLayout.ASPECTS, RuleBundleLayout.INDICATORS,
            RuleBundleLayout.OPTIONS, RuleBundleLayout.BANDS, RuleBundleLayout.PROVENANCE, RuleBundleLayout.GOLDEN_CASES);
    /** What one revision may change, in characters: far above any methodology's tables, far below the heap. */
    static final long MAX_CHANGE_CHARS = 1L << 20;
    /** Compiled revisions kept besides the active ones (a rollback to one of them is instant; the rest compile when asked for). */
    static final int COMPILED_KEPT = 8;
    public static final String RULE_TEXT_REFUSED = "rule text is code and changes only with a rule bundle jar that an operator places in deploy/; "
            + "a revision changes tables (weights, bands, options, labels, indicators, golden cases)";
    private static final String NOT_INSTALLED = "its rule text is not that of any rule bundle an operator installed for it";
    private static final String FAILS_CHECKS = "it no longer passes its checks";

    private final RuleBundleCompiler compiler;
    private final MethodologyRegistry registry;
    /** Null: revisions live in memory only (tests), or, where nodes share a database, until it is there ({@link #share}). */
    private volatile RevisionStore store;
    /** Nodes share a database and its revisions have not been read yet: nothing may be written meanwhile. */
    private volatile boolean awaitingShared;
    /** Whether stored revisions were read once: the first read restores them as a start does. */
    private boolean loadedOnce;
    private final OperatorRuleText operatorRuleText;
    private final CompileQueue queue;
    /** Every methodology's revisions, oldest first; replaced whole under {@link #lock}, read without it. */
    private volatile Map<String, List<Revision>> snapshot = Map.of();
    /** Numbers handed to proposals still compiling, so two proposals never share one. */
    private final Map<String, Integer> reserved = new HashMap<>();
    /** Compiled revisions, the most recently used kept; an active one also serves from the registry. */
    private final Map<String, CompiledMethodology> compiled = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompiledMethodology> eldest) {
                    return size() > COMPILED_KEPT;
                }
            });
    private final Object lock = new Object();

    /** Who made each methodology's active revision (or its rule bundles) serve, and when; replaced whole under {@link #lock}. */
    private volatile Map<String, Activation> activations = Map.of();
    /** A second policy user must approve a revision before it is activated. */
    volatile boolean approvalRequired;

    /** Active revisions that did not restore here, and when each is tried again (not at every notice). */
    RestoreFailures restoreFailures = new RestoreFailures(java.time.Clock.systemUTC());

    /** Methodologies served otherwise than the store says, counted for GET /metrics (bundle rapor-metrics), when it is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Meters meters;

    /** How long a stored revision waits at start for the rule bundle whose rule text it carries (deploy/ comes late). */
    long restoreWaitMillis = 10_000;

    public RevisionManager(RuleBundleCompiler compiler, MethodologyRegistry registry, RevisionStore store, OperatorRuleText operatorRuleText,
            CompileQueue queue) {
        this(compiler, registry, store, operatorRuleText, queue, false);
    }

    /** {@code approvalRequired}: a second policy user must approve a revision before it is activated. */
    public RevisionManager(RuleBundleCompiler compiler, MethodologyRegistry registry, RevisionStore store, OperatorRuleText operatorRuleText,
            CompileQueue queue, boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
        this.compiler = compiler;
        this.registry = registry;
        this.store = store;
        this.operatorRuleText = operatorRuleText;
        this.queue = queue;
    }

    /**
     * The service: revisions stored in the data folder ({@code rapor.data}). It starts once the
     * extender has submitted the rule bundles, so stored active revisions restore after them.
     */
    @Activate
    public RevisionManager(BundleContext context, @Reference RuleBundleCompiler compiler, @Reference MethodologyRegistry registry,
            @Reference OperatorRuleText operatorRuleText, @Reference CompileQueue queue, @Reference RuleBundleExtender extender,
            Settings settings) {
        this(compiler, registry, sharesDatabase(context) || context.getProperty("rapor.data") == null ? null
                : new RevisionFolder(Path.of(context.getProperty("rapor.data"))), operatorRuleText, queue, settings.approval_required());
        if (sharesDatabase(context)) {
            // The revisions are the shared database's (SharedRevisions brings them): until then this node is not ready.
            awaitingShared = true;
            queue.hold();
        } else {
            restore();
        }
    }

    /** An instance going (stopping, or replaced when a service it needs changes) no longer holds the node back. */
    @Deactivate
    void deactivate() {
        boolean held;
        synchronized (lock) {
            held = awaitingShared;
            awaitingShared = false;
        }
        if (held) queue.release();
    }

    /** Nodes share the revisions where the records' database is PostgreSQL (etc/rapor.properties, RAPOR_DATABASE_URL). */
    static boolean sharesDatabase(BundleContext context) {
        return id.rapor.api.cluster.SharedDatabase.at(context.getProperty(id.rapor.api.cluster.SharedDatabase.URL_PROPERTY));
    }

    /**
     * The shared database is there: its revisions are the ones, read now (and restored as at a start, the first time);
     * every write goes there from now on.
     */
    public void share(RevisionStore shared) {
        RevisionStore before;
        synchronized (lock) {
            before = store;
            store = shared;
        }
        try {
            reload();
        } catch (RuntimeException e) {
            synchronized (lock) {
                store = before; // not read: still waiting, still not ready
            }
            throw e;
        }
        deactivate(); // no longer waiting: the node may be ready once what was queued is done
    }

    /**
     * Another node changed the shared revisions, or may have (a notice of methodology {@code methodologyId}, or null
     * after a lost connection): read them again, and serve what is active now. A change compiles on the compile thread
     * while the revision before it goes on serving; the swap is one reference.
     */
    public void refresh() {
        reload();
    }

    /** A changed setting applies to the next activation; nothing restarts. */
    @Modified
    void modified(Settings settings) {
        approvalRequired = settings.approval_required();
        LOG.info("Revisions {} a second policy user's approval before they are activated",
                approvalRequired ? "need" : "do not need");
    }

    /** Loads the stored revisions and, on the compile thread, compiles and serves each active one. */
    public void restore() {
        reload();
    }

    private void reload() {
        RevisionStore s = store;
        if (s == null) return;
        Map<String, List<Revision>> loaded;
        boolean starting;
        synchronized (lock) {
            loaded = s.load();
            publish(loaded);
            activations = Map.copyOf(s.activations());
            starting = !loadedOnce;
            loadedOnce = true;
        }
        for (Map.Entry<String, List<Revision>> m : loaded.entrySet()) {
            Revision active = m.getValue().stream().filter(r -> r.state() == RevisionState.ACTIVE).findFirst().orElse(null);
            if (starting) {
                if (active == null) continue;
                // Until it is restored, the methodology is "still compiling" rather than served by the
                // bundle it had been changed from.
                registry.awaitRevision(active.methodologyId(), active.version());
                queue.submit(active.methodologyId(), () -> restoreOne(active));
            } else {
                int serving = servingRevision(m.getKey());
                // The version serving goes on serving meanwhile: the node stays ready.
                if (active != null && active.number() != serving) {
                    // One that failed here waits its turn (RestoreFailures), not every notice: it is said in GET /health meanwhile.
                    if (restoreFailures.due(m.getKey(), active.number())) queue.submitInBackground(active.methodologyId(), () -> restoreOne(active));
                } else if (active == null && serving != 0) {
                    queue.submitInBackground(m.getKey(), () -> followBundlesHere(m.getKey()));
                }
            }
        }
        measure();
    }

    /**
     * Each methodology whose serving version here is not the store's active revision, with why, where a restore
     * failed. Only where revisions are stored: in memory (tests) there is nothing else to agree with.
     */
    @Override
    public List<RevisionMismatch> mismatches() {
        if (store == null) return List.of();
        List<RevisionMismatch> out = new ArrayList<>();
        for (Map.Entry<String, Activation> a : activations.entrySet()) {
            String m = a.getKey();
            int active = a.getValue().revision();
            if (active == servingRevision(m)) continue;
            RestoreFailures.Failure f = restoreFailures.of(m, active);
            CompiledMethodology served = registry.served(m);
            out.add(new RevisionMismatch(m, active, served != null ? served.methodology().getVersion() : registry.awaitedRevision(m),
                    f == null ? null : f.reason(), f == null ? null : f.next()));
        }
        return out;
    }

    /** The mismatches' count to the metrics, after anything that may change it. */
    private void measure() {
        Meters m = meters;
        if (m != null) m.revisionMismatches(mismatches().size());
    }

    /** Nothing is written before the shared revisions are read: this node would decide on what it does not know. */
    private void notAwaitingShared(String methodologyId) throws UnknownRevisionException {
        if (awaitingShared) {
            throw new UnknownRevisionException(UnknownRevisionException.Reason.NO_SUCH_REVISION, "the revisions of " + methodologyId
                    + " are those of the shared database, which this node has not read yet: ask a node that is ready");
        }
    }

    /** The revision number the methodology is served (or being restored) by here; 0: its rule bundles. */
    private int servingRevision(String methodologyId) {
        CompiledMethodology served = registry.served(methodologyId);
        if (served != null) return Versions.revisionOf(served.methodology().getVersion());
        String awaited = registry.awaitedRevision(methodologyId);
        return awaited == null ? 0 : Versions.revisionOf(awaited);
    }

    /** Another node made the rule bundles serve again: so does this one, unless a revision became active meanwhile. */
    private void followBundlesHere(String methodologyId) {
        synchronized (lock) {
            if (snapshot.getOrDefault(methodologyId, List.of()).stream().anyMatch(r -> r.state() == RevisionState.ACTIVE)) return;
            registry.deactivateRevision(methodologyId);
        }
        restoreFailures.cleared(methodologyId);
        measure();
        LOG.info("{} follows its rule bundles again, as another node made it", methodologyId);
    }

    private void restoreOne(Revision r) {
        CompiledMethodology c = null;
        String failure;
        try {
            Map<String, String> files = filesOf(r);
            if (!operatorRuleText.awaitInstalled(r.methodologyId(), files, restoreWaitMillis)) {
                failure = NOT_INSTALLED;
            } else {
                Compilation compilation = compileChecked(r, files);
                c = compilation.compiled();
                failure = c != null ? null : FAILS_CHECKS + ": " + compilation.errors().size()
                        + " error(s), first " + compilation.errors().get(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Revision {} of {} could not be restored", r.number(), r.methodologyId(), e);
            failure = "it could not be compiled: " + e;
        }
        try {
            settleRestore(r, c, failure);
        } finally {
            measure();
        }
    }

    /**
     * Why a restore failed, as GET /health says it to anyone who asks (a load balancer asks unauthenticated): the kind of
     * failure, not its text, which names rule files, their errors and exceptions. The text is in the log and in the
     * revision's errors, which only policy staff read.
     */
    static String publicReason(String failure) {
        if (failure.equals(NOT_INSTALLED)) return failure;
        if (failure.startsWith(FAILS_CHECKS)) return FAILS_CHECKS + " here (the revision's errors say which)";
        return "it could not be compiled here (the log says why)";
    }

    /** Under the lock: serves the restored revision, or says why not and when it is tried again. */
    private void settleRestore(Revision r, CompiledMethodology c, String failure) {
        synchronized (lock) {
            if (!stillActive(r)) return; // someone activated another revision meanwhile: theirs stands
            if (c != null) {
                compiled.put(key(r.methodologyId(), r.number()), c);
                registry.activateRevision(c);
                restoreFailures.cleared(r.methodologyId());
                LOG.info("Revision {} of {} restored and serving ({})", r.number(), r.methodologyId(), r.version());
            } else {
                restoreFailures.failed(r.methodologyId(), r.number(), publicReason(failure));
                registry.deactivateRevision(r.methodologyId());
                // Said where policy staff look: the list no longer claims it serves; GET /health names it too. The
                // store keeps it active: it is tried again, less and less often, until the cause is mended (a jar
                // back in deploy/), and at the next start.
                replace(withState(r, RevisionState.REJECTED, List.of(new RuleError("", 0, 0,
                        "was active, but could not be restored on this node: " + failure + "; the rule bundles serve instead"))));
                LOG.error("Revision {} of {} could not be restored: {}; the rule bundles serve it", r.number(), r.methodologyId(), failure);
            }
        }
    }

    private boolean stillActive(Revision r) {
        return snapshot.getOrDefault(r.methodologyId(), List.of()).stream()
                .anyMatch(x -> x.number() == r.number() && x.state() == RevisionState.ACTIVE);
    }

    @Override
    public List<Revision> revisions(String methodologyId) throws UnknownMethodologyException {
        known(methodologyId);
        List<Revision> out = new ArrayList<>();
        for (Revision r : snapshot.getOrDefault(methodologyId, List.of())) out.add(withoutFiles(r));
        return out;
    }

    @Override
    public Revision revision(String methodologyId, int number) throws UnknownMethodologyException, UnknownRevisionException {
        if (number == 0) return ruleBundles(methodologyId);
        Revision r = listed(methodologyId, number);
        return withFiles(r, filesOf(r));
    }

    /**
     * Revision 0, the rule bundles, with their files: what a change starts from when no revision
     * serves (policy staff copy the tables from here instead of unpacking a jar).
     */
    private Revision ruleBundles(String methodologyId) throws UnknownMethodologyException, UnknownRevisionException {
        Map<String, String> files = filesOf(methodologyId, 0);
        boolean revisionServes = snapshot.getOrDefault(methodologyId, List.of()).stream().anyMatch(r -> r.state() == RevisionState.ACTIVE);
        String version = registry.bundleChoice(methodologyId).methodology().getVersion();
        return new Revision(methodologyId, 0, revisionServes ? RevisionState.SUPERSEDED : RevisionState.ACTIVE, "", "", Instant.EPOCH,
                "the rule bundles", version, files, List.of());
    }

    /** The revision as the snapshot holds it: without its files where they are stored. */
    private Revision listed(String methodologyId, int number) throws UnknownMethodologyException, UnknownRevisionException {
        known(methodologyId);
        for (Revision r : snapshot.getOrDefault(methodologyId, List.of())) if (r.number() == number) return r;
        throw new UnknownRevisionException(methodologyId + " has no revision " + number);
    }

    /** A revision's files: from the store, where there is one (read when asked for), else held with it. */
    private Map<String, String> filesOf(Revision r) {
        return store == null ? r.files() : store.files(r.methodologyId(), r.number());
    }

    @Override
    public Revision propose(String methodologyId, Map<String, String> changed, String author, String comment)
            throws UnknownMethodologyException, MethodologyUnavailableException, SameRevisionException {
        if (awaitingShared) throw MethodologyUnavailableException.compiling(methodologyId); // 503, Retry-After: the node is not ready
        CompiledMethodology base = registry.served(methodologyId);
        if (base == null) {
            if (registry.knows(methodologyId)) throw new MethodologyUnavailableException(methodologyId, registry.errorsOf(methodologyId));
            throw new UnknownMethodologyException(methodologyId, registry.knownIds());
        }
        String baseVersion = base.methodology().getVersion().replaceAll("\\+r\\d+$", "");
        Map<String, String> files = new TreeMap<>(base.files().files());
        List<RuleError> pathErrors = new ArrayList<>();
        long size = changed.values().stream().mapToLong(String::length).sum();
        if (size > MAX_CHANGE_CHARS) {
            pathErrors.add(new RuleError("", 0, 0, "the changed files hold " + size + " characters; a revision changes at most "
                    + MAX_CHANGE_CHARS + " (the tables of the largest methodology hold about 60,000)"));
        }
        changed.forEach((path, text) -> {
            if (OperatorRuleText.isRuleFile(path) && !text.equals(files.get(path))) {
                // Checked before anything is compiled: such text never reaches the compiler.
                pathErrors.add(new RuleError(path, 0, 0, RULE_TEXT_REFUSED));
            } else if (!files.containsKey(path) && !TABLES.contains(path)) {
                // Only the files a rule bundle has: a revision is the regulation's tables, not a place to store anything else.
                pathErrors.add(new RuleError(path, 0, 0, "not a rule bundle file: a revision changes " + String.join(", ", TABLES)
                        + (files.keySet().stream().anyMatch(f -> !TABLES.contains(f) && !OperatorRuleText.isRuleFile(f))
                                ? " or another file the bundle has" : "")));
            } else {
                files.put(path, text);
            }
        });
        if (pathErrors.isEmpty() && !operatorRuleText.isInstalled(methodologyId, files)) {
            pathErrors.add(new RuleError("rules/", 0, 0, NOT_INSTALLED));
        }
        String hash = RuleSourceSnapshot.hash(files);
        Revision same = sameAs(methodologyId, hash);
        if (same != null) throw new SameRevisionException(same);
        int number = reserveNumber(methodologyId);
        try {
            String version = baseVersion + "+r" + number;
            CompiledMethodology c = null;
            List<RuleError> errors = pathErrors;
            List<GoldenChange> golden = List.of();
            if (pathErrors.isEmpty()) {
                Compilation compilation = onCompileThread(methodologyId,
                        () -> compiler.compile(RuleSourceSnapshot.of("revision " + number, version, files), methodologyId));
                c = compilation.compiled();
                errors = compilation.errors();
                golden = compilation.goldenChanges();
            }
            Revision proposed = new Revision(methodologyId, number, c != null ? RevisionState.DRAFT : RevisionState.REJECTED,
                    hash, author, Instant.now(), comment, baseVersion, Map.copyOf(files), errors, golden, null, null);
            Revision r;
            synchronized (lock) {
                same = sameAs(methodologyId, hash); // an identical proposal stored while this one compiled
                if (same != null) throw new SameRevisionException(same);
                // Where nodes share the store, the number is the one it gives: another node may have taken this one.
                r = store == null ? proposed : store.save(proposed);
                // Compiled as "+r<number>": under another number it compiles again when it is asked for (the same files pass the same checks).
                if (c != null && r.number() == number) compiled.put(key(methodologyId, number), c);
                List<Revision> list = new ArrayList<>(snapshot.getOrDefault(methodologyId, List.of()));
                list.removeIf(x -> x.number() == r.number()); // read back from the store meanwhile
                list.add(store == null ? r : withoutFiles(r)); // stored: its files are read from disk when asked for
                list.sort(Comparator.comparingInt(Revision::number));
                Map<String, List<Revision>> next = new TreeMap<>(snapshot);
                next.put(methodologyId, list);
                publish(next);
            }
            return r;
        } finally {
            synchronized (lock) {
                reserved.computeIfPresent(methodologyId, (k, n) -> n == number ? null : n);
            }
        }
    }

    /** A revision of the methodology with exactly these files, unless it was rejected (its checks may pass now); else null. */
    private Revision sameAs(String methodologyId, String hash) {
        for (Revision r : snapshot.getOrDefault(methodologyId, List.of())) {
            if (r.hash().equals(hash) && r.state() != RevisionState.REJECTED) return withoutFiles(r);
        }
        return null;
    }

    /**
     * The next number: past every revision listed, on disk (an unreadable one left out at load keeps its own) or being
     * proposed. Where nodes share the store it is this node's guess: the store gives the number when it stores it.
     */
    private int reserveNumber(String methodologyId) {
        synchronized (lock) {
            List<Revision> list = snapshot.getOrDefault(methodologyId, List.of());
            int highest = Math.max(list.isEmpty() ? 0 : list.get(list.size() - 1).number(), store == null ? 0 : store.highestNumber(methodologyId));
            int number = Math.max(highest, reserved.getOrDefault(methodologyId, 0)) + 1;
            reserved.put(methodologyId, number);
            return number;
        }
    }

    @Override
    public Revision activate(String methodologyId, int number, String author) throws UnknownMethodologyException, UnknownRevisionException {
        notAwaitingShared(methodologyId);
        if (number == 0) return followBundles(methodologyId, author);
        Revision r = listed(methodologyId, number);
        if (r.state() == RevisionState.REJECTED) {
            throw new UnknownRevisionException(UnknownRevisionException.Reason.REJECTED,
                    "revision " + number + " of " + methodologyId + " was rejected and cannot be activated");
        }
        if (approvalRequired && r.approvedBy() == null) {
            throw new UnknownRevisionException(UnknownRevisionException.Reason.NOT_APPROVED, "revision " + number + " of " + methodologyId
                    + " needs a second policy user's approval before it is activated (approval.required in etc/" + PID + ".cfg); "
                    + "a policy user other than " + r.author() + " approves it with POST …/revisions/" + number + "/approve");
        }
        CompiledMethodology c = compiledOf(r); // outside the lock: it may compile
        if (c == null) {
            throw new UnknownRevisionException(UnknownRevisionException.Reason.NO_LONGER_COMPILES,
                    "revision " + number + " of " + methodologyId + " no longer compiles");
        }
        synchronized (lock) {
            recordActivation(methodologyId, number, author);
            registry.activateRevision(c); // one reference swap: requests in flight finish on the version they hold
            restoreFailures.cleared(methodologyId);
            List<Revision> list = new ArrayList<>(snapshot.getOrDefault(methodologyId, List.of()));
            for (int k = 0; k < list.size(); k++) {
                Revision x = list.get(k);
                RevisionState state = x.number() == number ? RevisionState.ACTIVE
                        : x.state() == RevisionState.ACTIVE ? RevisionState.SUPERSEDED : x.state();
                if (state != x.state()) list.set(k, withState(x, state));
            }
            Map<String, List<Revision>> next = new TreeMap<>(snapshot);
            next.put(methodologyId, list);
            publish(next);
        }
        measure();
        LOG.info("Revision {} of {} activated by {}; {} is served by {}", number, methodologyId, author, methodologyId, r.version());
        return listed(methodologyId, number);
    }

    /**
     * "Revision 0": no revision serves any more; the methodology's rule bundles do again (the
     * highest valid version in rules/ and deploy/). The revision that was active is SUPERSEDED.
     */
    private Revision followBundles(String methodologyId, String author) throws UnknownMethodologyException, UnknownRevisionException {
        known(methodologyId);
        synchronized (lock) {
            if (registry.bundleChoice(methodologyId) == null) {
                throw new UnknownRevisionException(UnknownRevisionException.Reason.NO_RULE_BUNDLE, "no valid rule bundle of " + methodologyId + " to go back to");
            }
            recordActivation(methodologyId, 0, author);
            registry.deactivateRevision(methodologyId);
            restoreFailures.cleared(methodologyId);
            List<Revision> list = new ArrayList<>(snapshot.getOrDefault(methodologyId, List.of()));
            list.replaceAll(x -> x.state() == RevisionState.ACTIVE ? withState(x, RevisionState.SUPERSEDED) : x);
            Map<String, List<Revision>> next = new TreeMap<>(snapshot);
            next.put(methodologyId, list);
            publish(next);
        }
        measure();
        String version = registry.served(methodologyId).methodology().getVersion();
        LOG.info("{} follows its rule bundles again (by {}); it is served by {}", methodologyId, author, version);
        return new Revision(methodologyId, 0, RevisionState.ACTIVE, "", author, Instant.now(), "the rule bundles", version, Map.of(), List.of());
    }

    /** Under the lock: stores who made revision {@code number} (0: the rule bundles) serve, and when. */
    private void recordActivation(String methodologyId, int number, String author) {
        Instant now = Instant.now();
        if (store != null) store.activate(methodologyId, number, author, now);
        Map<String, Activation> next = new TreeMap<>(activations);
        next.put(methodologyId, new Activation(number, author, now));
        activations = Map.copyOf(next);
    }

    @Override
    public Revision approve(String methodologyId, int number, String approver) throws UnknownMethodologyException, UnknownRevisionException {
        notAwaitingShared(methodologyId);
        synchronized (lock) {
            Revision r = listed(methodologyId, number);
            if (r.state() == RevisionState.REJECTED) {
                throw new UnknownRevisionException(UnknownRevisionException.Reason.REJECTED,
                        "revision " + number + " of " + methodologyId + " was rejected and cannot be approved");
            }
            if (r.author().equals(approver)) {
                throw new UnknownRevisionException(UnknownRevisionException.Reason.OWN_REVISION, "revision " + number + " of " + methodologyId
                        + " was proposed by " + approver + ", who cannot approve it: a second policy user does");
            }
            if (r.approvedBy() != null) return r; // approved once is enough
            Instant now = Instant.now();
            if (store != null) store.approve(methodologyId, number, approver, now);
            Revision approved = new Revision(r.methodologyId(), r.number(), r.state(), r.hash(), r.author(), r.time(), r.comment(),
                    r.baseVersion(), r.files(), r.errors(), r.goldenChanges(), approver, now);
            replace(approved);
            LOG.info("Revision {} of {} approved by {}", number, methodologyId, approver);
            return approved;
        }
    }

    @Override
    public Revision acceptGoldenChanges(String methodologyId, int number, String author)
            throws UnknownMethodologyException, UnknownRevisionException, MethodologyUnavailableException, SameRevisionException {
        Revision r = revision(methodologyId, number);
        if (r.goldenChanges().isEmpty()) {
            throw new UnknownRevisionException(UnknownRevisionException.Reason.GOLDEN_CASES_NOT_ACCEPTABLE, "revision " + number + " of "
                    + methodologyId + (r.state() != RevisionState.REJECTED ? " passed its golden cases: there are no new numbers to accept"
                    : " was rejected for more than golden cases whose numbers moved (" + r.errors().get(0)
                    + "): fix that in a new revision; only moved numbers can be accepted"));
        }
        // The revision's tables as they were, golden cases with the numbers its rules gave; rule text is what serves now.
        Map<String, String> files = new TreeMap<>();
        filesOf(r).forEach((path, text) -> { if (!OperatorRuleText.isRuleFile(path)) files.put(path, text); });
        files.put(RuleBundleLayout.GOLDEN_CASES, GoldenCasesAccepted.apply(RuleBundleLayout.GOLDEN_CASES,
                files.getOrDefault(RuleBundleLayout.GOLDEN_CASES, ""), r.goldenChanges()));
        return propose(methodologyId, files, author, "revision " + number + " with its golden cases' new numbers accepted: "
                + GoldenChange.describe(r.goldenChanges()));
    }

    @Override
    public Serving serving(String methodologyId) throws UnknownMethodologyException {
        known(methodologyId);
        CompiledMethodology served = registry.served(methodologyId);
        if (served == null) {
            String restoring = registry.awaitedRevision(methodologyId);
            if (restoring == null) {
                return new Serving(methodologyId, registry.compiling(methodologyId) ? DeploymentState.PENDING : DeploymentState.REJECTED,
                        null, 0, null, null);
            }
            Activation a = activations.get(methodologyId);
            int n = Versions.revisionOf(restoring);
            return a != null && a.revision() == n ? new Serving(methodologyId, DeploymentState.PENDING, restoring, n, a.by(), a.at())
                    : new Serving(methodologyId, DeploymentState.PENDING, restoring, n, null, null);
        }
        String version = served.methodology().getVersion();
        int n = Versions.revisionOf(version);
        Activation a = activations.get(methodologyId);
        if (a != null && a.revision() == n && (n != 0 || registry.chosenBundle(methodologyId) == null
                || !registry.chosenBundle(methodologyId).time().isAfter(a.at()))) {
            return new Serving(methodologyId, DeploymentState.ACTIVE, version, n, a.by(), a.at());
        }
        var bundle = registry.chosenBundle(methodologyId); // the rule bundles serve, as an operator installed them
        return new Serving(methodologyId, DeploymentState.ACTIVE, version, n, bundle == null ? null : "rule bundle " + bundle.bundle(),
                bundle == null ? null : bundle.time());
    }

    @Override
    public Impact impact(String methodologyId, int number, List<Assessment> units)
            throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException {
        CompiledMethodology candidate = scorable(methodologyId, number);
        CompiledMethodology active = registry.served(methodologyId);
        if (active == null) throw new MethodologyUnavailableException(methodologyId, registry.errorsOf(methodologyId));
        List<ImpactLine> changed = new ArrayList<>();
        List<UnitOutcome> errors = new ArrayList<>();
        int unchanged = 0;
        for (Assessment unit : units) {
            try {
                ScoreResult before = active.score(unit);
                ScoreResult after = candidate.score(unit);
                if (before.index().compareTo(after.index()) == 0 && before.band().getCode().equals(after.band().getCode())) {
                    unchanged++;
                } else {
                    changed.add(new ImpactLine(unit.unit(), before.index(), before.band().getCode(), after.index(),
                            after.band().getCode(), after.index().subtract(before.index())));
                }
            } catch (InvalidAssessmentException e) {
                errors.add(new UnitOutcome(unit.unit(), null, e.errors()));
            }
        }
        return new Impact(methodologyId, active.methodology().getVersion(), candidate.methodology().getVersion(), changed, unchanged, errors);
    }

    /** What differs between two revisions; revision 0 is what the rule bundles hold, so 0 to n shows a revision's whole change. */
    @Override
    public List<Change> diff(String methodologyId, int from, int to) throws UnknownMethodologyException, UnknownRevisionException {
        return RevisionDiff.between(filesOf(methodologyId, from), filesOf(methodologyId, to));
    }

    private Map<String, String> filesOf(String methodologyId, int number) throws UnknownMethodologyException, UnknownRevisionException {
        if (number != 0) return revision(methodologyId, number).files();
        known(methodologyId);
        CompiledMethodology bundles = registry.bundleChoice(methodologyId);
        if (bundles == null) {
            throw new UnknownRevisionException(UnknownRevisionException.Reason.NO_RULE_BUNDLE,
                    methodologyId + " has no accepted rule bundle to stand for revision 0");
        }
        return bundles.files().files();
    }

    @Override
    public Methodology methodology(String methodologyId, int number) throws UnknownMethodologyException, UnknownRevisionException {
        return scorable(methodologyId, number).methodology();
    }

    @Override
    public ScoreResult score(String methodologyId, int number, Assessment assessment)
            throws UnknownMethodologyException, UnknownRevisionException, InvalidAssessmentException {
        return scorable(methodologyId, number).score(assessment);
    }

    /** The compiled revision, for scoring; a rejected one, or one that no longer compiles, cannot score. */
    private CompiledMethodology scorable(String methodologyId, int number) throws UnknownMethodologyException, UnknownRevisionException {
        Revision r = listed(methodologyId, number);
        if (r.state() == RevisionState.REJECTED) {
            throw new UnknownRevisionException(UnknownRevisionException.Reason.REJECTED,
                    "revision " + number + " of " + methodologyId + " was rejected and cannot score");
        }
        CompiledMethodology c = compiledOf(r);
        if (c == null) {
            throw new UnknownRevisionException(UnknownRevisionException.Reason.NO_LONGER_COMPILES,
                    "revision " + number + " of " + methodologyId + " no longer compiles");
        }
        return c;
    }

    /** The compiled revision, compiled on the compile thread the first time it is asked for (after a restart). */
    private CompiledMethodology compiledOf(Revision r) {
        CompiledMethodology c = compiled.get(key(r.methodologyId(), r.number()));
        if (c != null) return c;
        Map<String, String> files = filesOf(r);
        if (!operatorRuleText.isInstalled(r.methodologyId(), files)) {
            LOG.error("Revision {} of {} is not compiled: {}", r.number(), r.methodologyId(), NOT_INSTALLED);
            return null;
        }
        c = onCompileThread(r.methodologyId(), () -> compileChecked(r, files)).compiled();
        if (c != null) compiled.putIfAbsent(key(r.methodologyId(), r.number()), c);
        return c;
    }

    /** Only for a revision whose rule text is an operator's. */
    private Compilation compileChecked(Revision r, Map<String, String> files) {
        return compiler.compile(RuleSourceSnapshot.of("revision " + r.number(), r.version(), files), r.methodologyId());
    }

    private Compilation onCompileThread(String methodologyId, java.util.function.Supplier<Compilation> work) {
        try {
            return queue.call(methodologyId, work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rules compiled", e);
        }
    }

    /** Replaces a revision in the snapshot by number; under the lock. */
    private void replace(Revision r) {
        List<Revision> list = new ArrayList<>(snapshot.getOrDefault(r.methodologyId(), List.of()));
        list.replaceAll(x -> x.number() == r.number() ? r : x);
        Map<String, List<Revision>> next = new TreeMap<>(snapshot);
        next.put(r.methodologyId(), list);
        publish(next);
    }

    /** Under the lock: the new snapshot, immutable all the way down. */
    private void publish(Map<String, List<Revision>> next) {
        Map<String, List<Revision>> frozen = new TreeMap<>();
        next.forEach((id, list) -> frozen.put(id, List.copyOf(list)));
        snapshot = java.util.Collections.unmodifiableMap(frozen);
    }

    private void known(String methodologyId) throws UnknownMethodologyException {
        if (!registry.knows(methodologyId) && !snapshot.containsKey(methodologyId)) {
            throw new UnknownMethodologyException(methodologyId, registry.knownIds());
        }
    }

    private static String key(String methodologyId, int number) {
        return methodologyId + "#" + number;
    }

    private static Revision withoutFiles(Revision r) {
        return withFiles(r, Map.of());
    }

    private static Revision withState(Revision r, RevisionState state) {
        return withState(r, state, r.errors());
    }

    private static Revision withFiles(Revision r, Map<String, String> files) {
        return new Revision(r.methodologyId(), r.number(), r.state(), r.hash(), r.author(), r.time(), r.comment(), r.baseVersion(), files,
                r.errors(), r.goldenChanges(), r.approvedBy(), r.approvedAt());
    }

    private static Revision withState(Revision r, RevisionState state, List<RuleError> errors) {
        return new Revision(r.methodologyId(), r.number(), state, r.hash(), r.author(), r.time(), r.comment(), r.baseVersion(), r.files(),
                errors, r.goldenChanges(), r.approvedBy(), r.approvedAt());
    }

}
