package org.puente.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Lets a public form be posted without JavaScript. PrimeFaces' script adds its page nonce to every form it
 * sends, and PrimeFaces refuses a post without one (answered as "page expired"). Public pages load no
 * PrimeFaces script ({@link PublicHeadRenderer}), and must work with scripts off, so a post to one of them that
 * carries no nonce is given a fresh one here, which only serves as the nonce of the answer's own scripts.
 * Staff pages ({@code /admin/…}) keep the check: their forms are always sent by PrimeFaces' script, and
 * {@link NonceCheck} refuses one that comes without the page's nonce before anything runs.
 */
@WebFilter(
        servletNames = "faces",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class PublicPostNonce extends HttpFilter {

    static final String NONCE = "primefaces.nonce";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && !RequestPath.of(request).startsWith(PublicHeadRenderer.STAFF_VIEWS)
                && request.getParameter(NONCE) == null) {
            chain.doFilter(new WithNonce(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The request as sent, plus a nonce of PrimeFaces' form (a random UUID, Base64-encoded). */
    private static final class WithNonce extends HttpServletRequestWrapper {
        private final String nonce =
                Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));

        WithNonce(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return NONCE.equals(name) ? nonce : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return NONCE.equals(name) ? new String[] {nonce} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new HashMap<>(super.getParameterMap());
            parameters.put(NONCE, new String[] {nonce});
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
