package id.rapor.http.internal;

import id.rapor.api.AuditTrail;
import id.rapor.api.model.AuditEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;

/** Who may do what, and the record of it: authentication and role checks whose refusals are audited, and audit entries for changes. */
final class Guard {
    private final Authenticator authenticator;
    private final AuditTrail audit;
    private final FailedLogins failedLogins;
    private final RefusalAudit refusals;

    Guard(Authenticator authenticator, AuditTrail audit, int refusalsPerMinute) {
        this(authenticator, audit, new FailedLogins(System::currentTimeMillis),
                new RefusalAudit(audit, System::currentTimeMillis, refusalsPerMinute));
    }

    Guard(Authenticator authenticator, AuditTrail audit, FailedLogins failedLogins, RefusalAudit refusals) {
        this.authenticator = authenticator;
        this.audit = audit;
        this.failedLogins = failedLogins;
        this.refusals = refusals;
    }

    /**
     * The caller, who must have {@code role} (null: any user who logs in); a refusal (401, 403) is
     * audited before it is answered, at most so many a minute per address one by one (see {@link RefusalAudit}).
     */
    Authenticator.Caller require(HttpServletRequest request, String role, String action, String methodology, Integer revision)
            throws HttpProblem {
        String address = request.getRemoteAddr();
        String authorization = request.getHeader("Authorization");
        String name = Authenticator.claimedName(authorization);
        FailedLogins.Block block = failedLogins.blocked(address, name);
        if (block != null) {
            // Not audited one by one: the failures that led here are.
            throw HttpProblem.temporary(429, "too-many-failed-logins", "Too many failed logins",
                    block.reason() + "; try again in " + block.seconds() + " s.", (int) block.seconds());
        }
        Authenticator.Caller caller = authenticator.identify(authorization); // one password check
        if (caller != null) failedLogins.succeeded(address, caller.name());
        else if (authorization != null) failedLogins.failed(address, name);
        HttpProblem refusal = Authenticator.refusal(caller, role);
        if (refusal == null) return caller;
        refusals.refused(entry(request, caller == null ? null : caller.name(), action, methodology, revision, refusal.status(),
                refusal.detail()));
        throw refusal;
    }

    /** Records a change or its failure: always, one entry each. */
    void record(HttpServletRequest request, String user, String action, String methodology, Integer revision, int status, String detail) {
        audit.record(entry(request, user, action, methodology, revision, status, detail));
    }

    /** The trail is about to be read: summaries of refusals counted in minutes now over go in first. */
    void settle() {
        refusals.settle();
    }

    void close() {
        refusals.close();
    }

    private static AuditEntry entry(HttpServletRequest request, String user, String action, String methodology, Integer revision,
            int status, String detail) {
        return new AuditEntry(Instant.now(), user, request.getRemoteAddr(), (String) request.getAttribute(RequestIds.HEADER),
                action, methodology, revision, status, detail);
    }
}
