package id.rapor.http.internal;

import id.rapor.api.FieldError;
import java.util.List;

/**
 * An error answer in RFC 9457 form ({@code application/problem+json}): a stable type, a
 * title, the status, a detail for this occurrence and, where the request was at fault, each
 * field that was wrong and what was expected there.
 */
final class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;
    static final String TYPE_PREFIX = "urn:rapor:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldError> errors;
    private final String allow;

    private HttpProblem(int status, String type, String title, String detail, List<FieldError> errors, String allow) {
        super(detail, null, false, false);
        this.status = status;
        this.type = TYPE_PREFIX + type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.allow = allow;
    }

    static HttpProblem of(int status, String type, String title, String detail, List<FieldError> errors) {
        return new HttpProblem(status, type, title, detail, errors, null);
    }

    static HttpProblem malformed(String field, String message) {
        return of(400, "malformed-request", "Malformed request", "The request body is not the JSON this endpoint expects.",
                List.of(new FieldError(field, message)));
    }

    static HttpProblem notFound(String detail) {
        return of(404, "not-found", "Not found", detail, List.of());
    }

    static HttpProblem methodNotAllowed(String method, String allow) {
        return new HttpProblem(405, "method-not-allowed", "Method not allowed",
                method + " is not allowed here; allowed: " + allow, List.of(), allow);
    }

    int status() { return status; }
    String type() { return type; }
    String title() { return title; }
    String detail() { return getMessage(); }
    List<FieldError> errors() { return errors; }
    /** The Allow header of a 405, else null. */
    String allow() { return allow; }
}
