package id.rapor.monitoring;

import id.rapor.api.model.Band;
import id.rapor.api.model.Methodology;
import id.rapor.api.monitoring.Change;
import id.rapor.api.monitoring.Figure;
import id.rapor.api.monitoring.MethodVersion;
import id.rapor.api.monitoring.OfficialScore;
import id.rapor.api.monitoring.Position;
import id.rapor.api.monitoring.RoundView;
import id.rapor.api.monitoring.UnitRow;
import id.rapor.api.monitoring.UnitStatus;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.RoundScore;
import id.rapor.api.records.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a round's view from the rows of its units: each unit's figures first, then every region
 * figure from those rows alone (the mean of the scored units' indices, their ranks, who is below
 * the mean or at or below a band, how many fall in each band, the regions right below), then the
 * same from the previous round and the change. Plain arithmetic on values: no database, no engine.
 */
final class RoundAggregation {
    private final Methodology methodology;
    private final Methodology previousMethodology;
    private final int decimals;

    /**
     * @param methodology         the round's methodology as it serves: its scale rounds the means, its bands band them
     * @param previousMethodology the previous round's (null: two scored it, or it is not served; then its region band is unknown)
     */
    RoundAggregation(Methodology methodology, Methodology previousMethodology) {
        this.methodology = methodology;
        this.previousMethodology = previousMethodology;
        this.decimals = methodology.getScale().getDecimals();
    }

    /** @param previous the previous round, or null; @param threshold the "at or below" band, or null */
    RoundView view(UnitTree tree, String family, Round current, Round previous, Band threshold) {
        List<UnitRow> rows = new ArrayList<>();
        Map<String, BigDecimal> scoredIndices = new LinkedHashMap<>();
        List<RoundScore> scoredOfficials = new ArrayList<>();
        for (UnitRound u : current.units.values()) {
            RoundScore official = u.official();
            UnitStatus status = official != null ? (official.methodologyId().equals(methodology.getId()) ? UnitStatus.SCORED
                    : UnitStatus.OTHER_METHODOLOGY) : u.entered() ? UnitStatus.PENDING : UnitStatus.NOT_ENTERED;
            if (status == UnitStatus.SCORED) {
                scoredIndices.put(u.unit().id(), printed(official.index()));
                scoredOfficials.add(official);
            }
            rows.add(row(tree, u, status, official, previous));
        }
        Figure index = Figures.mean(scoredIndices.values(), methodology.getScale());
        Map<String, Integer> ranks = Ranking.ranks(scoredIndices);
        rows = placed(rows, ranks, index);

        List<String> notEntered = new ArrayList<>();
        List<String> belowAverage = new ArrayList<>();
        List<String> atOrBelow = new ArrayList<>();
        Map<String, Integer> perBand = new LinkedHashMap<>();
        List<Band> highestFirst = new ArrayList<>(methodology.getBands());
        highestFirst.sort(Comparator.comparing(Band::getMin).reversed());
        for (Band b : highestFirst) perBand.put(b.getCode(), 0);
        for (UnitRow r : rows) {
            if (r.status() == UnitStatus.NOT_ENTERED) notEntered.add(r.unit().id());
            if (r.status() != UnitStatus.SCORED) continue;
            if (r.position() == Position.BELOW) belowAverage.add(r.unit().id());
            Band band = bandOf(r.official());
            if (band != null) perBand.merge(band.getCode(), 1, Integer::sum);
            if (threshold != null && band != null && band.getMin().compareTo(threshold.getMin()) <= 0) atOrBelow.add(r.unit().id());
        }
        List<RoundView.BandCount> bands = new ArrayList<>();
        for (Band b : highestFirst) bands.add(new RoundView.BandCount(b, perBand.get(b.getCode())));

        List<RoundView.RegionRow> regions = new ArrayList<>();
        for (Unit region : tree.regionsBelow()) {
            List<BigDecimal> indices = new ArrayList<>();
            int units = 0;
            for (UnitRow r : rows) {
                if (!region.id().equals(r.region())) continue;
                units++;
                if (r.status() == UnitStatus.SCORED) indices.add(r.official().index());
            }
            Figure regionIndex = Figures.mean(indices, methodology.getScale());
            regions.add(new RoundView.RegionRow(region, units, indices.size(), regionIndex,
                    regionIndex == null ? null : methodology.bandOf(regionIndex.printed())));
        }

        List<MethodVersion> methods = Figures.methods(scoredOfficials);
        MethodVersion served = new MethodVersion(methodology.getId(), methodology.getVersion(), null);
        long pending = rows.stream().filter(r -> r.status() == UnitStatus.PENDING).count();
        return new RoundView(tree.top(), family, current.year, served, methodology.getAggregation(), index,
                index == null ? null : methodology.bandOf(index.printed()), index == null, scoredIndices.size(), (int) pending,
                rows, notEntered, belowAverage, threshold, atOrBelow, bands, regions, previous(previous, index, methods));
    }

