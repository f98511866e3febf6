package id.rapor.web.serve;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the web application at {@code /} in Rapor's servlet context (beside the API at
 * {@code /api/v1/}, whose more specific pattern wins): static files only, every answer with
 * the headers of {@link #secure}. The pages hold no data; their scripts fetch it from the public
 * API with the user's session, as any integrator could.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=rapor-web",
        // Rapor's context (id.rapor.http's SecurityHook, at /): the API and the pages share one origin, and the session cookie.
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=rapor)"
})
public final class WebServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /**
     * Only this server's scripts and styles, no inline script or style, no eval, no plugins, no
     * framing, forms and fetches to this origin only: an injected tag has nothing to run.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final transient WebFiles files = new WebFiles(WebServlet.class.getClassLoader());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        secure(response);
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, 405, "Method not allowed: the web application's files are read with GET.");
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        WebFiles.File file = files.find(path);
        if (file == null) {
            plain(response, 404, "Not found: " + path + " (the application is at /, the API at /api/v1/)");
            return;
        }
        response.setHeader("ETag", file.etag());
        // A WebJar's path names its version: it never changes. The application's own files are checked each time.
        response.setHeader("Cache-Control", file.versioned() ? "public, max-age=31536000, immutable" : "no-cache");
        if (file.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setStatus(200);
        response.setContentType(file.type());
        response.setContentLength(file.bytes().length);
        if (method.equals("GET")) response.getOutputStream().write(file.bytes());
    }

    /** The headers of every answer, a page or not. */
    static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
