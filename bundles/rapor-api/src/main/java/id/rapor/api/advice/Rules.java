package id.rapor.api.advice;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Which rules of a methodology: the version serving now ({@code revision} null) or a revision of
 * it, and a unit's answers to them.
 */
public record Rules(String methodologyId, Integer revision) {
    public Rules {
        java.util.Objects.requireNonNull(methodologyId, "methodologyId");
    }

    /** The answers one unit gave, by indicator id. */
    public record Answers(Rules rules, String unit, Map<String, BigDecimal> answers) {
        public Answers {
            java.util.Objects.requireNonNull(rules, "rules");
            answers = Map.copyOf(answers);
        }
    }
}
