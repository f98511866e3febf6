package id.rapor.http.resource;

import id.rapor.api.records.Actor;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.RecordsUnavailableException;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitRegistry;
import id.rapor.http.api.RequestBody;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.RecordProblems;
import id.rapor.http.json.RecordViews;
import java.io.IOException;
import java.util.List;

/**
 * The unit tree: regions, their offices and service units. Only {@code admin} changes it; reading
 * a unit needs a role that holds for it. A unit is never deleted: {@code "active": false} keeps
 * its history.
 */
public final class UnitsResource {
    static final String CSV = "text/csv";

    private final Needed<UnitRegistry> units;
    private final Needed<RecordsAccess> access;
    private final RecordBodies bodies;
    private final UnitsCsv csv;
    private final JsonResponses out;

    public UnitsResource(Needed<UnitRegistry> units, Needed<RecordsAccess> access, RecordBodies bodies, UnitsCsv csv, JsonResponses out) {
        this.units = units;
        this.access = access;
        this.bodies = bodies;
        this.csv = csv;
        this.out = out;
    }

    /** POST /units */
    public void create(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = access.get().manageUnits(x.request(), "unit.create");
        Unit unit = bodies.unit(x.body(RequestBody.JSON), null);
        Unit created = call(() -> units.get().create(unit, actor(x, caller)));
        x.response().setHeader("Location", "/api/v1/units/" + created.id());
        out.send(x.response(), 201, g -> RecordViews.unit(g, created));
    }

    /** PUT /units/{id} */
    public void update(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = access.get().manageUnits(x.request(), "unit.update");
        Unit unit = bodies.unit(x.body(RequestBody.JSON), x.path("id"));
        Unit changed = call(() -> units.get().update(unit, actor(x, caller)));
        out.send(x.response(), 200, g -> RecordViews.unit(g, changed));
    }

    /** GET /units/{id} */
    public void unit(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        access.get().read(x.request(), "unit.read", id);
        Unit unit = call(() -> units.get().find(id).orElseThrow(() -> new RecordNotFoundException("unit", id)));
        out.send(x.response(), 200, g -> RecordViews.unit(g, unit));
    }

    /** GET /units?region=… (the region and every unit below it), or the top regions without a region. */
    public void list(Routes.Exchange x) throws IOException, HttpProblem {
        String region = x.request().getParameter("region");
        List<Unit> list;
        if (region == null || region.isBlank()) {
            access.get().anyUser(x.request());
            list = call(() -> units.get().roots());
        } else {
            access.get().read(x.request(), "unit.read", region);
            list = call(() -> units.get().subtree(region));
        }
        out.send(x.response(), 200, g -> RecordViews.units(g, list));
    }

    /** POST /units/import: a CSV of {@code id,name,kind,parent[,active]}, all rows or none. */
    public void importCsv(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = access.get().manageUnits(x.request(), "unit.import");
        List<Unit> rows = csv.read(x.body(CSV));
        List<Unit> imported = call(() -> units.get().importUnits(rows, actor(x, caller)));
        out.send(x.response(), 200, g -> {
            g.writeStartObject();
            g.writeNumberField("imported", imported.size());
            g.writeFieldName("units");
            RecordViews.units(g, imported);
            g.writeEndObject();
        });
    }

    static Actor actor(Routes.Exchange x, Authenticator.Caller caller) {
        return new Actor(caller.name(), id.rapor.http.auth.Forwarding.client(x.request()));
    }

    /** A call on the records whose refusals become problems. */
    @FunctionalInterface
    interface RecordCall<T> {
        T call() throws RecordException, HttpProblem;
    }

    static <T> T call(RecordCall<T> c) throws HttpProblem {
        try {
            return c.call();
        } catch (RecordException e) {
            throw RecordProblems.refused(e);
        } catch (RecordsUnavailableException e) {
            throw RecordProblems.unavailable(e);
        }
    }
}
