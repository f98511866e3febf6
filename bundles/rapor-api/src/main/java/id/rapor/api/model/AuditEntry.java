package id.rapor.api.model;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to the rules, when, from where, and how it ended
 * ({@code status}: the HTTP status for API calls; 200 or 422 for changes made through the
 * deploy/ or edit/ folders). {@code user} is null when no one authenticated.
 */
public record AuditEntry(Instant time, String user, String address, String requestId, String action, String methodology,
                         Integer revision, int status, String detail) {
}
