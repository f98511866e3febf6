package id.rapor.engine.revision;

import id.rapor.engine.table.Csv;
import id.rapor.engine.table.RuleFileException;

import id.rapor.api.model.GoldenChange;
import java.util.ArrayList;
import java.util.List;

/**
 * golden-cases.csv with moved numbers accepted: the index and band of each changed case's row
 * become what the rules now give it. Only those two cells of those rows change; every other
 * line (comments, answers, the other cases) stays as its author wrote it.
 */
final class GoldenCasesAccepted {
    private GoldenCasesAccepted() {}

    static String apply(String file, String text, List<GoldenChange> changes) {
        String[] lines = text.split("\n", -1);
        Csv.Table table = parse(file, text);
        int indexColumn = table.header().indexOf("index");
        int bandColumn = table.header().indexOf("band");
        for (GoldenChange c : changes) {
            int at = c.line() - 1;
            if (at <= 0 || at >= lines.length) throw new IllegalStateException(file + " has no line " + c.line() + " for case '" + c.caseName() + "'");
            String line = lines[at];
            boolean crlf = line.endsWith("\r");
            Csv.Table row = parse(file, String.join(",", table.header()) + "\n" + line);
            if (row.rows().size() != 1 || !row.rows().get(0).cell(table.header().indexOf("case")).equals(c.caseName())) {
                throw new IllegalStateException(file + " line " + c.line() + " is not the row of case '" + c.caseName() + "'");
            }
            List<String> cells = new ArrayList<>(row.rows().get(0).cells());
            while (cells.size() <= Math.max(indexColumn, bandColumn)) cells.add("");
            cells.set(indexColumn, c.newIndex().toPlainString());
            cells.set(bandColumn, c.newBand());
            lines[at] = String.join(",", cells.stream().map(GoldenCasesAccepted::cell).toList()) + (crlf ? "\r" : "");
        }
        return String.join("\n", lines);
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") || value.startsWith("#") || !value.equals(value.trim())
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static Csv.Table parse(String file, String text) {
        try {
            return Csv.parse(file, text);
        } catch (RuleFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
