package id.rapor.cli;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import id.rapor.client.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the command line is given: an assessment as JSON, a region's units as CSV. */
final class Files {
    private Files() {}

    static Types.Assessment assessment(String file) throws IOException {
        try {
            Types.Assessment a = new Gson().fromJson(java.nio.file.Files.readString(Path.of(file), StandardCharsets.UTF_8), Types.Assessment.class);
            if (a == null) throw new IllegalArgumentException(file + " is empty");
            return a;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not an assessment in JSON: " + e.getMessage());
        }
    }

    /** A CSV with header {@code unit,<indicator id>,…} and a row per unit; a blank cell is no answer. */
    static List<Types.Assessment> units(String file) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        lines.removeIf(l -> l.isBlank() || l.startsWith("#"));
        if (lines.isEmpty()) throw new IllegalArgumentException(file + " has no header");
        String[] header = cells(lines.get(0));
        if (!header[0].equals("unit")) throw new IllegalArgumentException(file + ": the first column must be 'unit', not '" + header[0] + "'");
        List<Types.Assessment> units = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            String[] row = cells(lines.get(r));
            Map<String, BigDecimal> answers = new LinkedHashMap<>();
            for (int c = 1; c < header.length && c < row.length; c++) {
                if (row[c].isEmpty()) continue;
                try {
                    answers.put(header[c], new BigDecimal(row[c]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (r + 1) + ", column " + header[c] + ": '" + row[c] + "' is not a number");
                }
            }
            units.add(Types.Assessment.of(row[0], answers));
        }
        return units;
    }

    /** Comma-separated cells; a cell in double quotes may hold commas ("Dinas A, Kota B"). */
    static String[] cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().trim());
        return cells.toArray(String[]::new);
    }
}
