package id.rapor.advice;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.advice.Rules;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ScoreResult;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The rules a piece of advice is about: the tables of the version serving now or of a pinned
 * revision, and that same version's own score of some answers (which validates them, and is what
 * every piece of advice is checked against).
 */
public interface RulesAt {

    Methodology methodology(Rules rules) throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException;

    ScoreResult score(Rules rules, String unit, Map<String, BigDecimal> answers)
            throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException, InvalidAssessmentException;

    /** The engine's services: {@link ScoringService} for the version serving, {@link RuleRevisions} for a pinned revision. */
    static RulesAt of(ScoringService scoring, RuleRevisions revisions) {
        return new RulesAt() {
            @Override public Methodology methodology(Rules rules)
                    throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException {
                return rules.revision() == null ? scoring.methodology(rules.methodologyId())
                        : revisions.methodology(rules.methodologyId(), rules.revision());
            }

            @Override public ScoreResult score(Rules rules, String unit, Map<String, BigDecimal> answers)
                    throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException, InvalidAssessmentException {
                Assessment a = new Assessment(unit, answers);
                return rules.revision() == null ? scoring.score(rules.methodologyId(), a)
                        : revisions.score(rules.methodologyId(), rules.revision(), a);
            }
        };
    }
}
