package id.rapor.api.model;

import java.time.Instant;
import java.util.List;

/**
 * One rule bundle as the engine sees it. A rejected update of a bundle that was valid before
 * keeps serving its last good version: {@code servedVersion} then differs from {@code version}.
 */
public record Deployment(String methodologyId, String bundle, String version, DeploymentState state,
                         String servedVersion, Instant time, List<RuleError> errors) {
}
