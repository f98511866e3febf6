package id.rapor.http.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which client a request comes from, behind load balancers: the address that connected, unless it is a trusted proxy
 * ({@code proxies.trusted} in etc/id.rapor.http.cfg), whose {@code X-Forwarded-For} then names the client. That header
 * is read from its right end (what the nearest proxy added) leftwards, past the trusted proxies, to the first address
 * no trusted proxy stands for: a client cannot pass for another by sending the header itself, since everything left of
 * what the trusted proxies appended is the client's own claim. Failed logins, the refusal audit's per-address counts
 * and the trails are counted under this address.
 */
public final class Forwarding {
    private static volatile Set<String> trusted = Set.of();

    private Forwarding() {}

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Forwarding.class);

    /** The proxies to believe: IP addresses, comma-separated; anything else in the list is left out, and said in the log. */
    public static void trust(String addresses) {
        Set<String> next = new java.util.HashSet<>();
        for (String a : addresses == null ? new String[0] : addresses.split(",")) {
            if (a.isBlank()) continue;
            String address = canonical(a.trim());
            if (address == null) LOG.warn("proxies.trusted: '{}' is not an IP address (no names, ranges or ports) and is left out", a.trim());
            else next.add(address);
        }
        trusted = Set.copyOf(next);
    }

    public static String client(HttpServletRequest request) {
        return client(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? List.of()
                : java.util.Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** {@code remote}: the address that connected; {@code forwardedFor}: the header's values, in the order they came. */
    static String client(String remote, List<String> forwardedFor) {
        Set<String> proxies = trusted;
        String connected = remote == null ? null : canonical(remote);
        if (connected == null || !proxies.contains(connected)) return remote;
        List<String> hops = forwardedFor.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).toList();
        String client = connected;
        for (int k = hops.size() - 1; k >= 0; k--) {
            String hop = canonical(hops.get(k));
            if (hop == null) return client; // not an address: what lies further left cannot be believed either
            client = hop;
            if (!proxies.contains(hop)) return hop;
        }
        return client;
    }

    /**
     * An IPv4 or IPv6 literal in one written form (2001:db8::1 and 2001:db8:0:0:0:0:0:1 are one address), or null for
     * anything else (a name, a port, a range): nothing is ever looked up, since only literals reach the parser.
     */
    static String canonical(String s) {
        String literal = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (literal.isEmpty() || literal.length() > 45) return null;
        try {
            if (literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return Arrays.stream(literal.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255)
                        ? java.net.InetAddress.getByName(literal).getHostAddress() : null;
            }
            // In brackets InetAddress takes only an IPv6 literal and never asks a name server.
            if (literal.indexOf(':') < 0 || literal.indexOf('%') >= 0) return null;
            return java.net.InetAddress.getByName("[" + literal + "]").getHostAddress();
        } catch (java.net.UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
