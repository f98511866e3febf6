package id.rapor.exchange.sheet;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as a spreadsheet saves it: a header line and rows, each row with its number as the
 * spreadsheet shows it (the header is row 1). The delimiter is read from the header line, so
 * both a comma file and the semicolon file of an Indonesian (or other decimal-comma) locale are
 * read; see {@link CsvDialect}. Cells are trimmed; a quoted cell may hold the delimiter;
 * blank lines and lines starting with # are skipped; a UTF-8 byte order mark is ignored.
 */
public record CsvSheet(CsvDialect dialect, Sheet sheet) {

    /** The text of a CSV file; at most {@code maxRows} rows below the header. */
    public static CsvSheet parse(String text, int maxRows) {
        // A spreadsheet's UTF-8 export often starts with a byte order mark.
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Lines lines = new Lines(text);
        int headerStart = lines.firstContentAt(0);
        if (headerStart < 0) throw new SheetException("empty", "the file is empty; expected a header line and a row per unit");
        CsvDialect dialect = CsvDialect.of(lines.lineAt(headerStart));
        CSVFormat format = dialect.format().builder()
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setCommentMarker('#').setTrim(true).get();
        List<String> header = null;
        List<Sheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                // A record's position may be that of the blank or comment lines before it.
                int line = lines.numberOf(lines.firstContentAt((int) record.getCharacterPosition()));
                if (header == null) {
                    header = record.toList();
                } else {
                    if (rows.size() == maxRows) throw tooManyRows(maxRows);
                    rows.add(new Sheet.Row(line, record.toList()));
                }
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            // Commons CSV says where: "(line 3) EOF reached before encapsulated token finished".
            String said = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new SheetException("unreadable", said, said);
        }
        return new CsvSheet(dialect, new Sheet(header, rows));
    }

    static SheetException tooManyRows(int maxRows) {
        return new SheetException("too-many-rows", "more than " + maxRows + " rows", maxRows);
    }

    /** The text's lines: where each starts, so a character position becomes a row number. */
    private static final class Lines {
        private final String text;
        private final List<Integer> starts = new ArrayList<>();

        Lines(String text) {
            this.text = text;
            starts.add(0);
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        }

        /** The start of the first line at or after {@code position} that is neither blank nor a comment; -1 if none. */
        int firstContentAt(int position) {
            for (int k = numberOf(position) - 1; k < starts.size(); k++) {
                String line = lineAt(starts.get(k));
                if (!line.isBlank() && !line.stripLeading().startsWith("#")) return starts.get(k);
            }
            return -1;
        }

        /** The line (1-based) holding {@code position}. */
        int numberOf(int position) {
            int k = Collections.binarySearch(starts, position);
            return k >= 0 ? k + 1 : -k - 1;
        }

        String lineAt(int start) {
            int end = text.indexOf('\n', start);
            return (end < 0 ? text.substring(start) : text.substring(start, end)).replace("\r", "");
        }
    }
}
