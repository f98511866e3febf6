package id.rapor.engine.internal;

/**
 * Where things are in a rule bundle. A rule bundle is a resource-only jar; the manifest
 * header {@value #HEADER} names the methodology it defines.
 */
final class RuleBundleLayout {
    static final String HEADER = "Rapor-Methodology";
    static final String DESCRIPTOR = "methodology/methodology.properties";
    static final String ASPECTS = "methodology/aspects.csv";
    static final String INDICATORS = "methodology/indicators.csv";
    static final String OPTIONS = "methodology/options.csv";
    static final String BANDS = "methodology/bands.csv";
    static final String PROVENANCE = "methodology/provenance.csv";
    static final String GOLDEN_CASES = "methodology/golden-cases.csv";
    static final String RULES_FOLDER = "rules";
    static final String RULES_SUFFIX = ".drl";

    /** In options.csv, rows for this indicator apply to every indicator that has none of its own. */
    static final String EVERY_INDICATOR = "*";

    private RuleBundleLayout() {}
}
