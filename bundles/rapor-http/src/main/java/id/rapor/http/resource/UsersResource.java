package id.rapor.http.resource;

import id.rapor.api.FieldError;
import id.rapor.api.records.UnitRegistry;
import id.rapor.api.text.Message;
import id.rapor.http.api.RequestBody;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Accounts;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.auth.Guard;
import id.rapor.http.auth.Passwords;
import id.rapor.http.auth.UsersFile;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.UserViews;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The users and their grants, for the role {@code admin} only (anyone else: 401, or 403 audited).
 * Stored in etc/users.properties like bin/rapor-user does (see {@link Accounts}); every change is
 * in the audit trail — who, from where, what, never the password. An admin cannot remove
 * themselves or their own admin grant (409): the last admin cannot lock everybody out over HTTP;
 * an operator can always mend it with bin/rapor-user.
 */
public final class UsersResource {
    static final String ADMIN = "admin";
    /** Grants one user may hold: more is a mistake, and each scoped one costs a look-up of its unit. */
    static final int MAX_GRANTS = 100;

    private final Guard guard;
    private final Needed<UnitRegistry> units;
    private final UserBodies bodies;
    private final JsonResponses out;

    public UsersResource(Guard guard, Needed<UnitRegistry> units, com.fasterxml.jackson.core.JsonFactory json, JsonResponses out) {
        this.guard = guard;
        this.units = units;
        this.bodies = new UserBodies(json);
        this.out = out;
    }

    /** GET /users */
    public void list(Routes.Exchange x) throws IOException, HttpProblem {
        guard.require(x.request(), ADMIN, "user.list", null, null);
        var users = guard.accounts().all().values();
        noStore(x);
        out.send(x.response(), 200, g -> UserViews.users(g, users));
    }

    /** GET /users/{name} */
    public void user(Routes.Exchange x) throws IOException, HttpProblem {
        guard.require(x.request(), ADMIN, "user.read", null, null);
        UsersFile.User user = existing(x.path("name"));
        noStore(x);
        out.send(x.response(), 200, g -> UserViews.user(g, user));
    }

    /** PUT /users/{name}: makes the user (a password is needed) or changes their grants and, if sent, password. */
    public void put(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = guard.require(x.request(), ADMIN, "user.put", null, null);
        String name = x.path("name");
        UserBodies.UserChange change = bodies.read(x.body(RequestBody.JSON));
        List<FieldError> invalid = new ArrayList<>();
        if (!name.matches(UsersFile.NAME_PATTERN)) invalid.add(FieldError.of("name", "users.name.invalid"));
        Set<String> grants = grants(change.roles(), invalid);
        char[] password = change.password();
        if (password != null && password.length < Passwords.MIN_LENGTH) {
            invalid.add(FieldError.of("password", "users.password.short", Passwords.MIN_LENGTH));
        }
        if (password == null && invalid.isEmpty() && guard.accounts().find(name) == null) {
            invalid.add(FieldError.of("password", "users.password.missing"));
        }
        if (!invalid.isEmpty()) {
            throw HttpProblem.of(422, "invalid-user", Message.of("problem.invalid-user.detail"), invalid);
        }
        if (name.equals(caller.name()) && grants.stream().noneMatch(g -> g.equals(ADMIN) || g.startsWith(ADMIN + "@"))) {
            throw lockOut(x, caller, "user.put", "problem.admin-lockout.detail.grants");
        }
        Accounts.Saved saved;
        try {
            saved = guard.accounts().save(name, grants, password, caller.name());
        } catch (id.rapor.http.auth.UserStore.Unavailable e) {
            throw unavailable();
        }
        if (saved == null) { // removed meanwhile: a grant without a password cannot make a user
            throw HttpProblem.of(422, "invalid-user", Message.of("problem.invalid-user.detail"),
                    List.of(FieldError.of("password", "users.password.missing")));
        }
        guard.record(x.request(), caller.name(), saved.created() ? "user.create" : "user.update", null, null, saved.created() ? 201 : 200,
                describe(name, saved));
        UsersFile.User user = guard.accounts().find(name);
        if (saved.created()) x.response().setHeader("Location", "/api/v1/users/" + name);
        noStore(x);
        out.send(x.response(), saved.created() ? 201 : 200, g -> UserViews.user(g, user));
    }

