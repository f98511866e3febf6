package id.rapor.api;

import id.rapor.api.model.Assessment;
import id.rapor.api.model.Change;
import id.rapor.api.model.Impact;
import id.rapor.api.model.Revision;
import id.rapor.api.model.ScoreResult;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Policy staff's changes to a methodology's rules while Rapor runs. A change is a revision:
 * stored, checked at once (tables, rule text, compile, golden cases), and served only when
 * activated. Activating an earlier revision is a rollback. Revisions and which one is active
 * survive a restart.
 */
@ProviderType
public interface RuleRevisions {

    /** Every revision of the methodology, oldest first, without their files. */
    List<Revision> revisions(String methodologyId) throws UnknownMethodologyException;

    /** One revision with its files and errors. */
    Revision revision(String methodologyId, int number) throws UnknownMethodologyException, UnknownRevisionException;

    /**
     * Stores a new revision: {@code changedFiles} (path in the rule bundle to text) over the
     * files of the version now serving. It is checked at once and is a DRAFT or REJECTED. If the
     * result has the same content as a revision the methodology has (and that revision was not
     * rejected), nothing is stored: {@link SameRevisionException} names that revision.
     */
    Revision propose(String methodologyId, Map<String, String> changedFiles, String author, String comment)
            throws UnknownMethodologyException, MethodologyUnavailableException, SameRevisionException;

    /**
     * Makes a checked revision the one that scores; the active one becomes SUPERSEDED. Where
     * approval is required, a revision must have been approved first ({@link UnknownRevisionException.Reason#NOT_APPROVED}).
     */
    Revision activate(String methodologyId, int number, String author) throws UnknownMethodologyException, UnknownRevisionException;

    /**
     * A second policy user approves a checked revision for activation; its author cannot
     * ({@link UnknownRevisionException.Reason#OWN_REVISION}). Approving it again changes nothing.
     */
    Revision approve(String methodologyId, int number, String approver) throws UnknownMethodologyException, UnknownRevisionException;

    /**
     * For a revision rejected only because its tables moved golden cases' expected numbers
     * ({@link Revision#goldenChanges()}): proposes a new revision, the same tables with those
     * numbers as the golden cases' expected values. Revisions stay as they were made.
     */
    Revision acceptGoldenChanges(String methodologyId, int number, String author)
            throws UnknownMethodologyException, UnknownRevisionException, MethodologyUnavailableException, SameRevisionException;

    /**
     * Each methodology this node serves otherwise than the stored active revision says (a revision activated elsewhere
     * that does not restore here), by methodology id; empty when all agree.
     */
    List<id.rapor.api.model.RevisionMismatch> mismatches();

    /** What serves the methodology now, since when and by whom. */
    id.rapor.api.model.Serving serving(String methodologyId) throws UnknownMethodologyException;

    /** Scores {@code units} with the serving version and with revision {@code number}, and reports what would change. */
    Impact impact(String methodologyId, int number, List<Assessment> units)
            throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException;

    /** The table rows and rule lines added, removed and changed from revision {@code from} to {@code to}. */
    List<Change> diff(String methodologyId, int from, int to) throws UnknownMethodologyException, UnknownRevisionException;

    /** The questionnaire, weights and bands of a revision that can score (active or not; not a rejected one). */
    id.rapor.api.model.Methodology methodology(String methodologyId, int number) throws UnknownMethodologyException, UnknownRevisionException;

    /** Scores with a given revision, active or not (pinning); a rejected revision cannot score. */
    ScoreResult score(String methodologyId, int number, Assessment assessment)
            throws UnknownMethodologyException, UnknownRevisionException, InvalidAssessmentException;
}
