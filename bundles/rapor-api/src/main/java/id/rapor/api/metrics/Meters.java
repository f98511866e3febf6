package id.rapor.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The figures operators scrape from {@code GET /metrics}. Callers hold it as an optional
 * service and fall back to {@link #NONE}; every method is cheap and never throws, so a hot
 * path may call it on each request. Labels are bounded: routes are templates
 * ({@code /methodologies/{id}/score}), never raw paths.
 */
@ProviderType
public interface Meters {

    /** An API request answered: its route template (or {@code unmatched}), method, status and time taken. */
    void request(String method, String route, int status, long nanos);

    /** {@code units} units scored by {@code methodology} at rule {@code version} (one for a single score). */
    void scored(String methodology, String version, int units);

    /** A rule base compiled for {@code methodology} (accepted or refused by its checks), in {@code nanos}. */
    void compiled(String methodology, boolean accepted, long nanos);

    /**
     * An entry of the audit trail, by action and status: {@code revision.activate} with 200 is an
     * activation, {@code revision.propose} with 422 a revision rejected by its checks, 401/403/409 a refused attempt.
     */
    void audited(String action, int status);

    /** A sign-in or Basic authentication with a wrong name or password. */
    void failedLogin();

    /**
     * How many methodologies this node serves otherwise than the stored active revision says (a revision another node
     * activated that does not restore here): the gauge {@code rapor_revision_mismatch}.
     */
    void revisionMismatches(int methodologies);

    /** Counts nothing: for when the metrics bundle is absent or stopped. */
    Meters NONE = new Meters() {
        @Override public void request(String method, String route, int status, long nanos) { }
        @Override public void scored(String methodology, String version, int units) { }
        @Override public void compiled(String methodology, boolean accepted, long nanos) { }
        @Override public void audited(String action, int status) { }
        @Override public void failedLogin() { }
        @Override public void revisionMismatches(int methodologies) { }
    };
}
