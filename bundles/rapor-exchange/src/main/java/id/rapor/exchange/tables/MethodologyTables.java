package id.rapor.exchange.tables;

import id.rapor.api.text.Message;
import id.rapor.exchange.sheet.CsvSheet;
import id.rapor.exchange.sheet.Sheet;
import id.rapor.exchange.sheet.SheetException;
import id.rapor.exchange.sheet.SheetWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A methodology's tables, both ways: the CSV files under {@code methodology/} of a revision read
 * as tables (and written as a workbook of a sheet per table), and edited tables turned back into
 * the files that changed. An edited table is matched to its file by name and its columns by their
 * names (their order may change); a row that did not change keeps its line exactly as it was, and
 * a number written another way (2.5 for 2.50, as a spreadsheet shows it) is no change. Only the
 * tables' files can come out: rule text and the descriptor never do (docs/security.md).
 */
public final class MethodologyTables {
    /** Where a rule bundle keeps its tables. */
    public static final String FOLDER = "methodology/";
    /** The order policy staff read them in; other tables follow by name. */
    private static final List<String> ORDER = List.of("aspects", "indicators", "options", "bands", "golden-cases", "provenance");
    /** A number as a table writes it: no exponent, no leading zero (so a code such as 01 stays text). */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private MethodologyTables() {}

