package id.rapor.api.text;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A sentence to be said in the reader's language: a catalog key and its arguments (text,
 * numbers, lists, other messages). A key no catalog has is said as it is, so text written
 * before catalogs existed still reads.
 */
public final class Message {
    private final String key;
    private final List<Object> args;

    private Message(String key, Object[] args) {
        this.key = Objects.requireNonNull(key, "key");
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    public static Message of(String key, Object... args) {
        return new Message(key, args);
    }

    /** Text that is the same in every language (what a rule bundle's author wrote, a file path). */
    public static Message literal(String text) {
        return new Message("literal", new Object[] {text});
    }

    public String key() { return key; }
    public List<Object> args() { return args; }

    @Override public boolean equals(Object o) {
        return o instanceof Message m && m.key.equals(key) && m.args.equals(args);
    }

    @Override public int hashCode() { return key.hashCode() * 31 + args.hashCode(); }

    /** The English sentence, for logs and exceptions. */
    @Override public String toString() { return Language.ENGLISH.text(this); }
}
