package org.puente.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.persistence.DatabaseOutage;

/**
 * While the database is known not to answer ({@link DatabaseOutage}), a request that needs it fails at once
 * instead of waiting seconds for the pool: 503 with {@code Retry-After}, as JSON on the API and as the
 * bilingual error page for people. An anonymous reader asking for a public page that was kept
 * ({@link PublicPageCache}) gets that copy, marked stale. Static files and the health checks need no
 * database and pass.
 */
public class OutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DatabaseOutage outage;

    @Inject
    transient PublicPageCache pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!outage.isDown() || needsNoDatabase(RequestPath.of(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (isAnonymousRead(request) && pages.serveStale(request, response)) {
            return;
        }
        outage.refused();
        unavailable(request, response, ErrorStatus.RETRY_AFTER_SECONDS);
    }

    /** The 503 for a request the database could not serve: JSON on the API, the error page for people. */
    static void unavailable(HttpServletRequest request, HttpServletResponse response, String retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", retryAfterSeconds);
        if (RequestPath.of(request).startsWith("/api/")) {
            response.setStatus(ErrorStatus.UNAVAILABLE);
            response.setContentType("application/hal+json");
            byte[] body = ApiFailures.json(LanguageFilter.of(request), "error.503.text")
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } else {
            response.sendError(ErrorStatus.UNAVAILABLE);
        }
    }

    static boolean needsNoDatabase(String path) {
        return path.startsWith("/health/")
                || path.startsWith("/resources/")
                || path.startsWith("/jakarta.faces.resource/")
                || path.equals("/favicon.ico");
    }

    private static boolean isAnonymousRead(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getQueryString() == null
                && request.getSession(false) == null;
    }
}
