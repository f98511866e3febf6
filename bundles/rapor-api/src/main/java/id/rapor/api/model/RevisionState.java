package id.rapor.api.model;

/** Where a revision of a methodology's rules stands. */
public enum RevisionState {
    /** Checked and compiled; can be activated. */
    DRAFT,
    /** Failed a check (tables, rule text, compile, golden cases); can never be activated. */
    REJECTED,
    /** The revision that scores the methodology. */
    ACTIVE,
    /** Was active; an earlier or later revision replaced it. Activating it again is a rollback. */
    SUPERSEDED
}
