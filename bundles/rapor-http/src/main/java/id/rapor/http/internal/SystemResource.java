package id.rapor.http.internal;

import id.rapor.api.AuditTrail;
import id.rapor.api.ScoringService;
import java.io.IOException;

/** What the service says of itself: health, its contract, its rule bundles, and (to policy staff) its audit trail. */
final class SystemResource {
    private final ScoringService scoring;
    private final AuditTrail audit;
    private final Guard guard;
    private final JsonResponses out;
    private final byte[] openApi;

    SystemResource(ScoringService scoring, AuditTrail audit, Guard guard, JsonResponses out, byte[] openApi) {
        this.scoring = scoring;
        this.audit = audit;
        this.guard = guard;
        this.out = out;
        this.openApi = openApi;
    }

    /** GET /health */
    void health(Routes.Exchange x) throws IOException {
        out.send(x.response(), 200, g -> JsonViews.health(g, scoring.methodologies(), scoring.pendingRuleBundles()));
    }

    /** GET /openapi.json */
    void openApi(Routes.Exchange x) throws IOException {
        JsonResponses.sendBytes(x.response(), openApi);
    }

    /** GET /deployments */
    void deployments(Routes.Exchange x) throws IOException {
        out.send(x.response(), 200, g -> JsonViews.deployments(g, scoring.deployments()));
    }

    /** GET /audit: the last thousand entries, for policy staff. */
    void audit(Routes.Exchange x) throws IOException, HttpProblem {
        guard.require(x.request(), "policy", "audit.read", null, null);
        guard.settle();
        var entries = audit.last(1000);
        out.send(x.response(), 200, g -> JsonViews.audit(g, entries));
    }
}
