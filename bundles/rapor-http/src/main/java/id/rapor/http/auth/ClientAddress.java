package id.rapor.http.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The client a per-address limit counts: an IPv4 address as it is, an IPv6 address by its /64.
 * One IPv6 subscriber is routed a whole /64, so counting single IPv6 addresses would give one
 * client 2^64 fresh counts.
 */
final class ClientAddress {
    private ClientAddress() {}

    /** The key {@code address} (as the servlet API gives it: "1.2.3.4", "[2001:db8::1]") is counted under; null stays null. */
    static String of(String address) {
        if (address == null || address.indexOf(':') < 0) return address;
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) literal = literal.substring(0, zone);
        // Only a literal is parsed (hex digits, colons, dots), so no name is ever looked up.
        if (literal.isEmpty() || !literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) return address;
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
        byte[] bytes = parsed.getAddress();
        if (bytes.length != 16) return parsed.getHostAddress(); // ::ffff:1.2.3.4 is the IPv4 address 1.2.3.4
        StringBuilder prefix = new StringBuilder();
        for (int k = 0; k < 8; k += 2) prefix.append(Integer.toHexString(((bytes[k] & 0xff) << 8) | (bytes[k + 1] & 0xff))).append(':');
        return prefix.append(":/64").toString().toLowerCase(Locale.ROOT);
    }
}
