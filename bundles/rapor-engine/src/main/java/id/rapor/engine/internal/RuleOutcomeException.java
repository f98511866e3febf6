package id.rapor.engine.internal;

/**
 * The rules ran but did not conclude exactly one index and one band, or did not settle: a
 * defect of the rule bundle.
 */
final class RuleOutcomeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean unsettled;

    RuleOutcomeException(String message) {
        this(message, false);
    }

    private RuleOutcomeException(String message, boolean unsettled) {
        super(message);
        this.unsettled = unsettled;
    }

    /** The rules kept activating each other past {@code firings}. */
    static RuleOutcomeException unsettled(int firings) {
        return new RuleOutcomeException("the rules did not settle after " + firings + " firings: a rule re-activates itself", true);
    }

    boolean unsettled() {
        return unsettled;
    }
}
