package id.rapor.api.records;

import id.rapor.api.text.Message;

/**
 * A change that the stored records do not allow: a unit id already taken, a parent that would
 * make a cycle, a final assessment changed. {@code field} names what is wrong; {@code reason}
 * is a stable code for clients; {@code said} the sentence, in the reader's language when written.
 */
public class RecordConflictException extends RecordException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String field;
    private final transient Message said;

    public RecordConflictException(String reason, String field, Message said) {
        super(said.toString());
        this.reason = reason;
        this.field = field;
        this.said = said;
    }

    public String reason() { return reason; }
    public String field() { return field; }
    public Message said() { return said; }
}
