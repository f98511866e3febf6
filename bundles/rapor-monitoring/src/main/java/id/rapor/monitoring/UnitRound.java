package id.rapor.monitoring;

import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.AssessmentState;
import id.rapor.api.records.OfficialAssessment;
import id.rapor.api.records.RoundScore;
import id.rapor.api.records.Unit;
import java.util.List;

/** One unit's assessments of one round (any state): its official score, each role's latest final one. */
record UnitRound(Unit unit, List<RoundScore> scores) {

    boolean entered() {
        return !scores.isEmpty();
    }

    /** The round's official score, by the records' one rule ({@link OfficialAssessment}); null when nothing is final. */
    RoundScore official() {
        RoundScore best = null;
        for (RoundScore s : scores) {
            if (s.state() != AssessmentState.FINAL) continue;
            if (best == null || OfficialAssessment.compare(s.role(), s.id(), best.role(), best.id()) > 0) best = s;
        }
        return best;
    }

    /** The latest final assessment of {@code role}, or null. */
    RoundScore latestFinal(AssessmentRole role) {
        RoundScore latest = null;
        for (RoundScore s : scores) {
            if (s.state() == AssessmentState.FINAL && s.role() == role && (latest == null || s.id() > latest.id())) latest = s;
        }
        return latest;
    }
}
