package id.rapor.engine.internal;

/** The rules ran but did not conclude exactly one index and one band: a defect of the rule bundle. */
final class RuleOutcomeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RuleOutcomeException(String message) {
        super(message);
    }
}
