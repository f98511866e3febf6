package id.rapor.http.api;

import id.rapor.http.json.HttpProblem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route table: patterns, path values, 404 and 405 with the methods that are allowed. */
public class RoutesTest {
    private final List<String> called = new ArrayList<>();
    private final Routes routes = new Routes(RequestBody.DEFAULT_MAX_BYTES)
            .add("GET", "/methodologies", x -> called.add("list"))
            .add("GET", "/methodologies/{id}", x -> called.add("get " + x.path("id")))
            .add("POST", "/methodologies/{id}/score", x -> called.add("score " + x.path("id")))
            .add("GET", "/methodologies/{id}/revisions/{a}/diff/{b}", x -> called.add("diff " + x.path("a") + ".." + x.path("b")));

    /** A request that answers only its method: all the table reads. */
    private static HttpServletRequest request(String method) {
        return (HttpServletRequest) Proxy.newProxyInstance(RoutesTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> m.getName().equals("getMethod") ? method : null);
    }

    @Test
    void aPathIsAnsweredByItsPatternWithItsValues() throws Exception {
        routes.dispatch(request("GET"), null, "/methodologies");
        routes.dispatch(request("GET"), null, "/methodologies/pekppp-2022");
        routes.dispatch(request("HEAD"), null, "/methodologies/skm-2017");
        routes.dispatch(request("POST"), null, "/methodologies/pekppp-2022/score");
        routes.dispatch(request("GET"), null, "/methodologies/pekppp-2022/revisions/0/diff/3");
        assertEquals(List.of("list", "get pekppp-2022", "get skm-2017", "score pekppp-2022", "diff 0..3"), called);
    }

    @Test
    void anUnknownPathIs404AndAWrongMethod405NamingTheAllowedOnes() {
        HttpProblem missing = assertThrows(HttpProblem.class, () -> routes.dispatch(request("GET"), null, "/methodologies/x/nothing"));
        assertEquals(404, missing.status());
        assertThrows(HttpProblem.class, () -> routes.dispatch(request("GET"), null, "/methodologies//score"), "an empty value matches nothing");
        HttpProblem wrong = assertThrows(HttpProblem.class, () -> routes.dispatch(request("GET"), null, "/methodologies/x/score"));
        assertEquals(405, wrong.status());
        assertEquals("POST", wrong.allow());
        HttpProblem delete = assertThrows(HttpProblem.class, () -> routes.dispatch(request("DELETE"), null, "/methodologies"));
        assertEquals("GET, HEAD", delete.allow());
        assertEquals(List.of(), called);
    }
}
