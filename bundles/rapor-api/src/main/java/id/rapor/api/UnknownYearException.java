package id.rapor.api;

import java.util.List;

/** No methodology of the family applies to the year asked for; {@code available} says which years do. */
public class UnknownYearException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> available;

    public UnknownYearException(String family, int year, List<String> available) {
        super(available.isEmpty() ? "unknown methodology family '" + family + "'"
                : "no " + family + " methodology applies to " + year);
        this.available = List.copyOf(available);
    }

    /** "pekppp-2017: 2017–2021" lines, or the known families when the family itself is unknown. */
    public List<String> available() { return available; }
}
