package id.rapor.api.model;

import java.time.Instant;
import java.util.List;

/**
 * One rule bundle as the engine sees it. A rejected update of a bundle that was valid before
 * keeps serving its last good version: {@code servedVersion} then differs from {@code version}.
 * While a revision is activated, it serves the methodology in place of every rule bundle:
 * {@code overriddenBy} is then that revision's version, else null. On the bundle the rule bundles
 * have chosen, {@code servedVersion} and {@code servedRevision} say what actually serves the
 * methodology (the revision's version and number while one is active, 0 for the bundle itself);
 * on the other bundles, and while an active revision is being restored at start, they are null.
 */
public record Deployment(String methodologyId, String bundle, String version, DeploymentState state,
                         String servedVersion, Instant time, List<RuleError> errors, String overriddenBy, Integer servedRevision) {
}
