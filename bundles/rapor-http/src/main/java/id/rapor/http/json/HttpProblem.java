package id.rapor.http.json;

import id.rapor.api.FieldError;
import java.util.List;

/**
 * An error answer in RFC 9457 form ({@code application/problem+json}): a stable type, a
 * title, the status, a detail for this occurrence and, where the request was at fault, each
 * field that was wrong and what was expected there.
 */
public final class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;
    static final String TYPE_PREFIX = "urn:rapor:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldError> errors;
    private final String allow;
    private final int retryAfterSeconds;

    private HttpProblem(int status, String type, String title, String detail, List<FieldError> errors, String allow) {
        this(status, type, title, detail, errors, allow, 0);
    }

    private HttpProblem(int status, String type, String title, String detail, List<FieldError> errors, String allow,
            int retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = TYPE_PREFIX + type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.allow = allow;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static HttpProblem of(int status, String type, String title, String detail, List<FieldError> errors) {
        return new HttpProblem(status, type, title, detail, errors, null);
    }

    /** A temporary refusal: the client should try again after {@code seconds} (the Retry-After header). */
    public static HttpProblem temporary(int status, String type, String title, String detail, int seconds) {
        return new HttpProblem(status, type, title, detail, List.of(), null, seconds);
    }

    public static HttpProblem malformed(String field, String message) {
        return of(400, "malformed-request", "Malformed request", "The request body is not the JSON this endpoint expects.",
                List.of(new FieldError(field, message)));
    }

    public static HttpProblem notFound(String detail) {
        return of(404, "not-found", "Not found", detail, List.of());
    }

    public static HttpProblem methodNotAllowed(String method, String allow) {
        return new HttpProblem(405, "method-not-allowed", "Method not allowed",
                method + " is not allowed here; allowed: " + allow, List.of(), allow);
    }

    public int status() { return status; }
    public String type() { return type; }
    String title() { return title; }
    public String detail() { return getMessage(); }
    public List<FieldError> errors() { return errors; }
    /** The Allow header of a 405, else null. */
    public String allow() { return allow; }
    /** Seconds for the Retry-After header of a temporary refusal, else 0. */
    int retryAfterSeconds() { return retryAfterSeconds; }
}