    /** DELETE /users/{name} */
    public void delete(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = guard.require(x.request(), ADMIN, "user.delete", null, null);
        String name = x.path("name");
        if (name.equals(caller.name())) throw lockOut(x, caller, "user.delete", "problem.admin-lockout.detail.delete");
        int ended;
        try {
            ended = guard.accounts().remove(name);
        } catch (id.rapor.http.auth.UserStore.Unavailable e) {
            throw unavailable();
        }
        if (ended < 0) throw unknown(name);
        guard.record(x.request(), caller.name(), "user.delete", null, null, 204,
                "removed user '" + name + "'" + sessions(ended));
        x.response().setStatus(204);
    }

    /** The users are the shared database's, which does not answer (or was not read yet): try again, or another node. */
    private static HttpProblem unavailable() {
        return HttpProblem.temporary(503, "database-unavailable", Message.of("problem.database-unavailable.detail"), 5);
    }

    /** The grants as a set, each checked by the users file's rules and its unit looked up: errors name {@code roles[i]}. */
    private Set<String> grants(List<String> roles, List<FieldError> invalid) throws HttpProblem {
        if (roles == null || roles.isEmpty()) {
            invalid.add(FieldError.of("roles", "users.roles.missing", String.join(", ", UsersFile.roles())));
            return Set.of();
        }
        if (roles.size() > MAX_GRANTS) {
            invalid.add(FieldError.of("roles", "users.roles.tooMany", MAX_GRANTS));
            return Set.of();
        }
        Set<String> grants = new LinkedHashSet<>();
        UnitRegistry registry = null;
        for (int i = 0; i < roles.size(); i++) {
            String grant = roles.get(i);
            String field = "roles[" + i + "]";
            UsersFile.GrantFault fault = UsersFile.fault(grant);
            if (fault != null) {
                String role = grant.indexOf('@') < 0 ? grant : grant.substring(0, grant.indexOf('@'));
                invalid.add(switch (fault) {
                    case UNKNOWN_ROLE -> FieldError.of(field, "users.role.unknown", role, String.join(", ", UsersFile.roles()));
                    case BAD_UNIT -> FieldError.of(field, "users.role.badUnit", grant);
                    case NEEDS_UNIT -> FieldError.of(field, "users.role.needsUnit", role);
                });
                continue;
            }
            String unit = UsersFile.unit(grant);
            if (unit != null) {
                if (registry == null) registry = units.get(); // 503 while the records' database is away
                if (registry.find(unit).isEmpty()) {
                    invalid.add(FieldError.of(field, "users.role.noUnit", unit));
                    continue;
                }
            }
            grants.add(grant);
        }
        return grants;
    }

    private UsersFile.User existing(String name) throws HttpProblem {
        UsersFile.User user = guard.accounts().find(name);
        if (user == null) throw unknown(name);
        return user;
    }

    private static HttpProblem unknown(String name) {
        return HttpProblem.of(404, "unknown-user", Message.of("problem.unknown-user.detail", name),
                List.of(FieldError.of("name", "users.unknown")));
    }

    /** 409, in the trail: an admin tried to lock themselves out. */
    private HttpProblem lockOut(Routes.Exchange x, Authenticator.Caller caller, String action, String key) {
        HttpProblem p = HttpProblem.of(409, "admin-lockout", Message.of(key, caller.name()), List.of(FieldError.of(
                action.equals("user.delete") ? "name" : "roles", "users.self")));
        guard.record(x.request(), caller.name(), action, null, null, 409, p.detail());
        return p;
    }

    /** What changed, for the trail: grants and whether a password was set — never the password. */
    private static String describe(String name, Accounts.Saved saved) {
        if (saved.created()) return "created user '" + name + "' with grants " + saved.grantsAfter() + sessions(saved.sessionsEnded());
        String grants = saved.grantsBefore().equals(saved.grantsAfter()) ? "grants unchanged (" + saved.grantsAfter() + ")"
                : "grants " + saved.grantsBefore() + " -> " + saved.grantsAfter();
        return "changed user '" + name + "': " + grants + (saved.passwordSet() ? "; password reset" : "") + sessions(saved.sessionsEnded());
    }

    private static String sessions(int ended) {
        return ended == 0 ? "" : "; " + ended + " browser session" + (ended == 1 ? "" : "s") + " ended";
    }

    private static void noStore(Routes.Exchange x) {
        x.response().setHeader("Cache-Control", "no-store");
    }
}
