package id.rapor.http.api;

import id.rapor.http.json.Audience;
import id.rapor.api.text.Message;
import id.rapor.http.resource.AssessmentReader;
import id.rapor.http.resource.BatchSlots;
import id.rapor.http.auth.Guard;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.jetty.ProblemErrorHandler;
import id.rapor.http.resource.RevisionsResource;
import id.rapor.http.resource.ScoringResource;
import id.rapor.http.auth.SecurityHook;
import id.rapor.http.resource.SystemResource;
import id.rapor.http.resource.Readiness;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import id.rapor.http.resource.AssessmentsResource;
import id.rapor.http.resource.RoundsResource;
import id.rapor.http.resource.EntryRoundsResource;
import id.rapor.http.resource.StoredScores;
import id.rapor.http.resource.StoredImpactResource;
import id.rapor.http.resource.TablesResource;
import id.rapor.exchange.sheet.SheetReader;
import id.rapor.http.resource.Needed;
import id.rapor.http.resource.RecordBodies;
import id.rapor.http.resource.RecordChangesResource;
import id.rapor.http.resource.RecordsAccess;
import id.rapor.http.resource.UnitsCsv;
import id.rapor.http.resource.UnitsResource;
import id.rapor.http.json.Problems;
import id.rapor.http.json.RecordProblems;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.EvidenceLimits;
import id.rapor.api.records.EvidenceStore;
import id.rapor.http.resource.EvidenceResource;
import id.rapor.http.resource.SessionResource;
import id.rapor.http.resource.UsersResource;
import id.rapor.api.records.RecordChanges;
import id.rapor.api.records.UnitRegistry;
import id.rapor.api.monitoring.MonitoringService;
import id.rapor.http.resource.MonitoringResource;
import id.rapor.http.resource.ReportResource;
import id.rapor.api.report.ReportService;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import id.rapor.api.AuditTrail;
import id.rapor.api.advice.ImprovementPlanner;
import id.rapor.api.advice.MethodologyComparison;
import id.rapor.http.resource.AdviceResource;
import id.rapor.api.FieldError;
import id.rapor.api.RuleRevisions;
import id.rapor.api.ScoringService;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API v1 over HTTP: gives each request its id, applies CORS (and refuses changes from foreign
 * origins), admits its body under the limits of {@link RequestBodies} (how many at once, and by
 * when), routes by the table of {@link Routes} to the scoring, revision and system resources, and turns every refusal into
 * problem+json — never a stack trace or an HTML error page. Nothing is logged on the success
 * path unless the access log is on; what is logged from a request goes through {@link LogSafe}.
 */
