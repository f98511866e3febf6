package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM (docker stop, systemctl stop): a request in flight when it arrives (its body still
 * coming) is answered 200; new connections are refused from then on; then the process ends.
 */
class GracefulStopIT {

    @Test
    void aRequestInFlightFinishesAndNewConnectionsAreRefused() throws Exception {
        RaporDistribution rapor = RaporDistribution.start();
        try {
            // A valid assessment padded with spaces (valid JSON), sent in two halves around the SIGTERM.
            String body = Assessments.example().toString() + " ".repeat(60_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST /api/v1/methodologies/pekppp-2022/score HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            try (Socket inFlight = RawHttp.connect(rapor.port, "127.0.0.1")) {
                OutputStream out = inFlight.getOutputStream();
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                Thread.sleep(300); // the server has begun the request: it is in flight

                long terminated = System.nanoTime();
                rapor.terminate();
                assertTrue(refusedWithin(rapor.port, Duration.ofSeconds(5)), "new connections are refused once the node stops");
                long refusedAfter = (System.nanoTime() - terminated) / 1_000_000;

                out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                out.flush();
                RawHttp.Answer answer = RawHttp.read(inFlight.getInputStream());
                assertEquals(200, answer.status(), "the request in flight is answered (refused " + refusedAfter + " ms after SIGTERM): "
                        + answer.body() + "\n" + rapor.logText());
                assertTrue(answer.body().contains("\"band\""), answer.body());
            }
            rapor.awaitExit(Duration.ofSeconds(40));
            rapor.awaitLog(s -> s.contains("Rapor stopped"), Duration.ofSeconds(1));
        } finally {
            rapor.close();
        }
    }

    private static boolean refusedWithin(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                // a timeout: try again
            }
            Thread.sleep(50);
        }
        return false;
    }
}
