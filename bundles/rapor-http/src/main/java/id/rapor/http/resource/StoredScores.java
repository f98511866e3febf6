package id.rapor.http.resource;

import com.fasterxml.jackson.core.JsonFactory;
import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.model.ScoreResult;
import id.rapor.api.records.ScoreRecord;
import id.rapor.api.text.Language;
import id.rapor.api.text.Message;
import id.rapor.http.json.Audience;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonViews;
import id.rapor.http.json.Problems;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores assessments for the records with the rules serving now, and finds the methodology of a
 * round: one way for an assessment entered alone, re-scored, or imported with its round's sheet.
 */
public final class StoredScores {
    /** "2022.1.0+r3": a score from revision 3 (see Revision.version()). */
    private static final Pattern REVISION = Pattern.compile("\\+r(\\d+)$");
    /**
     * The score is stored as the score endpoint answers it in Rapor's default language with
     * ?exact=true: the printed numbers and the exact ones, so nothing computed is lost, whoever
     * entered it in whichever language.
     */
    private static final Audience STORED = new Audience(Language.DEFAULT, true);

    private final ScoringService scoring;
    private final JsonFactory json;

    public StoredScores(ScoringService scoring, JsonFactory json) {
        this.scoring = scoring;
        this.json = json;
    }

    /** A score of the rules serving now, as it is stored: the document and what pins it; invalid answers are problems. */
    ScoreRecord scored(String methodologyId, Assessment assessment) throws IOException, HttpProblem {
        try {
            return score(methodologyId, assessment);
        } catch (InvalidAssessmentException ex) {
            throw Problems.invalidAssessment(ex.errors());
        }
    }

    /** As {@link #scored}, invalid answers left to the caller (an import says which row). */
    ScoreRecord score(String methodologyId, Assessment assessment) throws IOException, HttpProblem, InvalidAssessmentException {
        try {
            ScoreResult result = scoring.score(methodologyId, assessment);
            StringWriter document = new StringWriter();
            try (var g = json.createGenerator(document)) {
                JsonViews.score(g, result, STORED);
            }
            Matcher m = REVISION.matcher(result.methodologyVersion());
            Integer revision = m.find() ? Integer.valueOf(m.group(1)) : null;
            return new ScoreRecord(result.methodologyId(), result.methodologyVersion(), revision, result.index(),
                    result.band().getCode(), result.band().getLabel(), document.toString());
        } catch (UnknownMethodologyException ex) {
            throw Problems.unknownMethodology(ex);
        } catch (MethodologyUnavailableException ex) {
            throw Problems.unavailable(methodologyId, ex);
        }
    }

    /** The questionnaire of the methodology serving now. */
    Methodology questionnaire(String methodologyId) throws HttpProblem {
        try {
            return scoring.methodology(methodologyId);
        } catch (UnknownMethodologyException ex) {
            throw Problems.unknownMethodology(ex);
        } catch (MethodologyUnavailableException ex) {
            throw Problems.unavailable(methodologyId, ex);
        }
    }

    /** The id of the methodology of {@code family} for {@code year}. */
    String resolve(String family, int year) throws HttpProblem {
        try {
            return scoring.resolve(family, year);
        } catch (UnknownYearException ex) {
            throw Problems.unknownYear(family, year, ex);
        }
    }

    /** The methodology named, or the one of the family that applies to the year; both given must agree. */
    MethodologySummary methodology(String methodology, String family, int year) throws HttpProblem {
        String byYear = family == null ? null : resolve(family, year);
        String wanted = methodology == null ? byYear : methodology;
        MethodologySummary named = scoring.methodologies().stream().filter(m -> m.id().equals(wanted)).findFirst()
                .orElseThrow(() -> HttpProblem.of(404, "unknown-methodology",
                        Message.of("problem.unknown-methodology.detail.one", wanted), List.of(FieldError.of("methodology", "records.unknown"))));
        if (byYear != null && !byYear.equals(named.id())) {
            throw Problems.invalidAssessment(List.of(FieldError.of("methodology",
                    "records.assessment.methodologyMismatch", named.id(), family, year, byYear)));
        }
        if (named.years() != null && !named.years().contains(year)) {
            throw Problems.invalidAssessment(List.of(FieldError.of("year", "records.assessment.yearNotCovered", named.id(), year)));
        }
        return named;
    }
}
