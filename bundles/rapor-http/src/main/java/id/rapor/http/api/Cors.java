package id.rapor.http.api;

import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;

import id.rapor.api.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for browser integrations: off unless origins are configured
 * ({@code http.cors.origins} in etc/rapor.properties: a comma-separated list, or *). A call that
 * changes something (POST, PUT, DELETE, PATCH) from a page of any other origin is refused (403):
 * a browser sends some of those without asking first, with the Basic credentials it remembers.
 * Calls without an Origin header (curl, the Java client, the CLI) are not affected.
 */
public final class Cors {
    private final Set<String> origins;
    private final boolean any;

    Cors(String configured) {
        this.origins = configured == null ? Set.of()
                : Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.any = origins.contains("*");
    }

    boolean enabled() { return !origins.isEmpty(); }

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

    /** The 403 for a call that changes something from a page of a foreign origin, or null if it may go ahead. */
    HttpProblem crossSiteRefusal(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || !CHANGING.contains(request.getMethod())) return null;
        if (any || origins.contains(origin) || origin.equalsIgnoreCase(own(request))) return null;
        return HttpProblem.of(403, "cross-origin-refused", Message.of("problem.cross-origin-refused.detail"),
                List.of(FieldError.of("Origin", "header.origin")));
    }

    /** This server's origin as the browser named it: a page it served itself is not foreign. */
    private static String own(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host == null ? "" : request.getScheme() + "://" + host;
    }

    /** Adds the CORS headers an allowed origin needs; true if this was a preflight, already answered. */
    boolean apply(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null || !enabled() || !(any || origins.contains(origin))) return false;
        response.setHeader("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) response.addHeader("Vary", "Origin");
        response.setHeader("Access-Control-Expose-Headers", RequestIds.HEADER);
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type, " + RequestIds.HEADER);
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(204);
            return true;
        }
        return false;
    }
}
