package id.rapor.engine.revision;

/** The shared revision store (a database) could not be read or written; nothing was changed. */
public final class RevisionStoreException extends RuntimeException {
    public RevisionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
