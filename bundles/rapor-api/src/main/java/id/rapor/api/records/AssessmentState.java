package id.rapor.api.records;

import java.util.Arrays;
import java.util.Optional;

/**
 * An assessment's life: a {@code draft} may be changed; once {@code submitted} it waits for a
 * verifier; a {@code final} one never changes again (a correction is a new assessment).
 */
public enum AssessmentState {
    DRAFT("draft"), SUBMITTED("submitted"), FINAL("final");

    private final String wire;

    AssessmentState(String wire) { this.wire = wire; }

    public String wire() { return wire; }

    public static Optional<AssessmentState> of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
