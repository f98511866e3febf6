package id.rapor.monitoring;

import id.rapor.api.model.Band;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.Scale;
import id.rapor.api.monitoring.Change;
import id.rapor.api.monitoring.Figure;
import id.rapor.api.monitoring.History;
import id.rapor.api.records.RoundScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every round of a unit or a region, oldest first, each with the change since the round before
 * (the previous year's round of the same methodology where there is one, else its first).
 */
final class HistoryAggregation {
    private final Function<String, Methodology> served;

    /** @param served the methodology serving under an id, or null when none does (then the stored numbers print as they are) */
    HistoryAggregation(Function<String, Methodology> served) {
        this.served = served;
    }

    /** An assessed unit's rounds: each year's official score. */
    List<History.Round> ofUnit(UnitTree tree, List<RoundScore> finals) {
        List<History.Round> rounds = new ArrayList<>();
        for (int year : years(finals)) {
            RoundScore official = Round.of(tree, finals, year).units.get(tree.top().id()).official();
            if (official == null) continue;
            Methodology m = served.apply(official.methodologyId());
            BigDecimal index = m == null ? official.index() : Figures.printed(official.index(), m.getScale().getDecimals());
            History.Round round = new History.Round(year, official.methodologyId(), List.of(Figures.method(official)), Figure.of(index),
                    official.bandCode(), official.bandLabel(), official.role(), official.id(), null, null);
            rounds.add(withChange(round, rounds, m));
        }
        return rounds;
    }

    /** A region's rounds: each year's index of each methodology that scored it, as the round's view makes it. */
    List<History.Round> ofRegion(UnitTree tree, List<RoundScore> finals) {
        List<History.Round> rounds = new ArrayList<>();
        for (int year : years(finals)) {
            Map<String, List<RoundScore>> byMethodology = new TreeMap<>();
            for (UnitRound u : Round.of(tree, finals, year).units.values()) {
                RoundScore official = u.official();
                if (official != null) byMethodology.computeIfAbsent(official.methodologyId(), k -> new ArrayList<>()).add(official);
            }
            for (var e : byMethodology.entrySet()) {
                Methodology m = served.apply(e.getKey());
                Scale scale = m != null ? m.getScale() : storedScale(e.getValue());
                List<BigDecimal> indices = e.getValue().stream().map(s -> Figures.printed(s.index(), scale.getDecimals())).toList();
                Figure index = Figures.mean(indices, scale);
                Band band = m == null ? null : m.bandOf(index.printed());
                History.Round round = new History.Round(year, e.getKey(), Figures.methods(e.getValue()), index,
                        band == null ? null : band.getCode(), band == null ? null : band.getLabel(), null, null, indices.size(), null);
                rounds.add(withChange(round, rounds, m));
            }
        }
        return rounds;
    }

    /** {@code round} with its change since the round before it among {@code earlier}. */
    private static History.Round withChange(History.Round round, List<History.Round> earlier, Methodology m) {
        History.Round before = null;
        for (History.Round r : earlier) {
            if (r.year() >= round.year()) continue;
            if (before == null || r.year() > before.year() || (r.year() == before.year() && r.methodology().equals(round.methodology()))) {
                before = r;
            }
        }
        if (before == null) return round;
        int decimals = m != null ? m.getScale().getDecimals() : round.index().printed().scale();
        Change change = Figures.change(round.index(), before.index(), decimals, before.versions(), round.versions());
        return new History.Round(round.year(), round.methodology(), round.versions(), round.index(), round.bandCode(), round.bandLabel(),
                round.role(), round.assessment(), round.scored(), change);
    }

    /** Without the methodology serving, an index is rounded to as many decimals as it was stored with. */
    private static Scale storedScale(List<RoundScore> scores) {
        int decimals = 0;
        for (RoundScore s : scores) decimals = Math.max(decimals, Math.max(0, s.index().stripTrailingZeros().scale()));
        return new Scale(BigDecimal.ZERO, BigDecimal.ZERO, decimals);
    }

    private static TreeSet<Integer> years(List<RoundScore> scores) {
        TreeSet<Integer> years = new TreeSet<>();
        for (RoundScore s : scores) years.add(s.year());
        return years;
    }
}
