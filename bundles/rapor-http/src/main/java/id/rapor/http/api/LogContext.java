package id.rapor.http.api;

import java.util.Map;
import org.slf4j.MDC;

/**
 * What the log's lines say about the request they were written for (the MDC, which the JSON
 * log prints: {@code log.format=json}): its request id, the user once authenticated, the
 * methodology its path names. Cleared when the request is answered, so a pooled thread carries nothing over.
 */
public final class LogContext {
    static final String REQUEST_ID = "requestId";
    static final String USER = "user";
    static final String METHODOLOGY = "methodology";

    private LogContext() {}

    static void begin(String requestId) {
        MDC.put(REQUEST_ID, requestId);
    }

    /** The authenticated caller. */
    public static void user(String name) {
        MDC.put(USER, name);
    }

    /** The methodology of routes under /methodologies/{id}. */
    static void methodology(String template, Map<String, String> path) {
        if (template.startsWith("/methodologies/{id}")) {
            String id = path.get("id");
            if (id != null) MDC.put(METHODOLOGY, id);
        }
    }

    static void end() {
        MDC.remove(REQUEST_ID);
        MDC.remove(USER);
        MDC.remove(METHODOLOGY);
    }
}
