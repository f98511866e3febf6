package id.rapor.http.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * Rapor's servlet context and its security hook: the Servlet Whiteboard calls
 * {@link #handleSecurity} before the API servlet sees a request, and there the credentials a
 * request carries are checked (once; see {@link Guard#identify}). What a caller may do is the
 * resources' to decide: most of the API is open, and a protected call asks the {@link Guard}
 * for a role. A request without credentials passes at the cost of one header lookup.
 */
@Component(service = ServletContextHelper.class, property = {
        "osgi.http.whiteboard.context.name=" + SecurityHook.CONTEXT,
        "osgi.http.whiteboard.context.path=/"
})
public final class SecurityHook extends ServletContextHelper {
    public static final String CONTEXT = "rapor";

    private final Guard guard;

    @Activate
    public SecurityHook(@Reference Guard guard) {
        super(bundle());
        this.guard = guard;
    }

    private static Bundle bundle() {
        return FrameworkUtil.getBundle(SecurityHook.class);
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader("Authorization") != null) guard.identify(request);
        return true;
    }
}
