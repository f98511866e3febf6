package id.rapor.cli;

import id.rapor.client.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A region's units as CSV: a header {@code unit,<indicator id>,<indicator id>,…} and one row
 * per unit. A blank cell is no answer (the server then says which answer is missing; it never
 * scores it as zero). A name holding a comma goes in double quotes. Blank lines and lines
 * starting with # are skipped.
 */
final class UnitsCsv {
    private UnitsCsv() {}

    static List<Types.Assessment> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), lines);
    }

    static List<Types.Assessment> parse(String file, List<String> lines) {
        int at = 0;
        while (at < lines.size() && skipped(lines.get(at))) at++;
        if (at == lines.size()) throw new InputException(file + " is empty; expected a header unit,<indicator id>,…");
        // A spreadsheet's UTF-8 export often starts with a byte order mark.
        List<String> header = cells(file, at + 1, lines.get(at).replace("\uFEFF", ""));
        checkHeader(file, header);
        List<Types.Assessment> units = new ArrayList<>();
        for (int k = at + 1; k < lines.size(); k++) {
            if (!skipped(lines.get(k))) units.add(unit(file, k + 1, header, cells(file, k + 1, lines.get(k))));
        }
        if (units.isEmpty()) throw new InputException(file + " has a header but no units");
        return units;
    }

    private static void checkHeader(String file, List<String> header) {
        if (header.size() == 1 && header.get(0).contains(";")) {
            throw new InputException(file + ": the header has one column; rapor-cli reads commas, not semicolons");
        }
        if (!header.get(0).equals("unit")) throw new InputException(file + ": the first column must be 'unit', not '" + header.get(0) + "'");
        var seen = new HashSet<String>();
        for (String id : header.subList(1, header.size())) {
            if (id.isEmpty()) throw new InputException(file + ": the header has an empty column name");
            if (!seen.add(id)) throw new InputException(file + ": the header names " + id + " twice");
        }
    }

    private static Types.Assessment unit(String file, int line, List<String> header, List<String> row) {
        if (row.size() > header.size()) {
            throw new InputException(file + " line " + line + ": " + row.size() + " cells, but the header has " + header.size());
        }
        if (row.get(0).isEmpty()) throw new InputException(file + " line " + line + ": no unit name");
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        for (int c = 1; c < row.size(); c++) {
            String cell = row.get(c);
            if (cell.isEmpty()) continue;
            try {
                answers.put(header.get(c), new BigDecimal(cell));
            } catch (NumberFormatException e) {
                throw new InputException(file + " line " + line + ", column " + header.get(c) + ": '" + cell + "' is not a number");
            }
        }
        return Types.Assessment.of(row.get(0), answers);
    }

    private static boolean skipped(String line) {
        return line.isBlank() || line.startsWith("#");
    }

    /** Comma-separated cells, trimmed; a cell in double quotes may hold commas, and "" is a quote inside it. */
    static List<String> cells(String file, int line, String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' && quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) throw new InputException(file + " line " + line + ": a quote is not closed");
        cells.add(cell.toString().strip());
        return cells;
    }
}
