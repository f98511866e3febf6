package id.rapor.api;

/**
 * The methodology has no revision with that number, or the revision cannot do what was asked:
 * {@link #reason()} says which, so a caller need not read the message.
 */
public class UnknownRevisionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the revision cannot serve what was asked. */
    public enum Reason {
        /** There is no revision with that number. */
        NO_SUCH_REVISION,
        /** It failed its checks when proposed; it can never be activated or score. */
        REJECTED,
        /** It was accepted once, but cannot be compiled now (its rule bundle is gone). */
        NO_LONGER_COMPILES,
        /** Revision 0 stands for the rule bundles, and no rule bundle of the methodology is valid. */
        NO_RULE_BUNDLE,
        /** Approval is required and no second policy user has approved it yet. */
        NOT_APPROVED,
        /** Its author asked to approve it: a revision is approved by someone else. */
        OWN_REVISION,
        /** Its golden cases cannot be accepted: it was not rejected for moved golden-case numbers alone. */
        GOLDEN_CASES_NOT_ACCEPTABLE
    }

    private final Reason reason;

    public UnknownRevisionException(String message) {
        this(Reason.NO_SUCH_REVISION, message);
    }

    public UnknownRevisionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** True if the revision exists but cannot do what was asked (a conflict rather than a missing thing). */
    public boolean exists() {
        return reason != Reason.NO_SUCH_REVISION;
    }
}
