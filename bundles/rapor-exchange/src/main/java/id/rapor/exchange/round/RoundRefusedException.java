package id.rapor.exchange.round;

import id.rapor.api.FieldError;
import java.util.List;

/**
 * A round's sheet refused whole: {@code errors} names each wrong cell ({@code row 14, column i07})
 * with what is wrong, in the catalog's words, the first {@link RoundImport#MAX_ERRORS} of them;
 * {@code more} says how many more there were.
 */
public class RoundRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;
    private final int more;

    public RoundRefusedException(List<FieldError> errors, int more) {
        super(errors.isEmpty() ? "refused" : errors.get(0).toString() + (errors.size() > 1 ? " (and " + (errors.size() - 1 + more) + " more)" : ""));
        this.errors = List.copyOf(errors);
        this.more = more;
    }

    public List<FieldError> errors() { return errors; }

    public int more() { return more; }
}
