package id.rapor.api.records;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who entered an assessment. The order is the order of precedence: a unit's official score in
 * a round is the latest final assessment of the highest role.
 */
public enum AssessmentRole {
    SELF("self"), EVALUATOR("evaluator"), VERIFIER("verifier");

    private final String wire;

    AssessmentRole(String wire) { this.wire = wire; }

    public String wire() { return wire; }

    public static Optional<AssessmentRole> of(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
    }
}
