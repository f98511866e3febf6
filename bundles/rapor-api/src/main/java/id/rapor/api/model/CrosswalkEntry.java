package id.rapor.api.model;

import java.util.Objects;

/**
 * One row of a rule bundle's crosswalk to an earlier (or later) methodology: indicator
 * {@code from} of that methodology became indicator {@code to} of this one (renamed, merged or
 * split), with how sure the match is ({@code C}, {@code S}, {@code U} as in provenance).
 */
public record CrosswalkEntry(String from, String to, String confidence, String note) {
    public CrosswalkEntry {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(confidence, "confidence");
        note = note == null ? "" : note;
    }
}
