package id.rapor.cli;

import id.rapor.client.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A units file's header read against the methodology's questionnaire: the first column names
 * the unit, each other column an indicator by its id (i07, input) or by the code the
 * regulation prints for it (D1, U3), in any case. A code printed for two indicators (PEKPPP's
 * a.K) names neither: such a column must use the id.
 */
final class Columns {
    private final List<String> header;
    private final String[] indicators; // by column; [0] is the unit

    private Columns(List<String> header, String[] indicators) {
        this.header = header;
        this.indicators = indicators;
    }

    static Columns of(CsvFile file, Types.Questionnaire q) {
        List<String> header = file.header();
        if (!header.get(0).equalsIgnoreCase("unit")) {
            throw new InputException(file.name() + ": the first column must be 'unit', not '" + header.get(0) + "'");
        }
        Map<String, String> byId = new HashMap<>();
        Map<String, List<String>> byCode = new HashMap<>();
        for (var a : q.aspects()) {
            for (var i : a.indicators()) {
                byId.put(key(i.id()), i.id());
                if (i.code() != null && !i.code().isBlank()) byCode.computeIfAbsent(key(i.code()), c -> new ArrayList<>()).add(i.id());
            }
        }
        String[] indicators = new String[header.size()];
        Map<String, String> columnOf = new LinkedHashMap<>();
        for (int c = 1; c < header.size(); c++) {
            String name = header.get(c);
            if (name.isEmpty()) throw new InputException(file.name() + ": column " + (c + 1) + " of the header has no name");
            String id = byId.get(key(name));
            List<String> coded = byCode.get(key(name));
            if (id == null && coded != null && coded.size() > 1) {
                throw new InputException(file.name() + ": column " + name + ": the code " + name + " is printed for " + String.join(" and ", coded)
                        + " of " + q.id() + "; name the column by the indicator's id");
            }
            if (id == null && coded != null) id = coded.get(0);
            if (id == null) {
                throw new InputException(file.name() + ": column " + name + " is neither an indicator id nor a printed code of " + q.id()
                        + " (see: rapor-cli questionnaire " + q.id() + ")");
            }
            String before = columnOf.put(id, name);
            if (before != null) throw new InputException(file.name() + ": columns " + before + " and " + name + " both name indicator " + id);
            indicators[c] = id;
        }
        return new Columns(header, indicators);
    }

    int size() {
        return header.size();
    }

    /** The indicator id of column {@code c} (1 or more). */
    String indicator(int c) {
        return indicators[c];
    }

    /** The header's own name of the column that holds {@code indicatorId}, as the user wrote it; the id if none does. */
    String nameOf(String indicatorId) {
        for (int c = 1; c < indicators.length; c++) if (indicators[c].equals(indicatorId)) return header.get(c);
        return indicatorId;
    }

    String name(int c) {
        return header.get(c);
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
