package id.rapor.api.advice;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Why a unit's index moved when the method changed: both sides scored by their rules, the
 * difference split in a fixed order (weights, answers, indicators removed, indicators added)
 * into parts that add up to it exactly, and each index banded under both band schemes.
 */
@ProviderType
public interface MethodologyComparison {

    Comparison compare(Rules.Answers before, Rules.Answers after)
            throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException,
            InvalidAssessmentException, AdviceRefusedException;
}