    /** The tables among a revision's files, in reading order; a file that is no readable table is left out (its revision's errors say why). */
    public static List<MethodologyTable> of(Map<String, String> files) {
        List<MethodologyTable> tables = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = f.getKey();
            if (!path.startsWith(FOLDER) || !path.endsWith(".csv") || path.indexOf('/', FOLDER.length()) >= 0) continue;
            String name = path.substring(FOLDER.length(), path.length() - ".csv".length());
            try {
                Sheet sheet = CsvSheet.parse(f.getValue(), Integer.MAX_VALUE).sheet();
                tables.add(new MethodologyTable(name, path, f.getValue(), sheet.header(), sheet.rows()));
            } catch (SheetException e) {
                // unreadable: not shown as a table
            }
        }
        tables.sort(Comparator.comparing((MethodologyTable t) -> ORDER.contains(t.name()) ? ORDER.indexOf(t.name()) : ORDER.size())
                .thenComparing(MethodologyTable::name));
        return tables;
    }

    /** An Excel workbook of a worksheet per table, named as the table; numbers as numbers, the rest as text. */
    public static void workbook(OutputStream out, List<MethodologyTable> tables) throws IOException {
        List<SheetWriter.Table> sheets = new ArrayList<>();
        for (MethodologyTable t : tables) {
            List<List<Object>> rows = new ArrayList<>();
            for (Sheet.Row r : t.rows()) {
                List<Object> cells = new ArrayList<>();
                for (String c : r.cells()) cells.add(NUMBER.matcher(c).matches() ? new BigDecimal(c) : c);
                rows.add(cells);
            }
            sheets.add(new SheetWriter.Table(t.name(), t.header(), rows));
        }
        SheetWriter.workbook(out, sheets);
    }

    /**
     * The files that {@code edited} (tables by name: a workbook's sheets, or rows sent as JSON) change
     * from {@code base}, path to new text; empty if nothing changed. Every unknown table, unknown or
     * missing column and cell beyond the columns refuses the whole edit.
     */
    public static Map<String, String> changedFiles(List<MethodologyTable> base, Map<String, Sheet> edited) throws TablesRefusedException {
        Map<String, MethodologyTable> byName = new LinkedHashMap<>();
        for (MethodologyTable t : base) byName.put(t.name(), t);
        List<TableProblem> problems = new ArrayList<>();
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Sheet> e : edited.entrySet()) {
            MethodologyTable table = byName.get(e.getKey());
            if (table == null) {
                problems.add(new TableProblem(e.getKey(), 0, null, Message.of("tables.sheet.unknown", e.getKey(), String.join(", ", byName.keySet()))));
                continue;
            }
            List<List<String>> rows = rows(table, e.getValue(), problems);
            if (rows == null) continue;
            String text = text(table, rows);
            if (!text.equals(table.text())) changed.put(table.file(), text);
        }
        if (!problems.isEmpty()) throw new TablesRefusedException(problems);
        return changed;
    }

    /** The edited rows in the table's column order, or null (said in problems) if its columns are not the table's. */
    private static List<List<String>> rows(MethodologyTable table, Sheet sheet, List<TableProblem> problems) {
        int before = problems.size();
        List<String> columns = table.header();
        int[] at = new int[columns.size()];
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < sheet.header().size(); k++) {
            String name = sheet.header().get(k);
            if (name.isEmpty()) continue;
            if (!seen.add(name)) problems.add(new TableProblem(table.name(), 1, name, Message.of("tables.column.twice", name)));
            else if (!columns.contains(name)) {
                problems.add(new TableProblem(table.name(), 1, name, Message.of("tables.column.unknown", name, String.join(", ", columns))));
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            at[c] = sheet.header().indexOf(columns.get(c));
            if (at[c] < 0) problems.add(new TableProblem(table.name(), 1, columns.get(c), Message.of("tables.column.missing", columns.get(c))));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Sheet.Row r : sheet.rows()) {
            for (int k = 0; k < r.cells().size(); k++) {
                if (!r.cell(k).isEmpty() && (k >= sheet.header().size() || sheet.header().get(k).isEmpty())) {
                    problems.add(new TableProblem(table.name(), r.number(), null, Message.of("tables.cell.noColumn", k + 1)));
                }
            }
            List<String> cells = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) cells.add(at[c] < 0 ? "" : r.cell(at[c]));
            rows.add(cells);
        }
        return problems.size() > before ? null : rows;
    }

    /**
     * The table's file with {@code rows}: comments, blank lines and unchanged rows as they were, a
     * changed row written anew in its place, removed rows gone, added rows after the last one.
     */
    static String text(MethodologyTable table, List<List<String>> rows) {
        List<String> lines = new ArrayList<>(List.of(table.text().split("\n", -1)));
        List<Sheet.Row> old = table.rows();
        // Where each old row's lines are, from its first line (a quoted cell may hold line breaks).
        Map<Integer, Integer> rowAt = new LinkedHashMap<>();
        Set<Integer> spanned = new HashSet<>();
        for (int k = 0; k < old.size(); k++) {
            int first = old.get(k).number();
            rowAt.put(first, k);
            int breaks = (int) String.join("", old.get(k).cells()).chars().filter(ch -> ch == '\n').count();
            for (int l = first + 1; l <= first + breaks; l++) spanned.add(l);
        }
        List<String> out = new ArrayList<>();
        int lastRowOut = -1;
        for (int l = 1; l <= lines.size(); l++) {
            if (spanned.contains(l)) continue;
            Integer k = rowAt.get(l);
            if (k == null) {
                out.add(lines.get(l - 1));
                continue;
            }
            if (k >= rows.size()) continue; // removed
            List<String> now = rows.get(k);
            out.add(same(old.get(k), now, table.header().size()) ? original(lines, l, old.get(k)) : line(kept(old.get(k), now)));
            lastRowOut = out.size() - 1;
        }
        List<String> added = new ArrayList<>();
        for (int k = old.size(); k < rows.size(); k++) added.add(line(rows.get(k)));
        if (!added.isEmpty()) {
            int at = lastRowOut >= 0 ? lastRowOut + 1 : trimmedEnd(out);
            out.addAll(at, added);
        }
        return String.join("\n", out);
    }

    /** Before the file's trailing blank lines. */
    private static int trimmedEnd(List<String> lines) {
        int at = lines.size();
        while (at > 0 && lines.get(at - 1).isBlank()) at--;
        return at;
    }

    private static String original(List<String> lines, int first, Sheet.Row row) {
        int breaks = (int) String.join("", row.cells()).chars().filter(ch -> ch == '\n').count();
        return String.join("\n", lines.subList(first - 1, first + breaks));
    }

    /** Whether the row says the same: each cell the same text or the same number. */
    private static boolean same(Sheet.Row old, List<String> now, int width) {
        for (int c = 0; c < width; c++) if (!sameCell(old.cell(c), c < now.size() ? now.get(c) : "")) return false;
        return true;
    }

    private static boolean sameCell(String old, String now) {
        if (old.equals(now)) return true;
        return NUMBER.matcher(old).matches() && NUMBER.matcher(now).matches() && new BigDecimal(old).compareTo(new BigDecimal(now)) == 0;
    }

    /** A changed row's cells, each number written as before where it is the same number. */
    private static List<String> kept(Sheet.Row old, List<String> now) {
        List<String> cells = new ArrayList<>(now.size());
        for (int c = 0; c < now.size(); c++) cells.add(sameCell(old.cell(c), now.get(c)) ? old.cell(c) : now.get(c));
        return cells;
    }

    /** A row as CSV: a cell quoted where the engine's reader needs it (comma, quote, line break, a leading #, edge spaces). */
    static String line(List<String> cells) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) s.append(',');
            String cell = cells.get(c);
            boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                    || (c == 0 && cell.startsWith("#")) || !cell.equals(cell.strip());
            s.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return s.toString();
    }
}
