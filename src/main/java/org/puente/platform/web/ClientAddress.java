package org.puente.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request really came from. Behind a reverse proxy every request arrives from the proxy,
 * so the proxy's {@code X-Forwarded-For} is believed, but only when the request comes from a proxy
 * named in {@code PUENTE_TRUSTED_PROXIES}; anyone else could write that header.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static Set<String> parseTrusted(String setting) {
        if (setting == null || setting.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The address the request came from, believing {@code X-Forwarded-For} only from a trusted proxy. */
    public static String of(HttpServletRequest request, Set<String> trusted) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted);
    }

    /**
     * @param remoteAddress the peer of the TCP connection
     * @param forwardedFor  the {@code X-Forwarded-For} header, or null
     * @param trusted       the proxies whose header is believed
     * @return the rightmost address in the chain that is not one of our proxies
     */
    public static String of(String remoteAddress, String forwardedFor, Set<String> trusted) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }

    /**
     * The key a rate limit counts a client under: an IPv4 address as it is, an IPv6 address by its /64
     * network, since one household or phone is given a whole /64 and can change the rest at will.
     * Anything that is not an IP literal is returned unchanged (it never resolves names).
     */
    public static String limitKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!literal.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
