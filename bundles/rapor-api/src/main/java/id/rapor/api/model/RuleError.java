package id.rapor.api.model;

/**
 * A problem found in a rule bundle, pointing at the author's own text: the file inside the
 * bundle and, where known, the 1-based line (a table row counts its header as line 1) and
 * column. Zero means unknown.
 */
public record RuleError(String file, int line, int column, String message) {
    @Override public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) s.append(':').append(line);
        if (column > 0) s.append(':').append(column);
        return s.append(": ").append(message).toString();
    }
}
