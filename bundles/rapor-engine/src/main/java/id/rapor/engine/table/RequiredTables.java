package id.rapor.engine.table;

import id.rapor.engine.source.RuleSource;

/** Opens the tables a rule bundle must have, reporting a missing or unreadable one. */
public final class RequiredTables {
    private final RuleSource source;
    private final Problems problems;

    RequiredTables(RuleSource source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /** The table at {@code path} with the given columns, or null (reported) if it is missing or malformed. */
    Csv.Table open(String path, String... columns) {
        String text = source.read(path);
        if (text == null) {
            problems.add(path, 0, "missing: a rule bundle needs this table");
            return null;
        }
        Csv.Table table;
        try {
            table = Csv.parse(path, text);
        } catch (RuleFileException e) {
            problems.add(e.error());
            return null;
        }
        boolean complete = true;
        for (String column : columns) {
            if (table.column(column) < 0) {
                problems.add(path, 1, "missing column '" + column + "'; the header must name: " + String.join(",", columns));
                complete = false;
            }
        }
        return complete ? table : null;
    }
}
