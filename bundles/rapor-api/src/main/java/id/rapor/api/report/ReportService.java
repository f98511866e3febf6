package id.rapor.api.report;

import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.monitoring.MonitoringQueryException;
import id.rapor.api.monitoring.RoundQuery;
import id.rapor.api.records.RecordException;
import id.rapor.api.text.Language;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reports to hand out, written whole (a few pages): a unit's report card of a round (its "rapor")
 * and a region's report of a round, in {@code language}, as PDF or an Excel workbook. Their figures
 * are the records' and the monitoring's, the advice the planner's: a report adds no arithmetic.
 */
@ProviderType
public interface ReportService {

    /**
     * A unit's report card: its official index and band, the aspects (as a chart) and every
     * indicator with its answer and weight, self against evaluator (and verifier), the change since
     * its previous round (saying so where the methodology changed in between), what scored it, and
     * what it takes to reach the next band. A round without an official score is a card that says so.
     * Refusals: no such unit ({@link id.rapor.api.records.RecordNotFoundException}), no methodology
     * of the family for the year, a methodology not known, or of another family ({@link MonitoringQueryException}).
     */
    byte[] unitReport(UnitReportQuery query, ReportFormat format, Language language) throws RecordException, MonitoringQueryException,
            UnknownYearException, UnknownMethodologyException, MethodologyUnavailableException;

    /**
     * A region's report of a round: its index and the change since the previous round, the units
     * (rank, index, band, self against evaluator, change), the bands as a chart, the units that
     * entered nothing and those at or below the band asked for. Refusals as
     * {@link id.rapor.api.monitoring.MonitoringService#round}'s; an empty round is a report that says so.
     */
    byte[] regionReport(RoundQuery query, ReportFormat format, Language language) throws RecordException, MonitoringQueryException,
            UnknownYearException, UnknownMethodologyException, MethodologyUnavailableException;
}
