package id.rapor.exchange.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first worksheet of an Excel workbook (.xlsx) as a {@link Sheet}, or every one by its name: its first non-empty row is
 * the header, each row keeps the number the spreadsheet shows, empty rows are skipped. A number
 * cell is written plainly (2.5, 3); a formula cell gives the value it last showed. Read with
 * FastExcel, which streams the worksheet; the workbook's unpacked size is checked first
 * ({@link UnpackedSize}).
 */
final class XlsxSheet {
    private XlsxSheet() {}

    static Sheet read(byte[] content, int maxRows, long maxUnpackedBytes) {
        UnpackedSize.check(content, maxUnpackedBytes);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = sheet(workbook.getFirstSheet(), maxRows);
            if (sheet == null) throw new SheetException("empty", "the workbook's first sheet is empty; expected a header row and a row per unit");
            return sheet;
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new SheetException("unreadable", String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw UnpackedSize.notAWorkbook();
        }
    }

    /** Every worksheet that holds something, by its name, in the workbook's order; at most {@code maxRows} rows each. */
    static Map<String, Sheet> readAll(byte[] content, int maxRows, long maxUnpackedBytes) {
        UnpackedSize.check(content, maxUnpackedBytes);
        Map<String, Sheet> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            for (org.dhatim.fastexcel.reader.Sheet s : workbook.getSheets().toList()) {
                Sheet sheet = sheet(s, maxRows);
                if (sheet != null) sheets.put(s.getName(), sheet);
            }
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw new SheetException("unreadable", String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw UnpackedSize.notAWorkbook();
        }
        if (sheets.isEmpty()) throw new SheetException("empty", "the workbook is empty; expected a header row and rows");
        return sheets;
    }

    /** One worksheet; null if it holds nothing. */
    private static Sheet sheet(org.dhatim.fastexcel.reader.Sheet worksheet, int maxRows) throws IOException {
        List<String> header = null;
        List<Sheet.Row> rows = new ArrayList<>();
        try (Stream<Row> stream = worksheet.openStream()) {
            for (Iterator<Row> it = stream.iterator(); it.hasNext(); ) {
                Row row = it.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int k = 0; k < row.getCellCount(); k++) cells.add(text(row.getCell(k)));
                Sheet.Row read = new Sheet.Row(row.getRowNum(), cells);
                if (read.blank()) continue;
                if (header == null) {
                    header = cells;
                } else {
                    if (rows.size() == maxRows) throw CsvSheet.tooManyRows(maxRows);
                    rows.add(read);
                }
            }
        }
        return header == null ? null : new Sheet(header, rows);
    }

    private static String text(Cell cell) {
        if (cell == null) return "";
        return switch (cell.getType()) {
            case NUMBER -> plain(cell.asNumber());
            case STRING, BOOLEAN, ERROR -> String.valueOf(cell.getValue()).trim();
            case FORMULA -> cell.getRawValue() == null ? "" : cell.getRawValue().trim();
            case EMPTY -> "";
        };
    }

    /** 3 rather than 3.0, 0.000001 rather than 1E-6. */
    private static String plain(BigDecimal n) {
        if (n == null) return "";
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
