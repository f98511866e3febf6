package id.rapor.api;

import id.rapor.api.model.Assessment;
import id.rapor.api.model.Deployment;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.model.RegionResult;
import id.rapor.api.model.ScoreResult;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Scores assessments against the methodologies whose rule bundles are active. Safe for
 * concurrent use; a rule bundle swap is atomic, so each result comes wholly from one version.
 */
@ProviderType
public interface ScoringService {

    /** Every methodology a rule bundle defines, active or rejected, ordered by id. */
    List<MethodologySummary> methodologies();

    /** The questionnaire, weights and bands of the active version. */
    Methodology methodology(String id) throws UnknownMethodologyException, MethodologyUnavailableException;

    /**
     * Validates every answer first (unknown indicator, missing answer, value that is not an
     * option: all reported together), then runs the rules.
     */
    ScoreResult score(String methodologyId, Assessment assessment)
            throws UnknownMethodologyException, MethodologyUnavailableException, InvalidAssessmentException;

    /** The id of the methodology of {@code family} that applies to assessments of {@code year}. */
    String resolve(String family, int year) throws UnknownYearException;

    /**
     * Scores many units of one region. A unit whose answers are invalid gets its own errors
     * and the others are scored. {@code atOrBelow} (a band code, or null) asks for the list of
     * units whose band is that one or lower.
     */
    RegionResult scoreRegion(String methodologyId, String region, List<Assessment> units, String atOrBelow)
            throws UnknownMethodologyException, MethodologyUnavailableException, InvalidAssessmentException;

    /** Every rule bundle the engine was given, with its state and errors, ordered by methodology and version. */
    List<Deployment> deployments();

    /** Rule bundles received but not yet checked and compiled; 0 once start-up or a deploy is complete. */
    int pendingRuleBundles();
}
