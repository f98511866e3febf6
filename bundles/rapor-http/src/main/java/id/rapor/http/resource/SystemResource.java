package id.rapor.http.resource;

import id.rapor.http.auth.Guard;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.JsonViews;
import id.rapor.http.api.Routes;

import id.rapor.api.AuditTrail;
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

    /** GET /audit: the last thousand entries, for policy staff. */
    public void audit(Routes.Exchange x) throws IOException, HttpProblem {
        guard.require(x.request(), "policy", "audit.read", null, null);
        guard.settle();
        var entries = audit.last(1000);
        out.send(x.response(), 200, g -> JsonViews.audit(g, entries));
    }
}
