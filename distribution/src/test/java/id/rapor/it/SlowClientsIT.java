package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly or stop sending. The hostile test held every Jetty thread with 220
 * connections trickling a byte every 5-13 s; here the same is done to scale, 60 connections
 * against a pool of 40 threads (which without the limits they would hold every one of), with a
 * 3 s idle timeout so a stalled body is seen to end within the test's few seconds.
 */
class SlowClientsIT {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static RaporDistribution rapor;

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(home -> {
            Path props = home.resolve("etc/rapor.properties");
            Files.writeString(props, Files.readString(props)
                    .replace("http.idle.timeout.ms=30000", "http.idle.timeout.ms=3000")
                    + "\norg.apache.felix.http.jetty.threadpool.max=40\n");
            Path settings = home.resolve("etc/id.rapor.http.cfg");
            Files.writeString(settings, Files.readString(settings).replace("connections.per.address=64", "connections.per.address=20"));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
    }

    private static final byte[] HEAD = ("POST " + SCORE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void healthAnswersPromptlyWhileSixtyConnectionsTrickleTheirBodies() throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger refusedAtOnce = new AtomicInteger();
        ConcurrentHashMap<String, AtomicInteger> endings = new ConcurrentHashMap<>();
        List<Thread> attackers = new ArrayList<>();
        long end = System.nanoTime() + 10_000_000_000L; // bounded: ten seconds, then every attacker stops
        for (int c = 0; c < 60; c++) {
            Thread t = new Thread(() -> {
                // One connection after another from 127.0.0.2, each sending a byte a second until the server ends it.
                while (attacking.get() && System.nanoTime() < end) {
                    try (Socket s = RawHttp.connect(rapor.port, "127.0.0.2")) {
                        opened.incrementAndGet();
                        s.setSoTimeout(100);
                        OutputStream out = s.getOutputStream();
                        out.write(HEAD);
                        String ending = "still open";
                        while (attacking.get() && System.nanoTime() < end) {
                            try {
                                int b = s.getInputStream().read();
                                if (b < 0) { ending = "closed"; break; }
                                RawHttp.Answer a = RawHttp.read(new java.io.SequenceInputStream(
                                        new java.io.ByteArrayInputStream(new byte[] {(byte) b}), s.getInputStream()));
                                ending = String.valueOf(a.status());
                                break;
                            } catch (java.net.SocketTimeoutException quiet) {
                                // nothing from the server yet: send the next byte after a second
                            }
                            Thread.sleep(900);
                            out.write(' ');
                            out.flush();
                        }
                        if (ending.equals("closed")) refusedAtOnce.incrementAndGet();
                        endings.computeIfAbsent(ending, k -> new AtomicInteger()).incrementAndGet();
                        if (ending.equals("closed")) Thread.sleep(500); // try again soon, but no connection storm on CI's two cores
                    } catch (IOException e) {
                        endings.computeIfAbsent("reset", k -> new AtomicInteger()).incrementAndGet();
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException stop) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.start();
            attackers.add(t);
        }
        long slowest = 0;
        int answered = 0;
        try {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                HttpResponse<String> health = rapor.get("/api/v1/health");
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, health.statusCode(), health.body());
                slowest = Math.max(slowest, ms);
                answered++;
                Thread.sleep(200);
            }
        } finally {
            attacking.set(false);
            for (Thread t : attackers) t.join(5_000);
        }
        assertTrue(slowest < 1_000, "the slowest /health took " + slowest + " ms while slow bodies were sent");
        assertTrue(answered >= 30, "answered " + answered);
        assertTrue(endings.getOrDefault("408", new AtomicInteger()).get() > 20,
                "trickling bodies are ended with 408 (min data rate): " + endings);
        assertTrue(refusedAtOnce.get() + endings.getOrDefault("reset", new AtomicInteger()).get() > 0,
                "connections beyond 20 from 127.0.0.2 are closed as they come: " + endings + " of " + opened);
        assertEquals(200, rapor.post(SCORE, Assessments.example().toString()).statusCode(), "scoring carries on");
    }

    @Test
    void aBodyThatStopsArrivingEndsIn408NeverA200() throws Exception {
        try (Socket s = RawHttp.connect(rapor.port, "127.0.0.3")) {
            s.getOutputStream().write(("POST " + SCORE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 500\r\n\r\n{\"unit\":\"Dinas A\",").getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            RawHttp.Answer a = RawHttp.read(s.getInputStream());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(408, a.status(), a.body());
            assertEquals("application/problem+json", a.header("Content-Type").split(";")[0]);
            assertTrue(a.body().contains("\"type\":\"urn:rapor:problem:request-timeout\""), a.body());
            assertTrue(ms >= 2_000 && ms < 10_000, "answered at the 3 s idle timeout, after " + ms + " ms");
        }
        assertTrue(rapor.logText().contains(" 408: The request body stopped arriving"), "and logged as a refusal");
    }
}
