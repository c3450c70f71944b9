package org.puente.platform.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request really came from. Behind a reverse proxy every request arrives from the proxy,
 * so the proxy's {@code X-Forwarded-For} is believed, but only when the request comes from a proxy
 * named in {@code PUENTE_TRUSTED_PROXIES}; anyone else could write that header.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static Set<String> parseTrusted(String setting) {
        if (setting == null || setting.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The address the request came from, believing {@code X-Forwarded-For} only from a trusted proxy. */
    public static String of(jakarta.servlet.http.HttpServletRequest request, Set<String> trusted) {
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
}
