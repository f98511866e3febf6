package id.rapor.report;

import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.advice.ImprovementPlanner;
import id.rapor.api.monitoring.MonitoringQueryException;
import id.rapor.api.monitoring.MonitoringService;
import id.rapor.api.monitoring.RoundQuery;
import id.rapor.api.monitoring.RoundView;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.UnitRegistry;
import id.rapor.api.report.ReportFormat;
import id.rapor.api.report.ReportService;
import id.rapor.api.report.UnitReportQuery;
import id.rapor.api.text.Language;
import id.rapor.report.card.CardPdf;
import id.rapor.report.card.CardWorkbook;
import id.rapor.report.card.UnitCard;
import id.rapor.report.card.UnitCards;
import id.rapor.report.region.RegionPdf;
import id.rapor.report.region.RegionWorkbook;
import id.rapor.report.text.Words;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The reports on the services: a card's facts from the records ({@link UnitCards}), a region's
 * from the monitoring's round view, advice from the planner when its bundle is up (a card without
 * it says so), written as PDF or workbook.
 */
@Component(service = ReportService.class)
public final class Reports implements ReportService {
    static {
        // Charts are drawn off screen: never ask for a display, whatever started the JVM.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private final UnitCards cards;
    private final MonitoringService monitoring;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ImprovementPlanner planner;

    @Activate
    public Reports(@Reference UnitRegistry units, @Reference AssessmentRecords records, @Reference ScoringService scoring,
                   @Reference RuleRevisions revisions, @Reference MonitoringService monitoring) {
        this.cards = new UnitCards(units, records, scoring, revisions, () -> planner);
        this.monitoring = monitoring;
    }

    @Override
    public byte[] unitReport(UnitReportQuery query, ReportFormat format, Language language) throws RecordException, MonitoringQueryException,
            UnknownYearException, UnknownMethodologyException, MethodologyUnavailableException {
        UnitCard card = cards.card(query);
        Words words = new Words(language);
        return format == ReportFormat.PDF ? CardPdf.write(card, words) : CardWorkbook.write(card, words);
    }

    @Override
    public byte[] regionReport(RoundQuery query, ReportFormat format, Language language) throws RecordException, MonitoringQueryException,
            UnknownYearException, UnknownMethodologyException, MethodologyUnavailableException {
        RoundView view = monitoring.round(query);
        Words words = new Words(language);
        return format == ReportFormat.PDF ? RegionPdf.write(view, words) : RegionWorkbook.write(view, words);
    }
}
