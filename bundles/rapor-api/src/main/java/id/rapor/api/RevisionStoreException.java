package id.rapor.api;

/**
 * The shared store of revisions (the nodes' PostgreSQL) could not take a change or answer a read; nothing was changed.
 * {@link #conflict()}: another node's change stood in the way and outlasted the retries (answered 409); otherwise the
 * database could not be reached or failed (503, worth trying again shortly).
 */
public final class RevisionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean conflict;

    public RevisionStoreException(String message, boolean conflict, Throwable cause) {
        super(message, cause);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }
}
