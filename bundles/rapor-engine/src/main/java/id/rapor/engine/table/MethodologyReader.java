package id.rapor.engine.table;

import id.rapor.engine.source.RuleSource;

import static id.rapor.engine.source.RuleBundleLayout.*;

import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.AnswerRange;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Years;
import id.rapor.api.model.Aspect;
import id.rapor.api.model.Band;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.Presentation;
import id.rapor.api.model.ProvenanceEntry;
import id.rapor.api.model.CrosswalkEntry;
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
public final class MethodologyReader {
    /** How a methodology may combine its units' indices into a region's. */
    public static final java.util.Set<String> REGION_AGGREGATIONS = java.util.Set.of("mean");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The model and the line each aspect, indicator and band was defined on. */
    private static final String CROSSWALK_FOLDER = "methodology";
    private static final String CROSSWALK_PREFIX = "crosswalk-";

    public record Result(Methodology methodology, Map<String, Integer> lines) {}

    private final RuleSource source;
    private final Problems problems;
    private final RequiredTables tables;
    private final Map<String, Integer> lines = new HashMap<>();

    public MethodologyReader(RuleSource source, Problems problems) {
        this.source = source;
        this.problems = problems;
        this.tables = new RequiredTables(source, problems);
    }

    /** Null when something essential could not be read; {@code problems} then says what. */
    public Result read(String methodologyId) {
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
        Years years = years(descriptor);
        InputKind input = input(descriptor);
        String aggregation = descriptor.getProperty("region.aggregation", "mean").trim();
        if (!REGION_AGGREGATIONS.contains(aggregation)) {
            problems.add(DESCRIPTOR, 0, "region.aggregation '" + aggregation + "' is not one of " + REGION_AGGREGATIONS);
        }
        Map<String, String> parameters = new java.util.TreeMap<>();
        for (String key : descriptor.stringPropertyNames()) {
            if (key.startsWith("param.")) parameters.put(key.substring(6), descriptor.getProperty(key).trim());
        }
        Map<String, List<AnswerOption>> options = options(optionTable);
        Map<String, List<Indicator>> indicatorsByAspect = indicators(indicatorTable, options);
        List<Aspect> aspects = aspects(aspectTable, indicatorsByAspect);
        List<Band> bands = bands(bandTable);
        List<ProvenanceEntry> provenance = provenance(provenanceTable);
        Presentation presentation = presentation(descriptor);
        Map<String, List<CrosswalkEntry>> crosswalks = crosswalks(indicatorsByAspect);
        if (scale == null || years == null || input == null) return null;
        Methodology methodology = new Methodology(methodologyId, required(descriptor, "title"),
                required(descriptor, "regulation"), required(descriptor, "family"), years, source.version(), scale,
                aspects, bands, provenance, aggregation, input, parameters, presentation, crosswalks);
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

    /** "2022-" (from 2022 until replaced), "2019-2021", or one year. */
    private Years years(Properties p) {
        String value = required(p, "years");
        if (value.isEmpty()) return null;
        try {
            int dash = value.indexOf('-');
            if (dash < 0) return new Years(Integer.parseInt(value), Integer.parseInt(value));
            int from = Integer.parseInt(value.substring(0, dash).trim());
            String to = value.substring(dash + 1).trim();
            Years years = new Years(from, to.isEmpty() ? null : Integer.valueOf(to));
            if (years.to() != null && years.to() < from) throw new NumberFormatException();
            return years;
        } catch (NumberFormatException e) {
            problems.add(DESCRIPTOR, 0, "years: '" + value + "' is not a year range such as 2022- or 2019-2021");
            return null;
        }
    }

    private InputKind input(Properties p) {
        String value = p.getProperty("input", "answers").trim();
        try {
            return InputKind.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(DESCRIPTOR, 0, "input: '" + value + "' is not answers or respondents");
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
        if (decimals.signum() < 0 || decimals.compareTo(BigDecimal.TEN) > 0 || decimals.stripTrailingZeros().scale() > 0) {
            problems.add(DESCRIPTOR, 0, "scale.decimals must be a whole number from 0 to 10, not " + Numbers.plain(decimals));
            return null;
        }
        return new Scale(min, max, decimals.intValue());
    }

    /** {@code print.<kind>=<decimals>}: how the regulation prints each kind of number (a kind not named is printed exactly). */
    private Presentation presentation(Properties p) {
        Map<String, Integer> decimals = new java.util.TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("print.")) continue;
            String kind = key.substring(6);
            if (!Presentation.KINDS.contains(kind)) {
                problems.add(DESCRIPTOR, 0, key + ": no such kind of number; the kinds are " + new java.util.TreeSet<>(Presentation.KINDS));
                continue;
            }
            BigDecimal d = descriptorNumber(p, key);
            if (d == null) continue;
            if (d.signum() < 0 || d.compareTo(BigDecimal.TEN) > 0 || d.stripTrailingZeros().scale() > 0) {
                problems.add(DESCRIPTOR, 0, key + " must be a whole number from 0 to 10, not " + Numbers.plain(d));
                continue;
            }
            decimals.put(kind, d.intValue());
        }
        return new Presentation(decimals);
    }

    private BigDecimal descriptorNumber(Properties p, String key) {
        String value = required(p, key);
        return value.isEmpty() ? null : Numbers.parse(value, DESCRIPTOR, 0, 0, key, problems);
    }

