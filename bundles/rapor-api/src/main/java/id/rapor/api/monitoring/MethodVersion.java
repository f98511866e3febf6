package id.rapor.api.monitoring;

import java.util.Objects;

/** What scored an assessment: the methodology, its version, and the rule revision (null: the rule bundle as shipped). */
public record MethodVersion(String id, String version, Integer revision) {
    public MethodVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }
}
