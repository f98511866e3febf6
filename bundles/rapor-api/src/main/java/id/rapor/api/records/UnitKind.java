package id.rapor.api.records;

import java.util.Optional;

/** Where a unit sits in a region's tree: a region (province, kabupaten/kota), an office (OPD), a service unit (UPP). */
public enum UnitKind {
    REGION("region"), OFFICE("office"), SERVICE_UNIT("service-unit");

    private final String wire;

    UnitKind(String wire) { this.wire = wire; }

    /** The name in the API and in files: {@code region}, {@code office}, {@code service-unit}. */
    public String wire() { return wire; }

    /** Read for every unit of every region listed: a loop, not a stream. */
    public static Optional<UnitKind> of(String wire) {
        for (UnitKind k : KINDS) {
            if (k.wire.equals(wire)) return Optional.of(k);
        }
        return Optional.empty();
    }

    private static final UnitKind[] KINDS = values();
}
