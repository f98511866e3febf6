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

    /** The proxies to believe: IP addresses, comma-separated; anything else in the list is left out. */
    public static void trust(String addresses) {
        trusted = addresses == null ? Set.of() : Arrays.stream(addresses.split(",")).map(String::trim).filter(Forwarding::isAddress)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static String client(HttpServletRequest request) {
        return client(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? List.of()
                : java.util.Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** {@code remote}: the address that connected; {@code forwardedFor}: the header's values, in the order they came. */
    static String client(String remote, List<String> forwardedFor) {
        Set<String> proxies = trusted;
        if (remote == null || !proxies.contains(strip(remote))) return remote;
        List<String> hops = forwardedFor.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).toList();
        String client = remote;
        for (int k = hops.size() - 1; k >= 0; k--) {
            String hop = strip(hops.get(k));
            if (!isAddress(hop)) return client; // not an address: what lies further left cannot be believed either
            client = hop;
            if (!proxies.contains(hop)) return hop;
        }
        return client;
    }

    private static String strip(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }

    /** An IPv4 or IPv6 literal (never a name: nothing is looked up). */
    static boolean isAddress(String s) {
        if (s.isEmpty() || s.length() > 45) return false;
        if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return Arrays.stream(s.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255);
        return s.indexOf(':') >= 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    }
}
