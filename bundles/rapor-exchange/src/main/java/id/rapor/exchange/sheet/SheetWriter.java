package id.rapor.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table as a CSV file (commas, decimal points, UTF-8) or as an Excel workbook of one
 * worksheet (numbers as numbers, the header bold and frozen). A cell is a String, a BigDecimal or
 * null (empty). The workbook streams out as it is written (FastExcel), so a large sheet does not
 * sit in the heap.
 */
public final class SheetWriter {
    private SheetWriter() {}

    public static void write(OutputStream out, SheetFormat format, String title, List<String> header, Iterable<List<Object>> rows)
            throws IOException {
        switch (format) {
            case CSV -> csv(out, header, rows);
            case XLSX -> xlsx(out, title, header, rows);
        }
    }

    private static void csv(OutputStream out, List<String> header, Iterable<List<Object>> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, CsvDialect.COMMAS.format());
        printer.printRecord(header);
        for (List<Object> row : rows) {
            for (Object cell : row) printer.print(cell instanceof BigDecimal n ? CsvDialect.COMMAS.format(n) : cell == null ? "" : cell);
            printer.println();
        }
        printer.flush();
    }

    /** One worksheet of a workbook: its name (cut to Excel's 31 characters), header (bold, frozen) and rows (cells as {@link #write} takes them). */
    public record Table(String title, List<String> header, Iterable<List<Object>> rows) {}

    /** An Excel workbook of several worksheets, in order (a report: its summary, its units, its lists). */
    public static void workbook(OutputStream out, List<Table> tables) throws IOException {
        Workbook workbook = new Workbook(out, "Rapor", "1.0");
        for (Table t : tables) worksheet(workbook, t.title(), t.header(), t.rows());
        workbook.finish();
    }

    private static void xlsx(OutputStream out, String title, List<String> header, Iterable<List<Object>> rows) throws IOException {
        workbook(out, List.of(new Table(title, header, rows)));
    }

    private static void worksheet(Workbook workbook, String title, List<String> header, Iterable<List<Object>> rows) throws IOException {
        // A worksheet's name has at most 31 characters and none of []:*?/\
        Worksheet sheet = workbook.newWorksheet(title.replaceAll("[\\[\\]:*?/\\\\]", "-").substring(0, Math.min(31, title.length())));
        for (int c = 0; c < header.size(); c++) sheet.value(0, c, header.get(c));
        sheet.range(0, 0, 0, Math.max(0, header.size() - 1)).style().bold().set();
        sheet.freezePane(0, 1);
        int r = 1;
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof BigDecimal n) sheet.value(r, c, n);
                else if (cell != null) sheet.value(r, c, cell.toString());
            }
            if (r % 1000 == 0) sheet.flush(); // rows written so far leave the heap
            r++;
        }
        sheet.finish();
    }
}
