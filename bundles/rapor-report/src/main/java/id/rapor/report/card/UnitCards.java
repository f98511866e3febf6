package id.rapor.report.card;

import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.advice.AdviceRefusedException;
import id.rapor.api.advice.ImprovementPlanner;
import id.rapor.api.advice.Rules;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.monitoring.Change;
import id.rapor.api.monitoring.Figure;
import id.rapor.api.monitoring.MethodVersion;
import id.rapor.api.monitoring.MonitoringQueryException;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.AssessmentState;
import id.rapor.api.records.OfficialAssessment;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.ScoreRecord;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitRegistry;
import id.rapor.api.report.UnitReportQuery;
import id.rapor.api.text.Message;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Gathers a unit's report card from the services: the unit's assessments of the family (one
 * query), its official score of the round and of the round before ({@link OfficialAssessment}, the
 * records' one rule), the change between them ({@link Change#between}, the monitoring's one rule),
 * the score document stored with the official score (aspects and indicators exactly as they were
 * scored), the names of the indicators from the methodology's tables, and the planner's advice on
 * the stored answers by the rules that scored them.
 */
public final class UnitCards {
    private final UnitRegistry units;
    private final AssessmentRecords records;
    private final ScoringService scoring;
    private final RuleRevisions revisions;
    private final Supplier<ImprovementPlanner> planner;

    public UnitCards(UnitRegistry units, AssessmentRecords records, ScoringService scoring, RuleRevisions revisions,
                     Supplier<ImprovementPlanner> planner) {
        this.units = units;
        this.records = records;
        this.scoring = scoring;
        this.revisions = revisions;
        this.planner = planner;
    }

    public UnitCard card(UnitReportQuery q) throws RecordException, MonitoringQueryException, UnknownYearException,
            UnknownMethodologyException, MethodologyUnavailableException {
        Unit unit = units.find(q.unit()).orElseThrow(() -> new RecordNotFoundException("unit", q.unit()));
        String family = family(q);
        Methodology round = scoring.methodology(q.methodology() != null ? q.methodology() : scoring.resolve(family, q.year()));
        int decimals = round.getScale().getDecimals();
        List<AssessmentRecord> all = records.forUnit(unit.id(), null, family);
        Set<Long> officialIds = OfficialAssessment.ofEachRound(all);
        List<AssessmentRecord> officials = all.stream().filter(a -> officialIds.contains(a.id()))
                .sorted(Comparator.comparingInt(AssessmentRecord::year)).toList();
        Optional<AssessmentRecord> current = officials.stream().filter(a -> a.year() == q.year())
                .filter(a -> q.methodology() == null || a.score().methodologyId().equals(q.methodology())).findFirst();
        Optional<AssessmentRecord> before = officials.stream().filter(a -> a.year() < q.year()).reduce((a, b) -> b);
        Map<AssessmentRole, BigDecimal> roles = new EnumMap<>(AssessmentRole.class);
        all.stream().filter(a -> a.year() == q.year() && a.state() == AssessmentState.FINAL)
                .sorted(Comparator.comparingLong(AssessmentRecord::id))
                .forEach(a -> roles.put(a.role(), Figure.printed(a.score().index(), decimals)));
        if (current.isEmpty()) {
            boolean pending = all.stream().anyMatch(a -> a.year() == q.year());
            return new UnitCard(unit, family, q.year(), decimals, null, pending, roles, null, null);
        }
        AssessmentRecord now = current.get();
        Methodology tables = tables(now.score());
        int nowDecimals = tables != null ? tables.getScale().getDecimals() : decimals;
        UnitCard.Official official = official(now, tables, nowDecimals);
        UnitCard.Previous previous = before.map(b -> previous(b, now, nowDecimals)).orElse(null);
        return new UnitCard(unit, family, q.year(), nowDecimals, official, false, roles, previous, advice(now));
    }

