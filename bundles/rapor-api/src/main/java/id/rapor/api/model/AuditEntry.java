package id.rapor.api.model;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to the rules, when, from where, and how it ended.
 * {@code status} is the outcome in HTTP terms, the same whichever way the change came (API,
 * deploy/, edit/): 201 a revision stored as a DRAFT, 422 one stored but REJECTED by its checks,
 * 200 an activation, approval or a proposal identical to an existing revision, 401/403/409 refusals.
 * {@code user} is who authenticated; on a 401 the name that was tried (never the password), or
 * null if none was. {@code id} places a recorded entry in the trail (a cursor for paging: older
 * entries have smaller ids); null for an entry not yet recorded.
 */
public record AuditEntry(Instant time, String user, String address, String requestId, String action, String methodology,
                         Integer revision, int status, String detail, Long id) {

    /** An entry to record (its id is given when it is recorded). */
    public AuditEntry(Instant time, String user, String address, String requestId, String action, String methodology,
                      Integer revision, int status, String detail) {
        this(time, user, address, requestId, action, methodology, revision, status, detail, null);
    }
}
