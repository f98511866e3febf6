package id.rapor.api.model;

import id.rapor.api.FieldError;
import java.util.List;

/** One unit of a region: its result, or why it could not be scored (the others are scored regardless). */
public record UnitOutcome(String unit, ScoreResult result, List<FieldError> errors) {
    public boolean scored() { return result != null; }
}
