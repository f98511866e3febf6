package id.rapor.exchange.round;

import id.rapor.api.FieldError;
import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.AnswerRange;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.Methodology;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.Unit;
import id.rapor.api.text.Message;
import id.rapor.exchange.sheet.CsvDialect;
import id.rapor.exchange.sheet.Sheet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a round's sheet ({@link RoundColumns}) against the methodology and the region's units:
 * every wrong cell is reported with its row and column as the spreadsheet shows them
 * ({@code row 14, column i07: 6 is not an option (0–5)}), and then nothing is imported. Column
 * names are read in any case; a column without a name is ignored, and so is a row whose answers
 * and comment are all empty (a unit of the form not filled in). Numbers may have a decimal comma.
 */
public final class RoundImport {
    /** The most errors reported; the rest are counted. */
    public static final int MAX_ERRORS = 100;

    private final Methodology methodology;
    private final String region;
    private final Map<String, Unit> units = new HashMap<>();

    /** @param subtree the region and every unit below it */
    public RoundImport(Methodology methodology, String region, List<Unit> subtree) {
        this.methodology = methodology;
        this.region = region;
        for (Unit u : subtree) units.put(u.id(), u);
    }

    public List<RoundRow> read(Sheet sheet) throws RoundRefusedException {
        Errors errors = new Errors();
        Columns columns = columns(sheet.header(), errors);
        if (errors.any()) throw errors.refusal();
        List<RoundRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Sheet.Row r : sheet.rows()) {
            RoundRow row = row(r, columns, seen, errors);
            if (row != null) rows.add(row);
        }
        if (errors.any()) throw errors.refusal();
        if (rows.isEmpty()) {
            errors.add(new FieldError("row 2", Message.of("exchange.row", 2, Message.of("exchange.noRows"))));
            throw errors.refusal();
        }
        return rows;
    }

    /** Where each column is: the fixed ones by name, the indicators by id. */
    private record Columns(Map<String, Integer> fixed, Map<Integer, Indicator> indicators, List<String> names) {
        int at(String name) {
            return fixed.getOrDefault(name, -1);
        }
    }

    private Columns columns(List<String> header, Errors errors) {
        Map<String, Indicator> byKey = new HashMap<>();
        for (Indicator i : methodology.getIndicators().values()) byKey.put(key(i.getId()), i);
        Map<String, Integer> fixed = new HashMap<>();
        Map<Integer, Indicator> indicators = new LinkedHashMap<>();
        Map<String, String> firstOf = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (name.isEmpty()) continue;
            String before = firstOf.putIfAbsent(key(name), name);
            if (before != null) {
                errors.add(cell(1, name, Message.of("exchange.column.twice", name)));
                continue;
            }
            if (RoundColumns.FIXED.contains(key(name))) fixed.put(key(name), c);
            else if (byKey.containsKey(key(name))) indicators.put(c, byKey.get(key(name)));
            else errors.add(cell(1, name, Message.of("exchange.column.unknown", name, methodology.getId())));
        }
        for (String needed : List.of(RoundColumns.UNIT, RoundColumns.ROLE)) {
            if (!fixed.containsKey(needed)) errors.add(new FieldError("row 1", Message.of("exchange.row", 1, Message.of("exchange.column.missing", needed))));
        }
        for (Indicator i : methodology.getIndicators().values()) {
            if (i.isRequired() && !indicators.containsValue(i)) {
                errors.add(new FieldError("row 1", Message.of("exchange.row", 1, Message.of("exchange.column.indicatorMissing", i.getId()))));
            }
        }
        return new Columns(fixed, indicators, header);
    }

    private RoundRow row(Sheet.Row r, Columns columns, Map<String, Integer> seen, Errors errors) {
        int comment = columns.at(RoundColumns.COMMENT);
        boolean answered = columns.indicators().keySet().stream().anyMatch(c -> !r.cell(c).isEmpty())
                || (comment >= 0 && !r.cell(comment).isEmpty());
        if (!answered) return null; // a unit of the form left empty
        int n = r.number();
        String unitId = r.cell(columns.at(RoundColumns.UNIT));
        String roleName = r.cell(columns.at(RoundColumns.ROLE));
        int before = errors.count();
        Unit unit = units.get(unitId);
        if (unitId.isEmpty()) errors.add(cell(n, RoundColumns.UNIT, Message.of("exchange.unit.missing")));
        // One answer for a unit that does not exist and one that is elsewhere: the file says nothing of units outside the region.
        else if (unit == null) errors.add(cell(n, RoundColumns.UNIT, Message.of("exchange.unit.notInRegion", unitId, region)));
        else if (!unit.active()) errors.add(cell(n, RoundColumns.UNIT, Message.of("records.unit.inactive", unitId)));
        AssessmentRole role = AssessmentRole.of(roleName.toLowerCase(Locale.ROOT)).orElse(null);
        if (role == null) {
            errors.add(cell(n, RoundColumns.ROLE, roleName.isEmpty() ? Message.of("records.assessment.roleMissing")
                    : Message.of("records.assessment.roleUnknown", roleName)));
        } else if (unit != null) {
            Integer first = seen.putIfAbsent(unitId + "\n" + role.wire(), n);
            if (first != null) errors.add(cell(n, RoundColumns.UNIT, Message.of("exchange.row.twice", unitId, role.wire(), first)));
        }
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        for (var e : columns.indicators().entrySet()) {
            Indicator indicator = e.getValue();
            String column = columns.names().get(e.getKey()).strip();
            String written = r.cell(e.getKey());
            if (written.isEmpty()) {
                if (indicator.isRequired()) errors.add(cell(n, column, Message.of("exchange.answer.missing")));
                continue;
            }
            BigDecimal value = CsvDialect.number(written);
            if (value == null) errors.add(cell(n, column, Message.of("exchange.answer.notNumber", written)));
            else if (!indicator.accepts(value)) errors.add(cell(n, column, refusal(indicator, written)));
            else answers.put(indicator.getId(), value);
        }
        if (errors.count() > before) return null;
        String said = comment < 0 || r.cell(comment).isEmpty() ? null : r.cell(comment);
        return new RoundRow(n, unitId, role, answers, said);
    }

    /** "6 is not an option (0–5)", or outside a range of numbers. */
    private static Message refusal(Indicator indicator, String written) {
        AnswerRange range = indicator.getRange();
        if (range != null) return Message.of("exchange.answer.outOfRange", written, range.min(), range.max(), range.decimals());
        return Message.of("exchange.answer.notOption", written, options(indicator.getOptions()));
    }

    /** 0–5 when the options are the whole numbers from one to another, else each of them. */
    static Object options(List<AnswerOption> options) {
        List<BigDecimal> values = options.stream().map(AnswerOption::value).sorted().toList();
        boolean consecutive = !values.isEmpty();
        for (int k = 0; consecutive && k < values.size(); k++) {
            BigDecimal v = values.get(k);
            consecutive = v.stripTrailingZeros().scale() <= 0 && v.compareTo(values.get(0).add(BigDecimal.valueOf(k))) == 0;
        }
        if (consecutive && values.size() > 2) {
            return values.get(0).toBigInteger() + "–" + values.get(values.size() - 1).toBigInteger();
        }
        return values;
    }

    private static FieldError cell(int row, String column, Message said) {
        return new FieldError("row " + row + ", column " + column, Message.of("exchange.cell", row, column, said));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The first {@link #MAX_ERRORS} errors, and how many there were. */
    private static final class Errors {
        private final List<FieldError> first = new ArrayList<>();
        private int count;

        void add(FieldError e) {
            if (count++ < MAX_ERRORS) first.add(e);
        }

        int count() { return count; }

        boolean any() { return count > 0; }

        RoundRefusedException refusal() {
            return new RoundRefusedException(first, count - first.size());
        }
    }
}
