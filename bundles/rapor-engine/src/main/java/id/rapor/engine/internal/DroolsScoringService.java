package id.rapor.engine.internal;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.AuditTrail;
import id.rapor.api.RuleRevisions;
import id.rapor.api.model.AuditEntry;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.model.Revision;
import id.rapor.api.model.Change;
import id.rapor.api.model.Impact;
import java.nio.file.Path;
import java.util.Map;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Deployment;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.model.RegionResult;
import id.rapor.api.model.ScoreResult;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The scoring service: looks up the served version of a methodology and lets it score. */
@Component(service = {ScoringService.class, RuleRevisions.class, AuditTrail.class}, immediate = true)
public final class DroolsScoringService implements ScoringService, RuleRevisions, AuditTrail {
    private final MethodologyRegistry registry = new MethodologyRegistry();
    private AuditFile audit = new AuditFile(null);
    private RuleBundleExtender extender;
    private CompileQueue compileQueue;
    private RevisionManager revisionManager;
    private ScoreBudget budget;
    private org.osgi.framework.ServiceRegistration<?> deployFolder;

    @Activate
    void activate(BundleContext context) {
        budget = new ScoreBudget(ScoreBudget.MAX_FIRINGS, millis(context.getProperty("rapor.scoring.budget.ms"), ScoreBudget.DEFAULT_MILLIS));
        RuleBundleCompiler compiler = new RuleBundleCompiler(getClass().getClassLoader(), budget, GoldenCaseRunner.LIMIT_MILLIS);
        String data = context.getProperty("rapor.data");
        if (data != null) audit = new AuditFile(Path.of(data).resolve("audit.jsonl"));
        OperatorRuleText operatorRuleText = new OperatorRuleText();
        revisionManager = new RevisionManager(compiler, registry, data == null ? null : new RevisionStore(Path.of(data)), operatorRuleText);
        compileQueue = new CompileQueue(getClass().getClassLoader());
        extender = new RuleBundleExtender(context, compiler, registry, audit, compileQueue, operatorRuleText);
        // Stored active revisions compile after the shipped bundles (same thread), then win over them.
        extender.open();
        revisionManager.restore(compileQueue);
        String deploy = context.getProperty("felix.fileinstall.dir");
        if (deploy != null) {
            // Ranked above FileInstall's own bundle handling, which would update a shipped bundle in place.
            deployFolder = context.registerService(org.apache.felix.fileinstall.ArtifactInstaller.class,
                    new DeployFolderInstaller(context, new java.io.File(deploy), registry, audit),
                    new java.util.Hashtable<>(Map.of(org.osgi.framework.Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        }
        String edit = context.getProperty("rapor.edit");
        if (edit != null) {
            EditFolderWatcher watcher = new EditFolderWatcher(Path.of(edit), registry, revisionManager, audit);
            long poll = Long.parseLong(context.getProperty("rapor.edit.poll.ms") == null ? "1000" : context.getProperty("rapor.edit.poll.ms"));
            editPoller = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rapor-edit-folder");
                t.setDaemon(true);
                t.setContextClassLoader(DroolsScoringService.class.getClassLoader());
                return t;
            });
            editPoller.scheduleWithFixedDelay(watcher::poll, poll, poll, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private java.util.concurrent.ScheduledExecutorService editPoller;

    /** A setting in milliseconds; a wrong one is said in the log and the default stands, rather than no scoring at all. */
    private static long millis(String value, long fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            long v = Long.parseLong(value.trim());
            if (v >= 1) return v;
        } catch (NumberFormatException e) {
            // said below
        }
        org.slf4j.LoggerFactory.getLogger(DroolsScoringService.class).error("scoring.budget.ms must be a whole number of milliseconds"
                + " of at least 1, not '{}'; using {}", value.replaceAll("\\p{Cntrl}", "?"), fallback);
        return fallback;
    }

    @Override
    public void record(AuditEntry entry) {
        audit.record(entry);
    }

    @Override
    public List<AuditEntry> last(int limit) {
        return audit.last(limit);
    }

    @Override
    public List<Revision> revisions(String methodologyId) throws UnknownMethodologyException {
        return revisionManager.list(methodologyId);
    }

    @Override
    public Revision revision(String methodologyId, int number) throws UnknownMethodologyException, UnknownRevisionException {
        return revisionManager.get(methodologyId, number);
    }

    @Override
    public Revision propose(String methodologyId, Map<String, String> changedFiles, String author, String comment)
            throws UnknownMethodologyException, MethodologyUnavailableException {
        return revisionManager.propose(methodologyId, changedFiles, author, comment);
    }

    @Override
    public Revision activate(String methodologyId, int number, String author) throws UnknownMethodologyException, UnknownRevisionException {
        return revisionManager.activate(methodologyId, number, author);
    }

    @Override
    public Impact impact(String methodologyId, int number, List<Assessment> units)
            throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException {
        return revisionManager.impact(methodologyId, number, units);
    }

    @Override
    public List<Change> diff(String methodologyId, int from, int to) throws UnknownMethodologyException, UnknownRevisionException {
        return revisionManager.diff(methodologyId, from, to);
    }

    @Override
    public ScoreResult score(String methodologyId, int number, Assessment assessment)
            throws UnknownMethodologyException, UnknownRevisionException, InvalidAssessmentException {
        return revisionManager.score(methodologyId, number, assessment);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (deployFolder != null) deployFolder.unregister();
        if (editPoller != null) editPoller.shutdownNow();
        extender.close();
        compileQueue.close();
        // Work already running (an edit being proposed, a compile) finishes before the service is gone.
        if (editPoller != null) editPoller.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        compileQueue.awaitStopped(10_000);
        budget.close();
    }

    @Override
    public List<MethodologySummary> methodologies() {
        return registry.summaries();
    }

    @Override
    public Methodology methodology(String id) throws UnknownMethodologyException, MethodologyUnavailableException {
        return served(id).methodology();
    }

    @Override
    public ScoreResult score(String methodologyId, Assessment assessment)
            throws UnknownMethodologyException, MethodologyUnavailableException, InvalidAssessmentException {
        return served(methodologyId).score(assessment);
    }

    @Override
    public String resolve(String family, int year) throws UnknownYearException {
        CompiledMethodology c = registry.resolve(family, year);
        if (c == null) throw new UnknownYearException(family, year, registry.yearsOf(family));
        return c.methodology().getId();
    }

    @Override
    public RegionResult scoreRegion(String methodologyId, String region, List<Assessment> units, String atOrBelow)
            throws UnknownMethodologyException, MethodologyUnavailableException, InvalidAssessmentException {
        return RegionScorer.score(served(methodologyId), region, units, atOrBelow);
    }

    @Override
    public List<Deployment> deployments() {
        return registry.deployments();
    }

    @Override
    public int pendingRuleBundles() {
        return compileQueue.pending();
    }

    private CompiledMethodology served(String id) throws UnknownMethodologyException, MethodologyUnavailableException {
        CompiledMethodology compiled = registry.served(id);
        if (compiled != null) return compiled;
        // Still compiling (at startup, or just deployed): put it first in line and say when to come back.
        if (compileQueue.hurry(id)) throw MethodologyUnavailableException.compiling(id);
        if (registry.knows(id)) throw new MethodologyUnavailableException(id, registry.errorsOf(id));
        throw new UnknownMethodologyException(id, registry.knownIds());
    }
}
