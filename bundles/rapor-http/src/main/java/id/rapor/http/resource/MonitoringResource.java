package id.rapor.http.resource;

import id.rapor.api.FieldError;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.monitoring.History;
import id.rapor.api.monitoring.MonitoringQueryException;
import id.rapor.api.monitoring.MonitoringService;
import id.rapor.api.monitoring.RoundQuery;
import id.rapor.api.monitoring.RoundView;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.RecordsUnavailableException;
import id.rapor.api.records.UnitKind;
import id.rapor.api.records.UnitRegistry;
import id.rapor.api.text.Message;
import id.rapor.http.api.Routes;
import id.rapor.http.json.Audience;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.MonitoringViews;
import id.rapor.http.json.Problems;
import id.rapor.http.json.RecordProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;

/**
 * The monitoring: a region's round at a glance ({@code GET /monitoring}) and every round of a unit
 * or region ({@code GET /units/{id}/history}). Reads only. Who may see what: {@link RecordsAccess#monitor}
 * for a region, {@link RecordsAccess#read} for an office's or service unit's own history.
 */
public final class MonitoringResource {
    private final Needed<MonitoringService> monitoring;
    private final Needed<UnitRegistry> units;
    private final Needed<RecordsAccess> access;
    private final JsonResponses out;

    public MonitoringResource(Needed<MonitoringService> monitoring, Needed<UnitRegistry> units, Needed<RecordsAccess> access,
            JsonResponses out) {
        this.monitoring = monitoring;
        this.units = units;
        this.access = access;
        this.out = out;
    }

    /** GET /monitoring?region=…&year=…&family=…|methodology=…[&atOrBelow=…][&exact=true] */
    public void round(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest r = x.request();
        String region = parameter(r, "region");
        if (region == null) {
            access.get().anyUser(r); // who is not logged in learns nothing, not even what is missing
            throw missing("region", "monitoring.regionMissing");
        }
        access.get().monitor(r, "monitoring.read", region);
        Audience audience = Audience.of(r);
        String family = parameter(r, "family");
        String methodology = parameter(r, "methodology");
        Integer year = year(parameter(r, "year"));
        if (year == null) throw missing("year", "records.assessment.yearMissing");
        if (family == null && methodology == null) throw missing("family", "monitoring.familyMissing");
        RoundQuery query = new RoundQuery(region, family, methodology, year, parameter(r, "atOrBelow"));
        RoundView view;
        try {
            view = monitoring.get().round(query);
        } catch (UnknownYearException e) {
            throw Problems.unknownYear(family, year, e);
        } catch (UnknownMethodologyException e) {
            throw Problems.unknownMethodology(e);
        } catch (MethodologyUnavailableException e) {
            // The methodology named, or the one of the family for the year (resolved, but its rule bundle not serving).
            throw Problems.unavailable(methodology != null ? methodology : family + " " + year, e);
        } catch (RecordException | MonitoringQueryException | RecordsUnavailableException e) {
            throw refused(e, "region");
        }
        out.send(x.response(), 200, g -> MonitoringViews.round(g, view, audience));
    }

    /** GET /units/{id}/history?family=…[&exact=true] */
    public void history(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest r = x.request();
        String id = x.path("id");
        // A region's history is its monitoring; an office's or service unit's is its own records.
        boolean region = units.get().find(id).map(u -> u.kind() == UnitKind.REGION).orElse(false);
        if (region) access.get().monitor(r, "monitoring.history", id);
        else access.get().read(r, "monitoring.history", id);
        Audience audience = Audience.of(r);
        String family = required(r, "family", "records.assessment.familyMissing");
        History history;
        try {
            history = monitoring.get().history(id, family);
        } catch (UnknownYearException e) {
            throw Problems.unknownYear(family, 0, e);
        } catch (RecordException | MonitoringQueryException | RecordsUnavailableException e) {
            throw refused(e, "unit");
        }
        out.send(x.response(), 200, g -> MonitoringViews.history(g, history, audience));
    }

    /** The records' and the monitoring's refusals as problems; an unknown unit names {@code field}. */
    static HttpProblem refused(Exception e, String field) {
        if (e instanceof RecordNotFoundException n) {
            return HttpProblem.of(404, "unknown-unit", Message.of("problem.unknown-unit.detail", n.id()),
                    List.of(FieldError.of(field, "records.unknown")));
        }
        if (e instanceof MonitoringQueryException q) {
            int status = q.reason().equals("ambiguous-round") ? 409 : 422;
            return HttpProblem.of(status, q.reason(), q.said(), List.of(new FieldError(q.field(), q.said())));
        }
        if (e instanceof RecordsUnavailableException u) return RecordProblems.unavailable(u);
        return RecordProblems.refused((RecordException) e);
    }

    static String parameter(HttpServletRequest r, String name) {
        String v = r.getParameter(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String required(HttpServletRequest r, String name, String key) throws HttpProblem {
        String v = parameter(r, name);
        if (v == null) throw missing(name, key);
        return v;
    }

    static HttpProblem missing(String field, String key) {
        return HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"), List.of(FieldError.of(field, key)));
    }

    static Integer year(String value) throws HttpProblem {
        if (value == null) return null;
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                    List.of(FieldError.of("year", "records.year.type", value.length() > 40 ? value.substring(0, 40) + "…" : value)));
        }
    }
}
