package id.rapor.api.model;

/**
 * Where one table or value comes from and how sure we are of it:
 * {@code C} two or more sources or the official text, {@code S} a single source,
 * {@code U} unconfirmed or inferred.
 */
public record ProvenanceEntry(String subject, String confidence, String source, String note) {
}
