package id.rapor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's mapping of answers and refusals, against canned server answers on 127.0.0.1 (the real server is tested in ClientIT). */
class RaporClientTest {
    private HttpServer server;
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private RaporClient client;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/methodologies/pekppp-2022/score", x -> {
            lastBody.set(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(x, 200, "application/json", "{\"methodology\":{\"id\":\"pekppp-2022\",\"version\":\"2022.1.0\"},\"unit\":\"u\",\"index\":4.50,"
                    + "\"band\":{\"code\":\"A-\",\"label\":\"Sangat Baik\"},\"aspects\":[{\"id\":\"kebijakan\",\"name\":\"K\",\"weight\":24,"
                    + "\"score\":3.41,\"contribution\":0.8184}],\"indicators\":[],\"explanation\":[\"why\"]}");
        });
        server.createContext("/api/v1/methodologies/nope/score", x -> reply(x, 422, "application/problem+json",
                "{\"type\":\"urn:rapor:problem:invalid-assessment\",\"title\":\"Invalid assessment\",\"status\":422,"
                        + "\"detail\":\"The answers do not fit.\",\"instance\":\"/x\",\"errors\":[{\"field\":\"answers.i99\",\"message\":\"unknown indicator\"}]}"));
        server.start();
        client = RaporClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange x, int status, String type, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void numbersStayExactlyAsTheServerWroteThem() {
        Types.Score s = client.score("pekppp-2022", Types.Assessment.of("u", RaporClient.answers("i01", 3, "i02", "4.5")));
        assertEquals(new BigDecimal("4.50"), s.index());
        assertEquals("4.50", s.index().toPlainString());
        assertEquals(new BigDecimal("0.8184"), s.aspects().get(0).contribution());
        assertEquals("A-", s.band().code());
        assertEquals("{\"unit\":\"u\",\"answers\":{\"i01\":3,\"i02\":4.5}}", lastBody.get(), "answers are sent as numbers, respondents left out");
    }

    @Test
    void aRefusalCarriesTheProblemDetails() {
        RaporException e = assertThrows(RaporException.class, () -> client.score("nope", Types.Assessment.of("u", Map.of())));
        assertEquals(422, e.status());
        assertEquals("urn:rapor:problem:invalid-assessment", e.type());
        assertEquals(List.of(new Types.FieldError("answers.i99", "unknown indicator")), e.errors());
        assertTrue(e.getMessage().contains("answers.i99: unknown indicator"), e.getMessage());
    }

    @Test
    void anUnreachableServerIsStatusZeroNamingTheUrl() {
        server.stop(0);
        RaporException e = assertThrows(RaporException.class, client::health);
        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("/api/v1/health"), e.getMessage());
    }
}
