package id.rapor.api;

import id.rapor.api.model.RuleError;
import java.util.List;

/** The methodology is known, but every rule bundle for it was rejected, so nothing can score it. */
public class MethodologyUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleError> errors;

    public MethodologyUnavailableException(String methodologyId, List<RuleError> errors) {
        super("methodology '" + methodologyId + "' has no valid rule bundle");
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() { return errors; }
}
