package org.puente.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for request paths. A path the container would decode into something else than it reads
 * (an encoded slash or backslash, an encoded dot, a dot segment, an empty segment, a path parameter, a
 * control character) is refused, so that what is served and what the portal's own decisions look at
 * (framing, caching, the language link) are the same path. Everything after that decides on
 * {@link #of(HttpServletRequest)}: the decoded servlet path, never the raw URI.
 */
public final class RequestPath {

    /** The accepted raw URI of the original request, for links back to the page being shown. */
    static final String ACCEPTED_URI = RequestPath.class.getName() + ".uri";

    static final String ACCEPTED_QUERY = RequestPath.class.getName() + ".query";

    private RequestPath() {}

    /**
     * @param rawPath the request URI as sent, without the context path
     * @return whether it is a plain path that decodes to what it says
     */
    public static boolean isPlain(String rawPath) {
        if (rawPath.isEmpty()) {
            return true;
        }
        if (rawPath.charAt(0) != '/' || rawPath.indexOf(';') >= 0 || rawPath.indexOf('\\') >= 0) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("%2e")
                || lower.contains("%25")
                || lower.contains("%00")
                || lower.contains("//")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return rawPath.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The decoded path inside the portal this request is for ({@code /embed/petition}), from the container. */
    public static String of(HttpServletRequest request) {
        String path = request.getServletPath();
        String info = request.getPathInfo();
        return info == null ? path : path + info;
    }

    /**
     * The address of the page the visitor asked for, as they asked for it, when it passed the rule:
     * forwarded and error views link back to it instead of to themselves.
     */
    public static Optional<String> acceptedUri(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ACCEPTED_URI));
    }

    /** The query string of that address, if it had one. */
    public static Optional<String> acceptedQuery(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ACCEPTED_QUERY));
    }
}
