package id.rapor.api.monitoring;

/** A unit's official index against the region's index (both as printed). */
public enum Position {
    ABOVE("above"), AT("at"), BELOW("below");

    private final String wire;

    Position(String wire) { this.wire = wire; }

    public String wire() { return wire; }
}
