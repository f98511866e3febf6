package id.rapor.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Rapor on 127.0.0.1: answers "METHOD /path?query" with canned bodies copied
 * from the real server (src/test/resources/id/rapor/client/answers), and remembers the last
 * request so a test can check what the client sent.
 */
final class CannedRapor implements AutoCloseable {
    record Answer(int status, String contentType, String body) {}

    record Request(String method, String target, Map<String, String> headers, String body) {}

    static final String REQUEST_ID = "9f0c2d1e";

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    volatile Request last;

    CannedRapor() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code method target} with the canned answer in {@code resource} (a file under answers/). */
    CannedRapor on(String method, String target, int status, String resource) {
        String type = status / 100 == 2 ? "application/json" : "application/problem+json";
        answers.put(method + " " + target, new Answer(status, type, resource(resource)));
        return this;
    }

    /** Answers {@code method target} with a body given here. */
    CannedRapor onText(String method, String target, int status, String contentType, String body) {
        answers.put(method + " " + target, new Answer(status, contentType, body));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    RaporClient client() {
        return RaporClient.builder().baseUrl(url()).build();
    }

    static String resource(String name) {
        try (InputStream in = CannedRapor.class.getResourceAsStream("answers/" + name)) {
            if (in == null) throw new IllegalArgumentException("no canned answer " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String target = x.getRequestURI().getRawPath() + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
        Map<String, String> headers = new ConcurrentHashMap<>();
        x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        last = new Request(x.getRequestMethod(), target, headers, new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Answer a = answers.getOrDefault(x.getRequestMethod() + " " + target,
                new Answer(404, "application/problem+json", "{\"type\":\"urn:rapor:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"No canned answer for " + target + "\",\"errors\":[]}"));
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", a.contentType());
        x.getResponseHeaders().add("X-Request-Id", REQUEST_ID);
        x.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
