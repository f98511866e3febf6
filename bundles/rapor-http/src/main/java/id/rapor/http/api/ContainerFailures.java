package id.rapor.http.api;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;

/**
 * What Jetty's own failures mean for the client. Jetty reports a body arriving too slowly
 * (below the minimum data rate) as an HttpException with status 408, a query string that is
 * not valid percent-encoded UTF-8 as one with status 400, and a body that stopped arriving
 * until the idle timeout as a TimeoutException; the rest of Rapor need not know those types.
 */
public final class ContainerFailures {
    private ContainerFailures() {}

    /** The 4xx status Jetty meant by {@code failure} (or one of its causes), or 0 if it is no client error. */
    static int clientStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) return h.getCode();
            if (t instanceof TimeoutException) return 408;
            if (t.getCause() == t) break;
        }
        return 0;
    }
}