    /** A unit's row before its rank and position are known. */
    private UnitRow row(UnitTree tree, UnitRound u, UnitStatus status, RoundScore official, Round previous) {
        BigDecimal self = index(u.latestFinal(AssessmentRole.SELF));
        BigDecimal evaluator = index(u.latestFinal(AssessmentRole.EVALUATOR));
        BigDecimal verifier = index(u.latestFinal(AssessmentRole.VERIFIER));
        BigDecimal gap = self != null && evaluator != null ? self.subtract(evaluator) : null;
        UnitRow.PreviousScore before = null;
        UnitRound then = previous == null ? null : previous.units.get(u.unit().id());
        RoundScore earlier = then == null ? null : then.official();
        if (earlier != null) {
            OfficialScore was = score(earlier, previousDecimals());
            Change change = official == null ? null : Figures.change(Figure.of(printed(official.index())), Figure.of(was.index()), decimals,
                    List.of(Figures.method(earlier)), List.of(Figures.method(official)));
            before = new UnitRow.PreviousScore(previous.year, was, change);
        }
        return new UnitRow(u.unit(), tree.regionOf(u.unit().id()), status, official == null ? null : score(official, decimals),
                self, evaluator, verifier, gap, null, null, before);
    }

    /** The scored rows by rank (then id) with their rank and position against the region's index; the others after them, by id. */
    private static List<UnitRow> placed(List<UnitRow> rows, Map<String, Integer> ranks, Figure index) {
        List<UnitRow> scored = new ArrayList<>();
        List<UnitRow> others = new ArrayList<>();
        for (UnitRow r : rows) {
            Integer rank = ranks.get(r.unit().id());
            if (rank == null) {
                others.add(r);
                continue;
            }
            int against = r.official().index().compareTo(index.printed());
            Position position = against > 0 ? Position.ABOVE : against < 0 ? Position.BELOW : Position.AT;
            scored.add(new UnitRow(r.unit(), r.region(), r.status(), r.official(), r.self(), r.evaluator(), r.verifier(), r.gap(), rank,
                    position, r.previous()));
        }
        scored.sort(Comparator.comparing(UnitRow::rank).thenComparing(r -> r.unit().id()));
        scored.addAll(others);
        return scored;
    }

    /** The previous round's index over its units' official scores, and the change to {@code index}. */
    private RoundView.Previous previous(Round previous, Figure index, List<MethodVersion> methods) {
        if (previous == null) return null;
        List<BigDecimal> indices = new ArrayList<>();
        List<RoundScore> officials = new ArrayList<>();
        for (UnitRound u : previous.units.values()) {
            RoundScore official = u.official();
            if (official == null) continue;
            officials.add(official);
            indices.add(Figures.printed(official.index(), previousDecimals()));
        }
        Methodology then = previousMethodology != null ? previousMethodology : methodology;
        Figure before = Figures.mean(indices, then.getScale());
        if (before == null) return null;
        Band band = previousMethodology == null ? null : previousMethodology.bandOf(before.printed());
        List<MethodVersion> thenMethods = Figures.methods(officials);
        Change change = index == null ? null : Figures.change(index, before, decimals, thenMethods, methods);
        return new RoundView.Previous(previous.year, before, band, indices.size(), thenMethods, change);
    }

    private int previousDecimals() {
        return previousMethodology != null ? previousMethodology.getScale().getDecimals() : decimals;
    }

    private Band bandOf(OfficialScore official) {
        Band stored = methodology.band(official.bandCode());
        return stored != null ? stored : methodology.bandOf(official.index());
    }

    private BigDecimal index(RoundScore s) {
        return s == null ? null : printed(s.index());
    }

    private BigDecimal printed(BigDecimal stored) {
        return Figures.printed(stored, decimals);
    }

    private static OfficialScore score(RoundScore s, int decimals) {
        return new OfficialScore(s.id(), s.role(), Figures.printed(s.index(), decimals), s.bandCode(), s.bandLabel(), Figures.method(s));
    }
}
