package id.rapor.exchange.sheet;

import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;

/**
 * How a CSV file writes its cells: comma-separated with decimal points (the CSV of most
 * locales), or semicolon-separated with decimal commas, as spreadsheet programs save CSV in the
 * Indonesian locale (where the comma is the decimal separator), or tab-separated. Read from the
 * header line; output for such a file is written the same way, so it opens in the same program.
 * One convention for rapor-cli's files and the server's imports alike.
 */
public record CsvDialect(char delimiter) {
    public static final CsvDialect COMMAS = new CsvDialect(',');

    /** The delimiter the header line uses most outside quotes: semicolon, tab or comma. */
    public static CsvDialect of(String headerLine) {
        int commas = 0, semicolons = 0, tabs = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (semicolons > commas && semicolons >= tabs) return new CsvDialect(';');
        if (tabs > commas) return new CsvDialect('\t');
        return COMMAS;
    }

    /** A semicolon file comes from a locale whose decimal separator is the comma. */
    public boolean decimalComma() {
        return delimiter == ';';
    }

    public CSVFormat format() {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator('\n').get();
    }

    /**
     * A cell's number: 3, 4.50 or 4,50 (a decimal comma, whatever the delimiter: a quoted cell of
     * a comma file may hold one). Null when the cell is not a number; a cell with both a comma and
     * a point (1.234,5) is not one either: answers have no thousands separators.
     */
    public static BigDecimal number(String cell) {
        String s = cell;
        if (s.indexOf(',') >= 0) {
            if (s.indexOf('.') >= 0 || s.indexOf(',') != s.lastIndexOf(',')) return null;
            s = s.replace(',', '.');
        }
        // Plain decimals only: BigDecimal would also take 1E+1, which no spreadsheet writes for an answer.
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)")) return null;
        return new BigDecimal(s);
    }

    /** A number as this convention writes it: 2.97, or 2,97 with decimal commas. */
    public String format(BigDecimal number) {
        if (number == null) return "";
        String s = number.toPlainString();
        return decimalComma() ? s.replace('.', ',') : s;
    }
}
