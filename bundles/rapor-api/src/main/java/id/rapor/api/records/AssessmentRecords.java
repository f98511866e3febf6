package id.rapor.api.records;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Assessments entered for units, round by round. A final assessment never changes; every change
 * is audited in the same transaction as the change itself.
 */
@ProviderType
public interface AssessmentRecords {

    /**
     * Stores a new draft assessment of an active unit. A {@code replaces} must name a final assessment of the same unit and round.
     * A unit holds at most {@code maxDrafts} drafts of one round and role; one more is a conflict ({@code too-many-drafts}).
     */
    AssessmentRecord create(AssessmentEntry entry, int maxDrafts, Actor actor) throws RecordException;

    Optional<AssessmentRecord> find(long id);

    /** A draft's new answers, score and comment; anything but a draft is a conflict. */
    AssessmentRecord replaceDraft(long id, AssessmentEntry entry, Actor actor) throws RecordException;

    /**
     * Scores an assessment's answers again, explicitly, with {@code score} (the rules serving now): a
     * new draft of the same unit, round and role that names the one it came from, which keeps its
     * own score. Any state may be re-scored; the unit must still be active, and hold fewer than {@code maxDrafts} drafts of
     * the round and role.
     */
    AssessmentRecord rescore(long id, ScoreRecord score, int maxDrafts, Actor actor) throws RecordException;

    /** Draft to submitted. */
    AssessmentRecord submit(long id, Actor actor) throws RecordException;

    /** Submitted to final. */
    AssessmentRecord makeFinal(long id, Actor actor) throws RecordException;

    /** A unit's assessments, newest first; {@code year} and {@code family} may be null (all). */
    List<AssessmentRecord> forUnit(String unitId, Integer year, String family) throws RecordException;

    /** The unit's official assessment of a round: the latest final one of the highest role, if any. */
    Optional<AssessmentRecord> official(String unitId, int year, String family) throws RecordException;
}
