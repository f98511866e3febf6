package id.rapor.engine.table;

import java.math.BigDecimal;

/** Typed access to the cells of one table row; a bad cell is reported with its row and column. */
public final class Cells {
    private final Csv.Table table;
    private final Csv.Row row;
    private final Problems problems;

    Cells(Csv.Table table, Csv.Row row, Problems problems) {
        this.table = table;
        this.row = row;
        this.problems = problems;
    }

    int line() { return row.line(); }

    /** A cell that must not be blank; returns null (and reports) if it is. */
    String text(String column) {
        int c = table.column(column);
        String value = c < 0 ? "" : row.cell(c);
        if (value.isEmpty()) {
            problems.add(table.file(), row.line(), c + 1, "column '" + column + "' is empty");
            return null;
        }
        return value;
    }

    /** A cell that may be blank (returns ""). */
    String optionalText(String column) {
        int c = table.column(column);
        return c < 0 ? "" : row.cell(c);
    }

    BigDecimal number(String column) {
        String value = text(column);
        if (value == null) return null;
        return Numbers.parse(value, table.file(), row.line(), table.column(column) + 1, column, problems);
    }
}
