package id.rapor.engine.internal;

import static id.rapor.engine.internal.RuleBundleLayout.*;

import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.Aspect;
import id.rapor.api.model.Band;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ProvenanceEntry;
import id.rapor.api.model.Scale;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Turns a rule bundle's descriptor and tables into a {@link Methodology}. It reports every
 * unreadable cell and dangling reference; the arithmetic checks (sums, band coverage) are
 * {@link TableChecks}'.
 */
final class MethodologyReader {

    /** The model and the line each aspect, indicator and band was defined on. */
    record Result(Methodology methodology, Map<String, Integer> lines) {}

    private final RuleSource source;
    private final Problems problems;
    private final RequiredTables tables;
    private final Map<String, Integer> lines = new HashMap<>();

    MethodologyReader(RuleSource source, Problems problems) {
        this.source = source;
        this.problems = problems;
        this.tables = new RequiredTables(source, problems);
    }

    /** Null when something essential could not be read; {@code problems} then says what. */
    Result read(String methodologyId) {
        Properties descriptor = descriptor();
        Csv.Table aspectTable = tables.open(ASPECTS, "id", "name", "weight");
        Csv.Table indicatorTable = tables.open(INDICATORS, "id", "aspect", "code", "name", "weight");
        Csv.Table optionTable = tables.open(OPTIONS, "indicator", "value", "label");
        Csv.Table bandTable = tables.open(BANDS, "code", "label", "min", "max");
        Csv.Table provenanceTable = tables.open(PROVENANCE, "subject", "confidence", "source", "note");
        if (descriptor == null || aspectTable == null || indicatorTable == null || optionTable == null
                || bandTable == null || provenanceTable == null) {
            return null;
        }
        String id = descriptor.getProperty("id", "").trim();
        if (!id.equals(methodologyId)) {
            problems.add(DESCRIPTOR, 0, "id is '" + id + "' but the manifest header " + HEADER + " says '" + methodologyId + "'");
        }
        Scale scale = scale(descriptor);
        Integer year = year(descriptor);
        Map<String, List<AnswerOption>> options = options(optionTable);
        Map<String, List<Indicator>> indicatorsByAspect = indicators(indicatorTable, options);
        List<Aspect> aspects = aspects(aspectTable, indicatorsByAspect);
        List<Band> bands = bands(bandTable);
        List<ProvenanceEntry> provenance = provenance(provenanceTable);
        if (scale == null || year == null) return null;
        Methodology methodology = new Methodology(methodologyId, required(descriptor, "title"),
                required(descriptor, "regulation"), year, source.version(), scale, aspects, bands, provenance);
        return new Result(methodology, Map.copyOf(lines));
    }

    private Properties descriptor() {
        String text = source.read(DESCRIPTOR);
        if (text == null) {
            problems.add(DESCRIPTOR, 0, "missing: a rule bundle needs its descriptor");
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(DESCRIPTOR, 0, "unreadable: " + e.getMessage());
            return null;
        }
        return p;
    }

    private String required(Properties p, String key) {
        String value = p.getProperty(key, "").trim();
        if (value.isEmpty()) problems.add(DESCRIPTOR, 0, "key '" + key + "' is missing or empty");
        return value;
    }

    private Integer year(Properties p) {
        String value = required(p, "year");
        try {
            return value.isEmpty() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(DESCRIPTOR, 0, "year: '" + value + "' is not a year");
            return null;
        }
    }

    private Scale scale(Properties p) {
        BigDecimal min = descriptorNumber(p, "scale.min");
        BigDecimal max = descriptorNumber(p, "scale.max");
        BigDecimal decimals = descriptorNumber(p, "scale.decimals");
        if (min == null || max == null || decimals == null) return null;
        if (min.compareTo(max) >= 0) {
            problems.add(DESCRIPTOR, 0, "scale.min must be below scale.max");
            return null;
        }
        return new Scale(min, max, decimals.intValue());
    }

    private BigDecimal descriptorNumber(Properties p, String key) {
        String value = required(p, key);
        return value.isEmpty() ? null : Numbers.parse(value, DESCRIPTOR, 0, 0, key, problems);
    }

