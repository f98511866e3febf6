package id.rapor.engine.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small RFC 4180 tables policy staff edit: comma-separated, double quotes around
 * fields that hold commas or quotes, {@code #} at the start of a line for a comment, blank
 * lines ignored. Each row remembers its line in the file so errors can point at it.
 */
public final class Csv {

    /** A data row: its 1-based line in the file and its cells, trimmed. */
    public record Row(int line, List<String> cells) {
        public String cell(int column) { return column < cells.size() ? cells.get(column) : ""; }
    }

    /** A parsed table: the header (line 1 of the data) and its rows. */
    public record Table(String file, List<String> header, List<Row> rows) {
        /** The 0-based column of {@code name}, or -1. */
        int column(String name) { return header.indexOf(name); }
    }

    private Csv() {}

    public static Table parse(String file, String text) throws RuleFileException {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        int line = 0;
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') i = 1; // spreadsheet programs add a BOM
        while (i < n) {
            line++;
            int startLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean comment = cellStartsComment(text, i);
            while (i < n) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') { cell.append('"'); i += 2; continue; }
                        quoted = false; i++; continue;
                    }
                    if (c == '\n') line++;
                    cell.append(c); i++; continue;
                }
                if (c == '"' && cell.toString().isBlank()) { quoted = true; wasQuoted = true; cell.setLength(0); i++; continue; }
                if (c == ',') { cells.add(finish(cell, wasQuoted)); cell.setLength(0); wasQuoted = false; i++; continue; }
                if (c == '\r') { i++; continue; }
                if (c == '\n') { i++; break; }
                cell.append(c); i++;
            }
            if (quoted) throw new RuleFileException(file, startLine, "a quoted cell is not closed");
            cells.add(finish(cell, wasQuoted));
            if (comment || (cells.size() == 1 && cells.get(0).isEmpty())) continue;
            if (header == null) header = List.copyOf(cells);
            else rows.add(new Row(startLine, List.copyOf(cells)));
        }
        if (header == null) throw new RuleFileException(file, 1, "the table is empty: a header row is expected");
        return new Table(file, header, rows);
    }

    private static boolean cellStartsComment(String text, int i) {
        return i < text.length() && text.charAt(i) == '#';
    }

    private static String finish(StringBuilder cell, boolean quoted) {
        return quoted ? cell.toString() : cell.toString().trim();
    }
}
