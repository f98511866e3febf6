package id.rapor.exchange.tables;

import id.rapor.exchange.sheet.Sheet;
import java.util.List;

/**
 * One table of a methodology as its file holds it: its name (the file's, without {@code .csv}:
 * {@code bands}), the file's path in the rule bundle ({@code methodology/bands.csv}), the file's
 * text, its header and its rows, each row with its line in the file (the line an engine error names).
 */
public record MethodologyTable(String name, String file, String text, List<String> header, List<Sheet.Row> rows) {
    public MethodologyTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The row whose text starts on {@code line} (0-based index among the rows), or -1. */
    public int rowAtLine(int line) {
        for (int k = 0; k < rows.size(); k++) if (rows.get(k).number() == line) return k;
        return -1;
    }
}
