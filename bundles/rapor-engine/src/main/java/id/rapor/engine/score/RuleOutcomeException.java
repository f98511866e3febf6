package id.rapor.engine.score;

/**
 * The rules ran but did not conclude exactly one index and one band, failed, or spent their
 * whole budget: a defect of the rule bundle.
 */
public final class RuleOutcomeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean budgetSpent;

    RuleOutcomeException(String message) {
        this(message, false, null);
    }

    private RuleOutcomeException(String message, boolean budgetSpent, Throwable cause) {
        super(message, cause);
        this.budgetSpent = budgetSpent;
    }

    /** The rules kept activating each other past {@code firings}. */
    static RuleOutcomeException unsettled(int firings) {
        return new RuleOutcomeException("the rules did not settle after " + firings + " firings: a rule re-activates itself", true, null);
    }

    /** The rules ran out of time. */
    static RuleOutcomeException overBudget(String message) {
        return new RuleOutcomeException(message, true, null);
    }

    /** The rules threw: an exception, or an error such as a stack overflow or a failed class initialiser. */
    static RuleOutcomeException failed(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return new RuleOutcomeException("the rules failed: " + root, false, cause);
    }

    /** True if the rules used up their firings or time: every further case would spend it again. */
    public boolean budgetSpent() {
        return budgetSpent;
    }
}
