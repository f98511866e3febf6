package id.rapor.api.records;

import java.util.Objects;

/**
 * A region, office or service unit. {@code parent} is null only for a top region. A unit is
 * never deleted: one that is no longer {@code active} keeps its assessments and its place.
 */
public record Unit(String id, String name, UnitKind kind, String parent, boolean active) {
    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
