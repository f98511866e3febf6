package id.rapor.api.model;

import java.time.Instant;

/**
 * What serves a methodology now: {@code version} and {@code revision} (0: its rule bundles),
 * since when and by whom (a user, or the rule bundle an operator installed). While its active
 * revision is restored at start the state is PENDING and {@code version} names that revision;
 * REJECTED: nothing serves it.
 */
public record Serving(String methodologyId, DeploymentState state, String version, int revision, String by, Instant since) {
}
