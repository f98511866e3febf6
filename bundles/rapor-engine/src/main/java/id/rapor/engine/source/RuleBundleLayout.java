package id.rapor.engine.source;

/**
 * Where things are in a rule bundle. A rule bundle is a resource-only jar; the manifest
 * header {@value #HEADER} names the methodology it defines.
 */
public final class RuleBundleLayout {
    public static final String HEADER = "Rapor-Methodology";
    public static final String DESCRIPTOR = "methodology/methodology.properties";
    public static final String ASPECTS = "methodology/aspects.csv";
    public static final String INDICATORS = "methodology/indicators.csv";
    public static final String OPTIONS = "methodology/options.csv";
    public static final String BANDS = "methodology/bands.csv";
    public static final String PROVENANCE = "methodology/provenance.csv";
    public static final String GOLDEN_CASES = "methodology/golden-cases.csv";
    public static final String RULES_FOLDER = "rules";
    public static final String RULES_SUFFIX = ".drl";

    /** In options.csv, rows for this indicator apply to every indicator that has none of its own. */
    public static final String EVERY_INDICATOR = "*";

    private RuleBundleLayout() {}
}
