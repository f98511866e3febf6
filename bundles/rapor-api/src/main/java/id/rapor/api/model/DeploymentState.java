package id.rapor.api.model;

/**
 * Where one rule bundle the engine was given stands. A bundle starts PENDING (seen, waiting for
 * or in its compile), then is ACTIVE, STANDBY or REJECTED; an update goes through PENDING again
 * while its last good content, if any, keeps serving.
 */
public enum DeploymentState {
    /** Seen and queued for its checks and compile; it scores nothing yet. */
    PENDING,
    /** Checked and compiled; this is the version that scores its methodology. */
    ACTIVE,
    /** Checked and compiled, but a higher version of the same methodology is active. */
    STANDBY,
    /** Failed a check (tables, compile or golden cases); it never scores. */
    REJECTED
}
