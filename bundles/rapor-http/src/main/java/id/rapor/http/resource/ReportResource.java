package id.rapor.http.resource;

import id.rapor.api.FieldError;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.monitoring.MonitoringQueryException;
import id.rapor.api.monitoring.RoundQuery;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordsUnavailableException;
import id.rapor.api.report.ReportFormat;
import id.rapor.api.report.ReportService;
import id.rapor.api.report.UnitReportQuery;
import id.rapor.api.text.Language;
import id.rapor.api.text.Message;
import id.rapor.http.api.Routes;
import id.rapor.http.json.Audience;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;

/**
 * Reports to save and hand out: a unit's report card ({@code GET /units/{id}/report}) and a
 * region's report ({@code GET /monitoring/report}), as PDF (the default) or an Excel workbook
 * ({@code format=xlsx}, or an Accept of the workbook's media type), in the reader's language. Who
 * may have one: who may read the unit's records ({@link RecordsAccess#read}), who may see the
 * region's monitoring ({@link RecordsAccess#monitor}); others 403, audited. Refusals as the
 * monitoring's, as problem+json.
 */
public final class ReportResource {
    private final Needed<ReportService> reports;
    private final Needed<RecordsAccess> access;
    private final BatchSlots batches;

    /** @param batches the slots batches share (batch.concurrent): a region's report takes one while it is made */
    public ReportResource(Needed<ReportService> reports, Needed<RecordsAccess> access, BatchSlots batches) {
        this.reports = reports;
        this.access = access;
        this.batches = batches;
    }

    /** GET /units/{id}/report?year=…&family=…|methodology=…[&format=pdf|xlsx] */
    public void unit(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest r = x.request();
        String id = x.path("id");
        access.get().read(r, "report.unit", id);
        ReportFormat format = format(r);
        String family = MonitoringResource.parameter(r, "family");
        String methodology = MonitoringResource.parameter(r, "methodology");
        Integer year = MonitoringResource.year(MonitoringResource.parameter(r, "year"));
        if (year == null) throw MonitoringResource.missing("year", "records.assessment.yearMissing");
        if (family == null && methodology == null) throw MonitoringResource.missing("family", "monitoring.familyMissing");
        Language language = Audience.language(r);
        byte[] report = made(family, methodology, year, "unit",
                () -> reports.get().unitReport(new UnitReportQuery(id, family, methodology, year), format, language));
        send(x, format, id + "-" + (methodology != null ? methodology : family) + "-" + year, language, report);
    }

    /** GET /monitoring/report?region=…&year=…&family=…|methodology=…[&atOrBelow=…][&format=pdf|xlsx] */
    public void region(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest r = x.request();
        String region = MonitoringResource.parameter(r, "region");
        if (region == null) {
            access.get().anyUser(r); // who is not logged in learns nothing, not even what is missing
            throw MonitoringResource.missing("region", "monitoring.regionMissing");
        }
        access.get().monitor(r, "report.region", region);
        ReportFormat format = format(r);
        String family = MonitoringResource.parameter(r, "family");
        String methodology = MonitoringResource.parameter(r, "methodology");
        Integer year = MonitoringResource.year(MonitoringResource.parameter(r, "year"));
        if (year == null) throw MonitoringResource.missing("year", "records.assessment.yearMissing");
        if (family == null && methodology == null) throw MonitoringResource.missing("family", "monitoring.familyMissing");
        Language language = Audience.language(r);
        RoundQuery query = new RoundQuery(region, family, methodology, year, MonitoringResource.parameter(r, "atOrBelow"));
        // A province's report is thousands of rows, a chart and their pages in the heap: made one batch slot at a time.
        byte[] report;
        try (BatchSlots.Slot slot = batches.take()) {
            report = made(family, methodology, year, "region", () -> reports.get().regionReport(query, format, language));
        }
        send(x, format, region + "-" + (methodology != null ? methodology : family) + "-" + year, language, report);
    }

    @FunctionalInterface
    private interface Making {
        byte[] make() throws HttpProblem, RecordException, MonitoringQueryException, UnknownYearException, UnknownMethodologyException,
                MethodologyUnavailableException;
    }

    /** The report, or its refusal as the monitoring's endpoints give it. */
    private static byte[] made(String family, String methodology, int year, String field, Making making) throws HttpProblem {
        try {
            return making.make();
        } catch (UnknownYearException e) {
            throw Problems.unknownYear(family, year, e);
        } catch (UnknownMethodologyException e) {
            throw Problems.unknownMethodology(e);
        } catch (MethodologyUnavailableException e) {
            throw Problems.unavailable(methodology != null ? methodology : family + " " + year, e);
        } catch (RecordException | MonitoringQueryException | RecordsUnavailableException e) {
            throw MonitoringResource.refused(e, field);
        }
    }

    /** The format asked for: {@code format=pdf|xlsx}, else the Accept header's (the workbook's media type), else PDF. */
    static ReportFormat format(HttpServletRequest r) throws HttpProblem {
        String asked = MonitoringResource.parameter(r, "format");
        if (asked != null) {
            return ReportFormat.of(asked).orElseThrow(() -> HttpProblem.of(400, "malformed-request",
                    Message.of("problem.malformed-request.detail.query"),
                    List.of(FieldError.of("format", "report.format.unknown", asked.length() > 40 ? asked.substring(0, 40) + "…" : asked))));
        }
        String accept = r.getHeader("Accept");
        return accept != null && accept.contains(ReportFormat.XLSX.mediaType()) ? ReportFormat.XLSX : ReportFormat.PDF;
    }

    private static void send(Routes.Exchange x, ReportFormat format, String name, Language language, byte[] report) throws IOException {
        x.response().setStatus(200);
        x.response().setContentType(format.mediaType());
        x.response().setHeader("Content-Language", language.tag());
        // A name of the unit's id, the round and the year: ids are letters, digits and dashes (UnitsResource checks them).
        x.response().setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.wire() + "\"");
        x.response().setContentLength(report.length);
        x.response().getOutputStream().write(report);
    }
}
