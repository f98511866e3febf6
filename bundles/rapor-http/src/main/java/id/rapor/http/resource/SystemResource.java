package id.rapor.http.resource;

import id.rapor.api.text.Message;
import id.rapor.http.auth.Guard;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.JsonViews;
import id.rapor.http.api.Routes;

import id.rapor.api.AuditTrail;
import id.rapor.api.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import id.rapor.api.ScoringService;
import java.io.IOException;

/** What the service says of itself: health, its contract, its rule bundles, and (to policy staff) its audit trail. */
public final class SystemResource {
    private final ScoringService scoring;
    private final AuditTrail audit;
    private final Guard guard;
    private final JsonResponses out;
    private final byte[] openApi;

    public SystemResource(ScoringService scoring, AuditTrail audit, Guard guard, JsonResponses out, byte[] openApi) {
        this.scoring = scoring;
        this.audit = audit;
        this.guard = guard;
        this.out = out;
        this.openApi = openApi;
    }

    /** GET /health */
    public void health(Routes.Exchange x) throws IOException {
        out.send(x.response(), 200, g -> JsonViews.health(g, scoring.methodologies(), scoring.pendingRuleBundles()));
    }

    /** GET /openapi.json */
    public void openApi(Routes.Exchange x) throws IOException {
        JsonResponses.sendBytes(x.response(), openApi);
    }

    /** GET /deployments */
    public void deployments(Routes.Exchange x) throws IOException {
        out.send(x.response(), 200, g -> JsonViews.deployments(g, scoring.deployments()));
    }

    /** Entries a page of the trail holds unless {@code limit} says otherwise, and at most. */
    static final int AUDIT_PAGE = 100;
    static final int AUDIT_PAGE_MAX = 1000;

    /**
     * GET /audit?methodology=&amp;limit=&amp;before=: newest first, a page at a time, for policy
     * staff. {@code before} is the id of the last entry of the page before (its Link rel="next"
     * header gives the whole address of the next page, absent on the last page).
     */
    public void audit(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest request = x.request();
        String methodology = request.getParameter("methodology");
        guard.require(request, "policy", "audit.read", methodology, null);
        int limit = (int) number(request, "limit", AUDIT_PAGE, 1, AUDIT_PAGE_MAX);
        Long before = request.getParameter("before") == null ? null : number(request, "before", 0, 0, Long.MAX_VALUE);
        guard.settle();
        var page = audit.page(methodology == null || methodology.isEmpty() ? null : methodology, before, limit + 1);
        var entries = page.subList(0, Math.min(limit, page.size()));
        if (page.size() > limit) {
            StringBuilder next = new StringBuilder("/api/v1/audit?limit=").append(limit).append("&before=").append(entries.get(limit - 1).id());
            if (methodology != null && !methodology.isEmpty()) {
                next.append("&methodology=").append(java.net.URLEncoder.encode(methodology, java.nio.charset.StandardCharsets.UTF_8));
            }
            x.response().setHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        out.send(x.response(), 200, g -> JsonViews.audit(g, entries));
    }

    /** A whole-number query parameter within bounds, or a 400 naming it. */
    private static long number(HttpServletRequest request, String name, long fallback, long min, long max) throws HttpProblem {
        String text = request.getParameter(name);
        if (text == null) return fallback;
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // said below
        }
        throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                List.of(FieldError.of(name, name.equals("before") ? "query.before" : "query.whole", min, max, text)));
    }
}
