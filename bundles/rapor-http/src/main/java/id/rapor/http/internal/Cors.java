package id.rapor.http.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for browser integrations: off unless origins are configured
 * ({@code http.cors.origins} in etc/rapor.properties: a comma-separated list, or *).
 */
final class Cors {
    private final Set<String> origins;
    private final boolean any;

    Cors(String configured) {
        this.origins = configured == null ? Set.of()
                : Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.any = origins.contains("*");
    }

    boolean enabled() { return !origins.isEmpty(); }

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
