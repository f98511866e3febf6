package id.rapor.http.json;

import id.rapor.api.FieldError;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.model.RuleError;
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
            listed.add(new FieldError(errors.get(MAX_ERRORS).field(), "and " + (errors.size() - MAX_ERRORS) + " more errors, not listed"));
        }
        return HttpProblem.of(422, "invalid-assessment", "Invalid assessment",
                "The answers do not fit the methodology's questionnaire; nothing was scored.", listed);
    }

    /** A proposal without what every revision needs (a comment, its files): nothing was stored. */
    public static HttpProblem invalidRevision(List<FieldError> errors) {
        return HttpProblem.of(422, "invalid-revision", "Invalid revision",
                "A revision needs a comment saying why and the files it changes; nothing was stored.", errors);
    }

    public static HttpProblem unknownMethodology(UnknownMethodologyException e) {
        String known = e.known().isEmpty() ? "none is deployed" : "known: " + String.join(", ", e.known());
        return HttpProblem.of(404, "unknown-methodology", "Unknown methodology",
                "No rule bundle defines methodology '" + e.methodologyId() + "'; " + known + ".", List.of());
    }

    public static HttpProblem unavailable(String id, MethodologyUnavailableException e) {
        if (e.compiling()) {
            return HttpProblem.temporary(503, "methodology-compiling", "Methodology still compiling",
                    "The rule bundle for '" + id + "' is being checked and compiled (Rapor is starting, or it was just deployed); "
                    + "it is next in line. Try again in a second.", 1);
        }
        List<FieldError> errors = e.errors().stream()
                .map(r -> new FieldError(location(r), r.message())).toList();
        return HttpProblem.of(503, "methodology-unavailable", "Methodology unavailable",
                "Every rule bundle for '" + id + "' was rejected; fix the errors listed and deploy again.", errors);
    }

    public static HttpProblem unknownYear(String family, int year, id.rapor.api.UnknownYearException e) {
        String detail = e.getMessage() + "; available: " + (e.available().isEmpty() ? "none" : String.join("; ", e.available())) + ".";
        return HttpProblem.of(404, "unknown-year", "No methodology for that year", detail, List.of());
    }

    /** "rules/x.drl:12:3" — where in the rule bundle the author has to look. */
    static String location(RuleError r) {
        StringBuilder s = new StringBuilder(r.file());
        if (r.line() > 0) s.append(':').append(r.line());
        if (r.column() > 0) s.append(':').append(r.column());
        return s.toString();
    }
}
