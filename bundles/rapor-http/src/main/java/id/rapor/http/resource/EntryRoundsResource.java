package id.rapor.http.resource;

import com.fasterxml.jackson.core.JsonFactory;
import id.rapor.api.FieldError;
import id.rapor.api.ScoringService;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.records.EntryRound;
import id.rapor.api.records.EntryRoundState;
import id.rapor.api.records.EntryRounds;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.api.records.UnitRegistry;
import id.rapor.api.text.Message;
import id.rapor.http.api.RequestBody;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.auth.Guard;
import id.rapor.http.json.EntryRoundViews;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.RecordProblems;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The regions' entry rounds: an admin opens a region's round of a family and year with the period in which offices
 * enter their self-assessments, changes the period, closes it early (every change in the records' audit trail). Any
 * user who logs in reads them; one whose roles are all limited to units sees only the rounds of regions that contain
 * or lie within those units (as the unit tree shows them their part of it). The rule that the rounds make is the
 * records' (see EntryPeriod in rapor-records): a self-assessment outside its round's period is 409 {@code round-closed}.
 */
public final class EntryRoundsResource {
    static final String ADMIN = "admin";
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final Needed<EntryRounds> rounds;
    private final Needed<UnitRegistry> units;
    private final Guard guard;
    private final ScoringService scoring;
    private final EntryRoundBodies bodies;
    private final JsonResponses out;

    public EntryRoundsResource(Needed<EntryRounds> rounds, Needed<UnitRegistry> units, Guard guard, ScoringService scoring, JsonFactory json,
            JsonResponses out) {
        this.rounds = rounds;
        this.units = units;
        this.guard = guard;
        this.scoring = scoring;
        this.bodies = new EntryRoundBodies(json);
        this.out = out;
    }

    /**
     * GET /rounds?region=&family=&year=&open=true; with {@code unit=}, the rounds that govern that unit's self-assessments
     * (of each family and year, the round of the nearest region at or above it).
     */
    public void list(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = guard.require(x.request(), null, "round.read", null, null);
        String region = AssessmentsResource.blankToNull(x.request().getParameter("region"));
        String family = AssessmentsResource.blankToNull(x.request().getParameter("family"));
        Integer year = AssessmentsResource.year(x.request().getParameter("year"));
        boolean openOnly = open(x.request().getParameter("open"));
        String unit = AssessmentsResource.blankToNull(x.request().getParameter("unit"));
        LocalDate today = LocalDate.now();
        Scope scope = new Scope(caller, units.get());
        if (unit != null && !scope.sees(unit)) throw guard.outOfScope(x.request(), caller, "round.read", unit);
        List<String> above = unit == null ? null : scope.upFrom(unit);
        Map<String, EntryRound> nearest = new HashMap<>(); // with unit: of each family and year, the round of the nearest region
        List<EntryRound> found = new ArrayList<>();
        for (EntryRound r : UnitsResource.call(() -> rounds.get().list(region, family, year))) {
            if (above != null) {
                int at = above.indexOf(r.region());
                EntryRound known = nearest.get(r.family() + " " + r.year());
                if (at >= 0 && (known == null || at < above.indexOf(known.region()))) nearest.put(r.family() + " " + r.year(), r);
            } else if (scope.sees(r.region()) && !(openOnly && r.stateOn(today) != EntryRoundState.OPEN)) {
                found.add(r);
            }
        }
        // The nearest round governs even when it is not open (open=true then leaves the unit without one): never an outer one.
        if (above != null) found.addAll(nearest.values().stream().filter(r -> !openOnly || r.stateOn(today) == EntryRoundState.OPEN)
                .sorted(java.util.Comparator.comparing(EntryRound::year).reversed().thenComparing(EntryRound::family)).toList());
        out.send(x.response(), 200, g -> EntryRoundViews.rounds(g, found, scope::name, today));
    }

    /** GET /rounds/{id} */
    public void round(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = guard.require(x.request(), null, "round.read", null, null);
        EntryRound r = existing(x.path("id"));
        Scope scope = new Scope(caller, units.get());
        if (!scope.sees(r.region())) throw guard.outOfScope(x.request(), caller, "round.read", r.region());
        out.send(x.response(), 200, g -> EntryRoundViews.round(g, r, scope.name(r.region()), LocalDate.now()));
    }

    /** POST /rounds: admin only. */
    public void create(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = guard.require(x.request(), ADMIN, "round.create", null, null);
        EntryRoundBodies.Sent sent = bodies.read(x.body(RequestBody.JSON), false);
        List<FieldError> invalid = new ArrayList<>(sent.invalid());
        UnitRegistry registry = units.get();
        if (sent.region() == null) {
            invalid.add(FieldError.of("region", "records.round.missing"));
        } else {
            Unit unit = registry.find(sent.region()).orElse(null);
            if (unit == null) invalid.add(FieldError.of("region", "records.round.noRegion", sent.region()));
            else if (unit.kind() != UnitKind.REGION) invalid.add(FieldError.of("region", "records.round.notRegion", unit.id(), unit.kind().wire()));
        }
        Set<String> families = new TreeSet<>();
        for (MethodologySummary m : scoring.methodologies()) families.add(m.family());
        if (sent.family() == null) invalid.add(FieldError.of("family", "records.round.missing"));
        else if (!families.contains(sent.family())) {
            invalid.add(FieldError.of("family", "records.round.familyUnknown", sent.family(), String.join(", ", families)));
        }
        if (sent.year() == null) invalid.add(FieldError.of("year", "records.round.missing"));
        else if (sent.year() < FIRST_YEAR || sent.year() > LAST_YEAR) invalid.add(FieldError.of("year", "records.round.yearRange", sent.year()));
        if (sent.opensOn() == null && invalid.stream().noneMatch(e -> e.field().equals("opensOn"))) {
            invalid.add(FieldError.of("opensOn", "records.round.missing"));
        }
        if (sent.closesOn() == null && invalid.stream().noneMatch(e -> e.field().equals("closesOn"))) {
            invalid.add(FieldError.of("closesOn", "records.round.missing"));
        }
        checkPeriod(sent.opensOn(), sent.closesOn(), invalid);
        if (!invalid.isEmpty()) throw invalid(invalid);
        boolean closed = sent.closed() != null && sent.closed();
        EntryRound created = UnitsResource.call(() -> rounds.get().create(sent.region(), sent.family(), sent.year(), sent.opensOn(),
                sent.closesOn(), closed, UnitsResource.actor(x, caller)));
        x.response().setHeader("Location", "/api/v1/rounds/" + created.id());
        String name = registry.find(created.region()).map(Unit::name).orElse(created.region());
        out.send(x.response(), 201, g -> EntryRoundViews.round(g, created, name, LocalDate.now()));
    }

    /** PUT /rounds/{id}: admin only; its period ({@code opensOn}, {@code closesOn}) and {@code closed}, each kept if not sent. */
    public void update(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = guard.require(x.request(), ADMIN, "round.update", null, null);
        EntryRound before = existing(x.path("id"));
        EntryRoundBodies.Sent sent = bodies.read(x.body(RequestBody.JSON), true);
        List<FieldError> invalid = new ArrayList<>(sent.invalid());
        LocalDate opensOn = sent.opensOn() != null ? sent.opensOn() : before.opensOn();
        LocalDate closesOn = sent.closesOn() != null ? sent.closesOn() : before.closesOn();
        checkPeriod(opensOn, closesOn, invalid);
        if (!invalid.isEmpty()) throw invalid(invalid);
        boolean closed = sent.closed() != null ? sent.closed() : before.closed();
        EntryRound changed = UnitsResource.call(() -> rounds.get().update(before.id(), opensOn, closesOn, closed, UnitsResource.actor(x, caller)));
        String name = units.get().find(changed.region()).map(Unit::name).orElse(changed.region());
        out.send(x.response(), 200, g -> EntryRoundViews.round(g, changed, name, LocalDate.now()));
    }

    private static void checkPeriod(LocalDate opensOn, LocalDate closesOn, List<FieldError> invalid) {
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            invalid.add(FieldError.of("closesOn", "records.round.closesBeforeOpens", closesOn.toString(), opensOn.toString()));
        }
    }

    private static HttpProblem invalid(List<FieldError> errors) {
        return RecordProblems.invalid("invalid-entry-round", Message.of("problem.invalid-entry-round.detail"), errors);
    }

    private EntryRound existing(String segment) throws HttpProblem {
        long id;
        try {
            id = Long.parseLong(segment);
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound(Message.of("records.round.badId", segment));
        }
        return UnitsResource.call(() -> rounds.get().find(id).orElseThrow(() -> new RecordNotFoundException("round", segment)));
    }

    private static boolean open(String value) throws HttpProblem {
        if (value == null || value.isBlank() || value.trim().equals("false")) return false;
        if (value.trim().equals("true")) return true;
        throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                List.of(FieldError.of("open", "records.round.open", value)));
    }

    /**
     * Which regions' rounds a caller sees: every one with a role that holds everywhere; else those of regions at or
     * above one of the caller's units (their round governs the unit) or at or below one (a region the caller looks
     * after). Each unit's parent is read once per request; the regions' names are kept for the answer.
     */
    static final class Scope {
        private final UnitRegistry units;
        private final Set<String> scoped;
        private final Set<String> aboveScoped = new HashSet<>();
        private final Map<String, Unit> read = new HashMap<>();
        private final boolean everywhere;

        Scope(Authenticator.Caller caller, UnitRegistry units) {
            this.units = units;
            boolean all = false;
            Set<String> scope = new HashSet<>();
            for (String role : caller.roles()) {
                Set<String> s = caller.scope(role);
                if (s == null) all = true;
                else scope.addAll(s);
            }
            this.everywhere = all;
            this.scoped = scope;
            if (!all) {
                for (String unit : scope) aboveScoped.addAll(upFrom(unit));
            }
        }

        boolean sees(String region) {
            if (everywhere || aboveScoped.contains(region)) return true;
            for (String at : upFrom(region)) {
                if (scoped.contains(at)) return true;
            }
            return false;
        }

        /** A region's name, for the answer (its id if it is gone). */
        String name(String region) {
            Unit u = unit(region);
            return u == null ? region : u.name();
        }

        private Unit unit(String id) {
            return read.computeIfAbsent(id, k -> units.find(k).orElse(null));
        }

        /** {@code id} and every unit above it, nearest first. */
        List<String> upFrom(String id) {
            List<String> up = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String at = id; at != null && seen.add(at); ) {
                up.add(at);
                Unit u = unit(at);
                at = u == null ? null : u.parent();
            }
            return up;
        }
    }
}
