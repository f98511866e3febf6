package id.rapor.cli;

import id.rapor.client.Types;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The units a CSV file holds, and the rows each came from ({@code rows.get(k)}: unit k's row,
 * or its respondents' rows), so that what the server says of a field becomes the row and
 * column to fix in the spreadsheet: {@code units[3].answers.i07} is "row 14, column i07".
 */
record UnitsFile(CsvFile csv, Columns columns, List<Types.Assessment> units, List<List<Integer>> rows) {
    private static final Pattern FIELD = Pattern.compile("^(?:units\\[(\\d+)]\\.)?(?:answers|respondents\\[(\\d+)])\\.(.+)$");
    private static final Pattern UNIT = Pattern.compile("^units\\[(\\d+)]\\.?");

    /** Where unit {@code k}'s error is in the file, and what it is: "row 14, column i07: not an option …". */
    String explain(int k, Types.FieldError e) {
        Matcher m = FIELD.matcher(e.field());
        List<Integer> unitRows = rows.get(k);
        if (m.matches()) {
            int row = m.group(2) != null && Integer.parseInt(m.group(2)) < unitRows.size() ? unitRows.get(Integer.parseInt(m.group(2))) : unitRows.get(0);
            return "row " + row + ", column " + columns.nameOf(m.group(3)) + ": " + e.message();
        }
        String field = UNIT.matcher(e.field()).replaceFirst("");
        String where = unitRows.size() == 1 ? "row " + unitRows.get(0)
                : "rows " + unitRows.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return where + (field.isEmpty() ? "" : ", " + field) + ": " + e.message();
    }

    /**
     * The unit an error of the server's is about: by its {@code units[k]} field when it has one,
     * else the first unit of that name; -1 when neither tells.
     */
    int unitOf(String name, List<Types.FieldError> errors) {
        for (Types.FieldError e : errors) {
            Matcher m = UNIT.matcher(e.field());
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        for (int k = 0; k < units.size(); k++) if (units.get(k).unit().equals(name)) return k;
        return -1;
    }
}
