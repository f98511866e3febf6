package id.rapor.api.records;

/** Where an {@link EntryRound} stands on a day. */
public enum EntryRoundState {
    NOT_YET_OPEN("not-yet-open"), OPEN("open"), CLOSED("closed");

    private final String wire;

    EntryRoundState(String wire) { this.wire = wire; }

    /** The name in the API: {@code not-yet-open}, {@code open}, {@code closed}. */
    public String wire() { return wire; }
}
