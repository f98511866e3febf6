package id.rapor.api.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A region's yearly round of a family (e.g. kab-contoh, pekppp, 2024), opened by an admin: offices
 * under the region enter their self-assessments from {@code opensOn} to {@code closesOn}, both days
 * inside, unless an admin has {@code closed} it early. Evaluators' and verifiers' entries are not
 * bound to the period.
 */
public record EntryRound(long id, String region, String family, int year, LocalDate opensOn, LocalDate closesOn, boolean closed,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    public EntryRound {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(opensOn, "opensOn");
        Objects.requireNonNull(closesOn, "closesOn");
    }

    /** Where the round stands on {@code today}: closed early or after its last day, open within its period, else not yet open. */
    public EntryRoundState stateOn(LocalDate today) {
        if (closed || today.isAfter(closesOn)) return EntryRoundState.CLOSED;
        return today.isBefore(opensOn) ? EntryRoundState.NOT_YET_OPEN : EntryRoundState.OPEN;
    }

    /** Whether an office may enter, change or submit its self-assessment on {@code today}. */
    public boolean takesSelfEntriesOn(LocalDate today) {
        return stateOn(today) == EntryRoundState.OPEN;
    }
}
