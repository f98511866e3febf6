package id.rapor.exchange.sheet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an uploaded sheet, CSV or Excel workbook, within limits: at most {@code maxRows} rows
 * below the header, and a workbook that unpacks to at most {@code maxUnpackedBytes}. A file that
 * cannot be read at all is a {@link SheetException}.
 */
public record SheetReader(int maxRows, long maxUnpackedBytes) {

    public Sheet read(byte[] content, SheetFormat format) {
        return switch (format) {
            case CSV -> CsvSheet.parse(utf8(content), maxRows).sheet();
            case XLSX -> XlsxSheet.read(content, maxRows, maxUnpackedBytes);
        };
    }

    /** Every worksheet of an Excel workbook that holds something, by its name; each within the limits. */
    public java.util.Map<String, Sheet> readWorkbook(byte[] content) {
        return XlsxSheet.readAll(content, maxRows, maxUnpackedBytes);
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new SheetException("not-utf8", "not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"");
        }
    }
}
