package id.rapor.api.model;

import java.time.Instant;

/**
 * A methodology this node serves otherwise than the revisions' store says (where nodes share a database: another node
 * activated a revision this one could not restore). It goes on scoring with what it serves, and tries again.
 *
 * @param active        the revision the store has active (0: the rule bundles)
 * @param serving       the version this node serves (or is compiling); null if nothing serves it here
 * @param reason        why the active revision could not be restored here; null while it is still being restored
 * @param nextAttempt   when it is tried again; null while it is still being restored
 */
public record RevisionMismatch(String methodologyId, int active, String serving, String reason, Instant nextAttempt) {
}
