package id.rapor.api.monitoring;

import id.rapor.api.records.Unit;
import java.math.BigDecimal;

/**
 * One unit of a round's view; every region figure is made of these rows. {@code region}: the
 * region right below the view's region that the unit lies in (null: directly in it).
 * {@code self}, {@code evaluator}, {@code verifier}: the index of the latest final assessment of
 * each role (null: none); {@code gap} = self − evaluator where both exist. {@code rank} (competition
 * ranking "1224": equal indices share a rank, the next rank skips) and {@code position} only for a
 * {@link UnitStatus#SCORED} unit. {@code previous}: its official score of the previous round, with
 * the change (null: none then).
 */
public record UnitRow(Unit unit, String region, UnitStatus status, OfficialScore official, BigDecimal self, BigDecimal evaluator,
                      BigDecimal verifier, BigDecimal gap, Integer rank, Position position, PreviousScore previous) {

    /** A unit's official score in the previous round and the change since. */
    public record PreviousScore(int year, OfficialScore official, Change change) {}
}
