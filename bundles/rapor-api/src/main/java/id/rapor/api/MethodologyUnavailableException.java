package id.rapor.api;

import id.rapor.api.model.RuleError;
import java.util.List;

/**
 * The methodology is known, but nothing can score it now: every rule bundle for it was
 * rejected ({@link #errors()} says why), or its rule bundle is still being compiled
 * ({@link #compiling()}: Rapor is starting or the bundle was just deployed; ask again shortly).
 */
public class MethodologyUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleError> errors;
    private final boolean compiling;

    public MethodologyUnavailableException(String methodologyId, List<RuleError> errors) {
        this(methodologyId, errors, false, "methodology '" + methodologyId + "' has no valid rule bundle");
    }

    private MethodologyUnavailableException(String methodologyId, List<RuleError> errors, boolean compiling, String message) {
        super(message);
        this.errors = List.copyOf(errors);
        this.compiling = compiling;
    }

    /** Its rule bundle is being compiled and will serve within seconds if it passes its checks. */
    public static MethodologyUnavailableException compiling(String methodologyId) {
        return new MethodologyUnavailableException(methodologyId, List.of(), true,
                "methodology '" + methodologyId + "' is still being compiled");
    }

    public List<RuleError> errors() { return errors; }

    /** True while its rule bundle is being compiled: a temporary state, unlike rejected rules. */
    public boolean compiling() { return compiling; }
}
