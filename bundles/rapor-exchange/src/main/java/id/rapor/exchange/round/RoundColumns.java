package id.rapor.exchange.round;

import id.rapor.api.model.Methodology;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a round's sheet: {@code unit} and {@code role} say whose assessment a row is,
 * {@code comment} goes with it, then one column per indicator id in the questionnaire's order.
 * {@code name}, {@code state}, {@code assessment} (its id), {@code index} and {@code band} are
 * written for the reader and ignored when the sheet is imported, so an exported sheet imports back.
 */
public final class RoundColumns {
    public static final String UNIT = "unit";
    public static final String NAME = "name";
    public static final String ROLE = "role";
    public static final String STATE = "state";
    public static final String ASSESSMENT = "assessment";
    public static final String INDEX = "index";
    public static final String BAND = "band";
    public static final String COMMENT = "comment";

    /** The columns before the indicators, in their order. */
    public static final List<String> FIXED = List.of(UNIT, NAME, ROLE, STATE, ASSESSMENT, INDEX, BAND, COMMENT);
    /** The columns an import reads besides the indicators. */
    static final List<String> READ = List.of(UNIT, ROLE, COMMENT);

    private RoundColumns() {}

    public static List<String> header(Methodology m) {
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(m.getIndicators().keySet());
        return header;
    }
}
