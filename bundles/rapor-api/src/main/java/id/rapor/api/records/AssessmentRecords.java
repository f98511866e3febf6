package id.rapor.api.records;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
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

    /**
     * Stores {@code count} new drafts at once (a round's sheet), each as {@link #create} would and
     * audited alike: all of them in one transaction, or, if one is refused, none — an
     * {@link ImportRefusedException} names it by its position, from 1. {@code entries} gives the
     * k-th entry (from 0) when the import comes to it, so a large import is scored and stored a
     * batch at a time and never held whole; whatever it throws ends the import, nothing stored.
     * The ids, in order. Like {@link #create}, no unit holds more than {@code maxDrafts} drafts of
     * a round and role afterwards.
     */
    List<Long> importAll(int count, IntFunction<AssessmentEntry> entries, int maxDrafts, Actor actor) throws RecordException;

    /**
     * The latest assessment of each unit and role of a round, for the units {@code unitIds}, in no
     * particular order. Their score documents are not read (empty): a round's sheet needs the
     * answers, index and band, not every unit's explanations.
     */
    List<AssessmentRecord> latestOfRound(String family, int year, Collection<String> unitIds) throws RecordException;

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

    /**
     * The scores of the assessments of {@code family} of {@code region} and every unit below it, in
     * one query: of the {@code years} listed (empty: every year), final ones only if {@code finalOnly};
     * by unit, then id. An unknown region is a {@link RecordNotFoundException}.
     */
    List<RoundScore> scoresBelow(String region, String family, java.util.Collection<Integer> years, boolean finalOnly)
            throws RecordException;

    /** The latest year before {@code year} in which a unit of {@code region}'s tree has a final assessment of {@code family}. */
    java.util.OptionalInt previousRound(String region, String family, int year) throws RecordException;
}
