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
 * 3 s idle timeout so a stalled body is seen to end within the test's few seconds. The review
 * after it sent bodies just above the minimum data rate from several addresses; that too is done
 * here to scale, with at most 10 bodies read at once, each in within 4 s.
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
            String text = Files.readString(settings);
            for (String key : List.of("connections.per.address=64", "bodies.concurrent=100", "body.deadline.ms=20000")) {
                assertTrue(text.contains(key + "\n"), "the shipped etc/id.rapor.http.cfg sets " + key);
            }
            // 20 connections an address; 10 bodies read at once, each in within 4 s (above the 3 s idle
            // timeout, so a body that stops still ends at the idle timeout).
            Files.writeString(settings, text.replace("connections.per.address=64", "connections.per.address=20")
                    .replace("bodies.concurrent=100", "bodies.concurrent=10")
                    .replace("body.deadline.ms=20000", "body.deadline.ms=4000"));
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
                        // Try again soon, but no connection storm on CI's two cores.
                        if (ending.equals("closed") || ending.equals("503")) Thread.sleep(500);
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

    /** What one slow body came to: its status (0: closed unanswered), after how long, and how the answer looked. */
    private record Ending(int status, long ms, String retryAfter, String type, boolean closedAfter) {}

    /**
     * The review's attack: 1 MiB bodies sent just above the minimum data rate (3,000 bytes/s against
     * 2,048), twelve connections from each of five addresses (127.0.1.1-5; 60 in all, none at its
     * limit of 20). Each would hold a thread for about 350 s, and 60 of them every one of the 40.
     * Now at most 10 are read at once, each ended at the 4 s deadline, and the rest are answered
     * 503 at once; /health from a sixth address answers within a second throughout.
     */
    @Test
    void healthAnswersWithinASecondWhileSlowBodiesFromFiveAddressesExceedTheCap() throws Exception {
        byte[] head = ("POST " + SCORE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1048576\r\n\r\n{\"unit\":\"").getBytes(StandardCharsets.ISO_8859_1);
        byte[] piece = "a".repeat(300).getBytes(StandardCharsets.ISO_8859_1);
        AtomicBoolean attacking = new AtomicBoolean(true);
        List<Ending> endings = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> attackers = new ArrayList<>();
        long end = System.nanoTime() + 9_000_000_000L; // bounded: nine seconds, then every attacker stops
        for (int c = 0; c < 60; c++) {
            String from = "127.0.1." + (1 + c % 5);
            Thread t = new Thread(() -> {
                while (attacking.get() && System.nanoTime() < end) {
                    try (Socket s = RawHttp.connect(rapor.port, from)) {
                        s.setSoTimeout(100);
                        OutputStream out = s.getOutputStream();
                        long sent = System.nanoTime();
                        out.write(head);
                        Ending ending = null;
                        // 300 bytes every 100 ms until the server answers: 3,000 bytes/s, above the minimum rate.
                        while (ending == null && attacking.get() && System.nanoTime() < end) {
                            try {
                                int b = s.getInputStream().read();
                                long ms = (System.nanoTime() - sent) / 1_000_000;
                                if (b < 0) {
                                    ending = new Ending(0, ms, null, null, true);
                                    break;
                                }
                                s.setSoTimeout(2_000);
                                RawHttp.Answer a = RawHttp.read(new java.io.SequenceInputStream(
                                        new java.io.ByteArrayInputStream(new byte[] {(byte) b}), s.getInputStream()));
                                boolean closed;
                                try {
                                    closed = s.getInputStream().read() < 0;
                                } catch (IOException reset) {
                                    closed = true;
                                }
                                String type = a.body().replaceAll(".*\"type\":\"([^\"]*)\".*", "$1");
                                ending = new Ending(a.status(), ms, a.header("Retry-After"), type, closed);
                            } catch (java.net.SocketTimeoutException quiet) {
                                out.write(piece);
                                out.flush();
                            }
                        }
                        if (ending != null) endings.add(ending);
                        if (ending != null && ending.status() != 408) Thread.sleep(500); // no connection storm on two cores
                    } catch (IOException e) {
                        try {
                            Thread.sleep(200);
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
                RawHttp.Answer health;
                try (Socket s = RawHttp.connect(rapor.port, "127.0.1.6")) {
                    s.setSoTimeout(5_000);
                    s.getOutputStream().write(RawHttp.request("GET", "/api/v1/health", null).getBytes(StandardCharsets.ISO_8859_1));
                    health = RawHttp.read(s.getInputStream());
                } catch (java.net.SocketTimeoutException starved) {
                    throw new AssertionError("/health from 127.0.1.6 got no answer within 5 s: every thread is held", starved);
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, health.status(), "/health from 127.0.1.6 after " + ms + " ms: " + health.body());
                slowest = Math.max(slowest, ms);
                answered++;
                Thread.sleep(200);
            }
        } finally {
            attacking.set(false);
            for (Thread t : attackers) t.join(5_000);
        }
        assertTrue(slowest < 1_000, "the slowest /health took " + slowest + " ms while slow bodies were sent");
        assertTrue(answered >= 25, "answered " + answered);
        List<Ending> busy = endings.stream().filter(e -> e.status() == 503).toList();
        List<Ending> late = endings.stream().filter(e -> e.status() == 408).toList();
        assertTrue(busy.size() >= 40, "bodies beyond the 10 being read are refused at once: " + endings);
        for (Ending e : busy) {
            assertEquals("urn:rapor:problem:server-busy", e.type(), e.toString());
            assertEquals("1", e.retryAfter(), e.toString());
            assertTrue(e.ms() < 1_000, "answered at once, not after reading the body: " + e);
            assertTrue(e.closedAfter(), "and the connection closed: " + e);
        }
        assertTrue(late.size() >= 10, "the bodies being read end at the deadline: " + endings);
        for (Ending e : late) {
            assertEquals("urn:rapor:problem:request-timeout", e.type(), e.toString());
            assertTrue(e.ms() >= 3_500 && e.ms() < 6_000, "at the 4 s deadline (the rate was above the minimum): " + e);
        }
        assertEquals(endings.size(), busy.size() + late.size(), "nothing else: " + endings);
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
