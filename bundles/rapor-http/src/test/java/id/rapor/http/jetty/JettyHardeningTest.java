package id.rapor.http.jetty;

import id.rapor.http.json.HttpProblem;
import id.rapor.http.api.RequestBodies;
import id.rapor.http.api.RequestBody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Jetty 12 server as Felix HTTP builds it (a ServerConnector, a servlet context), hardened by
 * {@link JettyHardening}, and spoken to over raw sockets on 127.0.0.1: what Jetty refuses on
 * its own is problem+json, one address cannot open more than its share of connections, a body
 * that trickles or stalls ends in 408, and so does one still arriving at its deadline; bodies
 * beyond those read at once are refused without being read.
 */
public class JettyHardeningTest {
    private static final int LIMIT = 4;
    private static final int BODIES = 2;
    private static final long DEADLINE_MS = 2500;
    private static Server server;
    private static int port;
    private static JettyHardening hardening;
    private static final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();
    private static final RequestBodies bodies = new RequestBodies(deadlines, BODIES, DEADLINE_MS);

    /**
     * Admits and reads the body as the API does, and says how much arrived, or how it ended; a GET
     * reads none; /boom fails as only a bug would.
     */
    static final class BodyServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getRequestURI().equals("/boom")) throw new StackOverflowError("deep inside id.rapor.Secret");
            try (RequestBodies.Admitted admitted = bodies.admit(request)) {
                if (request.getMethod().equals("GET")) {
                    response.getWriter().print("no body read");
                    return;
                }
                try (InputStream in = RequestBody.open(admitted, RequestBody.DEFAULT_MAX_BYTES, RequestBody.JSON)) {
                    if (request.getRequestURI().equals("/pause-first")) pause();
                    long n = 0;
                    if (request.getRequestURI().equals("/pause-between") && in.read() >= 0) {
                        n = 1;
                        pause();
                    }
                    n += in.transferTo(OutputStream.nullOutputStream());
                    response.getWriter().print("read " + n);
                }
            } catch (RequestBody.Interrupted e) {
                ended(response, e.tooSlow() ? 408 : 400, e.late() ? "late" : e.tooSlow() ? "too slow" : "incomplete");
            } catch (HttpProblem p) {
                ended(response, p.status(), p.type());
            }
        }

        private static void pause() throws IOException {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
        }

        private static void ended(HttpServletResponse response, int status, String how) throws IOException {
            response.setStatus(status);
            response.setHeader("Connection", "close");
            response.getWriter().print(how);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(1500);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new BodyServlet()), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
        hardening = new JettyHardening(1000, LIMIT);
        hardening.harden(server);
    }

    @AfterAll
    static void stop() throws Exception {
        hardening.deactivate();
        server.stop();
        deadlines.shutdownNow();
    }

    private static Socket connect(String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.setSoTimeout(8000);
        return s;
    }

    /** Sends {@code request} and reads the answer until the server closes or 8 s pass. */
    private static String exchange(String from, byte[] request) throws IOException {
        try (Socket s = connect(from)) {
            s.getOutputStream().write(request);
            return readAll(s);
        }
    }

    private static String readAll(Socket s) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            s.getInputStream().transferTo(answer);
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static byte[] get(String target, String extraHeader) {
        return ("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + extraHeader + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertProblem(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        String lower = answer.toLowerCase();
        assertTrue(lower.contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"type\":\"urn:rapor:problem:"), answer);
        assertTrue(answer.contains("\"status\":" + status), answer);
        assertTrue(answer.contains("\"detail\":"), answer);
        assertFalse(lower.contains("<html"), answer);
        assertFalse(answer.contains("Exception") || answer.contains("Error:") || answer.contains("id.rapor") || answer.contains("jetty"), answer);
    }

    @Test
    void whatJettyRefusesOnItsOwnIsProblemJson() throws Exception {
        Map<String, byte[]> bad = Map.of(
                "encoded dot segment", get("/api/v1/%2e%2e/v1/health", ""),
                "encoded slash", get("/api/v1/methodologies%2fpekppp-2022", ""),
                "encoded NUL", get("/api/v1/health%00", ""),
                "overlong UTF-8 for /", get("/api/v1/%C0%AF", ""),
                "bad percent-encoding", get("/api/v1/%zz", ""),
                "above the root", get("/api/v1/../../../etc/passwd", ""),
                "no Host", "GET /api/v1/health HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "bad Content-Length", "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        for (var e : bad.entrySet()) {
            String answer = exchange("127.0.0.1", e.getValue());
            try {
                assertProblem(answer, 400);
            } catch (AssertionError x) {
                throw new AssertionError(e.getKey() + ": " + x.getMessage(), x);
            }
        }
        assertProblem(exchange("127.0.0.1", get("/api/v1/health", "X-Big: " + "a".repeat(70_000) + "\r\n")), 431);
        assertProblem(exchange("127.0.0.1", "GET /api/v1/health HTTP/9.9\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)), 505);
        assertProblem(exchange("127.0.0.1", ("DELETE /api/v1/%2e%2e HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)), 400);
    }

    @Test
    void aFailureInsideTheServletIsA500ProblemWithoutInternals() throws Exception {
        String answer = exchange("127.0.0.1", get("/boom", ""));
        assertProblem(answer, 500);
        assertFalse(answer.contains("StackOverflow") || answer.contains("Secret"), answer);
    }

    @Test
    void oneAddressGetsAtMostItsShareOfConnections() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int k = 0; k < LIMIT; k++) held.add(connect("127.0.0.2"));
            // Beyond the limit: closed as accepted, before a byte is read.
            try (Socket extra = connect("127.0.0.2")) {
                extra.getOutputStream().write(get("/x", ""));
                assertEquals("", readAll(extra), "closed without an answer");
            }
            // Another address is not affected.
            assertTrue(exchange("127.0.0.3", "POST /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                    .getBytes(StandardCharsets.ISO_8859_1)).endsWith("read 2"));
            // A connection closed makes room again.
            held.remove(0).close();
            long deadline = System.nanoTime() + 5_000_000_000L;
            String answer = "";
            while (System.nanoTime() < deadline && answer.isEmpty()) {
                answer = exchange("127.0.0.2", get("/x", ""));
                if (answer.isEmpty()) Thread.sleep(50);
            }
            assertTrue(answer.startsWith("HTTP/1.1 "), answer);
        } finally {
            for (Socket s : held) s.close();
        }
    }

    private static String post(String from, String target, String body) throws IOException {
        return exchange(from, ("POST " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aSmallBodyInWholeIsReadWhateverTheServerDoesBeforeAndBetweenItsReads() throws Exception {
        // Jetty counts the rate from the API's first read: work before it (a password check) is not the client's.
        assertTrue(post("127.0.0.9", "/pause-first", "{\"x\":1}").endsWith("read 7"));
        // Nor is the API's own time between reads (parsing, a cold first call, a busy machine): Jetty
        // counted it, and refused the 7 bytes 408 after 300 ms, every byte of them in.
        String answer = post("127.0.0.9", "/pause-between", "{\"x\":1}");
        assertTrue(answer.endsWith("read 7"), answer);
    }

    @Test
    void aSmallBodyWhoseLastByteComesAMomentLaterIsRead() throws Exception {
        String body = "{\"x\":\"" + "a".repeat(500) + "\"}";
        try (Socket s = connect("127.0.0.10")) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body.substring(0, body.length() - 1)).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(1000); // under the 1.5 s idle timeout: it never stalls, and it is whole in a second
            out.write('}');
            out.flush();
            String answer = readAll(s);
            assertTrue(answer.endsWith("read " + body.length()), answer);
        }
    }

    @Test
    void aBodyTricklingInBelowTheMinimumRateEndsIn408() throws Exception {
        try (Socket s = connect("127.0.0.4")) {
            OutputStream out = s.getOutputStream();
            out.write("POST /x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            String answer = "";
            // One byte a second (the attack sent one every 5-13 s): each arrives before the idle timeout,
            // but the second already shows a rate far below 1000 bytes/s.
            for (int k = 0; k < 8 && answer.isEmpty(); k++) {
                Thread.sleep(1000);
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                if (s.getInputStream().available() > 0) answer = readAll(s);
            }
            if (answer.isEmpty()) answer = readAll(s);
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(System.nanoTime() - start < 6_000_000_000L, "ended within seconds");
        }
    }

    @Test
    void aBodyThatStopsArrivingEndsIn408AtTheIdleTimeoutNever200() throws Exception {
        try (Socket s = connect("127.0.0.5")) {
            s.getOutputStream().write("POST /x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"unit\":".getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            String answer = readAll(s);
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 1000 && ms < 6000, "at the idle timeout of 1.5 s: " + ms + " ms");
        }
    }

    @Test
    void aBodySentJustFastEnoughEndsIn408AtItsDeadline() throws Exception {
        try (Socket s = connect("127.0.0.6")) {
            OutputStream out = s.getOutputStream();
            out.write("POST /x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            String answer = "";
            // 100 bytes every 50 ms: twice the minimum rate and never idle, so neither of Jetty's limits
            // ends it; the whole body would take 50 s.
            byte[] piece = " ".repeat(100).getBytes(StandardCharsets.ISO_8859_1);
            while (answer.isEmpty() && System.nanoTime() - start < 8_000_000_000L) {
                Thread.sleep(50);
                try {
                    out.write(piece);
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                if (s.getInputStream().available() > 0) answer = readAll(s);
            }
            if (answer.isEmpty()) answer = readAll(s);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.endsWith("late"), "ended by the deadline: " + answer);
            assertTrue(ms >= DEADLINE_MS - 300 && ms < DEADLINE_MS + 2_000, "at the deadline of 2.5 s: " + ms + " ms");
        }
    }

    @Test
    void aBodyBeyondThoseBeingReadIsRefusedAtOnceUnreadAndCallsWithoutABodyGoOn() throws Exception {
        byte[] head = "POST /x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
                .getBytes(StandardCharsets.ISO_8859_1);
        List<Socket> reading = new ArrayList<>();
        try {
            for (int k = 0; k < BODIES; k++) {
                Socket s = connect("127.0.0.7");
                s.getOutputStream().write(head);
                reading.add(s);
            }
            Thread.sleep(300); // both are being read, and stay so until the 1.5 s idle timeout
            long start = System.nanoTime();
            String refused = exchange("127.0.0.8", head);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
            assertTrue(refused.endsWith("urn:rapor:problem:server-busy"), refused);
            assertTrue(ms < 1_000, "answered at once, its body unread: " + ms + " ms");
            assertTrue(exchange("127.0.0.8", get("/x", "")).endsWith("no body read"), "a call without a body is not held up");
            for (Socket s : reading) assertTrue(readAll(s).startsWith("HTTP/1.1 408 "), "the two stalled bodies end");
        } finally {
            for (Socket s : reading) s.close();
        }
        String complete = "POST /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
        assertTrue(exchange("127.0.0.8", complete.getBytes(StandardCharsets.ISO_8859_1)).endsWith("read 2"), "and give their places back");
    }
}
