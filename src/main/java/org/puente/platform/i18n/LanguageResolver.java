package org.puente.platform.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides a request's language, in order: {@code ?lang=}, the {@value #COOKIE} cookie, the browser's
 * {@code Accept-Language}, English. Pure logic, so the rule is unit-tested without a server.
 */
public final class LanguageResolver {

    public static final String COOKIE = "puente_lang";
    public static final String PARAMETER = "lang";

    private LanguageResolver() {}

    public static Language resolve(HttpServletRequest request) {
        return fromParameter(request)
                .or(() -> fromCookie(request))
                .or(() -> fromAcceptLanguage(request))
                .orElse(Language.EN);
    }

    public static Optional<Language> fromParameter(HttpServletRequest request) {
        return Language.parse(request.getParameter(PARAMETER));
    }

    static Optional<Language> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return Language.parse(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static Optional<Language> fromAcceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        // The container has already ordered the header's ranges by q-value.
        for (Locale locale : Collections.list(request.getLocales())) {
            Optional<Language> language = Language.parse(locale.getLanguage());
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }
}
