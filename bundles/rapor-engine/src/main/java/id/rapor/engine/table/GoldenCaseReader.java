package id.rapor.engine.table;

import id.rapor.engine.standalone.GoldenCase;
import id.rapor.engine.source.RuleSource;

import static id.rapor.engine.source.RuleBundleLayout.GOLDEN_CASES;

import id.rapor.api.model.Assessment;
import id.rapor.api.model.InputKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads golden-cases.csv: columns {@code case, index, band}, then one column per indicator id
 * holding that case's answer (blank for no answer). For a survey methodology each row is one
 * respondent, and consecutive rows with the same case name are one case's respondents (the
 * index and band are read from its first row).
 */
public final class GoldenCaseReader {
    private static final List<String> FIXED = List.of("case", "index", "band");

    private GoldenCaseReader() {}

    public static List<GoldenCase> read(RuleSource source, Problems problems, InputKind input) {
        Csv.Table table = new RequiredTables(source, problems).open(GOLDEN_CASES, FIXED.toArray(String[]::new));
        if (table == null) return List.of();
        List<GoldenCase> cases = new ArrayList<>();
        for (Csv.Row row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            String name = cells.text("case");
            BigDecimal index = cells.number("index");
            String band = cells.text("band");
            Map<String, BigDecimal> answers = new LinkedHashMap<>();
            for (int c = 0; c < table.header().size(); c++) {
                String column = table.header().get(c);
                String value = row.cell(c);
                if (FIXED.contains(column) || value.isEmpty()) continue;
                BigDecimal answer = Numbers.parse(value, GOLDEN_CASES, row.line(), c + 1, column, problems);
                if (answer != null) answers.put(column, answer);
            }
            if (name == null || index == null || band == null) continue;
            if (input == InputKind.RESPONDENTS) {
                GoldenCase last = cases.isEmpty() ? null : cases.get(cases.size() - 1);
                if (last != null && last.name().equals(name)) {
                    List<Map<String, BigDecimal>> respondents = new ArrayList<>(last.assessment().respondents());
                    respondents.add(answers);
                    cases.set(cases.size() - 1, new GoldenCase(name, last.line(), new Assessment(name, null, respondents),
                            last.expectedIndex(), last.expectedBand()));
                } else {
                    cases.add(new GoldenCase(name, row.line(), new Assessment(name, null, List.of(answers)), index, band));
                }
            } else {
                cases.add(new GoldenCase(name, row.line(), new Assessment(name, answers), index, band));
            }
        }
        if (cases.isEmpty() && problems.isEmpty()) {
            problems.add(GOLDEN_CASES, 0, "no golden cases: a rule bundle must prove its numbers before it is activated");
        }
        return cases;
    }
}
