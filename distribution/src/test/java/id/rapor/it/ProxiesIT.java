package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behind a load balancer (proxies.trusted): a guesser is locked out under the address the proxy forwards, not the
 * proxy's own (which would lock everyone out), and a client that sends X-Forwarded-For itself, straight to Rapor,
 * passes for nobody. The proxy here is 127.0.0.20; clients connect from 127.0.0.21.
 */
class ProxiesIT {
    private static RaporDistribution rapor;

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(ProxiesIT::behindAProxy);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-kebijakan"), "add", "siti", "policy")[0]);
    }

    private static void behindAProxy(Path home) throws Exception {
        Path cfg = home.resolve("etc/id.rapor.http.cfg");
        Files.writeString(cfg, Files.readString(cfg).replace("proxies.trusted=", "proxies.trusted=127.0.0.20"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
    }

    /** GET /api/v1/audit as siti (whose password is right), through the proxy or not. */
    private static String audit(String password, String forwardedFor) {
        return audit("siti", password, forwardedFor);
    }

    private static String audit(String user, String password, String forwardedFor) {
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return forwardedFor == null ? RawHttp.request("GET", "/api/v1/audit", null, basic)
                : RawHttp.request("GET", "/api/v1/audit", null, basic, "X-Forwarded-For: " + forwardedFor);
    }

    private static int from(String local, String request) throws Exception {
        return RawHttp.exchange(rapor.port, local, request).status();
    }

    @Test
    void aGuesserBehindTheProxyIsLockedOutAloneAndAForgedHeaderCountsForNothing() throws Exception {
        // Guesses at other names (one name guessed at is slowed for everyone: not what is tested here).
        for (int k = 0; k < 10; k++) assertEquals(401, from("127.0.0.20", audit("tamu-" + k, "tebakan", "198.51.100.1")));
        assertEquals(429, from("127.0.0.20", audit("sandi-kebijakan", "198.51.100.1")), "the guesser's forwarded address waits");
        assertEquals(200, from("127.0.0.20", audit("sandi-kebijakan", "198.51.100.2")), "everyone else behind the proxy logs in");
        // The client's own claim is left of what the proxy appends: it is not believed.
        assertEquals(200, from("127.0.0.20", audit("sandi-kebijakan", "198.51.100.1, 198.51.100.3")));

        // Straight to Rapor, not through the proxy: the header is ignored and the connecting address counts.
        for (int k = 0; k < 10; k++) assertEquals(401, from("127.0.0.21", audit("orang-" + k, "tebakan", "198.51.100.4")));
        assertEquals(429, from("127.0.0.21", audit("sandi-kebijakan", "198.51.100.9")), "a forged header does not get the guesser out");
        assertEquals(200, from("127.0.0.20", audit("sandi-kebijakan", "198.51.100.4")), "nor locks out the address it named");

        String trail = RaporDistribution.json(rapor.get("/api/v1/audit?limit=200", RaporDistribution.basic("siti", "sandi-kebijakan"))).toString();
        assertTrue(trail.contains("198.51.100.1"), "refusals are audited under the forwarded address: " + trail);
    }
}
