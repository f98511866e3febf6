package id.rapor.engine.revision;

import id.rapor.api.model.Revision;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where revisions and the activations live: a folder of a single node's ({@link RevisionFolder}), or the tables of a
 * PostgreSQL that several nodes share ({@link RevisionTable}). Each write is whole or not at all.
 */
public interface RevisionStore {

    /** Every stored revision of every methodology (without its files: {@link #files}), and which is active, by methodology id. */
    Map<String, List<Revision>> load();

    /** The highest revision number stored for the methodology, readable or not; 0 if none. */
    int highestNumber(String methodologyId);

    /**
     * Stores a new revision whole, or not at all, under the number the store hands out (where several nodes share it,
     * {@code r}'s own may have been taken meanwhile): the revision as stored.
     */
    Revision save(Revision r);

    /**
     * Marks a revision as having been activated, then makes it the active one (the atomic step); 0: none, the rule
     * bundles serve. Who did it and when is kept with it.
     */
    void activate(String methodologyId, int number, String by, Instant at);

    /** Records the second policy user's approval of a stored revision. */
    void approve(String methodologyId, int number, String by, Instant at);

    /** Who made each methodology's active revision (or its rule bundles) serve, and when. */
    Map<String, Activation> activations();

    /**
     * A stored revision's files, read when they are asked for: the heap holds what revisions say of themselves, not
     * every table of every revision ever proposed.
     */
    Map<String, String> files(String methodologyId, int number);
}
