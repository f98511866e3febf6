package id.rapor.api.records;

/**
 * A change that the stored records do not allow: a unit id already taken, a parent that would
 * make a cycle, a final assessment changed. {@code field} names what is wrong; {@code reason}
 * is a stable code for clients.
 */
public class RecordConflictException extends RecordException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String field;

    public RecordConflictException(String reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public String reason() { return reason; }
    public String field() { return field; }
}
