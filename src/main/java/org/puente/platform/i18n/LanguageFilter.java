package org.puente.platform.i18n;

import jakarta.faces.application.ResourceHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.puente.platform.web.RequestPath;

/**
 * Settles the language of every request before anything renders, and remembers an explicit
 * {@code ?lang=} choice in a cookie. No HTTP session is touched: anonymous pages stay sessionless.
 */
public class LanguageFilter extends HttpFilter {

    public static final String ATTRIBUTE = Language.class.getName();
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        String path = RequestPath.of(request);
        if (path.startsWith(ResourceHandler.RESOURCE_IDENTIFIER + "/") || path.equals("/favicon.ico")) {
            // A stylesheet or script is the same in every language: no language, no Vary, cacheable by all.
            chain.doFilter(request, response);
            return;
        }
        Optional<Language> chosen = LanguageResolver.fromParameter(request);
        Language language = chosen.orElseGet(() -> LanguageResolver.resolve(request));
        if (chosen.isPresent()) {
            Cookie cookie = new Cookie(LanguageResolver.COOKIE, language.code());
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        request.setAttribute(ATTRIBUTE, language);
        response.setHeader("Content-Language", language.code());
        response.addHeader("Vary", "Accept-Language, Cookie");
        chain.doFilter(request, response);
    }

    /** The language settled for this request (English if the filter did not run). */
    public static Language of(HttpServletRequest request) {
        Object value = request.getAttribute(ATTRIBUTE);
        return value instanceof Language language ? language : LanguageResolver.resolve(request);
    }
}
