package id.rapor.api.records;

import java.time.Instant;
import java.util.Objects;

/**
 * A document attached to one indicator of an assessment. {@code name} is the file name as it was
 * sent, cleaned for display (never a path); {@code mediaType} was detected from the content;
 * {@code sha256} (lower-case hex) identifies the content, which is stored once however often it
 * is attached.
 */
public record Evidence(long assessmentId, String indicator, String name, String mediaType, long size, String sha256,
                       String storedBy, Instant storedAt) {
    public Evidence {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
    }
}