    private Map<String, List<AnswerOption>> options(Csv.Table table) {
        Map<String, List<AnswerOption>> byIndicator = new LinkedHashMap<>();
        for (Csv.Row row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            String indicator = cells.text("indicator");
            BigDecimal value = cells.number("value");
            String label = cells.text("label");
            if (indicator == null || value == null || label == null) continue;
            List<AnswerOption> list = byIndicator.computeIfAbsent(indicator, k -> new ArrayList<>());
            if (list.stream().anyMatch(o -> o.value().compareTo(value) == 0)) {
                problems.add(table.file(), row.line(), "indicator '" + indicator + "' has option " + value.toPlainString() + " twice");
                continue;
            }
            list.add(new AnswerOption(value, label));
            lines.putIfAbsent("options:" + indicator, row.line());
        }
        return byIndicator;
    }

    private Map<String, List<Indicator>> indicators(Csv.Table table, Map<String, List<AnswerOption>> options) {
        Map<String, List<Indicator>> byAspect = new LinkedHashMap<>();
        for (Csv.Row row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            String id = cells.text("id");
            String aspect = cells.text("aspect");
            String code = cells.optionalText("code");
            String name = cells.text("name");
            BigDecimal weight = cells.number("weight");
            if (id == null || aspect == null || name == null || weight == null) continue;
            if (lines.putIfAbsent("indicator:" + id, row.line()) != null) {
                problems.add(table.file(), row.line(), "indicator id '" + id + "' is defined twice (first on line " + lines.get("indicator:" + id) + ")");
                continue;
            }
            List<AnswerOption> own = options.get(id);
            List<AnswerOption> chosen = own != null ? own : options.getOrDefault(EVERY_INDICATOR, List.of());
            if (chosen.isEmpty()) {
                problems.add(table.file(), row.line(), "indicator '" + id + "' has no answer options in " + OPTIONS
                        + " (give rows for it or rows for '" + EVERY_INDICATOR + "')");
            }
            byAspect.computeIfAbsent(aspect, k -> new ArrayList<>())
                    .add(new Indicator(id, code, name, aspect, weight, chosen));
        }
        for (String indicator : options.keySet()) {
            if (!indicator.equals(EVERY_INDICATOR) && !lines.containsKey("indicator:" + indicator)) {
                problems.add(OPTIONS, lines.get("options:" + indicator), "unknown indicator '" + indicator + "'");
            }
        }
        return byAspect;
    }

    private List<Aspect> aspects(Csv.Table table, Map<String, List<Indicator>> indicatorsByAspect) {
        List<Aspect> aspects = new ArrayList<>();
        for (Csv.Row row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            String id = cells.text("id");
            String name = cells.text("name");
            BigDecimal weight = cells.number("weight");
            if (id == null || name == null || weight == null) continue;
            if (lines.putIfAbsent("aspect:" + id, row.line()) != null) {
                problems.add(table.file(), row.line(), "aspect id '" + id + "' is defined twice");
                continue;
            }
            aspects.add(new Aspect(id, name, weight, indicatorsByAspect.getOrDefault(id, List.of())));
        }
        for (Map.Entry<String, List<Indicator>> e : indicatorsByAspect.entrySet()) {
            if (!lines.containsKey("aspect:" + e.getKey())) {
                for (Indicator i : e.getValue()) {
                    problems.add(INDICATORS, lines.get("indicator:" + i.getId()), 2,
                            "indicator '" + i.getId() + "' names unknown aspect '" + e.getKey() + "'");
                }
            }
        }
        return aspects;
    }

    private List<Band> bands(Csv.Table table) {
        List<Band> bands = new ArrayList<>();
        for (Csv.Row row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            String code = cells.text("code");
            String label = cells.text("label");
            BigDecimal min = cells.number("min");
            BigDecimal max = cells.number("max");
            if (code == null || label == null || min == null || max == null) continue;
            if (lines.putIfAbsent("band:" + code, row.line()) != null) {
                problems.add(table.file(), row.line(), "band '" + code + "' is defined twice");
                continue;
            }
            bands.add(new Band(code, label, min, max));
        }
        return bands;
    }

    private List<ProvenanceEntry> provenance(Csv.Table table) {
        List<ProvenanceEntry> entries = new ArrayList<>();
        for (Csv.Row row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            String subject = cells.text("subject");
            String confidence = cells.text("confidence");
            if (subject == null || confidence == null) continue;
            if (!List.of("C", "S", "U").contains(confidence)) {
                problems.add(table.file(), row.line(), table.column("confidence") + 1,
                        "confidence must be C (confirmed), S (single source) or U (unconfirmed), not '" + confidence + "'");
            }
            entries.add(new ProvenanceEntry(subject, confidence, cells.optionalText("source"), cells.optionalText("note")));
        }
        return entries;
    }
}
