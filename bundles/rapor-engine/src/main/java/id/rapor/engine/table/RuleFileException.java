package id.rapor.engine.table;

import id.rapor.api.model.RuleError;

/** A rule bundle file cannot be read at all; carries the place to show the author. */
public final class RuleFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final RuleError error;

    RuleFileException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.error = new RuleError(file, line, 0, message);
    }

    RuleError error() { return error; }
}
