package id.rapor.http.resource;

import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitRegistry;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.auth.Guard;
import id.rapor.http.json.HttpProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what with the records. {@code admin} manages units and reads everything; an
 * office admin ({@code unit-admin@office}) enters and submits its own units' self-assessments;
 * an {@code evaluator} enters evaluators' assessments of the units of its regions; a
 * {@code verifier} enters verifiers' assessments and makes assessments final; {@code policy}
 * reads; {@code admin} may also enter and finalize for any unit. A role limited to units holds for those units and every unit below them; outside them
 * the answer is 403, audited — never a 404 that would tell whether the unit exists.
 */
public final class RecordsAccess {
    static final String ADMIN = "admin";

    private final Guard guard;
    private final UnitRegistry units;

    /** Each unit's parent as read once ("" for none): an import asks about thousands of units of one region. */
    private final Map<String, String> parents = new HashMap<>();

    /** One request's access: it remembers the units' parents it has read, for that request only. */
    public RecordsAccess(Guard guard, UnitRegistry units) {
        this.guard = guard;
        this.units = units;
    }

    /** Managing units: admin only. */
    Authenticator.Caller manageUnits(HttpServletRequest request, String action) throws HttpProblem {
        return guard.require(request, ADMIN, action, null, null);
    }

    /** The top regions: any user who logs in (their names are no secret; their records are). */
    Authenticator.Caller anyUser(HttpServletRequest request) throws HttpProblem {
        return guard.require(request, null, "unit.read", null, null);
    }

    /** Reading a unit's records: any role that holds for the unit, admin and policy everywhere. */
    Authenticator.Caller read(HttpServletRequest request, String action, String unitId) throws HttpProblem {
        Authenticator.Caller caller = guard.require(request, null, action, null, null);
        if (caller.roles().contains(ADMIN) || caller.roles().contains("policy")) return caller;
        for (String role : caller.roles()) {
            if (holds(caller, role, unitId)) return caller;
        }
        throw guard.outOfScope(request, caller, action, unitId);
    }

    /**
     * A region's monitoring (its round's view, its history): admin and policy everywhere; an evaluator
     * or a verifier whose role holds for the region (it or a unit above it). An office admin sees no
     * region's view, not even of its own office's units: 403, audited.
     */
    Authenticator.Caller monitor(HttpServletRequest request, String action, String regionId) throws HttpProblem {
        Authenticator.Caller caller = guard.require(request, null, action, null, null);
        if (caller.roles().contains(ADMIN) || caller.roles().contains("policy")) return caller;
        if (holds(caller, "evaluator", regionId) || holds(caller, "verifier", regionId)) return caller;
        throw guard.outOfScope(request, caller, action, regionId);
    }

    /** Entering, changing or submitting an assessment in {@code role} for a unit. */
    Authenticator.Caller enter(HttpServletRequest request, String action, AssessmentRole role, String unitId) throws HttpProblem {
        return unitRole(request, action, roleFor(role), unitId);
    }

    /** Making an assessment final: a verifier of the unit. */
    Authenticator.Caller makeFinal(HttpServletRequest request, String action, String unitId) throws HttpProblem {
        return unitRole(request, action, "verifier", unitId);
    }

    /** {@code userRole} for the unit, or admin (who manages the records, and may enter them for an office). */
    private Authenticator.Caller unitRole(HttpServletRequest request, String action, String userRole, String unitId) throws HttpProblem {
        Authenticator.Caller caller = guard.require(request, null, action, null, null);
        if (caller.roles().contains(ADMIN)) return caller;
        guard.require(request, userRole, action, null, null); // 403 (audited) without the role
        if (!holds(caller, userRole, unitId)) throw guard.outOfScope(request, caller, action, unitId);
        return caller;
    }

    /** The user role that enters assessments of a given role. */
    static String roleFor(AssessmentRole role) {
        return switch (role) {
            case SELF -> "unit-admin";
            case EVALUATOR -> "evaluator";
            case VERIFIER -> "verifier";
        };
    }

    /** Whether the caller's {@code role} holds for {@code unitId}: everywhere, or for it or a unit above it. */
    private boolean holds(Authenticator.Caller caller, String role, String unitId) {
        if (!caller.roles().contains(role)) return false;
        Set<String> scope = caller.scope(role);
        if (scope == null) return true;
        Set<String> seen = new HashSet<>();
        for (String at = unitId; at != null && seen.add(at); ) {
            if (scope.contains(at)) return true;
            String parent = parents.computeIfAbsent(at, id -> units.find(id).map(Unit::parent).orElse(""));
            at = parent.isEmpty() ? null : parent;
        }
        return false;
    }
}
