package id.rapor.cli;

import id.rapor.exchange.sheet.CsvDialect;
import id.rapor.exchange.sheet.CsvSheet;
import id.rapor.exchange.sheet.Sheet;
import id.rapor.exchange.sheet.SheetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file as a spreadsheet saves it, read as the server reads an import ({@link CsvSheet}: the
 * delimiter and decimal separator from the header line, each row with its number as the
 * spreadsheet shows it); a file that cannot be read is an {@link InputException} naming it.
 */
record CsvFile(String name, CsvDialect convention, List<String> header, List<Sheet.Row> rows) {

    static CsvFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(file + " is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    static CsvFile parse(String name, String text) {
        try {
            CsvSheet csv = CsvSheet.parse(text, Integer.MAX_VALUE);
            return new CsvFile(name, csv.dialect(), csv.sheet().header(), csv.sheet().rows());
        } catch (SheetException e) {
            if (e.reason().equals("empty")) throw new InputException(name + " is empty; expected a header line and a row per unit");
            throw new InputException(name + ": " + e.getMessage());
        }
    }
}
