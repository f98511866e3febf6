package id.rapor.http.json;

import id.rapor.http.api.RequestIds;

import id.rapor.api.text.Language;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes answers: JSON bodies with the streaming generator, and problems as application/problem+json. */
public final class JsonResponses {
    static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private final JsonFactory json;

    public JsonResponses(JsonFactory json) {
        this.json = json;
    }

    public void send(HttpServletResponse response, int status, Body body) throws IOException {
        response.setStatus(status);
        response.setContentType(JSON);
        response.setCharacterEncoding("UTF-8");
        write(response, body);
    }

    /** JSON already serialised (the OpenAPI document). */
    public static void sendBytes(HttpServletResponse response, byte[] json) throws IOException {
        response.setContentType(JSON);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    public void problem(HttpServletRequest request, HttpServletResponse response, HttpProblem p, String requestId) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setHeader(RequestIds.HEADER, requestId);
        response.setStatus(p.status());
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        if (p.allow() != null) response.setHeader("Allow", p.allow());
        if (p.retryAfterSeconds() > 0) response.setHeader("Retry-After", Integer.toString(p.retryAfterSeconds()));
        // The challenge makes a browser ask for a password in a dialog of its own: not for a page's script (the web app logs in with a session).
        if (p.status() == 401 && request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Rapor\", charset=\"UTF-8\"");
        }
        Language language = Audience.language(request);
        response.setHeader("Content-Language", language.tag());
        write(response, g -> JsonViews.problem(g, p, request.getRequestURI(), language));
    }

    private void write(HttpServletResponse response, Body body) throws IOException {
        try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
            body.write(g);
        }
    }
}
