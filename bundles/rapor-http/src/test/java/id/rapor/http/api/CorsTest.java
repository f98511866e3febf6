package id.rapor.http.api;

import id.rapor.http.json.HttpProblem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class CorsTest {
    /** A request with this method and these headers, scheme http: all the check looks at. */
    private static HttpServletRequest request(String method, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(CorsTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getScheme" -> "http";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aChangeFromAForeignOriginIsRefused() {
        Cors off = new Cors(null);
        HttpProblem p = off.crossSiteRefusal(request("POST", Map.of("Origin", "https://evil.example", "Host", "rapor:8080")));
        assertEquals(403, p.status());
        assertEquals("Origin", p.errors().get(0).field());
        assertEquals(403, off.crossSiteRefusal(request("DELETE", Map.of("Origin", "null", "Host", "rapor:8080"))).status());
    }

    @Test
    void withoutOriginOrFromThisServerOrJustReadingItGoesAhead() {
        Cors off = new Cors(null);
        assertNull(off.crossSiteRefusal(request("POST", Map.of("Host", "rapor:8080"))), "curl, the client, the CLI");
        assertNull(off.crossSiteRefusal(request("POST", Map.of("Origin", "http://rapor:8080", "Host", "rapor:8080"))), "same origin");
        assertNull(off.crossSiteRefusal(request("GET", Map.of("Origin", "https://evil.example", "Host", "rapor:8080"))), "reading");
    }

    @Test
    void theOriginsCorsAllowsMayChangeThings() {
        Cors some = new Cors("https://dashboard.example.go.id, https://other.example");
        assertNull(some.crossSiteRefusal(request("POST", Map.of("Origin", "https://dashboard.example.go.id", "Host", "rapor:8080"))));
        assertEquals(403, some.crossSiteRefusal(request("POST", Map.of("Origin", "https://evil.example", "Host", "rapor:8080"))).status());
        assertNull(new Cors("*").crossSiteRefusal(request("POST", Map.of("Origin", "https://evil.example", "Host", "rapor:8080"))));
    }
}
