package id.rapor.api;

import java.util.List;

/** The assessment names unknown indicators, lacks answers or gives values that are not options. */
public class InvalidAssessmentException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public InvalidAssessmentException(List<FieldError> errors) {
        super(errors.size() + " invalid answer(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() { return errors; }
}
