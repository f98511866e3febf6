package id.rapor.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /metrics} on the API's port, outside /api/v1 (it is no part of the API's contract):
 * 404 while access is off, 401 without the bearer token when access is token.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=rapor-metrics",
        // Rapor's context, beside the API and the web application (whose "/" would otherwise answer /metrics).
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=rapor)"
})
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    @Reference
    private transient Scrape figures;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Access access = figures.access();
        response.setHeader("Cache-Control", "no-store");
        if (!access.counting()) {
            response.sendError(404);
            return;
        }
        if (!access.admits(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"rapor-metrics\"");
            response.sendError(401);
            return;
        }
        response.setContentType(writer.getContentType());
        try (OutputStream out = response.getOutputStream()) {
            writer.write(out, figures.snapshot());
        }
    }
}
