package id.rapor.api.records;

/** The database cannot be reached now; nothing was changed. Worth trying again later. */
public class RecordsUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
