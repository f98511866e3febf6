package id.rapor.records.round;

import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.EntryRound;
import id.rapor.api.records.EntryRoundState;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.text.Message;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rule of the rounds, in one place for every path that writes an assessment (an entry, a change, a
 * submission, a re-score, a round's sheet): an office's self-assessment of a unit under a region with a
 * round of the family and year is taken only while that round is open — from its first day to its last,
 * both inside, and not closed early. Evaluators and verifiers are not bound to the period; a unit under
 * no round is not restricted.
 */
public final class EntryPeriod {
    private EntryPeriod() {}

    /** Refuses ({@code round-closed}, naming {@code year}) a self entry for the unit's round on {@code today} outside its period. */
    public static void checkSelfEntry(Connection c, String unitId, String family, int year, AssessmentRole role, LocalDate today)
            throws SQLException, RecordConflictException {
        if (role != AssessmentRole.SELF) return;
        check(RoundRows.governing(c, unitId, family, year), today);
    }

    /** The rule itself, on the round that governs the unit (if any). */
    public static void check(Optional<EntryRound> governing, LocalDate today) throws RecordConflictException {
        if (governing.isEmpty()) return;
        EntryRound r = governing.get();
        EntryRoundState state = r.stateOn(today);
        if (state == EntryRoundState.OPEN) return;
        String key = r.closed() ? "records.round.closedEarly" : state == EntryRoundState.NOT_YET_OPEN ? "records.round.notYetOpen"
                : "records.round.over";
        throw new RecordConflictException("round-closed", "year", Message.of(key, r.region(), r.family(), String.valueOf(r.year()),
                r.opensOn().toString(), r.closesOn().toString()));
    }
}
