package id.rapor.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The shapes of API v1's answers, as plain immutable records. Numbers are BigDecimal, exactly
 * as the server wrote them (2.97 stays 2.97; 4.50 keeps its scale).
 */
public final class Types {
    private Types() {}

    public record Health(String status, Map<String, Integer> methodologies, Map<String, Integer> ruleBundles) {}

    public record Years(int from, Integer to) {}

    public record MethodologySummary(String id, String title, String regulation, Integer year, String version, String status,
                                     String family, Years years) {}

    public record Option(BigDecimal value, String label) {}

    public record Range(BigDecimal min, BigDecimal max, int decimals, String label) {}

    public record Indicator(String id, String code, String name, BigDecimal weight, boolean required, Range range, List<Option> options) {}

    public record Aspect(String id, String name, BigDecimal weight, List<Indicator> indicators) {}

    public record Band(String code, String label, BigDecimal min, BigDecimal max, String zone) {}

    public record Provenance(String subject, String confidence, String source, String note) {}

    public record Scale(BigDecimal min, BigDecimal max, int decimals) {}

    /** A methodology's questionnaire: what to answer, how it is weighed and banded, and where each number comes from. */
    public record Questionnaire(String id, String title, String regulation, int year, String family, Years years, String version,
                                String input, String aggregation, Map<String, String> parameters, Scale scale,
                                List<Aspect> aspects, List<Band> bands, List<Provenance> provenance) {}

    public record MethodologyRef(String id, String version) {}

    public record BandRef(String code, String label, String zone) {}

    public record AspectScore(String id, String name, BigDecimal weight, BigDecimal score, BigDecimal contribution) {}

    public record IndicatorScore(String id, BigDecimal answer, BigDecimal weight, BigDecimal contribution) {}

    /** One unit's score, with the methodology version that produced it and the reasons. */
    public record Score(MethodologyRef methodology, String unit, BigDecimal index, BandRef band, List<AspectScore> aspects,
                        List<IndicatorScore> indicators, List<String> explanation) {}

    public record FieldError(String field, String message) {}

    /** A unit of a region: its score, or (when {@code errors} is not empty) why it was not scored. */
    public record UnitResult(String unit, BigDecimal index, BandRef band, List<AspectScore> aspects, List<IndicatorScore> indicators,
                             List<String> explanation, List<FieldError> errors) {
        public boolean scored() { return errors == null || errors.isEmpty(); }
    }

    public record AtOrBelow(String band, List<String> units) {}

    public record RegionSummary(String aggregation, int units, int scored, BigDecimal score, BandRef band,
                                Map<String, Integer> unitsPerBand, AtOrBelow atOrBelow) {}

    public record RegionScore(MethodologyRef methodology, String region, RegionSummary summary, List<UnitResult> units) {}

    public record RuleError(String file, int line, int column, String message) {}

    public record Deployment(String methodology, String bundle, String version, String state, String servedVersion, String time,
                             List<RuleError> errors) {}

    /** What to score: a unit's answers, or for a survey methodology its respondents' answers. */
    public record Assessment(String unit, Map<String, BigDecimal> answers, List<Map<String, BigDecimal>> respondents) {
        public static Assessment of(String unit, Map<String, BigDecimal> answers) {
            return new Assessment(unit, answers, null);
        }

        public static Assessment ofRespondents(String unit, List<Map<String, BigDecimal>> respondents) {
            return new Assessment(unit, null, respondents);
        }
    }
}
