package org.puente.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Security headers on every response. The Content-Security-Policy allows only the portal's own
 * scripts and styles; on JSF pages PrimeFaces replaces it with the same policy plus the per-request
 * nonce for its inline initialisation scripts (see {@code primefaces.CSP_POLICY} in web.xml, which must
 * stay equal to {@link #POLICY}).
 */
public class SecurityHeadersFilter extends HttpFilter {

    public static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'; script-src 'self'";

    private static final String CSP = "Content-Security-Policy";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(CSP, POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        chain.doFilter(request, new SinglePolicyResponse(response));
    }

    /** Keeps one policy: a later CSP header (PrimeFaces' nonce'd one) replaces the default instead of adding to it. */
    private static final class SinglePolicyResponse extends HttpServletResponseWrapper {
        SinglePolicyResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