    private Map<String, List<AnswerOption>> options(Csv.Table table) {
        Map<String, List<AnswerOption>> byIndicator = new LinkedHashMap<>();
        java.util.Set<String> seenOptions = new java.util.HashSet<>();
        for (Csv.Row row : table.rows()) {
            Cells cells = new Cells(table, row, problems);
            String indicator = cells.text("indicator");
            String raw = cells.optionalText("value");
            String label = cells.text("label");
            if (raw.contains("..")) {
                range(table, row, indicator, raw, label);
                continue;
            }
            BigDecimal value = cells.number("value");
            if (indicator == null || value == null || label == null) continue;
            List<AnswerOption> list = byIndicator.computeIfAbsent(indicator, k -> new ArrayList<>());
            // A set, not a scan of the list: a table of thousands of rows must not take minutes to check.
            if (!seenOptions.add(indicator + "\u0000" + value.stripTrailingZeros().toPlainString())) {
                problems.add(table.file(), row.line(), "indicator '" + indicator + "' has option " + value.toPlainString() + " twice");
                continue;
            }
            list.add(new AnswerOption(value, label));
            lines.putIfAbsent("options:" + indicator, row.line());
        }
        return byIndicator;
    }

    private final Map<String, AnswerRange> ranges = new HashMap<>();

    /** "0..100" in the value column: any number in that range, with as many decimals as the index. */
    private void range(Csv.Table table, Csv.Row row, String indicator, String raw, String label) {
        String[] ends = raw.split("\\.\\.", 2);
        int column = table.column("value") + 1;
        BigDecimal min = Numbers.parse(ends[0].trim(), table.file(), row.line(), column, "value (range start)", problems);
        BigDecimal max = Numbers.parse(ends[1].trim(), table.file(), row.line(), column, "value (range end)", problems);
        if (indicator == null || label == null || min == null || max == null) return;
        if (min.compareTo(max) >= 0) {
            problems.add(table.file(), row.line(), column, "range " + raw + " is empty");
            return;
        }
        ranges.put(indicator, new AnswerRange(min, max, Math.max(min.scale(), 2), label));
        lines.putIfAbsent("options:" + indicator, row.line());
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
            AnswerRange range = ranges.containsKey(id) ? ranges.get(id) : own == null ? ranges.get(EVERY_INDICATOR) : null;
            List<AnswerOption> chosen = range != null ? List.of() : own != null ? own : options.getOrDefault(EVERY_INDICATOR, List.of());
            if (chosen.isEmpty() && range == null) {
                problems.add(table.file(), row.line(), "indicator '" + id + "' has no answer options in " + OPTIONS
                        + " (give rows for it or rows for '" + EVERY_INDICATOR + "')");
            }
            byAspect.computeIfAbsent(aspect, k -> new ArrayList<>())
                    .add(new Indicator(id, code, name, aspect, weight, chosen, range));
        }
        java.util.Set<String> named = new java.util.HashSet<>(options.keySet());
        named.addAll(ranges.keySet());
        for (String indicator : named) {
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
            BigDecimal total = cells.optionalText("indicator_total").isEmpty() ? HUNDRED : cells.number("indicator_total");
            if (id == null || name == null || weight == null || total == null) continue;
            if (lines.putIfAbsent("aspect:" + id, row.line()) != null) {
                problems.add(table.file(), row.line(), "aspect id '" + id + "' is defined twice");
                continue;
            }
            aspects.add(new Aspect(id, name, weight, total, indicatorsByAspect.getOrDefault(id, List.of())));
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
            String zone = cells.optionalText("zone");
            bands.add(new Band(code, label, min, max, zone.isEmpty() ? null : zone));
        }
        return bands;
    }

    /**
     * The optional tables {@code methodology/crosswalk-<other>.csv}: which indicator of methodology
     * {@code <other>} became which of this one's, with a confidence as provenance gives it. The other
     * methodology's ids cannot be checked here (it is another bundle); this one's are.
     */
    private Map<String, List<CrosswalkEntry>> crosswalks(Map<String, List<Indicator>> indicatorsByAspect) {
        java.util.Set<String> own = new java.util.HashSet<>();
        indicatorsByAspect.values().forEach(list -> list.forEach(i -> own.add(i.getId())));
        Map<String, List<CrosswalkEntry>> walks = new java.util.TreeMap<>();
        for (String path : source.list(CROSSWALK_FOLDER, ".csv")) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!name.startsWith(CROSSWALK_PREFIX)) continue;
            String other = name.substring(CROSSWALK_PREFIX.length(), name.length() - ".csv".length());
            Csv.Table table = tables.open(path, "from", "to", "confidence", "note");
            if (table == null) continue;
            List<CrosswalkEntry> rows = new ArrayList<>();
            for (Csv.Row row : table.rows()) {
                Cells cells = new Cells(table, row, problems);
                String from = cells.text("from");
                String to = cells.text("to");
                String confidence = cells.text("confidence");
                if (from == null || to == null || confidence == null) continue;
                if (!own.contains(to)) {
                    problems.add(path, row.line(), table.column("to") + 1, "'" + to + "' is not an indicator of this methodology");
                }
                if (!List.of("C", "S", "U").contains(confidence)) {
                    problems.add(path, row.line(), table.column("confidence") + 1,
                            "confidence must be C (confirmed), S (single source) or U (unconfirmed), not '" + confidence + "'");
                }
                rows.add(new CrosswalkEntry(from, to, confidence, cells.optionalText("note")));
            }
            walks.put(other, rows);
        }
        return walks;
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
