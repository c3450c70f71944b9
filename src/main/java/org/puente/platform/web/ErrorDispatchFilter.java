package org.puente.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.puente.platform.i18n.LanguageResolver;

/**
 * Renders error pages as fresh GET views. Without it, an error raised while handling a form post
 * would be dispatched to the error view still carrying the post's parameters, and JSF would try to
 * restore the failed form (and parse an oversized body a second time) instead of showing the error.
 * Only {@code lang} survives, so the page stays in the person's language.
 */
public class ErrorDispatchFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new FreshGet(request), response);
    }

    private static final class FreshGet extends HttpServletRequestWrapper {
        private final String lang;

        FreshGet(HttpServletRequest request) {
            super(request);
            String query = request.getQueryString();
            String found = null;
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith(LanguageResolver.PARAMETER + "=")) {
                        found = pair.substring(LanguageResolver.PARAMETER.length() + 1);
                    }
                }
            }
            this.lang = found;
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return LanguageResolver.PARAMETER.equals(name) ? lang : null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return lang == null ? Map.of() : Map.of(LanguageResolver.PARAMETER, new String[] {lang});
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public String getContentType() {
            return null;
        }

        /**
         * A fresh GET has no body to decode: JSF setting the request's encoding for the error view would only
         * make the container log a warning, since the original request's parameters were already read.
         */
        @Override
        public void setCharacterEncoding(String encoding) {
            // nothing to decode
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }
    }
}
