package id.rapor.http.json;

import id.rapor.api.FieldError;
import id.rapor.api.text.Message;
import java.util.List;

/**
 * An error answer in RFC 9457 form ({@code application/problem+json}): a stable type, a
 * title, the status, a detail for this occurrence and, where the request was at fault, each
 * field that was wrong and what was expected there. Title, detail and messages are catalog
 * messages, said in the reader's language when the answer is written.
 */
public final class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;
    static final String TYPE_PREFIX = "urn:rapor:problem:";

    private final int status;
    private final String type;
    private final Message title;
    private final Message detail;
    private final transient List<FieldError> errors;
    private final String allow;
    private final int retryAfterSeconds;

    private HttpProblem(int status, String type, Message title, Message detail, List<FieldError> errors, String allow,
            int retryAfterSeconds) {
        super(detail.toString(), null, false, false);
        this.status = status;
        this.type = TYPE_PREFIX + type;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.allow = allow;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A problem whose title is its type's ({@code problem.<type>} in the catalog). */
    public static HttpProblem of(int status, String type, Message detail, List<FieldError> errors) {
        return new HttpProblem(status, type, Message.of("problem." + type), detail, errors, null, 0);
    }

    /** A problem with a title of its own (one type, several occasions). */
    public static HttpProblem of(int status, String type, Message title, Message detail, List<FieldError> errors) {
        return new HttpProblem(status, type, title, detail, errors, null, 0);
    }

    /** A temporary refusal: the client should try again after {@code seconds} (the Retry-After header). */
    public static HttpProblem temporary(int status, String type, Message detail, int seconds) {
        return new HttpProblem(status, type, Message.of("problem." + type), detail, List.of(), null, seconds);
    }

    public static HttpProblem malformed(String field, Message message) {
        return of(400, "malformed-request", Message.of("problem.malformed-request.detail.body"), List.of(new FieldError(field, message)));
    }

    public static HttpProblem notFound(Message detail) {
        return of(404, "not-found", detail, List.of());
    }

    public static HttpProblem methodNotAllowed(String method, String allow) {
        return new HttpProblem(405, "method-not-allowed", Message.of("problem.method-not-allowed"),
                Message.of("problem.method-not-allowed.detail", method, allow), List.of(), allow, 0);
    }

    public int status() { return status; }
    public String type() { return type; }
    Message title() { return title; }
    /** In English, for logs and the audit trail. */
    public String detail() { return getMessage(); }
    /** The detail, to be said in the reader's language. */
    Message detailText() { return detail; }
    public List<FieldError> errors() { return errors; }
    /** The Allow header of a 405, else null. */
    public String allow() { return allow; }
    /** Seconds for the Retry-After header of a temporary refusal, else 0. */
    int retryAfterSeconds() { return retryAfterSeconds; }
}
