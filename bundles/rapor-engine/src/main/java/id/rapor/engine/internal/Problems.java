package id.rapor.engine.internal;

import id.rapor.api.model.RuleError;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in a rule bundle so the author sees them all at once. */
final class Problems {
    private final List<RuleError> errors = new ArrayList<>();

    void add(String file, int line, int column, String message) {
        errors.add(new RuleError(file, line, column, message));
    }

    void add(String file, int line, String message) {
        add(file, line, 0, message);
    }

    void add(RuleError error) {
        errors.add(error);
    }

    boolean isEmpty() { return errors.isEmpty(); }

    List<RuleError> list() { return List.copyOf(errors); }
}