@Component(service = Servlet.class, configurationPid = Settings.PID,
        // Never with defaults that etc/id.rapor.http.cfg overrides: scoring meant to be protected is never open, even for a moment.
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = {
        // The API's own prefix: the rest of the context (/) is the web application's (bundle rapor-web).
        "osgi.http.whiteboard.servlet.pattern=" + ApiServlet.PATTERN,
        "osgi.http.whiteboard.servlet.name=rapor-api-v1",
        // In Rapor's servlet context, whose security hook identifies each caller (SecurityHook).
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + SecurityHook.CONTEXT + ")"
})
@Designate(ocd = Settings.class)
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final String PREFIX = "/api/v1/";
    static final String PATTERN = "/api/v1/*";

    private final transient JsonFactory json = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    private final transient JsonResponses out = new JsonResponses(json);

    @Reference
    private transient ScoringService scoring;

    @Reference
    private transient RuleRevisions revisions;

    @Reference
    private transient AuditTrail audit;

    @Reference
    private transient Guard guard;

    /** Advice comes with its own bundle: optional, so the API never waits for it to start (its endpoints answer 503 meanwhile). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ImprovementPlanner planner;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile MethodologyComparison comparison;

    /** The records come with the database, which may be late or away: their endpoints answer 503 meanwhile. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile UnitRegistry units;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile AssessmentRecords assessmentRecords;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile EvidenceStore evidenceStore;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile id.rapor.api.records.EntryRounds entryRounds;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile RecordChanges recordChanges;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile MonitoringService monitoringService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ReportService reportService;

    /** The figures of GET /metrics (bundle rapor-metrics): optional, counted only while it is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile id.rapor.api.metrics.Meters meters;

    /** The records' database, for readiness only (it registers once migrated, and may be late or away). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            target = "(rapor.database.kind=*)")
    private transient volatile DataSource database;

    /** Asks the database for readiness (Readiness): one daemon thread, so probes never pile up on it. */
    private final transient ExecutorService probes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rapor-readiness");
        t.setDaemon(true);
        return t;
    });

    /** Ends request bodies at their deadline (RequestBodies); one daemon thread, for as long as the servlet is registered. */
    private final transient ScheduledThreadPoolExecutor deadlines = deadlineTimer();

    /** What the settings make: replaced whole when they change. */
    private record Configured(Cors cors, boolean accessLog, Routes routes, RequestBodies bodies, long maxBodyBytes) {}

    private transient volatile Configured configured;
    /** Kept across changes of other settings, so that batches running when settings change stay counted. */
    private transient BatchSlots batchSlots;

    /** Where backups are written and what they hold (the launcher's data/, etc/ and deploy/). */
    private transient id.rapor.http.backup.BackupArchive.Home backupHome;

    @Activate
    void activate(org.osgi.framework.BundleContext context, Settings settings) throws IOException {
        java.nio.file.Path data = java.nio.file.Path.of(java.util.Objects.requireNonNullElse(context.getProperty("rapor.data"), "data"));
        String users = context.getProperty("rapor.users.file");
        String deploy = context.getProperty("rapor.deploy");
        backupHome = new id.rapor.http.backup.BackupArchive.Home(data.toAbsolutePath(),
                users != null ? java.nio.file.Path.of(users).toAbsolutePath().getParent() : data.resolveSibling("etc").toAbsolutePath(),
                deploy != null ? java.nio.file.Path.of(deploy).toAbsolutePath() : data.resolveSibling("deploy").toAbsolutePath());
        configure(settings);
    }

    /** Changed settings apply to the next request; a request under way finishes as it began. */
    @Modified
    void modified(Settings settings) throws IOException {
        configure(settings);
        LOG.info("HTTP settings applied: scoring {}, CORS {}, access log {}", settings.scoring_protected() ? "protected" : "open",
                settings.cors_origins().isBlank() ? "off" : LogSafe.of(settings.cors_origins()), settings.access_log() ? "on" : "off");
    }

    private void configure(Settings settings) throws IOException {
        Cors cors = new Cors(settings.cors_origins().isBlank() ? null : settings.cors_origins());
        boolean scoringProtected = settings.scoring_protected();
        AssessmentReader assessments = new AssessmentReader(json,
                Settings.Check.within("batch.max.units", settings.batch_max_units(), 1, 1_000_000, AssessmentReader.DEFAULT_MAX_UNITS));
        int concurrentBatches = Settings.Check.within("batch.concurrent", settings.batch_concurrent(), 1, 1000, 2);
        if (batchSlots == null || batchSlots.count() != concurrentBatches) batchSlots = new BatchSlots(concurrentBatches);
        BatchSlots batches = batchSlots;
        ScoringResource scoringResource = new ScoringResource(scoring, revisions, assessments, out, guard, scoringProtected, batches);
        byte[] openApi;
        try (var in = ApiServlet.class.getResourceAsStream("openapi.json")) {
            openApi = in.readAllBytes();
        }
        SystemResource system = new SystemResource(scoring, revisions, audit, guard, out, openApi, new Readiness(scoring, () -> database, probes));
        // 64 MiB: a batch of 5,000 units of 200 answers each is under 10 MiB; beyond that only the heap is at stake.
        int maxBodyBytes = Settings.Check.within("body.max.bytes", settings.body_max_bytes(), 1024, 64 << 20, RequestBody.DEFAULT_MAX_BYTES);
        Needed<UnitRegistry> unitRegistry = () -> present(units);
        Needed<RecordsAccess> access = () -> new RecordsAccess(guard, present(units));
        RecordBodies recordBodies = new RecordBodies(json);
        UnitsResource unitsResource = new UnitsResource(unitRegistry, access, recordBodies, new UnitsCsv(), out);
        StoredScores storedScores = new StoredScores(scoring, json);
        int maxDrafts = Settings.Check.within("assessment.drafts.max", settings.assessment_drafts_max(), 1, 1000, 10);
        AssessmentsResource assessmentsResource = new AssessmentsResource(() -> present(assessmentRecords), access, storedScores,
                recordBodies, out, maxDrafts);
        // A round's sheet, and a workbook of a methodology's tables, are read whole under their own limits (import.max.*), not body.max.bytes.
        SheetReader sheets = new SheetReader(Settings.Check.within("import.max.rows", settings.import_max_rows(), 1, 1_000_000, 10_000),
                Settings.Check.within("import.max.unpacked.bytes", settings.import_max_unpacked_bytes(), 64 << 10, 1 << 30, 128 << 20));
        long maxSheetBytes = Settings.Check.within("import.max.bytes", settings.import_max_bytes(), 1024, 256 << 20, 16 << 20);
        RoundsResource rounds = new RoundsResource(unitRegistry, () -> present(assessmentRecords), access, storedScores, recordBodies,
                sheets, maxSheetBytes, maxDrafts, batches, out);
        TablesResource tables = TablesResource.of(revisions, sheets, guard, out);
        RevisionsResource revisionsResource = new RevisionsResource(json, revisions, assessments, out, guard, batches, tables, maxSheetBytes);
        StoredImpactResource storedImpact = new StoredImpactResource(revisions, storedScores, unitRegistry, () -> present(assessmentRecords),
                recordBodies, guard, out, batches);
        // Evidence streams to disk under its own limit, not body.max.bytes (up to 1 GiB: a disk's worth, not the heap's); a
        // unit's evidence together, and the disk's free space, are bounded too, so no caller can fill the disk under data/.
        EvidenceLimits evidenceLimits = new EvidenceLimits(
                Settings.Check.within("evidence.max.bytes", settings.evidence_max_bytes(), 1024, 1 << 30, 10 << 20),
                Settings.Check.within("evidence.max.files", settings.evidence_max_files(), 1, 10_000, 100),
                Settings.Check.within("evidence.unit.max.bytes", settings.evidence_unit_max_bytes(), 1L << 20, 1L << 40, 2L << 30),
                Settings.Check.within("evidence.disk.min.free.bytes", settings.evidence_disk_min_free_bytes(), 0, 1L << 40, 512L << 20));
        EvidenceResource evidence = new EvidenceResource(() -> present(assessmentRecords), () -> present(evidenceStore), access, scoring,
                evidenceLimits, out);
        RecordChangesResource recordAudit = new RecordChangesResource(() -> present(recordChanges), access, out);
        MonitoringResource monitoring = new MonitoringResource(() -> present(monitoringService), unitRegistry, access, out);
        ReportResource reports = new ReportResource(() -> present(reportService), access, batches);
        SessionResource session = new SessionResource(guard, json, out);
        UsersResource users = new UsersResource(guard, unitRegistry, json, out);
        EntryRoundsResource entryRoundsResource = new EntryRoundsResource(() -> present(entryRounds), unitRegistry, guard, scoring, json, out);
        AdviceResource advice = new AdviceResource(() -> advice(planner), () -> advice(comparison), scoring, scoringResource, () -> present(assessmentRecords), access,
                recordBodies, json, out);
        id.rapor.http.resource.BackupResource backups = new id.rapor.http.resource.BackupResource(guard, () -> present(database),
                () -> present(evidenceStore), backupHome, Settings.Check.within("backups.keep", settings.backups_keep(), 1, 1000, 10), batches, out);
        // The API, one line per operation as openapi.json lists them.
        Routes routes = new Routes(maxBodyBytes)
                .add("GET", "/health", system::health)
                .add("GET", "/health/live", system::live)
                .add("GET", "/health/ready", system::ready)
                .add("GET", "/openapi.json", system::openApi)
                .add("POST", "/session", session::login)
                .add("GET", "/session", session::session)
                .add("DELETE", "/session", session::logout)
                .add("GET", "/users", users::list)
                .add("GET", "/users/{name}", users::user)
                .add("PUT", "/users/{name}", users::put)
                .add("DELETE", "/users/{name}", users::delete)
                .add("GET", "/deployments", system::deployments)
                .add("GET", "/audit", system::audit)
                .add("GET", "/methodologies", scoringResource::list)
                .add("GET", "/methodologies/{id}", scoringResource::methodology)
                .add("POST", "/methodologies/{id}/score", scoringResource::score)
                .add("POST", "/methodologies/{id}/score/batch", scoringResource::batch)
                .add("POST", "/score", scoringResource::scoreByYear)
                .add("POST", "/score/batch", scoringResource::batchByYear)
                .add("POST", "/methodologies/{id}/plan", advice::plan)
                .add("POST", "/compare", advice::compare)
                .add("GET", "/methodologies/{id}/revisions", revisionsResource::list)
                .add("POST", "/methodologies/{id}/revisions", revisionsResource::propose)
                .add("GET", "/methodologies/{id}/revisions/{n}", revisionsResource::revision)
                .add("POST", "/methodologies/{id}/revisions/{n}/activate", revisionsResource::activate)
                .add("POST", "/methodologies/{id}/revisions/{n}/approve", revisionsResource::approve)
                .add("POST", "/methodologies/{id}/revisions/{n}/accept-golden", revisionsResource::acceptGolden)
                .add("POST", "/methodologies/{id}/revisions/{n}/impact", revisionsResource::impact)
                .add("GET", "/methodologies/{id}/revisions/{n}/impact", storedImpact::impact)
                .add("GET", "/methodologies/{id}/tables", tables::tables)
                .add("GET", "/methodologies/{id}/revisions/{a}/diff/{b}", revisionsResource::diff)
                .add("GET", "/units", unitsResource::list)
                .add("POST", "/units", unitsResource::create)
                .add("POST", "/units/import", unitsResource::importCsv)
                .add("GET", "/units/{id}", unitsResource::unit)
                .add("PUT", "/units/{id}", unitsResource::update)
                .add("GET", "/units/{id}/assessments", assessmentsResource::list)
                .add("POST", "/units/{id}/assessments", assessmentsResource::create)
                .add("GET", "/units/{id}/official", assessmentsResource::official)
                .add("GET", "/units/{id}/history", monitoring::history)
                .add("GET", "/monitoring", monitoring::round)
                .add("GET", "/units/{id}/report", reports::unit)
                .add("GET", "/monitoring/report", reports::region)
                .add("GET", "/assessments/{id}", assessmentsResource::assessment)
                .add("PUT", "/assessments/{id}", assessmentsResource::update)
                .add("POST", "/assessments/{id}/submit", assessmentsResource::submit)
                .add("POST", "/assessments/{id}/finalize", assessmentsResource::finalizeAssessment)
                .add("POST", "/assessments/{id}/rescore", assessmentsResource::rescore)
                .add("GET", "/rounds/export", rounds::export)
                .add("POST", "/rounds/import", rounds::importRound)
                .add("GET", "/rounds", entryRoundsResource::list)
                .add("POST", "/rounds", entryRoundsResource::create)
                .add("GET", "/rounds/{id}", entryRoundsResource::round)
                .add("PUT", "/rounds/{id}", entryRoundsResource::update)
                .add("GET", "/assessments/{id}/plan", advice::planStored)
                .add("GET", "/assessments/{id}/evidence", evidence::list)
                .add("PUT", "/assessments/{id}/evidence/{indicator}", evidence::attach)
                .add("GET", "/assessments/{id}/evidence/{indicator}/{name}", evidence::download)
                .add("DELETE", "/assessments/{id}/evidence/{indicator}/{name}", evidence::remove)
                .add("GET", "/records/audit", recordAudit::page)
                .add("POST", "/backups", backups::create);
        RequestBodies bodies = new RequestBodies(deadlines,
                Settings.Check.within("bodies.concurrent", settings.bodies_concurrent(), 1, 100_000, 100),
                Settings.Check.within("body.deadline.ms", settings.body_deadline_ms(), 1000, 3_600_000, 20_000));
        configured = new Configured(cors, settings.access_log(), routes, bodies, maxBodyBytes);
    }

    private static <T> T advice(T service) throws HttpProblem {
        if (service == null) throw id.rapor.http.json.AdviceProblems.notReady();
        return service;
    }

    private static <T> T present(T service) throws HttpProblem {
        if (service == null) throw RecordProblems.notReady();
        return service;
    }

    @Deactivate
    void deactivate() {
        deadlines.shutdownNow();
        probes.shutdownNow();
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rapor-body-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true); // most bodies are in long before their deadline
        return timer;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        String requestId = RequestIds.of(request.getHeader(RequestIds.HEADER));
        LogContext.begin(requestId);
        try {
            answer(request, response, requestId);
        } finally {
            id.rapor.api.metrics.Meters m = meters;
            if (m != null) {
                Object route = request.getAttribute(Routes.ROUTE);
                m.request(request.getMethod(), route == null ? "unmatched" : (String) route, response.getStatus(), System.nanoTime() - start);
            }
            LogContext.end();
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String requestId) throws IOException {
        request.setAttribute(RequestIds.HEADER, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        // Every answer is in the language the caller reads (Indonesian unless they ask for English).
        response.setHeader("Content-Language", Audience.language(request).tag());
        response.addHeader("Vary", "Accept-Language");
        Configured now = configured;
        Cors cors = now.cors();
        if (cors.apply(request, response)) return;
        RequestBodies.Admitted admitted;
        try {
            admitted = now.bodies().admit(request);
        } catch (HttpProblem busy) {
            // Not a byte of its body is read, and the connection is closed: refusing costs no thread a wait.
            response.setHeader("Connection", "close");
            problem(request, response, busy, requestId);
            return;
        }
        try (admitted) {
            handle(now, admitted, response, requestId);
        }
    }

    /** The request, whose body (if any) is read under the limits of {@link RequestBodies}. */
    private void handle(Configured now, HttpServletRequest request, HttpServletResponse response, String requestId) throws IOException {
        try {
            HttpProblem crossSite = now.cors().crossSiteRefusal(request);
            if (crossSite != null) throw crossSite;
            route(now.routes(), request, response);
            if (now.accessLog()) {
                LOG.info("[{}] {} {} {}", LogSafe.of(requestId), LogSafe.of(request.getMethod()), LogSafe.of(request.getRequestURI()),
                        response.getStatus());
            }
        } catch (HttpProblem p) {
            // A refusal may come before the body was read (404 for an unknown year, 401): read the rest,
            // or the container may close a kept-alive connection under a client about to reuse it.
            if (!drain(request, now.maxBodyBytes())) response.setHeader("Connection", "close");
            problem(request, response, p, requestId);
        } catch (LimitedInputStream.TooLarge e) {
            // Read the rest of the body so the answer reaches a client that is still sending: closing
            // a connection with unread data makes the kernel reset it, and the 413 is lost.
            if (!drain(request, now.maxBodyBytes())) response.setHeader("Connection", "close");
            problem(request, response, RequestBody.tooLarge(e.limit()), requestId);
        } catch (RequestBody.Interrupted e) {
            // The body stopped arriving (idle timeout), trickled in below the minimum data rate or was not in by
            // its deadline: say so, never a 200 with nothing, and close the connection, whose remaining bytes are unknown.
            response.setHeader("Connection", "close");
            problem(request, response, e.tooSlow()
                    ? HttpProblem.of(408, "request-timeout", Message.of("problem.request-timeout.body"), e.late() ? e.message()
                            : Message.of("problem.request-timeout.detail.slow"), List.of())
                    : HttpProblem.of(400, "incomplete-body", Message.of("problem.incomplete-body.detail"), List.of()), requestId);
        } catch (id.rapor.api.records.RecordsUnavailableException e) {
            // The database went away under the request (wherever it was asked): nothing was changed; say so, and when to retry.
            if (!drain(request, now.maxBodyBytes())) response.setHeader("Connection", "close");
            problem(request, response, RecordProblems.unavailable(e), requestId);
        } catch (id.rapor.api.RevisionStoreException e) {
            // The shared revisions' database failed under the request: nothing was changed; 503 to retry, or 409.
            if (!drain(request, now.maxBodyBytes())) response.setHeader("Connection", "close");
            LOG.warn("{} {}: {}", LogSafe.of(request.getMethod()), LogSafe.of(request.getRequestURI()), LogSafe.of(e.getMessage()));
            problem(request, response, Problems.revisionStore(e), requestId);
        } catch (IOException e) {
            // The client went away mid-answer: nothing can be sent, and it is not our failure.
            LOG.debug("{} {}: connection lost: {}", LogSafe.of(request.getMethod()), LogSafe.of(request.getRequestURI()),
                    LogSafe.of(e.toString()));
        } catch (RuntimeException | Error e) {
            failed(request, response, e, requestId);
        }
    }

    /** A failure no resource turned into a refusal: Jetty's, for something the client sent, or ours. */
    private void failed(HttpServletRequest request, HttpServletResponse response, Throwable e, String requestId) throws IOException {
        int status = ContainerFailures.clientStatus(e);
        if (status == 400) {
            // Jetty decodes the query string only when a parameter is asked for.
            problem(request, response, HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.encoding"),
                    List.of(FieldError.of("query", "query.encoding"))), requestId);
            return;
        }
        response.setHeader("Connection", "close");
        if (status > 0) {
            // Another refusal Jetty made while the API was asking it for something: the client's, not ours.
            problem(request, response, ProblemErrorHandler.problem(status, null), requestId);
            return;
        }
        // Everything else is ours to fix, even an Error such as OutOfMemoryError: the client gets a
        // problem without internals, the log the whole story (escaped: messages may quote the request).
        LOG.error("[{}] {} {} failed", LogSafe.of(requestId), LogSafe.of(request.getMethod()), LogSafe.of(request.getRequestURI()),
                LogSafe.failure(e));
        problem(request, response, HttpProblem.of(500, "internal-error", Message.of("problem.internal-error.detail.logged", requestId), List.of()),
                requestId);
    }

    private void route(Routes routes, HttpServletRequest request, HttpServletResponse response) throws IOException, HttpProblem {
        String path = path(request);
        if (!path.startsWith(PREFIX)) throw HttpProblem.notFound(Message.of("problem.not-found.detail.prefix", path, PREFIX));
        routes.dispatch(request, response, path.substring(PREFIX.length() - 1));
    }

    /**
     * Reads what is left of a refused body (up to a bound) before answering, so the client,
     * still sending, receives the 413 instead of a reset connection.
     */
    private void problem(HttpServletRequest request, HttpServletResponse response, HttpProblem p, String requestId)
            throws IOException {
        if (p.status() < 500) {
            // Every value here may come from the request (path, field names, user names): escaped.
            LOG.info("[{}] {} {} {}: {} {}", LogSafe.of(requestId), LogSafe.of(request.getMethod()), LogSafe.of(request.getRequestURI()),
                    p.status(), LogSafe.of(p.detail()),
                    p.errors().isEmpty() ? "" : LogSafe.of(p.errors().get(0).field()) + ": " + LogSafe.of(p.errors().get(0).message())
                            + (p.errors().size() > 1 ? " (+" + (p.errors().size() - 1) + " more)" : ""));
        }
        out.problem(request, response, p, requestId);
    }

    private static boolean drain(HttpServletRequest request, long maxBodyBytes) {
        byte[] buffer = new byte[16384];
        long left = 16 * maxBodyBytes;
        try {
            var in = request.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                left -= n;
                if (left < 0) return false; // too much to swallow: answer and close
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // the client gave up, or sends too slowly to wait for
        }
    }

    /** The decoded path within the context: the servlet's prefix (/api/v1) and what follows it. */
    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        String path = request.getServletPath() + (info == null ? "" : info);
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return path;
    }

}
