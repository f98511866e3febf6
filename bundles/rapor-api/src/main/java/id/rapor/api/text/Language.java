package id.rapor.api.text;

import id.rapor.api.model.Presentation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * A language Rapor speaks, with its catalog ({@code messages_<tag>.properties}, UTF-8, next to
 * this class). Indonesian is the default: the people who read the answers are Indonesian.
 * In a sentence, a placeholder {@code {n}} is the n-th argument and {@code {n,kind}} a number of
 * that kind, printed as the methodology's {@link Presentation} says; numbers are written plainly,
 * with a decimal comma in Indonesian (2,97) and a decimal point in English (2.97).
 */
public enum Language {
    INDONESIAN("id", ','),
    ENGLISH("en", '.');

    public static final Language DEFAULT = INDONESIAN;
    private static final List<String> TAGS = List.of("id", "en");

    private final String tag;
    private final char decimal;
    private final ResourceBundle catalog;

    Language(String tag, char decimal) {
        this.tag = tag;
        this.decimal = decimal;
        this.catalog = load(tag);
    }

    /** The catalog of one language, read as UTF-8. */
    public static ResourceBundle load(String tag) {
        String name = "messages_" + tag + ".properties";
        try (InputStream in = Language.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing catalog " + name);
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language tag, as in Content-Language. */
    public String tag() { return tag; }

    /**
     * The language an Accept-Language header prefers (q-values honoured, RFC 4647 lookup), or
     * the default when there is no header, it is malformed, or it names no language spoken here.
     */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return DEFAULT;
        try {
            String chosen = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS);
            return ENGLISH.tag.equals(chosen) ? ENGLISH : DEFAULT;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }

    public String text(Message m) {
        return text(m, Presentation.EXACT);
    }

    /** The sentence, its numbers of each kind printed as {@code presentation} says. */
    public String text(Message m, Presentation presentation) {
        if (m.key().equals("literal")) return String.valueOf(m.args().get(0));
        String pattern;
        try {
            pattern = catalog.getString(m.key());
        } catch (MissingResourceException e) {
            return m.args().isEmpty() ? m.key() : m.key() + " " + m.args(); // text from before catalogs, or a key of a newer rule bundle
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int at = 0;
        while (at < pattern.length()) {
            int open = pattern.indexOf('{', at);
            int close = open < 0 ? -1 : pattern.indexOf('}', open);
            if (close < 0) {
                out.append(pattern, at, pattern.length());
                break;
            }
            out.append(pattern, at, open);
            String[] placeholder = pattern.substring(open + 1, close).split(",", 2);
            int index = Integer.parseInt(placeholder[0].trim());
            Object arg = index < m.args().size() ? m.args().get(index) : "";
            out.append(argument(arg, placeholder.length > 1 ? placeholder[1].trim() : null, presentation));
            at = close + 1;
        }
        return out.toString();
    }

    private String argument(Object arg, String kind, Presentation presentation) {
        if (arg instanceof BigDecimal n) {
            // A number of a kind is printed as the regulation prints it, without trailing zeros; one
            // without (an index already rounded, a band's edge) exactly as it was written: 4.50 stays 4.50.
            if (kind != null) {
                BigDecimal shown = presentation.present(kind, n);
                // A cut unrounded index says it goes on: 79,1666…
                return number(plain(shown)) + (kind.equals(Presentation.INDEX_UNROUNDED) && shown.compareTo(n) != 0 ? "…" : "");
            }
            return number(Math.abs(n.scale()) > 40 ? n.stripTrailingZeros().toString() : n.toPlainString());
        }
        if (arg instanceof Message nested) return text(nested, presentation);
        if (arg instanceof Collection<?> list) {
            StringBuilder s = new StringBuilder();
            String separator = ", ";
            for (Object o : list) if (o instanceof BigDecimal n && n.scale() > 0 && decimal == ',') separator = "; "; // 0,5; 1 not 0,5, 1
            for (Object o : list) {
                if (s.length() > 0) s.append(separator);
                s.append(argument(o, kind, presentation));
            }
            return s.toString();
        }
        return String.valueOf(arg);
    }

    /** A number as this language writes it in a sentence: 2,97 or 2.97. */
    public String number(String plain) {
        return decimal == '.' ? plain : plain.replace('.', decimal);
    }

    /** 0.2040 as 0.204, 17.00 as 17, never with an exponent. */
    public static String plain(BigDecimal value) {
        if (Math.abs(value.scale()) > 40) return value.stripTrailingZeros().toString();
        String s = value.toPlainString();
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
