package id.rapor.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until the API answers and every shipped rule bundle has been checked, so "ready"
 * means a score can be asked for, not merely that the port is open.
 */
final class Readiness {
    private Readiness() {}

    /** The health body once ready, or null if {@code timeout} passed first. */
    static String await(String baseUrl, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"pending\":0")) return response.body();
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        return null;
    }
}
