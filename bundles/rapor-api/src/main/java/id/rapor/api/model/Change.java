package id.rapor.api.model;

/**
 * One difference between two revisions' files: a table row (keyed by its first column, or
 * its first two where the first repeats) or a line of rule text, ADDED, REMOVED or CHANGED.
 * {@code before} and {@code after} are the row or line as written (null where absent).
 */
public record Change(String file, String kind, String key, String before, String after) {
}
