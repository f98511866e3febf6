package id.rapor.api.monitoring;

/** Where a unit stands in a round. */
public enum UnitStatus {
    /** It has an official score (a final assessment) by the round's methodology: it counts. */
    SCORED("scored"),
    /** Something was entered, nothing is final yet. */
    PENDING("pending"),
    /** Nothing was entered in the round. */
    NOT_ENTERED("not-entered"),
    /** Its official score is by another methodology than the one the view was asked for. */
    OTHER_METHODOLOGY("other-methodology");

    private final String wire;

    UnitStatus(String wire) { this.wire = wire; }

    public String wire() { return wire; }
}
