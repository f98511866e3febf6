package id.rapor.api.model;

import java.util.List;

/**
 * What activating a revision would do to a set of assessments the caller supplies: the units
 * whose index or band changes (old, new, delta), how many stay the same, and the units that
 * could not be scored by one version or the other.
 */
public record Impact(String methodologyId, String activeVersion, String candidateVersion, List<ImpactLine> changed,
                     int unchanged, List<UnitOutcome> errors) {
}
