package id.rapor.api.advice;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a unit must improve to reach a band: an exact optimisation over the methodology's own
 * tables (weights, options, bands), checked against its rules.
 */
@ProviderType
public interface ImprovementPlanner {

    /**
     * The cheapest answer improvements that reach {@code targetBand} (null: the band above the
     * unit's). Each level step of an indicator costs {@code costs.get(indicator)} (default 1: the
     * fewest steps); indicators in {@code fixed} cannot change.
     */
    Plan plan(Rules.Answers answers, String targetBand, Map<String, BigDecimal> costs, Set<String> fixed)
            throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException,
            InvalidAssessmentException, AdviceRefusedException;
}
