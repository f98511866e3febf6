package id.rapor.engine.revision;

import id.rapor.engine.table.Csv;
import id.rapor.engine.table.RuleFileException;

import id.rapor.api.model.Change;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two revisions, in the terms policy staff edit: table rows by their key
 * (a weight changed in indicators.csv row i06), and rule text line by line.
 */
public final class RevisionDiff {
    private RevisionDiff() {}

    static List<Change> between(Map<String, String> before, Map<String, String> after) {
        List<Change> changes = new ArrayList<>();
        Set<String> files = new TreeSet<>(before.keySet());
        files.addAll(after.keySet());
        for (String file : files) {
            String a = before.getOrDefault(file, "");
            String b = after.getOrDefault(file, "");
            if (a.equals(b)) continue;
            if (file.endsWith(".csv")) rows(file, a, b, changes);
            else lines(file, a, b, changes);
        }
        return changes;
    }

    private static void rows(String file, String before, String after, List<Change> out) {
        Map<String, String> a = keyed(file, before);
        Map<String, String> b = keyed(file, after);
        if (a == null || b == null) {
            lines(file, before, after, out); // unreadable as a table: show the text
            return;
        }
        for (Map.Entry<String, String> e : a.entrySet()) {
            String now = b.get(e.getKey());
            if (now == null) out.add(new Change(file, "REMOVED", e.getKey(), e.getValue(), null));
            else if (!now.equals(e.getValue())) out.add(new Change(file, "CHANGED", e.getKey(), e.getValue(), now));
        }
        for (Map.Entry<String, String> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) out.add(new Change(file, "ADDED", e.getKey(), null, e.getValue()));
        }
    }

    /** Rows by key: the first column, or the first two where the first repeats (options.csv), else the row's position. */
    private static Map<String, String> keyed(String file, String text) {
        Csv.Table table;
        try {
            table = Csv.parse(file, text);
        } catch (RuleFileException e) {
            return null;
        }
        Set<String> first = new HashSet<>();
        boolean unique = true;
        for (Csv.Row r : table.rows()) unique &= first.add(r.cell(0));
        Set<String> pairs = new HashSet<>();
        boolean pairUnique = true;
        for (Csv.Row r : table.rows()) pairUnique &= pairs.add(r.cell(0) + "," + r.cell(1));
        Map<String, String> rows = new LinkedHashMap<>();
        int k = 0;
        for (Csv.Row r : table.rows()) {
            String key = unique ? r.cell(0) : pairUnique ? r.cell(0) + "," + r.cell(1) : "row " + (++k);
            rows.put(key, String.join(",", r.cells()));
        }
        return rows;
    }

    /** A longest-common-subsequence line diff; rule files are a few hundred lines at most. */
    private static void lines(String file, String before, String after, List<Change> out) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) { i++; j++; }
            else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) { out.add(new Change(file, "ADDED", "line " + (j + 1), null, b[j])); j++; }
            else { out.add(new Change(file, "REMOVED", "line " + (i + 1), a[i], null)); i++; }
        }
    }
}
