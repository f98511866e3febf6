package id.rapor.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.AuditTrail;
import id.rapor.api.RuleRevisions;
import id.rapor.api.model.AuditEntry;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownRevisionException;
import java.nio.file.Path;
import id.rapor.api.FieldError;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.model.RegionResult;
import id.rapor.api.model.UnitOutcome;
import java.util.ArrayList;
import id.rapor.api.model.Assessment;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API v1 over HTTP. Routes by path, turns every refusal into problem+json and never lets a
 * stack trace or an HTML error page reach the caller. Nothing is logged on the success path.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=rapor-api-v1"
})
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    static final long MAX_BODY = 1024 * 1024;
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PREFIX = "/api/v1/";

    private final transient JsonFactory json = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    private final transient AssessmentReader assessments = new AssessmentReader(json);

    @Reference
    private transient ScoringService scoring;

    @Reference
    private transient RuleRevisions revisions;

    @Reference
    private transient AuditTrail audit;

    private transient Cors cors = new Cors(null);
    private transient boolean accessLog;
    private transient boolean scoringProtected;
    private transient byte[] openApi;
    private transient Authenticator authenticator;
    private final transient RevisionsResource revisionRequests = new RevisionsResource(json);

    @Activate
    void activate(BundleContext context) throws IOException {
        cors = new Cors(context.getProperty("rapor.http.cors.origins"));
        accessLog = Boolean.parseBoolean(context.getProperty("rapor.http.access.log"));
        scoringProtected = Boolean.parseBoolean(context.getProperty("rapor.http.scoring.protected"));
        String users = context.getProperty("rapor.users.file");
        // Without a users file nobody can authenticate: every protected call is refused.
        authenticator = new Authenticator(new UsersFile(Path.of(users != null ? users : "rapor-no-users-file")));
        try (var in = ApiServlet.class.getResourceAsStream("openapi.json")) {
            openApi = in.readAllBytes();
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = RequestIds.of(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIds.HEADER, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        if (cors.apply(request, response)) return;
        try {
            route(request, response);
            if (accessLog) LOG.info("[{}] {} {} {}", requestId, request.getMethod(), request.getRequestURI(), response.getStatus());
        } catch (HttpProblem p) {
            problem(request, response, p, requestId);
        } catch (LimitedInputStream.TooLarge e) {
            // Read the rest of the body so the answer reaches a client that is still sending: closing
            // a connection with unread data makes the kernel reset it, and the 413 is lost.
            if (!drain(request)) response.setHeader("Connection", "close");
            problem(request, response, HttpProblem.of(413, "body-too-large", "Request body too large",
                    "The body is larger than " + MAX_BODY + " bytes (1 MiB).", List.of()), requestId);
        } catch (IOException e) {
            // The client went away mid-body or mid-answer: nothing can be sent, and it is not our failure.
            LOG.debug("{} {}: connection lost: {}", request.getMethod(), request.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("[{}] {} {} failed", requestId, request.getMethod(), request.getRequestURI(), e);
            problem(request, response, HttpProblem.of(500, "internal-error", "Internal error",
                    "The request could not be completed; the server log has the details (request " + requestId + ").", List.of()),
                    requestId);
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response) throws IOException, HttpProblem {
        String path = path(request);
        String method = request.getMethod();
        if (!path.startsWith(PREFIX)) throw HttpProblem.notFound("No resource at " + path + "; the API lives under " + PREFIX);
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        switch (segments[0]) {
            case "health" -> {
                if (segments.length == 1) {
                    allow(method, "GET");
                    send(response, 200, g -> JsonViews.health(g, scoring.methodologies(), scoring.pendingRuleBundles()));
                    return;
                }
            }
            case "openapi.json" -> {
                if (segments.length == 1) {
                    allow(method, "GET");
                    sendBytes(response, openApi);
                    return;
                }
            }
            case "audit" -> {
                if (segments.length == 1) {
                    allow(method, "GET");
                    guarded(request, "policy", "audit.read", null, null);
                    var entries = audit.last(1000);
                    send(response, 200, g -> JsonViews.audit(g, entries));
                    return;
                }
            }
            case "deployments" -> {
                if (segments.length == 1) {
                    allow(method, "GET");
                    send(response, 200, g -> JsonViews.deployments(g, scoring.deployments()));
                    return;
                }
            }
            case "methodologies" -> {
                if (segments.length == 1) {
                    allow(method, "GET");
                    list(request, response);
                    return;
                }
                String id = segments[1];
                if (segments.length == 2 && !id.isEmpty()) {
                    allow(method, "GET");
                    methodology(response, id);
                    return;
                }
                if (segments.length >= 3 && !id.isEmpty() && segments[2].equals("score") && scorePath(request, response, segments, 3, id)) {
                    return;
                }
                if (segments.length >= 3 && !id.isEmpty() && segments[2].equals("revisions") && revisions(request, response, segments, id)) {
                    return;
                }
            }
            case "score" -> {
                // By family and year: /api/v1/score?family=ombudsman&year=2023 (and /score/batch).
                if (scorePath(request, response, segments, 1, null)) return;
            }
            default -> { }
        }
        throw HttpProblem.notFound("No resource at " + path + ".");
    }

    /** {@code …/score} or {@code …/score/batch} from segment {@code at}; the methodology by id, or by family and year. */
    private boolean scorePath(HttpServletRequest request, HttpServletResponse response, String[] segments, int at, String id)
            throws IOException, HttpProblem {
        boolean batch = segments.length == at + 1 && segments[at].equals("batch");
        if (segments.length != at && !batch) return false;
        allow(request.getMethod(), "POST");
        if (scoringProtected) guarded(request, "evaluator", "score", id, null);
        String methodologyId = id != null ? id : resolve(request);
        if (batch) region(request, response, methodologyId); else score(request, response, methodologyId);
        return true;
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException, HttpProblem {
        var all = scoring.methodologies();
        String family = request.getParameter("family");
        // ?family=… alone lists that family's methodologies; with &year=… it resolves to one.
        String resolved = request.getParameter("year") == null ? null : resolve(request);
        var chosen = all.stream()
                .filter(m -> resolved != null ? m.id().equals(resolved) : family == null || family.equals(m.family()))
                .toList();
        send(response, 200, g -> JsonViews.summaries(g, chosen));
    }

    /** The methodology id that ?family=…&year=… name. */
    private String resolve(HttpServletRequest request) throws HttpProblem {
        String family = request.getParameter("family");
        String year = request.getParameter("year");
        if (family == null || family.isBlank() || year == null) {
            throw HttpProblem.of(400, "malformed-request", "Malformed request", "Choose a methodology by family and year together.",
                    List.of(new FieldError(family == null || family.isBlank() ? "family" : "year",
                            "missing; expected ?family=<pekppp|ombudsman|skm>&year=<yyyy>")));
        }
        int y;
        try {
            y = Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw HttpProblem.of(400, "malformed-request", "Malformed request", "year must be a whole year.",
                    List.of(new FieldError("year", "expected a year such as 2023, got '" + year + "'")));
        }
        try {
            return scoring.resolve(family, y);
        } catch (UnknownYearException e) {
            throw Problems.unknownYear(family, y, e);
        }
    }

    private void region(HttpServletRequest request, HttpServletResponse response, String id) throws IOException, HttpProblem {
        if (request.getContentLengthLong() > MAX_BODY) throw new LimitedInputStream.TooLarge(MAX_BODY);
        AssessmentReader.Region region = assessments.readRegion(new LimitedInputStream(request.getInputStream(), MAX_BODY));
        List<Assessment> valid = new ArrayList<>();
        for (AssessmentReader.UnitInput u : region.units()) if (u.errors().isEmpty()) valid.add(u.assessment());
        try {
            RegionResult result = scoring.scoreRegion(id, region.region(), valid, region.atOrBelow());
            // Units that could not even be read keep their place in the answer, with their errors.
            List<UnitOutcome> all = new ArrayList<>(region.units().size());
            var scored = result.units().iterator();
            for (AssessmentReader.UnitInput u : region.units()) {
                all.add(u.errors().isEmpty() ? scored.next() : new UnitOutcome(null, null, u.errors()));
            }
            send(response, 200, g -> JsonViews.region(g, result, all));
        } catch (UnknownMethodologyException e) {
            throw Problems.unknownMethodology(e);
        } catch (MethodologyUnavailableException e) {
            throw Problems.unavailable(id, e);
        } catch (InvalidAssessmentException e) {
            throw Problems.invalidAssessment(e.errors());
        }
    }

    /** /methodologies/{id}/revisions[/{n}[/activate]]: policy staff only, every change audited. */
    private boolean revisions(HttpServletRequest request, HttpServletResponse response, String[] segments, String id)
            throws IOException, HttpProblem {
        String method = request.getMethod();
        Integer number = segments.length >= 4 ? RevisionsResource.number(segments[3]) : null;
        boolean activate = segments.length == 5 && segments[4].equals("activate");
        boolean impact = segments.length == 5 && segments[4].equals("impact");
        boolean diff = segments.length == 6 && segments[4].equals("diff");
        if (diff) {
            allow(method, "GET");
            guarded(request, "policy", "revision.diff", id, number);
            int to = RevisionsResource.number(segments[5]);
            try {
                var changes = revisions.diff(id, number, to);
                send(response, 200, g -> RevisionViews.diff(g, number, to, changes));
                return true;
            } catch (UnknownMethodologyException | UnknownRevisionException e) {
                throw RevisionsResource.refused(id, e);
            }
        }
        if (impact) {
            allow(method, "POST");
            guarded(request, "policy", "revision.impact", id, number);
            if (request.getContentLengthLong() > MAX_BODY) throw new LimitedInputStream.TooLarge(MAX_BODY);
            AssessmentReader.Region units = assessments.readUnits(new LimitedInputStream(request.getInputStream(), MAX_BODY));
            List<Assessment> valid = new ArrayList<>();
            List<UnitOutcome> unreadable = new ArrayList<>();
            for (AssessmentReader.UnitInput u : units.units()) {
                if (u.errors().isEmpty()) valid.add(u.assessment()); else unreadable.add(new UnitOutcome(null, null, u.errors()));
            }
            try {
                var result = revisions.impact(id, number, valid);
                send(response, 200, g -> RevisionViews.impact(g, result, unreadable));
                return true;
            } catch (UnknownMethodologyException | MethodologyUnavailableException | UnknownRevisionException e) {
                throw RevisionsResource.refused(id, e);
            }
        }
        if (segments.length > 5 || (segments.length == 5 && !activate)) return false;
        if (segments.length == 3 && !List.of("GET", "HEAD", "POST").contains(method)) throw HttpProblem.methodNotAllowed(method, "GET, POST");
        allow(method, segments.length == 3 ? (method.equals("POST") ? "POST" : "GET") : activate ? "POST" : "GET");
        String action = segments.length == 3 && method.equals("POST") ? "revision.propose" : activate ? "revision.activate" : "revision.read";
        Authenticator.Caller caller = guarded(request, "policy", action, id, number);
        try {
            if (segments.length == 3 && method.equals("POST")) {
                if (request.getContentLengthLong() > MAX_BODY) throw new LimitedInputStream.TooLarge(MAX_BODY);
                var body = new LimitedInputStream(request.getInputStream(), MAX_BODY);
                String type = request.getContentType() == null ? "" : request.getContentType();
                RevisionsResource.Proposal p = type.startsWith("application/java-archive")
                        ? revisionRequests.readJar(body, request.getParameter("comment")) : revisionRequests.readJson(body);
                var r = revisions.propose(id, p.files(), caller.name(), p.comment());
                record(request, caller.name(), action, id, r.number(), 201, r.state() + ": " + p.comment());
                send(response, 201, g -> RevisionViews.revision(g, r, false));
            } else if (segments.length == 3) {
                var list = revisions.revisions(id);
                send(response, 200, g -> RevisionViews.list(g, list));
            } else if (activate) {
                var r = revisions.activate(id, number, caller.name());
                record(request, caller.name(), action, id, number, 200, "now serving " + r.version());
                send(response, 200, g -> RevisionViews.revision(g, r, false));
            } else {
                var r = revisions.revision(id, number);
                send(response, 200, g -> RevisionViews.revision(g, r, true));
            }
            return true;
        } catch (UnknownMethodologyException | MethodologyUnavailableException | UnknownRevisionException e) {
            HttpProblem p = RevisionsResource.refused(id, e);
            if (!action.equals("revision.read")) record(request, caller.name(), action, id, number, p.status(), p.detail());
            throw p;
        }
    }

    /** The caller, who must have {@code role}; a refusal is audited before it is answered. */
    private Authenticator.Caller guarded(HttpServletRequest request, String role, String action, String methodology, Integer revision)
            throws HttpProblem {
        try {
            return authenticator.require(request.getHeader("Authorization"), role);
        } catch (HttpProblem p) {
            Authenticator.Caller who = authenticator.identify(request.getHeader("Authorization"));
            record(request, who == null ? null : who.name(), action, methodology, revision, p.status(), p.detail());
            throw p;
        }
    }

    private void record(HttpServletRequest request, String user, String action, String methodology, Integer revision, int status,
                        String detail) {
        audit.record(new AuditEntry(java.time.Instant.now(), user, request.getRemoteAddr(), (String) request.getAttribute(RequestIds.HEADER),
                action, methodology, revision, status, detail));
    }

    private void methodology(HttpServletResponse response, String id) throws IOException, HttpProblem {
        try {
            var m = scoring.methodology(id);
            send(response, 200, g -> JsonViews.methodology(g, m));
        } catch (UnknownMethodologyException e) {
            throw Problems.unknownMethodology(e);
        } catch (MethodologyUnavailableException e) {
            throw Problems.unavailable(id, e);
        }
    }

    private void score(HttpServletRequest request, HttpServletResponse response, String id) throws IOException, HttpProblem {
        if (request.getContentLengthLong() > MAX_BODY) throw new LimitedInputStream.TooLarge(MAX_BODY);
        Assessment assessment = assessments.read(new LimitedInputStream(request.getInputStream(), MAX_BODY));
        String pinned = request.getParameter("revision");
        try {
            var result = pinned == null ? scoring.score(id, assessment) : revisions.score(id, RevisionsResource.number(pinned), assessment);
            send(response, 200, g -> JsonViews.score(g, result));
        } catch (UnknownRevisionException e) {
            throw RevisionsResource.refused(id, e);
        } catch (UnknownMethodologyException e) {
            throw Problems.unknownMethodology(e);
        } catch (MethodologyUnavailableException e) {
            throw Problems.unavailable(id, e);
        } catch (InvalidAssessmentException e) {
            throw Problems.invalidAssessment(e.errors());
        }
    }

    /**
     * Reads what is left of a refused body (up to a bound) before answering, so the client,
     * still sending, receives the 413 instead of a reset connection.
     */
    private static boolean drain(HttpServletRequest request) {
        byte[] buffer = new byte[16384];
        long left = 16 * MAX_BODY;
        try {
            var in = request.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                left -= n;
                if (left < 0) return false; // too much to swallow: answer and close
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false; // the client gave up
        }
    }

    /** HEAD is answered like GET; the container drops the body. */
    private static void allow(String method, String allowed) throws HttpProblem {
        if (method.equals(allowed) || (method.equals("HEAD") && allowed.equals("GET"))) return;
        throw HttpProblem.methodNotAllowed(method, allowed.equals("GET") ? "GET, HEAD" : allowed);
    }

    private static String path(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null) path = request.getServletPath();
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return path;
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private void send(HttpServletResponse response, int status, Body body) throws IOException {
        response.setStatus(status);
        response.setContentType(JSON);
        response.setCharacterEncoding("UTF-8");
        write(response.getOutputStream(), body);
    }

    private static void sendBytes(HttpServletResponse response, byte[] json) throws IOException {
        response.setContentType(JSON);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpProblem p, String requestId)
            throws IOException {
        if (p.status() < 500) {
            LOG.info("[{}] {} {} {}: {} {}", requestId, request.getMethod(), request.getRequestURI(), p.status(), p.detail(),
                    p.errors().isEmpty() ? "" : p.errors().get(0).field() + ": " + p.errors().get(0).message()
                            + (p.errors().size() > 1 ? " (+" + (p.errors().size() - 1) + " more)" : ""));
        }
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setHeader(RequestIds.HEADER, requestId);
        response.setStatus(p.status());
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        if (p.allow() != null) response.setHeader("Allow", p.allow());
        if (p.status() == 401) response.setHeader("WWW-Authenticate", "Basic realm=\"Rapor\", charset=\"UTF-8\"");
        write(response.getOutputStream(), g -> JsonViews.problem(g, p, request.getRequestURI()));
    }

    private void write(OutputStream out, Body body) throws IOException {
        try (JsonGenerator g = json.createGenerator(out)) {
            body.write(g);
        }
    }
}
