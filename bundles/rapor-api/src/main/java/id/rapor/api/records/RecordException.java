package id.rapor.api.records;

/**
 * A refused change or lookup of the records: {@link RecordNotFoundException},
 * {@link RecordConflictException} or {@link ImportRefusedException}. Nothing was changed.
 */
public abstract class RecordException extends Exception {
    private static final long serialVersionUID = 1L;

    protected RecordException(String message) {
        super(message);
    }
}
