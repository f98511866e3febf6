package id.rapor.api;

/** One thing wrong with a request: the JSON path of the field and what was expected there. */
public record FieldError(String field, String message) {
}
