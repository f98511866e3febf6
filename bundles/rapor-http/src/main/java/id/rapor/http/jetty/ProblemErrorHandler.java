package id.rapor.http.jetty;

import id.rapor.http.json.HttpProblem;
import id.rapor.api.text.Language;
import id.rapor.api.text.Message;
import id.rapor.http.json.JsonViews;
import id.rapor.http.api.LogSafe;
import id.rapor.http.api.RequestIds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own error answers, as problem+json like every other: requests Jetty refuses before
 * they reach the API (a malformed or ambiguous path, bad percent-encoding or UTF-8, headers too
 * large, an unknown HTTP version) and failures that escape a servlet. Jetty's page names the
 * exception; this says what was wrong with the request, or for a 5xx only that it failed.
 */
public final class ProblemErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorHandler.class);
    /** Jetty's reasons for a 4xx ("Ambiguous URI path segment") are worth passing on; anything like a class name is not. */
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,.:'()/-]{1,100}");

    private final JsonFactory json = new JsonFactory();

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // every refusal says why, whatever the method
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        String requestId = RequestIds.of(request.getHeaders().get(RequestIds.HEADER));
        HttpProblem p = problem(code, message);
        Language language = Language.negotiate(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        if (code == 500) {
            LOG.error("[{}] {} {} failed in the container", LogSafe.of(requestId), LogSafe.of(request.getMethod()),
                    LogSafe.of(request.getHttpURI().getPath()), cause == null ? null : LogSafe.failure(cause));
        } else {
            LOG.info("[{}] {} {} {}: {}", LogSafe.of(requestId), LogSafe.of(request.getMethod()), LogSafe.of(request.getHttpURI().getPath()),
                    code, LogSafe.of(message));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        try (JsonGenerator g = json.createGenerator(body)) {
            JsonViews.problem(g, p, instance(request), language);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json;charset=utf-8");
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, language.tag());
        response.write(true, ByteBuffer.wrap(body.toByteArray()), callback);
    }

    public static HttpProblem problem(int code, String message) {
        // Jetty's own reason is passed on as it wrote it (in English): it names what was wrong.
        String reason = code < 500 && message != null && PLAIN_REASON.matcher(message).matches() && !message.contains("Exception")
                && !message.equals(HttpStatus.getMessage(code)) ? ": " + message : "";
        return switch (code) {
            case 400 -> HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.line", reason), List.of());
            case 404 -> HttpProblem.notFound(Message.of("problem.not-found.detail"));
            case 408 -> HttpProblem.of(408, "request-timeout", Message.of("problem.request-timeout.detail"), List.of());
            case 413 -> HttpProblem.of(413, "body-too-large", Message.of("problem.body-too-large.request"),
                    Message.of("problem.body-too-large.detail.request"), List.of());
            case 414 -> HttpProblem.of(414, "uri-too-long", Message.of("problem.uri-too-long.detail"), List.of());
            case 431 -> HttpProblem.of(431, "headers-too-large", Message.of("problem.headers-too-large.detail"), List.of());
            case 505 -> HttpProblem.of(505, "http-version-not-supported", Message.of("problem.http-version-not-supported.detail"), List.of());
            default -> code >= 500
                    ? HttpProblem.of(code, "internal-error", Message.of("problem.internal-error.detail"), List.of())
                    : HttpProblem.of(code, "http-" + code, Message.literal(nonNull(HttpStatus.getMessage(code))),
                            Message.literal(nonNull(HttpStatus.getMessage(code)) + reason + "."), List.of());
        };
    }

    /**
     * The path if it is plain text: Jetty may be refusing it precisely because it is not. A path
     * Jetty could not parse at all it names /badURI or /badMessage; that is no path of the request.
     */
    private static String instance(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        boolean plain = path != null && path.length() <= 200 && path.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        return plain && !path.equals("/badURI") && !path.equals("/badMessage") ? path : "/";
    }

    private static String nonNull(String s) {
        return s == null ? "Error" : s;
    }
}
