package id.rapor.api;

import id.rapor.api.text.Language;
import id.rapor.api.text.Message;

/** One thing wrong with a request: the JSON path of the field and what was expected there, in the reader's language. */
public record FieldError(String field, Message text) {
    /** A message that reads the same in every language (a rule bundle's error, a file path). */
    public FieldError(String field, String literal) {
        this(field, Message.literal(literal));
    }

    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, Message.of(key, args));
    }

    /** In English, for logs and tests. */
    public String message() { return Language.ENGLISH.text(text); }

    /** Two errors are the same when they name the same field and say the same (a literal or a catalog message). */
    @Override public boolean equals(Object o) {
        return o instanceof FieldError e && e.field.equals(field) && e.message().equals(message());
    }

    @Override public int hashCode() { return field.hashCode() * 31 + message().hashCode(); }

    @Override public String toString() { return field + ": " + message(); }
}
