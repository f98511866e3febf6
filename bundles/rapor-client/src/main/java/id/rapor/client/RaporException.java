package id.rapor.client;

import java.util.List;

/**
 * The server refused a request (its problem details are here: status, type, title, detail and
 * each field that was wrong), or it could not be reached ({@code status} 0).
 */
public class RaporException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final transient List<Types.FieldError> errors;

    public RaporException(int status, String type, String title, String detail, List<Types.FieldError> errors, Throwable cause) {
        super(message(status, title, detail, errors), cause);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    private static String message(int status, String title, String detail, List<Types.FieldError> errors) {
        StringBuilder s = new StringBuilder();
        s.append(status == 0 ? "" : status + " ").append(title == null ? "" : title);
        if (detail != null) s.append(s.length() > 0 ? ": " : "").append(detail);
        if (errors != null) for (Types.FieldError e : errors) s.append("\n  ").append(e.field()).append(": ").append(e.message());
        return s.toString();
    }

    /** The HTTP status, or 0 when no answer came (connection refused, timeout). */
    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public String detail() { return detail; }
    public List<Types.FieldError> errors() { return errors; }
}
