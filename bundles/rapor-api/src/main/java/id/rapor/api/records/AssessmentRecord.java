package id.rapor.api.records;

import java.time.Instant;

/**
 * A stored assessment: what was entered, its score as it was given, its state and its history.
 * {@code rescoredFrom}: the assessment whose answers this one was scored again from (null if none).
 */
public record AssessmentRecord(long id, String unitId, String family, int year, AssessmentRole role, AssessmentState state,
                               String input, ScoreRecord score, String comment, Long replaces,
                               String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, Long rescoredFrom) {}
