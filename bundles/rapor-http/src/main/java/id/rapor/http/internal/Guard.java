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

    Guard(Authenticator authenticator, AuditTrail audit) {
        this(authenticator, audit, new FailedLogins(System::currentTimeMillis));
    }

    Guard(Authenticator authenticator, AuditTrail audit, FailedLogins failedLogins) {
        this.authenticator = authenticator;
        this.audit = audit;
        this.failedLogins = failedLogins;
    }

    /** The caller, who must have {@code role}; a refusal (401, 403) is audited before it is answered. */
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
        record(request, caller == null ? null : caller.name(), action, methodology, revision, refusal.status(), refusal.detail());
        throw refusal;
    }

    void record(HttpServletRequest request, String user, String action, String methodology, Integer revision, int status, String detail) {
        audit.record(new AuditEntry(Instant.now(), user, request.getRemoteAddr(), (String) request.getAttribute(RequestIds.HEADER),
                action, methodology, revision, status, detail));
    }
}
