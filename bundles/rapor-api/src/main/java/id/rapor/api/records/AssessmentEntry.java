package id.rapor.api.records;

import java.util.Objects;

/**
 * What is stored of one assessment when it is entered or a draft is changed: the round
 * ({@code family} and {@code year}), who entered it in which role, the answers as entered
 * ({@code input}, JSON: {@code answers} or {@code respondents}), the score they got, a comment,
 * and the final assessment it corrects (null if none).
 */
public record AssessmentEntry(String unitId, String family, int year, AssessmentRole role, String input,
                              ScoreRecord score, String comment, Long replaces) {
    public AssessmentEntry {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(score, "score");
    }
}
