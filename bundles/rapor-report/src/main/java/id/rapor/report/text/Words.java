package id.rapor.report.text;

import id.rapor.api.model.Band;
import id.rapor.api.monitoring.Change;
import id.rapor.api.monitoring.Figure;
import id.rapor.api.monitoring.MethodVersion;
import id.rapor.api.text.Language;
import id.rapor.api.text.Message;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report's words and numbers in the reader's language: the catalog's sentences ({@code report.*}),
 * numbers as the rest of Rapor writes them (a decimal comma in Indonesian, 2,97; a point in English,
 * 2.97), an index with its methodology's decimals (95.00), others without trailing zeros.
 */
public record Words(Language language) {

    public String say(String key, Object... args) {
        return language.text(Message.of(key, args));
    }

    public String say(Message m) {
        return language.text(m);
    }

    /** An index as printed: the scale's decimals, kept (4.50 stays 4,50). Empty for none. */
    public String index(BigDecimal value, int decimals) {
        return value == null ? "" : language.number(Figure.printed(value, decimals).toPlainString());
    }

    /** Any other number as it was printed (the stored score's numbers are the regulation's print: 3.10 stays 3,10). Empty for none. */
    public String number(BigDecimal value) {
        return value == null ? "" : language.number(value.toPlainString());
    }

    /** A change in points or percent: with its sign (+2.07, -10.00). */
    public String signed(BigDecimal value) {
        return value == null ? "" : (value.signum() > 0 ? "+" : "") + language.number(value.toPlainString());
    }

    /** "+2.07 (+2.22%)", and, where the methodology changed, that it did and from what to what. */
    public String change(Change c) {
        if (c == null) return "";
        String s = signed(c.points().printed()) + (c.percent() == null ? "" : " (" + signed(c.percent().printed()) + "%)");
        return c.methodologyChanged() ? s + "; " + say("report.methodChanged", methods(c.from()), methods(c.to())) : s;
    }

    /** "pekppp-2022 2022.1.0, revision 3" for each, comma separated. */
    public String methods(List<MethodVersion> list) {
        return list.stream().map(this::method).collect(Collectors.joining(", "));
    }

    public String method(MethodVersion m) {
        return m.revision() == null ? say("report.method", m.id(), m.version()) : say("report.method.revision", m.id(), m.version(), m.revision());
    }

    /** "C (Cukup)". */
    public String band(String code, String label) {
        if (code == null) return "";
        return label == null || label.isBlank() ? code : code + " (" + label + ")";
    }

    public String band(Band b) {
        return b == null ? "" : band(b.getCode(), b.getLabel());
    }
}
