package id.rapor.api.monitoring;

import id.rapor.api.text.Message;

/**
 * A round's view that cannot be given as asked. {@code reason}: {@code ambiguous-round} (two
 * methodologies scored the round; name one), {@code empty-region} (no unit to monitor below it),
 * {@code unknown-band} (not a band of the methodology), {@code other-family} (the methodology named
 * is not of the family named). {@code field} names the query parameter at fault.
 */
public class MonitoringQueryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String field;
    private final transient Message said;

    public MonitoringQueryException(String reason, String field, Message said) {
        super(said.toString());
        this.reason = reason;
        this.field = field;
        this.said = said;
    }

    public String reason() { return reason; }
    public String field() { return field; }
    public Message said() { return said; }
}