    /** The family asked for, or the named methodology's; both given must agree (as the monitoring has it). */
    private String family(UnitReportQuery q) throws UnknownMethodologyException, MonitoringQueryException {
        if (q.methodology() == null) return q.family();
        List<MethodologySummary> all = scoring.methodologies();
        MethodologySummary named = all.stream().filter(m -> m.id().equals(q.methodology())).findFirst()
                .orElseThrow(() -> new UnknownMethodologyException(q.methodology(), all.stream().map(MethodologySummary::id).toList()));
        if (q.family() != null && !q.family().equals(named.family())) {
            throw new MonitoringQueryException("other-family", "methodology",
                    Message.of("monitoring.otherFamily", named.id(), named.family(), q.family()));
        }
        return named.family();
    }

    /** The tables of the rules that scored: the pinned revision, or the version serving; null when neither can be had (ids stand for names). */
    private Methodology tables(ScoreRecord s) {
        try {
            return s.revision() != null ? revisions.methodology(s.methodologyId(), s.revision()) : scoring.methodology(s.methodologyId());
        } catch (Exception unavailable) {
            return null;
        }
    }

    private static UnitCard.Official official(AssessmentRecord a, Methodology tables, int decimals) {
        Map<String, Object> document = StoredJson.object(a.score().document());
        List<UnitCard.AspectLine> aspects = new ArrayList<>();
        for (Map<String, Object> x : StoredJson.objects(document, "aspects")) {
            aspects.add(new UnitCard.AspectLine(StoredJson.text(x, "id"), StoredJson.text(x, "name"), StoredJson.number(x, "weight"),
                    StoredJson.number(x, "score"), StoredJson.number(x, "contribution")));
        }
        List<UnitCard.IndicatorLine> indicators = new ArrayList<>();
        for (Map<String, Object> x : StoredJson.objects(document, "indicators")) {
            String id = StoredJson.text(x, "id");
            Indicator i = tables == null ? null : tables.indicator(id);
            indicators.add(new UnitCard.IndicatorLine(id, i == null ? id : i.getCode(), i == null ? "" : i.getName(),
                    i == null ? "" : i.getAspectId(), StoredJson.number(x, "answer"), StoredJson.number(x, "weight"),
                    StoredJson.number(x, "contribution")));
        }
        ScoreRecord s = a.score();
        return new UnitCard.Official(a.id(), a.role(), Figure.printed(s.index(), decimals), s.bandCode(), s.bandLabel(), method(s),
                tables == null ? s.methodologyId() : tables.getTitle(), tables == null ? null : tables.getScale().getMax(), aspects, indicators);
    }

    private UnitCard.Previous previous(AssessmentRecord before, AssessmentRecord now, int decimals) {
        Methodology then = tables(before.score());
        BigDecimal was = Figure.printed(before.score().index(), then != null ? then.getScale().getDecimals() : decimals);
        Change change = Change.between(Figure.of(Figure.printed(now.score().index(), decimals)), Figure.of(was), decimals,
                List.of(method(before.score())), List.of(method(now.score())));
        return new UnitCard.Previous(before.year(), was, before.score().bandCode(), before.score().bandLabel(), change);
    }

    private static MethodVersion method(ScoreRecord s) {
        return new MethodVersion(s.methodologyId(), s.methodologyVersion(), s.revision());
    }

    /** What it takes to reach the next band, by the planner over the stored answers and the rules that scored them. */
    private UnitCard.Advice advice(AssessmentRecord a) {
        ImprovementPlanner p = planner.get();
        if (p == null) return new UnitCard.Advice(null, Message.of("report.advice.unavailable"));
        Map<String, BigDecimal> answers = StoredJson.answers(a.input());
        try {
            return new UnitCard.Advice(p.plan(new Rules.Answers(new Rules(a.score().methodologyId(), a.score().revision()), a.unitId(), answers),
                    null, Map.of(), Set.of()), null);
        } catch (AdviceRefusedException e) {
            return new UnitCard.Advice(null, e.reason() == AdviceRefusedException.Reason.TARGET_REACHED
                    ? Message.of("report.advice.top") : Message.of("report.advice.none", e.detail()));
        } catch (Exception e) {
            // The rules that scored it are gone or cannot score these answers now: the card says so instead of advising wrongly.
            return new UnitCard.Advice(null, Message.of("report.advice.none", Message.literal(String.valueOf(e.getMessage()))));
        }
    }
}
