package id.rapor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file sent as the text it is (a unit list to import): the server checks it row by row. */
final class TextFile {
    private TextFile() {}

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read as UTF-8 text: " + e.getMessage());
        }
    }
}
