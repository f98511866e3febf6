package id.rapor.http.auth;

import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.api.RequestIds;
import id.rapor.http.api.Settings;

import id.rapor.api.AuditTrail;
import id.rapor.api.metrics.Meters;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import id.rapor.api.model.AuditEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Who may do what, and the record of it: who a request's credentials say (checked once per
 * request, by the whiteboard's security hook {@link SecurityHook} or at the first role check),
 * role checks whose refusals are audited, and audit entries for changes.
 */
@Component(service = Guard.class, configurationPid = Settings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class Guard {
    /** Where a request's {@link Identity} is kept once known. */
    static final String IDENTITY = "id.rapor.http.identity";

    /**
     * What a request's credentials came to: the caller (null: none, or wrong), or why they were not
     * even checked; for a session, the session, and whether a change came without its CSRF token.
     */
    record Identity(Authenticator.Caller caller, FailedLogins.Block block, Sessions.Session session, boolean csrfMissing) {
        Identity(Authenticator.Caller caller, FailedLogins.Block block) {
            this(caller, block, null, false);
        }
    }

    /** Methods that change something: with a session, each needs its CSRF token. */
    private static final java.util.Set<String> CHANGING = java.util.Set.of("POST", "PUT", "DELETE", "PATCH");

    private final Authenticator authenticator;
    private final AuditTrail audit;
    private final FailedLogins failedLogins;
    private final RefusalAudit refusals;
    private final Sessions sessions;
    /** Failed logins counted for GET /metrics (bundle rapor-metrics), when it is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Meters meters;
    private final Accounts accounts;

    /**
     * The users of etc/users.properties ({@code rapor.users.file}); without that file nobody can authenticate. Where
     * nodes share a PostgreSQL, the users are its ({@link SharedUsers}), and nobody is known until they were read.
     */
    @Activate
    public Guard(BundleContext context, Settings settings, @Reference AuditTrail audit) {
        this(new Authenticator(sharesDatabase(context) ? CurrentUsers.awaitingShared() : new CurrentUsers(usersFile(context))),
                audit, Settings.Check.within("audit.refusals.per.minute", settings.audit_refusals_per_minute(), 1, 1_000_000, 20),
                Settings.Check.within("audit.refusals.total.per.minute", settings.audit_refusals_total_per_minute(), 1, 10_000_000, 200),
                Settings.Check.within("session.idle.seconds", settings.session_idle_seconds(), 5, 86_400, 1800));
    }

    /** etc/users.properties, as the launcher names it. */
    static UsersFile usersFile(BundleContext context) {
        String file = context.getProperty("rapor.users.file");
        return new UsersFile(Path.of(file != null ? file : "rapor-no-users-file"));
    }

    /** Nodes share the users where the records' database is PostgreSQL (etc/rapor.properties, RAPOR_DATABASE_URL). */
    static boolean sharesDatabase(BundleContext context) {
        return id.rapor.api.cluster.SharedDatabase.at(context.getProperty(id.rapor.api.cluster.SharedDatabase.URL_PROPERTY));
    }

    Guard(Authenticator authenticator, AuditTrail audit, int refusalsPerMinute, int refusalsTotalPerMinute, int sessionIdleSeconds) {
        this(authenticator, audit, new FailedLogins(System::currentTimeMillis),
                new RefusalAudit(audit, System::currentTimeMillis, refusalsPerMinute, refusalsTotalPerMinute),
                new Sessions(System::currentTimeMillis, sessionIdleSeconds * 1000L));
    }

    Guard(Authenticator authenticator, AuditTrail audit, FailedLogins failedLogins, RefusalAudit refusals) {
        this(authenticator, audit, failedLogins, refusals, new Sessions(System::currentTimeMillis, 1_800_000));
    }

    Guard(Authenticator authenticator, AuditTrail audit, FailedLogins failedLogins, RefusalAudit refusals, Sessions sessions) {
        this.authenticator = authenticator;
        this.audit = audit;
        this.failedLogins = failedLogins;
        this.refusals = refusals;
        this.sessions = sessions;
        this.accounts = new Accounts(authenticator.users(), sessions);
    }

    /**
     * The caller, who must have {@code role} (null: any user who logs in); a refusal (401, 403) is
     * audited before it is answered, at most so many a minute per address and in all one by one (see {@link RefusalAudit}).
     */
    public Authenticator.Caller require(HttpServletRequest request, String role, String action, String methodology, Integer revision)
            throws HttpProblem {
        Identity identity = identify(request);
        if (identity.block() != null) {
            // Not audited one by one: the failures that led here are.
            throw HttpProblem.temporary(429, "too-many-failed-logins",
                    Message.of("problem.too-many-failed-logins.detail", identity.block().reason(), identity.block().seconds()),
                    (int) identity.block().seconds());
        }
        if (identity.csrfMissing()) {
            HttpProblem p = HttpProblem.of(403, "csrf-token-missing", Message.of("problem.csrf-token-missing.detail", Sessions.CSRF_HEADER),
                    List.of(id.rapor.api.FieldError.of(Sessions.CSRF_HEADER, "header.csrf")));
            refusals.refused(entry(request, identity.session().user(), action, methodology, revision, 403,
                    "a change with the session of '" + identity.session().user() + "' came without its CSRF token"));
            throw p;
        }
        Authenticator.Caller caller = identity.caller();
        HttpProblem refusal = Authenticator.refusal(caller, role);
        if (refusal == null) {
            id.rapor.http.api.LogContext.user(caller.name());
            return caller;
        }
        // A 401 names the user that was tried (never the password): who is being guessed at matters.
        String tried = caller != null ? caller.name() : Authenticator.claimedName(request.getHeader("Authorization"));
        if (caller == null && tried != null) failedLogin();
        refusals.refused(entry(request, tried, action, methodology, revision, refusal.status(),
                caller == null && tried != null ? "the credentials of '" + tried + "' were refused (unknown user or wrong password)"
                        : refusal.detail()));
        throw refusal;
    }

    /**
     * Who the request's credentials say, checked once per request: HTTP Basic (see
     * {@link #identify(String, String)}) or, without an Authorization header, the session its cookie names.
     */
    Identity identify(HttpServletRequest request) {
        Identity known = (Identity) request.getAttribute(IDENTITY);
        if (known != null) return known;
        String authorization = request.getHeader("Authorization");
        String token = authorization == null ? sessionToken(request) : null;
        Identity identity = token != null ? bySession(request, token) : identify(Forwarding.client(request), authorization);
        request.setAttribute(IDENTITY, identity);
        return identity;
    }

    /** The session a cookie names: its caller, or nobody if it is over; a change without its CSRF token is refused later. */
    private Identity bySession(HttpServletRequest request, String token) {
        Sessions.Session session = sessions.use(token);
        Authenticator.Caller caller = session == null ? null : authenticator.stillValid(session);
        if (caller == null) {
            if (session != null) sessions.drop(session);
            return new Identity(null, failedLogins.blocked(Forwarding.client(request)));
        }
        boolean csrfMissing = CHANGING.contains(request.getMethod()) && !session.csrfMatches(request.getHeader(Sessions.CSRF_HEADER));
        return new Identity(csrfMissing ? null : caller, null, session, csrfMissing);
    }

    /** The value of the session cookie, or null. */
    public static String sessionToken(HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (jakarta.servlet.http.Cookie c : cookies) {
            if (Sessions.COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) return c.getValue();
        }
        return null;
    }

    private void failedLogin() {
        Meters m = meters;
        if (m != null) m.failedLogin();
    }

    /** A logged-in caller and their session. */
    public record Login(Authenticator.Caller caller, Sessions.Session session) {}

    /**
     * Logs {@code name} in with {@code password}: a new session. Counted and limited as a Basic
     * login is ({@link FailedLogins}: 429 once too many failed), a refusal (401) audited as one.
     */
    public Login login(HttpServletRequest request, String name, char[] password) throws HttpProblem {
        String address = Forwarding.client(request);
        FailedLogins.Block block = failedLogins.attempt(address, name);
        if (block != null) {
            throw HttpProblem.temporary(429, "too-many-failed-logins",
                    Message.of("problem.too-many-failed-logins.detail", block.reason(), block.seconds()), (int) block.seconds());
        }
        UsersFile.User user = authenticator.check(name, password);
        if (user == null) {
            failedLogin();
            refusals.refused(entry(request, name, "session.create", null, null, 401,
                    "the credentials of '" + name + "' were refused (unknown user or wrong password)"));
            throw HttpProblem.of(401, "unauthorized", Message.of("problem.unauthorized.detail.login"), List.of());
        }
        failedLogins.succeeded(address, name);
        Sessions.Session session = sessions.open(user.name(), user.passwordHash(), user.grants());
        record(request, user.name(), "session.create", null, null, 201, "logged in: a browser session began");
        return new Login(new Authenticator.Caller(user.name(), user.roles(), user.scopes()), session);
    }

    /** The request's session, if it is live and the request's credentials are it (not Basic); null otherwise. */
    public Sessions.Session session(HttpServletRequest request) {
        Identity identity = identify(request);
        return identity.caller() != null ? identity.session() : null;
    }

    /** Ends the request's session (its CSRF token checked by {@link #require} first); audited. */
    public void logout(HttpServletRequest request, Authenticator.Caller caller, Sessions.Session session) {
        if (sessions.close(session.token())) record(request, caller.name(), "session.delete", null, null, 204, "logged out");
    }

    /** The users this node goes by: where nodes share a PostgreSQL, {@link SharedUsers} makes them the table's. */
    public CurrentUsers users() {
        return authenticator.users() instanceof CurrentUsers current ? current : null;
    }

    /** The users, for the admin's users API: changes end the changed user's sessions. */
    public Accounts accounts() {
        return accounts;
    }

    /** Seconds a session lasts without a call. */
    public long sessionIdleSeconds() {
        return sessions.idleMillis() / 1000;
    }

    /**
     * Who {@code authorization} says, sent from {@code address}. The login counts as failed before
     * its password is checked (so logins arriving together cannot all slip under the limit while
     * each one's hash is computed), and is uncounted if the password was right; a login that
     * {@link FailedLogins} refuses is not checked at all (no hash is paid for it).
     */
    Identity identify(String address, String authorization) {
        if (authorization == null) return new Identity(null, failedLogins.blocked(address));
        String name = Authenticator.claimedName(authorization);
        FailedLogins.Block block = failedLogins.attempt(address, name);
        if (block != null) return new Identity(null, block);
        Authenticator.Caller caller = authenticator.identify(authorization); // one password check, or none if remembered
        if (caller != null) failedLogins.succeeded(address, name);
        return new Identity(caller, null);
    }

    /**
     * A caller whose role holds, but not for this unit (another office's data): 403, audited like
     * every refusal. Never a 404 that would tell whether the unit exists.
     */
    public HttpProblem outOfScope(HttpServletRequest request, Authenticator.Caller caller, String action, String unit) {
        HttpProblem p = HttpProblem.of(403, "forbidden",
                id.rapor.api.text.Message.of("problem.forbidden.detail.unit", caller.name(), unit),
                java.util.List.of(id.rapor.api.FieldError.of("unit", "records.unit.outOfScope")));
        refusals.refused(entry(request, caller.name(), action, null, null, 403, p.detail()));
        return p;
    }

    /** Records a change or its failure: always, one entry each. */
    public void record(HttpServletRequest request, String user, String action, String methodology, Integer revision, int status, String detail) {
        audit.record(entry(request, user, action, methodology, revision, status, detail));
    }

    /** The trail is about to be read: summaries of refusals counted in minutes now over go in first. */
    public void settle() {
        refusals.settle();
    }

    @Deactivate
    void close() {
        refusals.close(); // refusals counted but not yet summarised go into the trail
    }

    private static AuditEntry entry(HttpServletRequest request, String user, String action, String methodology, Integer revision,
            int status, String detail) {
        return new AuditEntry(Instant.now(), user, Forwarding.client(request), (String) request.getAttribute(RequestIds.HEADER),
                action, methodology, revision, status, detail);
    }
}
