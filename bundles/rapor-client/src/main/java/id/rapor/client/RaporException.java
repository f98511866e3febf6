package id.rapor.client;

import java.util.List;

/**
 * Rapor refused a request, with its problem details (status, type, title, detail and each
 * field that was wrong), or could not be reached ({@link #status()} 0). {@link #getMessage()}
 * reads as a sentence followed by one "field: message" line per field error.
 */
public class RaporException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final transient List<Types.FieldError> errors;
    private final String instance;
    private final String requestId;

    public RaporException(int status, String type, String title, String detail, List<Types.FieldError> errors,
                          String instance, String requestId, Throwable cause) {
        super(message(status, title, detail, errors), cause);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.instance = instance;
        this.requestId = requestId;
    }

    private static String message(int status, String title, String detail, List<Types.FieldError> errors) {
        StringBuilder s = new StringBuilder();
        if (status != 0) s.append(status);
        if (title != null) s.append(s.length() > 0 ? " " : "").append(title);
        if (detail != null) s.append(s.length() > 0 ? ": " : "").append(detail);
        if (errors != null) for (Types.FieldError e : errors) s.append("\n  ").append(e.field()).append(": ").append(e.message());
        return s.toString();
    }

    /** The HTTP status, or 0 when no answer came (connection refused, timeout). */
    public int status() { return status; }

    /** The problem type, e.g. {@code urn:rapor:problem:invalid-assessment}; null when the answer had none. */
    public String type() { return type; }

    public String title() { return title; }

    public String detail() { return detail; }

    /** Each field that was wrong and why; empty when the refusal is not about fields. */
    public List<Types.FieldError> errors() { return errors; }

    /** The path the problem occurred at, as the server reports it. */
    public String instance() { return instance; }

    /** The answer's X-Request-Id, under which the server logged the refusal; null when no answer came. */
    public String requestId() { return requestId; }
}
