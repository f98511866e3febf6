package id.rapor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behind a load balancer: whose address a request is counted under, and how a client fails to pass for another. */
class ForwardingTest {
    @AfterEach
    void trustNobody() {
        Forwarding.trust("");
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", Forwarding.client("203.0.113.9", List.of("10.9.9.9")));
    }

    @Test
    void aTrustedProxyNamesTheClientItForwards() {
        Forwarding.trust("10.0.0.5, 10.0.0.6");
        assertEquals("198.51.100.7", Forwarding.client("10.0.0.5", List.of("198.51.100.7")));
        // Two proxies in a row: the first address no trusted proxy stands for, from the right.
        assertEquals("198.51.100.7", Forwarding.client("10.0.0.5", List.of("198.51.100.7, 10.0.0.6")));
        assertEquals("10.0.0.5", Forwarding.client("10.0.0.5", List.of()), "no header: the proxy itself");
    }

    @Test
    void aClientCannotPassForAnotherBySendingTheHeaderItself() {
        Forwarding.trust("10.0.0.5");
        // The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the address it saw.
        assertEquals("198.51.100.7", Forwarding.client("10.0.0.5", List.of("192.0.2.1, 198.51.100.7")));
        assertEquals("198.51.100.7", Forwarding.client("10.0.0.5", List.of("192.0.2.1", "198.51.100.7")));
        // A request straight from the client, not through the proxy: its header counts for nothing.
        assertEquals("198.51.100.7", Forwarding.client("198.51.100.7", List.of("10.0.0.5, 192.0.2.1")));
        // What is not an address stops the reading: nothing left of it is believed.
        assertEquals("198.51.100.7", Forwarding.client("10.0.0.5", List.of("192.0.2.1, evil.example, 198.51.100.7")));
        assertEquals("10.0.0.5", Forwarding.client("10.0.0.5", List.of("unknown")));
    }

    @Test
    void onlyAddressesAreTrustedAndNoNameIsLookedUp() {
        Forwarding.trust("lb.example.go.id, 10.0.0.5, 300.1.1.1");
        assertEquals("lb.example.go.id", Forwarding.client("lb.example.go.id", List.of("198.51.100.7")));
        assertEquals("300.1.1.1", Forwarding.client("300.1.1.1", List.of("198.51.100.7")));
        assertNull(Forwarding.canonical("300.1.1.1"));
        // One address in two written forms: Jetty gives the connecting address uncompressed.
        Forwarding.trust("2001:db8::5");
        assertEquals("2001:db8:0:0:0:0:0:7", Forwarding.client("2001:db8:0:0:0:0:0:5", List.of("2001:db8::7")));
        assertEquals("2001:db8:0:0:0:0:0:7", Forwarding.client("[2001:db8::5]", List.of("2001:db8::7")));
        // A port after an address is not an address: the reading stops at the proxy.
        Forwarding.trust("10.0.0.5");
        assertEquals("10.0.0.5", Forwarding.client("10.0.0.5", List.of("198.51.100.7:5678")));
        assertNull(Forwarding.canonical("1.2.3.4:5678"));
        assertNull(Forwarding.canonical("10.0.0.0/8"));
    }
}
