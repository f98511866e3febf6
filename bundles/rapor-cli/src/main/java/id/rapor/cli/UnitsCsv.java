package id.rapor.cli;

import id.rapor.client.Types;
import id.rapor.exchange.sheet.CsvDialect;
import id.rapor.exchange.sheet.Sheet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A region's units as CSV, read against the methodology's questionnaire ({@link Columns}).
 * Where the methodology is scored on a unit's answers (PEKPPP, Ombudsman), each row is a unit:
 * {@code unit,i01,i02,…}. Where it is scored on respondents (the questionnaire says
 * {@code "input": "respondents"}: SKM), each row is one respondent and the unit column says
 * whose: the rows of a unit are its respondents, in the file's order, wherever they stand in
 * the file (a sheet sorted by another column still reads right); units come in the order they
 * first appear. A blank cell is no answer: the server then names the missing answer, it never
 * scores it as zero.
 */
final class UnitsCsv {
    private UnitsCsv() {}

    static UnitsFile read(Path file, Types.Questionnaire q) {
        return parse(CsvFile.read(file), q);
    }

    static UnitsFile parse(CsvFile csv, Types.Questionnaire q) {
        Columns columns = Columns.of(csv, q);
        if (csv.rows().isEmpty()) throw new InputException(csv.name() + " has a header but no " + (q.takesRespondents() ? "respondents" : "units"));
        Map<String, List<Sheet.Row>> byUnit = new LinkedHashMap<>();
        List<Types.Assessment> units = new ArrayList<>();
        List<List<Integer>> rows = new ArrayList<>();
        for (Sheet.Row row : csv.rows()) {
            String unit = row.cell(0);
            if (unit.isEmpty()) throw new InputException(csv.name() + ": row " + row.number() + ": no unit name");
            for (int c = columns.size(); c < row.cells().size(); c++) {
                if (!row.cell(c).isEmpty()) {
                    throw new InputException(csv.name() + ": row " + row.number() + ": " + row.cells().size() + " cells, but the header has " + columns.size());
                }
            }
            if (q.takesRespondents()) {
                byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(row);
            } else {
                units.add(Types.Assessment.of(unit, answers(csv, columns, row)));
                rows.add(List.of(row.number()));
            }
        }
        byUnit.forEach((unit, respondents) -> {
            units.add(Types.Assessment.ofRespondents(unit, respondents.stream().map(r -> answers(csv, columns, r)).toList()));
            rows.add(respondents.stream().map(Sheet.Row::number).toList());
        });
        return new UnitsFile(csv, columns, units, rows);
    }

    private static Map<String, BigDecimal> answers(CsvFile csv, Columns columns, Sheet.Row row) {
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        for (int c = 1; c < columns.size(); c++) {
            String cell = row.cell(c);
            if (cell.isEmpty()) continue;
            BigDecimal answer = CsvDialect.number(cell);
            if (answer == null) {
                throw new InputException(csv.name() + ": row " + row.number() + ", column " + columns.name(c) + ": '" + cell + "' is not a number");
            }
            answers.put(columns.indicator(c), answer);
        }
        return answers;
    }
}
