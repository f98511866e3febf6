package id.rapor.engine.table;

import id.rapor.api.model.RuleError;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in a rule bundle so the author sees them all at once. */
public final class Problems {
    private final List<RuleError> errors = new ArrayList<>();

    public void add(String file, int line, int column, String message) {
        errors.add(new RuleError(file, line, column, message));
    }

    public void add(String file, int line, String message) {
        add(file, line, 0, message);
    }

    public void add(RuleError error) {
        errors.add(error);
    }

    public boolean isEmpty() { return errors.isEmpty(); }

    public List<RuleError> list() { return List.copyOf(errors); }
}
