package id.rapor.api.model;

/** What became of one rule bundle the engine was given. */
public enum DeploymentState {
    /** Checked and compiled; this is the version that scores its methodology. */
    ACTIVE,
    /** Checked and compiled, but a higher version of the same methodology is active. */
    STANDBY,
    /** Failed a check (tables, compile or golden cases); it never scores. */
    REJECTED
}
