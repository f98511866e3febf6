package id.rapor.exchange.sheet;

import java.util.List;

/**
 * A table as a spreadsheet holds it: a header and rows of text cells, each row with its number as
 * the spreadsheet shows it (the header is row 1 when it is the first line), so that an error can
 * say "row 14". Cells are trimmed; a number in a workbook's cell is written plainly (2.5).
 */
public record Sheet(List<String> header, List<Row> rows) {
    public Sheet {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** A row of cells and its number in the file or worksheet (1 is the first line). */
    public record Row(int number, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell in column {@code k} (from 0); "" past the row's end. */
        public String cell(int k) {
            return k < cells.size() ? cells.get(k) : "";
        }

        /** Whether every cell is empty. */
        public boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }
}
