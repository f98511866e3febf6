package id.rapor.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rule files of a folder, as the revision API takes them: path to text. A table in the
 * folder's top (bands.csv, as {@code rapor-cli tables} writes it) is {@code methodology/bands.csv};
 * paths under methodology/ or rules/ stay as they are. Hidden files and the lock files
 * spreadsheet programs leave beside an open file (~$bands.csv) are not rule files.
 */
final class FolderFiles {
    private FolderFiles() {}

    static Map<String, String> read(Path folder) {
        if (!Files.isDirectory(folder)) throw new InputException("no such folder: " + folder);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p) || skipped(folder.relativize(p))) continue;
                String path = folder.relativize(p).toString().replace('\\', '/');
                String text;
                try {
                    text = Files.readString(p, StandardCharsets.UTF_8);
                } catch (MalformedInputException e) {
                    throw new InputException(p + " is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"");
                }
                files.put(path.startsWith("methodology/") || path.startsWith("rules/") ? path : "methodology/" + path, text);
            }
        } catch (IOException e) {
            throw new InputException(folder + ": cannot read: " + e.getMessage());
        }
        if (files.isEmpty()) throw new InputException(folder + " holds no files to propose");
        return files;
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("~$")) return true;
        }
        return false;
    }
}
