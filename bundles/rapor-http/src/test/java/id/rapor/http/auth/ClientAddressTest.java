package id.rapor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

public class ClientAddressTest {
    @Test
    void anIpv4AddressIsItself() {
        assertEquals("10.1.2.3", ClientAddress.of("10.1.2.3"));
        assertNull(ClientAddress.of(null));
    }

    @Test
    void anIpv6AddressIsItsSlash64HoweverItIsWritten() {
        assertEquals("2001:db8:0:1::/64", ClientAddress.of("[2001:db8:0:1::1]"));
        assertEquals("2001:db8:0:1::/64", ClientAddress.of("2001:0DB8:0000:0001:ffff:ffff:ffff:ffff"));
        assertEquals("fe80:0:0:0::/64", ClientAddress.of("[fe80::1%eth0]"));
        assertEquals("0:0:0:0::/64", ClientAddress.of("[0:0:0:0:0:0:0:1]"));
    }

    @Test
    void anIpv4AddressWrittenAsIpv6IsTheIpv4Address() {
        assertEquals("1.2.3.4", ClientAddress.of("[::ffff:1.2.3.4]"));
    }

    @Test
    void whatIsNoAddressStaysAsItIsAndIsNeverLookedUp() {
        assertEquals("host.example:80", ClientAddress.of("host.example:80"));
        assertEquals("[::g]", ClientAddress.of("[::g]"));
    }
}
