package id.rapor.monitoring;

import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.model.Band;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.monitoring.History;
import id.rapor.api.monitoring.MonitoringQueryException;
import id.rapor.api.monitoring.MonitoringService;
import id.rapor.api.monitoring.RoundQuery;
import id.rapor.api.monitoring.RoundView;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RoundScore;
import id.rapor.api.records.UnitRegistry;
import id.rapor.api.text.Message;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import id.rapor.api.records.RecordChanges;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The monitoring on the records: the region's tree (one query), the year of the previous round
 * (one), the scores of both rounds without answers or documents (one), whatever the number of
 * units; the methodology's scale and bands from the scoring service. Then plain arithmetic
 * ({@link RoundAggregation}, {@link HistoryAggregation}).
 */
@Component(service = MonitoringService.class)
public final class RecordsMonitoring implements MonitoringService {
    private final UnitRegistry units;
    private final AssessmentRecords records;
    private final ScoringService scoring;
    private final RecordChanges changes;
    private final KeptViews kept = new KeptViews();

    @Activate
    public RecordsMonitoring(@Reference UnitRegistry units, @Reference AssessmentRecords records, @Reference ScoringService scoring,
            @Reference RecordChanges changes) {
        this.units = units;
        this.records = records;
        this.scoring = scoring;
        this.changes = changes;
    }

    /**
     * Kept while the records and the rules stay as they were ({@link KeptViews}); where other processes write the
     * records too (PostgreSQL), computed every time.
     */
    @Override
    public RoundView round(RoundQuery query) throws RecordException, MonitoringQueryException, UnknownYearException,
            UnknownMethodologyException, MethodologyUnavailableException {
        OptionalLong version = changes.version(); // read before the records, so a view is never kept under a later version
        if (version.isEmpty()) return compute(query);
        KeptViews.Key key = new KeptViews.Key(query, version.getAsLong(), rulesServing());
        RoundView view = kept.get(key);
        if (view == null) {
            view = compute(query);
            kept.put(key, view);
        }
        return view;
    }

    /** Every methodology's id, version and state as served now: a revision activated changes the bands a view shows. */
    private String rulesServing() {
        StringBuilder s = new StringBuilder();
        for (MethodologySummary m : scoring.methodologies()) s.append(m.id()).append(' ').append(m.version()).append(' ').append(m.status()).append(';');
        return s.toString();
    }

    private RoundView compute(RoundQuery query) throws RecordException, MonitoringQueryException, UnknownYearException,
            UnknownMethodologyException, MethodologyUnavailableException {
        String family = family(query);
        UnitTree tree = UnitTree.of(units.subtree(query.region()));
        if (tree.assessed().isEmpty() || tree.topIsAssessed()) {
            throw new MonitoringQueryException("empty-region", "region", Message.of("monitoring.emptyRegion", query.region()));
        }
        OptionalInt before = records.previousRound(query.region(), family, query.year());
        List<Integer> years = before.isPresent() ? List.of(query.year(), before.getAsInt()) : List.of(query.year());
        List<RoundScore> scores = records.scoresBelow(query.region(), family, years, false);
        Round current = Round.of(tree, scores, query.year());
        Round previous = before.isPresent() ? Round.of(tree, scores, before.getAsInt()) : null;

        Methodology methodology = scoring.methodology(query.methodology() != null ? query.methodology() : chosen(current, family, query.year(), scoring::resolve));
        TreeSet<String> previousMethodologies = previous == null ? new TreeSet<>() : previous.methodologies();
        Methodology previousMethodology = previousMethodologies.size() == 1 ? servedOrNull(previousMethodologies.first()) : null;
        return new RoundAggregation(methodology, previousMethodology).view(tree, family, current, previous, threshold(methodology, query.atOrBelow()));
    }

    @Override
    public History history(String unitId, String family) throws RecordException, UnknownYearException {
        if (scoring.methodologies().stream().noneMatch(m -> family.equals(m.family()))) throw new UnknownYearException(family, 0, List.of());
        UnitTree tree = UnitTree.of(units.subtree(unitId));
        List<RoundScore> finals = records.scoresBelow(unitId, family, List.of(), true);
        HistoryAggregation history = new HistoryAggregation(this::servedOrNull);
        boolean region = !tree.topIsAssessed();
        return new History(tree.top(), family, region, region ? history.ofRegion(tree, finals) : history.ofUnit(tree, finals));
    }

    /** The family asked for, or the named methodology's; both given must agree. */
    private String family(RoundQuery query) throws UnknownMethodologyException, MonitoringQueryException {
        if (query.methodology() == null) return query.family();
        List<MethodologySummary> all = scoring.methodologies();
        MethodologySummary named = all.stream().filter(m -> m.id().equals(query.methodology())).findFirst()
                .orElseThrow(() -> new UnknownMethodologyException(query.methodology(), all.stream().map(MethodologySummary::id).toList()));
        if (query.family() != null && !query.family().equals(named.family())) {
            throw new MonitoringQueryException("other-family", "methodology",
                    Message.of("monitoring.otherFamily", named.id(), named.family(), query.family()));
        }
        return named.family();
    }

    /** The methodology of {@code family} that applies to a year, as the scoring service resolves it. */
    @FunctionalInterface
    interface YearResolver {
        String resolve(String family, int year) throws UnknownYearException;
    }

    /**
     * The round's methodology: the one its official scores were given by; with none yet, the family's for
     * the year; with two, none (the caller names one with methodology=, and the problem says which there are).
     */
    static String chosen(Round current, String family, int year, YearResolver resolver) throws MonitoringQueryException, UnknownYearException {
        TreeSet<String> ids = current.methodologies();
        if (ids.size() > 1) {
            throw new MonitoringQueryException("ambiguous-round", "methodology",
                    Message.of("monitoring.ambiguousRound", family, year, String.join(", ", ids)));
        }
        return ids.isEmpty() ? resolver.resolve(family, year) : ids.first();
    }

    /** The band asked for (or C by default, where the methodology has it). */
    private static Band threshold(Methodology m, String asked) throws MonitoringQueryException {
        String code = asked != null ? asked : RoundQuery.DEFAULT_AT_OR_BELOW;
        Band band = m.band(code);
        if (band == null && asked != null) {
            throw new MonitoringQueryException("unknown-band", "atOrBelow", Message.of("monitoring.unknownBand", asked, m.getId(),
                    String.join(", ", m.getBands().stream().map(Band::getCode).toList())));
        }
        return band;
    }

    private Methodology servedOrNull(String id) {
        try {
            return scoring.methodology(id);
        } catch (UnknownMethodologyException | MethodologyUnavailableException e) {
            return null; // its numbers print as stored and its region band is unknown; the view says so by a null band
        }
    }
}
