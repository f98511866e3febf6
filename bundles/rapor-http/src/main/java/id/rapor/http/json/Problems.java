package id.rapor.http.json;

import id.rapor.api.FieldError;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RevisionStoreException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.model.RuleError;
import id.rapor.api.text.Message;
import java.util.List;

/** The problems the API answers with when the engine refuses a request. */
public final class Problems {
    private Problems() {}

    /** Errors listed in one answer at most; the rest are counted (an answer must not grow with what a caller invents). */
    static final int MAX_ERRORS = 100;

    public static HttpProblem invalidAssessment(List<FieldError> errors) {
        List<FieldError> listed = errors;
        if (errors.size() > MAX_ERRORS) {
            listed = new java.util.ArrayList<>(errors.subList(0, MAX_ERRORS));
            listed.add(FieldError.of(errors.get(MAX_ERRORS).field(), "errors.more", errors.size() - MAX_ERRORS));
        }
        return HttpProblem.of(422, "invalid-assessment", Message.of("problem.invalid-assessment.detail"), listed);
    }

    /** A proposal without what every revision needs (a comment, its files): nothing was stored. */
    public static HttpProblem invalidRevision(List<FieldError> errors) {
        return HttpProblem.of(422, "invalid-revision", Message.of("problem.invalid-revision.detail"), errors);
    }

    /**
     * The shared revisions' database failed the request (wherever it was asked): another node's change in the way is a
     * conflict (409); anything else is the database away, worth a retry shortly (503, Retry-After). Never a 500.
     */
    public static HttpProblem revisionStore(RevisionStoreException e) {
        return e.conflict() ? HttpProblem.of(409, "revision-conflict", Message.of("problem.revision-conflict.detail"), List.of())
                : HttpProblem.temporary(503, "revision-store-unavailable", Message.of("problem.revision-store-unavailable.detail"), 5);
    }

    public static HttpProblem unknownMethodology(UnknownMethodologyException e) {
        return HttpProblem.of(404, "unknown-methodology", e.known().isEmpty()
                ? Message.of("problem.unknown-methodology.detail.none", e.methodologyId())
                : Message.of("problem.unknown-methodology.detail", e.methodologyId(), e.known()), List.of());
    }

    public static HttpProblem unavailable(String id, MethodologyUnavailableException e) {
        if (e.compiling()) {
            return HttpProblem.temporary(503, "methodology-compiling", Message.of("problem.methodology-compiling.detail", id), 1);
        }
        // What is wrong with a rule bundle is said as its checks wrote it: for the author, in one language.
        List<FieldError> errors = e.errors().stream()
                .map(r -> new FieldError(location(r), r.message())).toList();
        return HttpProblem.of(503, "methodology-unavailable", Message.of("problem.methodology-unavailable.detail", id), errors);
    }

    public static HttpProblem unknownYear(String family, int year, id.rapor.api.UnknownYearException e) {
        Message detail = e.available().isEmpty() ? Message.of("problem.unknown-year.detail.family", family)
                : Message.of("problem.unknown-year.detail", family, year, String.join("; ", e.available()));
        return HttpProblem.of(404, "unknown-year", detail, List.of());
    }

    /** "rules/x.drl:12:3" — where in the rule bundle the author has to look. */
    static String location(RuleError r) {
        StringBuilder s = new StringBuilder(r.file());
        if (r.line() > 0) s.append(':').append(r.line());
        if (r.column() > 0) s.append(':').append(r.column());
        return s.toString();
    }
}
