package org.puente.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.puente.platform.i18n.LanguageFilter;

/**
 * Whole public pages as anonymous readers get them, one copy per address and language ({@link MicroCache}):
 * kept {@link #MAX_AGE} for a crowd, and served stale, up to {@link #MAX_STALE} old, while the database does
 * not answer ({@link OutageFilter}). A feature decides which of its pages go through it (only pages that
 * are the same for every anonymous reader).
 */
@ApplicationScoped
public class PublicPageCache {

    public static final Duration MAX_AGE = Duration.ofSeconds(2);

    /** The oldest copy served while the database is down. */
    static final Duration MAX_STALE = Duration.ofHours(1);

    private final MicroCache pages = new MicroCache(MAX_AGE, 1000);

    /** Serves the page from the cache, or renders it once for the readers asking meanwhile and keeps it. */
    public void serve(HttpServletRequest request, HttpServletResponse response, MicroCache.Renderer renderer)
            throws IOException, ServletException {
        pages.serve(key(request), request, response, renderer);
    }

    /** Serves the last copy of this page, marked stale; false when there is none. */
    boolean serveStale(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return pages.serveStale(key(request), response, MAX_STALE);
    }

    /**
     * Marks a public page's response: an anonymous reader's GET ({@code public}, a few seconds, also for shared
     * caches) or anything personal ({@code private, no-store}). True when the page is the same for every
     * anonymous reader and may go through {@link #serve}.
     */
    public static boolean cacheForAnonymousReaders(HttpServletRequest request, HttpServletResponse response) {
        return cacheForAnonymousReaders(request, response, false);
    }

    /** As {@link #cacheForAnonymousReaders(HttpServletRequest, HttpServletResponse)}, for a page the caller knows
     * to be {@code personal} this time (a thank-you for one signer). */
    public static boolean cacheForAnonymousReaders(
            HttpServletRequest request, HttpServletResponse response, boolean personal) {
        boolean anonymous = !personal
                && "GET".equals(request.getMethod())
                && request.getUserPrincipal() == null
                && request.getSession(false) == null;
        response.setHeader("Cache-Control", anonymous ? "public, max-age=5, s-maxage=5" : "private, no-store");
        return anonymous;
    }

    /** Forgets every page (a staff change): the next reader gets a fresh rendering. */
    public void clear() {
        pages.clear();
    }

    private static String key(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()) + "|"
                + LanguageFilter.of(request).code();
    }
}
