package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One methodology year as a rule bundle defines it: its questionnaire, weights, bands and
 * provenance. The version is the rule bundle's version.
 */
public final class Methodology {
    private final String id;
    private final String title;
    private final String regulation;
    private final String family;
    private final Years years;
    private final String version;
    private final Scale scale;
    private final List<Aspect> aspects;
    private final List<Band> bands;
    private final List<ProvenanceEntry> provenance;
    private final String aggregation;
    private final InputKind input;
    private final Map<String, String> parameters;
    private final Map<String, Indicator> indicatorsById;
    private final Presentation presentation;
    private final Map<String, List<CrosswalkEntry>> crosswalks;

    public Methodology(String id, String title, String regulation, String family, Years years, String version,
                       Scale scale, List<Aspect> aspects, List<Band> bands, List<ProvenanceEntry> provenance,
                       String aggregation, InputKind input, Map<String, String> parameters) {
        this(id, title, regulation, family, years, version, scale, aspects, bands, provenance, aggregation, input, parameters,
                Presentation.EXACT);
    }

    public Methodology(String id, String title, String regulation, String family, Years years, String version,
                       Scale scale, List<Aspect> aspects, List<Band> bands, List<ProvenanceEntry> provenance,
                       String aggregation, InputKind input, Map<String, String> parameters, Presentation presentation) {
        this(id, title, regulation, family, years, version, scale, aspects, bands, provenance, aggregation, input, parameters,
                presentation, Map.of());
    }

    /** {@code crosswalks}: by the other methodology's id, which of its indicators became which of this one's. */
    public Methodology(String id, String title, String regulation, String family, Years years, String version,
                       Scale scale, List<Aspect> aspects, List<Band> bands, List<ProvenanceEntry> provenance,
                       String aggregation, InputKind input, Map<String, String> parameters, Presentation presentation,
                       Map<String, List<CrosswalkEntry>> crosswalks) {
        Map<String, List<CrosswalkEntry>> walks = new java.util.TreeMap<>();
        crosswalks.forEach((other, rows) -> walks.put(other, List.copyOf(rows)));
        this.crosswalks = java.util.Collections.unmodifiableMap(walks);
        this.presentation = Objects.requireNonNull(presentation, "presentation");
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.regulation = Objects.requireNonNull(regulation, "regulation");
        this.family = Objects.requireNonNull(family, "family");
        this.years = Objects.requireNonNull(years, "years");
        this.version = Objects.requireNonNull(version, "version");
        this.aggregation = Objects.requireNonNull(aggregation, "aggregation");
        this.input = Objects.requireNonNull(input, "input");
        this.parameters = Map.copyOf(parameters);
        this.scale = Objects.requireNonNull(scale, "scale");
        this.aspects = List.copyOf(aspects);
        this.bands = List.copyOf(bands);
        this.provenance = List.copyOf(provenance);
        Map<String, Indicator> byId = new LinkedHashMap<>();
        for (Aspect a : this.aspects) {
            for (Indicator i : a.getIndicators()) byId.put(i.getId(), i);
        }
        this.indicatorsById = java.util.Collections.unmodifiableMap(byId);
    }

    public String getId() { return id; }
    public String getTitle() { return title; }
    public String getRegulation() { return regulation; }
    /** The methodology family (pekppp, ombudsman, skm): years of one family replace each other. */
    public String getFamily() { return family; }
    /** The assessment years this methodology applies to. */
    public Years getYears() { return years; }
    /** The first year this methodology applies to. */
    public int getYear() { return years.from(); }
    public String getVersion() { return version; }
    public Scale getScale() { return scale; }
    public List<Aspect> getAspects() { return aspects; }
    public List<Band> getBands() { return bands; }
    public List<ProvenanceEntry> getProvenance() { return provenance; }
    /** How a region's score is made from its units' scores ("mean", as the Ombudsman publishes). */
    public String getAggregation() { return aggregation; }
    public InputKind getInput() { return input; }
    /** How the regulation prints its numbers (descriptor keys {@code print.*}). */
    public Presentation getPresentation() { return presentation; }
    /** The bundle's own settings (descriptor keys {@code param.*}), which its rules may read. */
    public Map<String, String> getParameters() { return parameters; }

    /**
     * The crosswalks this rule bundle carries (tables {@code methodology/crosswalk-<other>.csv}): by the
     * other methodology's id, which of its indicators became which of this one's.
     */
    public Map<String, List<CrosswalkEntry>> getCrosswalks() { return crosswalks; }

    /** Every indicator in questionnaire order, keyed by id. */
    public Map<String, Indicator> getIndicators() { return indicatorsById; }

    public Indicator indicator(String indicatorId) { return indicatorsById.get(indicatorId); }

    /** The band a rounded index falls in (the lowest, should two share a bound), or null outside every band. */
    public Band bandOf(BigDecimal rounded) {
        Band found = null;
        for (Band b : bands) {
            if (b.contains(rounded) && (found == null || b.getMin().compareTo(found.getMin()) < 0)) found = b;
        }
        return found;
    }

    /** The band with this code, or null. */
    public Band band(String code) {
        for (Band b : bands) if (b.getCode().equals(code)) return b;
        return null;
    }

    public Aspect aspect(String aspectId) {
        for (Aspect a : aspects) if (a.getId().equals(aspectId)) return a;
        return null;
    }
}
