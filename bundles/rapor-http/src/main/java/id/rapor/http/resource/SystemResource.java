package id.rapor.http.resource;

import java.util.List;
import id.rapor.api.text.Message;
import id.rapor.api.FieldError;
import id.rapor.http.auth.Guard;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.JsonViews;
import id.rapor.http.api.Routes;

import id.rapor.api.AuditTrail;
import id.rapor.api.RuleRevisions;
import jakarta.servlet.http.HttpServletRequest;
import id.rapor.api.ScoringService;
import java.io.IOException;

/** What the service says of itself: health, its contract, its rule bundles, and (to policy staff) its audit trail. */
public final class SystemResource {
    private final ScoringService scoring;
    private final AuditTrail audit;
    private final Guard guard;
    private final JsonResponses out;
    private final byte[] openApi;
    private final Readiness readiness;
    private final RuleRevisions revisions;

    public SystemResource(ScoringService scoring, RuleRevisions revisions, AuditTrail audit, Guard guard, JsonResponses out, byte[] openApi,
            Readiness readiness) {
        this.readiness = readiness;
        this.revisions = revisions;
        this.scoring = scoring;
        this.audit = audit;
        this.guard = guard;
        this.out = out;
        this.openApi = openApi;
    }

    /** GET /health: with each methodology this node serves otherwise than the shared active revision says. */
    public void health(Routes.Exchange x) throws IOException {
        out.send(x.response(), 200, g -> JsonViews.health(g, scoring.methodologies(), scoring.pendingRuleBundles(), revisions.mismatches()));
    }

    /** GET /health/live: the process answers (a load balancer's or supervisor's liveness probe); nothing else is asked. */
    public void live(Routes.Exchange x) throws IOException {
        out.send(x.response(), 200, g -> {
            g.writeStartObject();
            g.writeStringField("status", "UP");
            g.writeEndObject();
        });
    }

    /**
     * GET /health/ready: 200 when every rule bundle is checked and compiled, a methodology can score and the records'
     * database answers; otherwise 503 (problem not-ready) naming each part that is missing.
     */
    public void ready(Routes.Exchange x) throws IOException, HttpProblem {
        List<Readiness.Missing> missing = readiness.missing();
        if (!missing.isEmpty()) {
            throw HttpProblem.of(503, "not-ready", Message.of("problem.not-ready.detail",
                    String.join(", ", missing.stream().map(Readiness.Missing::part).toList())),
                    missing.stream().map(m -> new FieldError(m.part(), m.why())).toList());
        }
        // A methodology served otherwise than the shared revisions say is named, but the node still scores: ready.
        out.send(x.response(), 200, g -> JsonViews.ready(g, revisions.mismatches()));
    }

    /** GET /openapi.json */
    public void openApi(Routes.Exchange x) throws IOException {
        JsonResponses.sendBytes(x.response(), openApi);
    }

    /** GET /deployments */
    public void deployments(Routes.Exchange x) throws IOException {
        out.send(x.response(), 200, g -> JsonViews.deployments(g, scoring.deployments()));
    }

    /** GET /audit?methodology=&amp;limit=&amp;before=: newest first, a page at a time (see {@link AuditPage}), for policy staff. */
    public void audit(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest request = x.request();
        String methodology = request.getParameter("methodology");
        guard.require(request, "policy", "audit.read", methodology, null);
        AuditPage page = AuditPage.of(request);
        guard.settle();
        String only = methodology == null || methodology.isEmpty() ? null : methodology;
        java.util.List<id.rapor.api.model.AuditEntry> read;
        try {
            read = audit.page(only, page.before(), page.fetch());
        } catch (id.rapor.api.records.RecordsUnavailableException e) { // the trail is a shared PostgreSQL's that does not answer
            throw id.rapor.http.json.RecordProblems.unavailable(e);
        }
        var entries = page.entries(read, e -> e.id(), x.response(),
                "/api/v1/audit", "methodology", only);
        out.send(x.response(), 200, g -> JsonViews.audit(g, entries));
    }
}
