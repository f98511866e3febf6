package id.rapor.http.api;

import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's routes as a table: a method, a path pattern ({@code /methodologies/{id}/score},
 * each {@code {name}} one path segment) and what answers it. A path no pattern matches is a 404;
 * a path some pattern matches, with a method none allows, is a 405 naming the methods that are
 * (HEAD wherever GET is).
 */
public final class Routes {
    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange x) throws IOException, HttpProblem;
    }

    /**
     * A request being answered, with the values of its path pattern's {@code {name}} segments, and
     * the most bytes its body may have.
     */
    public record Exchange(HttpServletRequest request, HttpServletResponse response, Map<String, String> path, long maxBodyBytes) {
        public String path(String name) {
            return path.get(name);
        }

        /** The request's body, if sent as one of {@code accepted}, read up to {@link #maxBodyBytes} (see {@link RequestBody}). */
        public InputStream body(String... accepted) throws IOException, HttpProblem {
            return RequestBody.open(request, maxBodyBytes, accepted);
        }

        /** The request's body, if sent as one of {@code accepted}, read up to {@code maxBytes}: a call with a limit of its own (an import). */
        public InputStream body(long maxBytes, String... accepted) throws IOException, HttpProblem {
            return RequestBody.open(request, maxBytes, accepted);
        }

        /** The body of any media type, not limited by {@link #maxBodyBytes}: the caller reads it under its own limit. */
        public InputStream stream() throws IOException {
            return RequestBody.stream(request);
        }
    }

    private record Route(String method, String template, String[] pattern, Handler handler) {}

    /** The request attribute naming the route template that answered ({@code /methodologies/{id}/score}): metrics count by it. */
    static final String ROUTE = "id.rapor.http.route";

    private final List<Route> routes = new ArrayList<>();
    private final long maxBodyBytes;

    /** @param maxBodyBytes the most bytes a request body may have (body.max.bytes) */
    Routes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    Routes add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, split(pattern), handler));
        return this;
    }

    /** Answers the request for {@code path} (the part after the API's prefix, starting with '/'). */
    void dispatch(HttpServletRequest request, HttpServletResponse response, String path) throws IOException, HttpProblem {
        String[] segments = split(path);
        String method = request.getMethod();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Map<String, String> values = match(r.pattern(), segments);
            if (values == null) continue;
            if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
                request.setAttribute(ROUTE, r.template());
                LogContext.methodology(r.template(), values);
                r.handler().handle(new Exchange(request, response, values, maxBodyBytes));
                return;
            }
            allowed.add(r.method());
            if (r.method().equals("GET")) allowed.add("HEAD");
        }
        if (allowed.isEmpty()) throw HttpProblem.notFound(Message.of("problem.not-found.detail.path", "/api/v1" + path));
        throw HttpProblem.methodNotAllowed(method, String.join(", ", allowed));
    }

    /** The values of the pattern's {@code {name}} segments, or null if the path does not match it. */
    private static Map<String, String> match(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) return null;
        Map<String, String> values = new LinkedHashMap<>();
        for (int k = 0; k < pattern.length; k++) {
            String p = pattern[k];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (segments[k].isEmpty()) return null;
                values.put(p.substring(1, p.length() - 1), segments[k]);
            } else if (!p.equals(segments[k])) {
                return null;
            }
        }
        return values;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.split("/", -1);
    }
}
