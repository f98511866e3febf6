package id.rapor.api;

import id.rapor.api.model.RuleError;
import java.util.List;

/**
 * The methodology is known, but nothing can score it now; {@link #reason()} says why: every
 * rule bundle for it was rejected ({@link #errors()} says why), or its rule bundle is still being
 * compiled (Rapor is starting or the bundle was just deployed; ask again shortly).
 */
public class MethodologyUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why nothing scores the methodology. */
    public enum Reason {
        /** Its rule bundle is being compiled and will serve within seconds if it passes its checks. */
        COMPILING,
        /** Every rule bundle of it was rejected. */
        REJECTED
    }

    private final transient List<RuleError> errors;
    private final Reason reason;

    public MethodologyUnavailableException(String methodologyId, List<RuleError> errors) {
        this(errors, Reason.REJECTED, "methodology '" + methodologyId + "' has no valid rule bundle");
    }

    private MethodologyUnavailableException(List<RuleError> errors, Reason reason, String message) {
        super(message);
        this.errors = List.copyOf(errors);
        this.reason = reason;
    }

    /** Its rule bundle is being compiled and will serve within seconds if it passes its checks. */
    public static MethodologyUnavailableException compiling(String methodologyId) {
        return new MethodologyUnavailableException(List.of(), Reason.COMPILING, "methodology '" + methodologyId + "' is still being compiled");
    }

    public List<RuleError> errors() { return errors; }

    public Reason reason() { return reason; }

    /** True while its rule bundle is being compiled: a temporary state, unlike rejected rules. */
    public boolean compiling() { return reason == Reason.COMPILING; }
}
