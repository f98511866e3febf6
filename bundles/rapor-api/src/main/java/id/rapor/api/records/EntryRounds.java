package id.rapor.api.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The regions' yearly entry rounds (see {@link EntryRound}). An admin opens one per region, family
 * and year and may change its period or close it; every change is audited. The records refuse a
 * self-assessment entered, changed or submitted outside the round of the nearest region above its
 * unit that has one ({@code round-closed}); a unit under no round is not restricted.
 */
@ProviderType
public interface EntryRounds {

    /**
     * Opens a round. {@code region} must be a unit of kind region ({@link RecordNotFoundException} for none,
     * {@code invalid-round} naming {@code region} for another kind); {@code closesOn} may not be before
     * {@code opensOn} ({@code invalid-round}, {@code closesOn}); a second round of the region, family and year is a
     * conflict ({@code duplicate-round}).
     */
    EntryRound create(String region, String family, int year, LocalDate opensOn, LocalDate closesOn, boolean closed, Actor actor)
            throws RecordException;

    /** A round's new period and whether it is closed; its region, family and year never change. */
    EntryRound update(long id, LocalDate opensOn, LocalDate closesOn, boolean closed, Actor actor) throws RecordException;

    Optional<EntryRound> find(long id);

    /** The rounds, each filter null for any: by year (newest first), region, family. */
    List<EntryRound> list(String region, String family, Integer year);

    /** The round that governs self-assessments of {@code unitId} for the family and year: that of the nearest region at or above it. */
    Optional<EntryRound> governing(String unitId, String family, int year) throws RecordException;
}
