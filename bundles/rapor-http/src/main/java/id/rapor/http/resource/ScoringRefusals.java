package id.rapor.http.resource;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.Problems;

/** Why a methodology (or one of its revisions) did not score, as the problem every scoring endpoint answers with. */
final class ScoringRefusals {
    private ScoringRefusals() {}

    /** {@code id}: the methodology asked for; {@code e}: unknown or unavailable methodology or revision, or invalid answers. */
    static HttpProblem problem(String id, Exception e) {
        if (e instanceof InvalidAssessmentException i) return Problems.invalidAssessment(i.errors());
        return RevisionsResource.refused(id, e);
    }
}
