package id.rapor.api.advice;

import id.rapor.api.FieldError;
import id.rapor.api.text.Message;
import java.util.List;

/**
 * A plan or comparison that cannot be given, and exactly why: {@link #reason()} says what kind of
 * refusal, {@link #detail()} says it in the reader's language, {@link #errors()} names the fields.
 */
public class AdviceRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The target band names no band of the methodology. */
        UNKNOWN_BAND,
        /** The unit's index is already in the target band or above it. */
        TARGET_REACHED,
        /** The request's costs or fixed indicators do not fit the questionnaire. */
        INVALID_COSTS,
        /** The methodology's index is not made from answers a unit can improve (a survey), or its rules do not follow its weight tables. */
        NOT_APPLICABLE,
        /** Two methodologies of different families with no crosswalk between them. */
        NOT_COMPARABLE
    }

    private final Reason reason;
    private final transient Message detail;
    private final transient List<FieldError> errors;

    public AdviceRefusedException(Reason reason, Message detail, List<FieldError> errors) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public Reason reason() { return reason; }
    public Message detail() { return detail; }
    public List<FieldError> errors() { return errors; }
}
