package org.puente.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.puente.platform.config.PuenteConfig;

/**
 * Security headers on every response, decided on the request's decoded path ({@link RequestPath}), which
 * {@link PathRuleFilter} has made sure is the path being served. Only the embed pages may be framed by
 * other sites; the staff area and every answer to a signed-in person are never stored by a browser or a
 * proxy; HSTS when the portal's address is https. The Content-Security-Policy allows only the portal's own
 * scripts and styles; on JSF pages PrimeFaces replaces it with the same policy plus the per-request
 * nonce for its inline initialisation scripts (see {@code primefaces.CSP_POLICY} in web.xml, which must
 * stay equal to {@link #POLICY}).
 */
public class SecurityHeadersFilter extends HttpFilter {

    public static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'; script-src 'self'";

    private static final String CSP = "Content-Security-Policy";
    private static final String SELF_ONLY = "frame-ancestors 'self'";
    /**
     * The only pages other sites may frame: the widgets (a petition's, an event's, a statement's) and their
     * answers.
     */
    static final String EMBEDDABLE = "/embed/";
    /** The signed-in area (web.xml's constraint). */
    static final String STAFF_AREA = "/admin/";

    static final String HSTS = "max-age=31536000";

    @Inject
    PuenteConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPath.of(request);
        boolean embeddable = path.startsWith(EMBEDDABLE);
        if (path.startsWith(STAFF_AREA) || request.getUserPrincipal() != null) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (path.equals("/favicon.ico")) {
            // Asked for by browsers that were not told of the page's icon; its address has no version to change.
            response.setHeader("Cache-Control", "public, max-age=604800");
        }
        if (config.isHttps()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        response.setHeader(CSP, framing(POLICY, embeddable));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!embeddable) {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        chain.doFilter(request, new SinglePolicyResponse(response, embeddable));
    }

    private static String framing(String policy, boolean embeddable) {
        return embeddable ? policy.replace(SELF_ONLY, "frame-ancestors *") : policy;
    }

    /**
     * Keeps one policy: a later CSP header (PrimeFaces' nonce'd one) replaces the default instead of
     * adding to it, with the same framing rule.
     */
    private static final class SinglePolicyResponse extends HttpServletResponseWrapper {
        private final boolean embeddable;

        SinglePolicyResponse(HttpServletResponse response, boolean embeddable) {
            super(response);
            this.embeddable = embeddable;
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, framing(value, embeddable));
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CSP.equalsIgnoreCase(name) ? framing(value, embeddable) : value);
        }
    }
}
