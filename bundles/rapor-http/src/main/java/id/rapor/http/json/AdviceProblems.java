package id.rapor.http.json;

import id.rapor.api.advice.AdviceRefusedException;

/** The problems for advice that cannot be given: each reason its own type, so clients can tell them apart. */
public final class AdviceProblems {
    private AdviceProblems() {}

    /** The advice bundle has not started (yet): try again in a second. */
    public static HttpProblem notReady() {
        return HttpProblem.temporary(503, "advice-unavailable", id.rapor.api.text.Message.of("problem.advice-unavailable.detail"), 1);
    }

    public static HttpProblem refused(AdviceRefusedException e) {
        return switch (e.reason()) {
            case UNKNOWN_BAND -> HttpProblem.of(400, "unknown-band", e.detail(), e.errors());
            case TARGET_REACHED -> HttpProblem.of(422, "target-reached", e.detail(), e.errors());
            case INVALID_COSTS -> HttpProblem.of(422, "invalid-costs", e.detail(), e.errors());
            case NOT_APPLICABLE -> HttpProblem.of(422, "plan-not-applicable", e.detail(), e.errors());
            case NOT_COMPARABLE -> HttpProblem.of(422, "not-comparable", e.detail(), e.errors());
        };
    }
}
