package id.rapor.engine.score;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Band;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.RegionResult;
import id.rapor.api.model.ScoreResult;
import id.rapor.api.model.UnitOutcome;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a region's units with one compiled version and rolls them up the way the
 * methodology declares: the plain mean of unit scores (as the Ombudsman publishes regional
 * figures), rounded and banded like a unit's score.
 */
public final class RegionScorer {

    private RegionScorer() {}

    public static RegionResult score(CompiledMethodology compiled, String region, List<Assessment> units, String atOrBelow)
            throws InvalidAssessmentException {
        Methodology m = compiled.methodology();
        List<Band> highestFirst = new ArrayList<>(m.getBands());
        highestFirst.sort(Comparator.comparing(Band::getMin).reversed());
        Band threshold = atOrBelow == null ? null : band(highestFirst, atOrBelow);

        List<UnitOutcome> outcomes = new ArrayList<>(units.size());
        Map<String, Integer> perBand = new LinkedHashMap<>();
        for (Band b : highestFirst) perBand.put(b.getCode(), 0);
        List<String> low = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        int scored = 0;
        for (Assessment unit : units) {
            try {
                ScoreResult r = compiled.score(unit);
                outcomes.add(new UnitOutcome(unit.unit(), r, List.of()));
                perBand.merge(r.band().getCode(), 1, Integer::sum);
                if (threshold != null && r.band().getMin().compareTo(threshold.getMin()) <= 0) low.add(unit.unit());
                sum = sum.add(r.index());
                scored++;
            } catch (InvalidAssessmentException e) {
                outcomes.add(new UnitOutcome(unit.unit(), null, e.errors()));
            }
        }
        BigDecimal score = null;
        Band band = null;
        if (scored > 0) {
            score = m.getScale().round(sum.divide(BigDecimal.valueOf(scored), MathContext.DECIMAL128));
            band = m.bandOf(score);
        }
        return new RegionResult(m.getId(), m.getVersion(), region, outcomes, m.getAggregation(), score, band,
                perBand, threshold == null ? null : threshold.getCode(), threshold == null ? null : low);
    }

    private static Band band(List<Band> bands, String code) throws InvalidAssessmentException {
        for (Band b : bands) if (b.getCode().equals(code)) return b;
        List<String> codes = bands.stream().map(Band::getCode).toList();
        throw new InvalidAssessmentException(List.of(FieldError.of("atOrBelow", "region.unknownBand", code, codes)));
    }
}
