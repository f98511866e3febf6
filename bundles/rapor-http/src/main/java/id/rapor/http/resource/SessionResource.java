package id.rapor.http.resource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import id.rapor.api.FieldError;
import id.rapor.api.text.Message;
import id.rapor.http.api.RequestBody;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.auth.Guard;
import id.rapor.http.auth.Sessions;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The browser's login: {@code POST /session} (name and password) begins a session, an HttpOnly,
 * SameSite=Strict cookie, and answers the caller with the session's CSRF token; {@code GET
 * /session} says who is logged in (and the token again, for a page that was reloaded);
 * {@code DELETE /session} logs out. See {@link Sessions}.
 */
public final class SessionResource {
    private final Guard guard;
    private final JsonFactory json;
    private final JsonResponses out;

    public SessionResource(Guard guard, JsonFactory json, JsonResponses out) {
        this.guard = guard;
        this.json = json;
        this.out = out;
    }

    /** POST /session */
    public void login(Routes.Exchange x) throws IOException, HttpProblem {
        char[][] credentials = credentials(x.body(RequestBody.JSON));
        Guard.Login login = guard.login(x.request(), new String(credentials[0]), credentials[1]);
        java.util.Arrays.fill(credentials[1], '\0');
        x.response().addHeader("Set-Cookie", cookie(x.request(), login.session().token(), false));
        describe(x.response(), 201, login.caller(), login.session());
    }

    /** GET /session */
    public void session(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = guard.require(x.request(), null, "session.read", null, null);
        Sessions.Session session = guard.session(x.request());
        if (session == null) throw noSession();
        describe(x.response(), 200, caller, session);
    }

    /** DELETE /session */
    public void logout(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = guard.require(x.request(), null, "session.delete", null, null);
        Sessions.Session session = guard.session(x.request());
        if (session == null) throw noSession();
        guard.logout(x.request(), caller, session);
        x.response().addHeader("Set-Cookie", cookie(x.request(), "", true));
        x.response().setStatus(204);
    }

    private static HttpProblem noSession() {
        return HttpProblem.of(401, "no-session", Message.of("problem.no-session.detail"), List.of());
    }

    /** The session cookie: only for this server's pages and requests it starts itself, never for a script; Secure over https. */
    static String cookie(HttpServletRequest request, String token, boolean clear) {
        return Sessions.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (clear ? "; Max-Age=0" : "")
                + (request.isSecure() ? "; Secure" : "");
    }

    private void describe(HttpServletResponse response, int status, Authenticator.Caller caller, Sessions.Session session)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        out.send(response, status, g -> view(g, caller, session.csrf(), guard.sessionIdleSeconds()));
    }

    /** {"user": "ani", "roles": ["unit-admin"], "scopes": {"unit-admin": ["dinas-a"]}, "csrfToken": "…", "idleSeconds": 1800} */
    static void view(JsonGenerator g, Authenticator.Caller caller, String csrf, long idleSeconds) throws IOException {
        g.writeStartObject();
        g.writeStringField("user", caller.name());
        g.writeArrayFieldStart("roles");
        for (String role : new TreeSet<>(caller.roles())) g.writeString(role);
        g.writeEndArray();
        g.writeObjectFieldStart("scopes");
        for (String role : new TreeSet<>(caller.scopes().keySet())) {
            g.writeArrayFieldStart(role);
            for (String unit : new TreeSet<>(caller.scopes().get(role))) g.writeString(unit);
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeStringField("csrfToken", csrf);
        g.writeNumberField("idleSeconds", idleSeconds);
        g.writeEndObject();
    }

    /** {"user": "…", "password": "…"}: both strings, nothing else. */
    private char[][] credentials(java.io.InputStream body) throws IOException, HttpProblem {
        try (JsonParser p = json.createParser(body)) {
            AssessmentReader.start(p);
            String user = null, password = null;
            List<FieldError> errors = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "user" -> user = AssessmentReader.string(p, v, "user", errors);
                    case "password" -> password = AssessmentReader.string(p, v, "password", errors);
                    default -> AssessmentReader.unknown(p, field, Message.literal("user, password"), errors);
                }
            }
            AssessmentReader.end(p);
            if (!errors.isEmpty()) throw AssessmentReader.typeProblem(errors);
            List<FieldError> missing = new ArrayList<>();
            if (user == null || user.isBlank()) missing.add(FieldError.of("user", "session.user.missing"));
            if (password == null || password.isEmpty()) missing.add(FieldError.of("password", "session.password.missing"));
            if (!missing.isEmpty()) throw HttpProblem.of(422, "invalid-login", Message.of("problem.invalid-login.detail"), missing);
            return new char[][] {user.trim().toCharArray(), password.toCharArray()};
        } catch (JsonParseException e) {
            throw AssessmentReader.malformed(e);
        } catch (StreamConstraintsException e) {
            throw AssessmentReader.malformed(e);
        }
    }
}
