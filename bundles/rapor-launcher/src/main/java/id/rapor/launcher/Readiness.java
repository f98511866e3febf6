package id.rapor.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Waits until the API answers and every shipped rule bundle has been checked, so "ready"
 * means a score can be asked for, not merely that the port is open. Asks with the JDK's
 * plain HttpURLConnection: java.net.http's client sets up TLS when it is made, about 100 ms of
 * CPU taken from the start it waits for.
 */
final class Readiness {
    private Readiness() {}

    /** The health body once ready, or null if {@code timeout} passed first. */
    static String await(String baseUrl, Duration timeout) throws InterruptedException {
        URL health;
        try {
            health = new URL(baseUrl + "/health");
        } catch (IOException e) {
            throw new IllegalArgumentException(baseUrl, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String body = ask(health);
            if (body != null && body.contains("\"pending\":0")) return body;
            Thread.sleep(25);
        }
        return null;
    }

    /** The body of a 200, or null (not listening yet, or not yet up). */
    private static String ask(URL health) {
        try {
            HttpURLConnection c = (HttpURLConnection) health.openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                if (c.getResponseCode() != 200) return null;
                try (InputStream in = c.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return null;
        }
    }
}
