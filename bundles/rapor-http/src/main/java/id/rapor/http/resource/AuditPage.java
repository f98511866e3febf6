package id.rapor.http.resource;

import id.rapor.api.FieldError;
import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A page of an audit trail, newest first: {@code limit} entries older than {@code before} (the
 * id of the last entry of the page before). The Link rel="next" header gives the whole address
 * of the next page, and is absent on the last page.
 */
record AuditPage(int limit, Long before) {
    /** Entries a page holds unless {@code limit} says otherwise, and at most. */
    static final int DEFAULT = 100;
    static final int MAX = 1000;

    static AuditPage of(HttpServletRequest request) throws HttpProblem {
        int limit = (int) number(request, "limit", DEFAULT, 1, MAX);
        Long before = request.getParameter("before") == null ? null : number(request, "before", 0, 0, Long.MAX_VALUE);
        return new AuditPage(limit, before);
    }

    /** How many entries to ask the trail for: one more than the page, to know whether another follows. */
    int fetch() {
        return limit + 1;
    }

    /**
     * The page's entries out of what {@link #fetch()} brought, with the Link to the next page
     * when there is one. {@code path} is the trail's address; {@code filter} its other query
     * parameters (name, value; a null value is left out).
     */
    <T> List<T> entries(List<T> fetched, ToLongFunction<T> id, HttpServletResponse response, String path, String... filter) {
        List<T> entries = fetched.subList(0, Math.min(limit, fetched.size()));
        if (fetched.size() > limit) {
            StringBuilder next = new StringBuilder(path).append("?limit=").append(limit)
                    .append("&before=").append(id.applyAsLong(entries.get(limit - 1)));
            for (int i = 0; i + 1 < filter.length; i += 2) {
                if (filter[i + 1] != null) {
                    next.append('&').append(filter[i]).append('=').append(URLEncoder.encode(filter[i + 1], StandardCharsets.UTF_8));
                }
            }
            response.setHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        return entries;
    }

    /** A whole-number query parameter within bounds, or a 400 naming it. */
    private static long number(HttpServletRequest request, String name, long fallback, long min, long max) throws HttpProblem {
        String text = request.getParameter(name);
        if (text == null) return fallback;
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // said below
        }
        throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                List.of(FieldError.of(name, name.equals("before") ? "query.before" : "query.whole", min, max, text)));
    }
}
