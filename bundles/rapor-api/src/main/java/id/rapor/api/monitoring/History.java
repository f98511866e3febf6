package id.rapor.api.monitoring;

import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.Unit;
import java.util.List;

/**
 * Every round of a unit, oldest first. For an office or service unit at the bottom of the tree,
 * each round's official score ({@code region} false); for a region (or an office with units below),
 * each round's index made as the round's view makes it ({@code region} true). A year scored by two
 * methodologies gives a round for each.
 */
public record History(Unit unit, String family, boolean region, List<Round> rounds) {
    public History {
        rounds = List.copyOf(rounds);
    }

    /**
     * One round: its index and band (for a region, banded by the methodology serving; null when it
     * is not), what scored it ({@code versions}: one for a unit, each one met for a region), for a
     * unit the role and assessment of its official score, for a region how many units were scored,
     * and the change since the round before (null for the first).
     */
    public record Round(int year, String methodology, List<MethodVersion> versions, Figure index, String bandCode, String bandLabel,
                       AssessmentRole role, Long assessment, Integer scored, Change change) {
        public Round {
            versions = List.copyOf(versions);
        }
    }
}
