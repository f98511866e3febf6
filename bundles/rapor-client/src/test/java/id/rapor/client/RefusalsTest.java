package id.rapor.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a call can fail becomes a RaporException that says what happened. */
class RefusalsTest {
    private CannedRapor rapor;
    private RaporClient client;

    @BeforeEach
    void serve() throws Exception {
        rapor = new CannedRapor()
                .on("POST", "/api/v1/methodologies/pekppp-2022/score", 422, "problem-422.json")
                .on("GET", "/api/v1/methodologies/pekppp-1999", 404, "problem-404.json")
                .on("GET", "/api/v1/methodologies?family=ombudsman&year=1990", 404, "problem-404-year.json")
                .onText("GET", "/api/v1/health", 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>")
                .onText("GET", "/api/v1/deployments", 200, "text/html", "<html>a login page</html>");
        client = rapor.client();
    }

    @AfterEach
    void stop() {
        rapor.close();
    }

    @Test
    void anInvalidAssessmentCarriesItsFieldErrors() {
        RaporException e = assertThrows(RaporException.class, () -> client.score("pekppp-2022", "u", RaporClient.answers("i99", 1)));
        assertEquals(422, e.status());
        assertEquals("urn:rapor:problem:invalid-assessment", e.type());
        assertEquals("Penilaian tidak sah", e.title());
        assertEquals("Jawaban tidak sesuai dengan kuesioner metodologi; tidak ada yang dinilai.", e.detail());
        assertEquals("/api/v1/methodologies/pekppp-2022/score", e.instance());
        assertEquals(List.of(new Types.FieldError("answers.i99", "indikator tidak dikenal; pekppp-2022 memiliki indikator i01 … i31")), e.errors());
        assertEquals(CannedRapor.REQUEST_ID, e.requestId());
        assertEquals("422 Penilaian tidak sah: Jawaban tidak sesuai dengan kuesioner metodologi; tidak ada yang dinilai.\n"
                + "  answers.i99: indikator tidak dikenal; pekppp-2022 memiliki indikator i01 … i31", e.getMessage());
    }

    @Test
    void anUnknownMethodologyOrYearIs404WithTheDetail() {
        RaporException e = assertThrows(RaporException.class, () -> client.methodology("pekppp-1999"));
        assertEquals(404, e.status());
        assertEquals("urn:rapor:problem:unknown-methodology", e.type());
        assertTrue(e.detail().contains("yang dikenal: ombudsman-2021"), e.detail());
        assertTrue(e.errors().isEmpty());
        RaporException year = assertThrows(RaporException.class, () -> client.resolve("ombudsman", 1990));
        assertTrue(year.getMessage().contains("ombudsman-2022: 2022–2024"), year.getMessage());
    }

    @Test
    void aRefusalThatIsNotProblemJsonKeepsItsStatusAndText() {
        RaporException e = assertThrows(RaporException.class, client::health);
        assertEquals(502, e.status());
        assertNull(e.type());
        assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
    }

    @Test
    void anAnswerThatIsNotRaporsJsonIsUnreadable() {
        RaporException e = assertThrows(RaporException.class, client::deployments);
        assertEquals("Unreadable answer", e.title());
        assertTrue(e.getMessage().contains("/api/v1/deployments"), e.getMessage());
    }

    @Test
    void aClosedPortIsStatusZeroNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RaporClient nowhere = RaporClient.builder().baseUrl("http://127.0.0.1:" + port).connectTimeout(Duration.ofSeconds(2)).build();
        RaporException e = assertThrows(RaporException.class, nowhere::methodologies);
        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("Rapor unreachable: http://127.0.0.1:" + port + "/api/v1/methodologies refused the connection"),
                e.getMessage());
    }

    @Test
    void aSlowAnswerIsStatusZeroNamingTheTimeout() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/", x -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        slow.start();
        try {
            RaporClient client = RaporClient.builder().baseUrl("http://127.0.0.1:" + slow.getAddress().getPort())
                    .requestTimeout(Duration.ofMillis(300)).build();
            RaporException e = assertThrows(RaporException.class, client::health);
            assertEquals(0, e.status());
            assertTrue(e.getMessage().endsWith("/api/v1/health no answer within 300 ms"), e.getMessage());
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void theMessageListsEveryFieldError() {
        RaporException e = new RaporException(400, null, "Malformed request", "Some fields have the wrong type.",
                List.of(new Types.FieldError("unit", "expected a string"), new Types.FieldError("answers.i01", "expected a number")),
                null, null, null);
        assertEquals("400 Malformed request: Some fields have the wrong type.\n  unit: expected a string\n  answers.i01: expected a number",
                e.getMessage());
    }
}
