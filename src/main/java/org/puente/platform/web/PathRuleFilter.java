package org.puente.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/** Applies {@link RequestPath}'s rule to every request before anything else looks at its path: 400 when broken. */
public class PathRuleFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(PathRuleFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String raw = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        if (!RequestPath.isPlain(raw)) {
            LOG.fine(() -> "400 for a path that is not plain: " + uri.replaceAll("\\p{Cntrl}", "?"));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        request.setAttribute(RequestPath.ACCEPTED_URI, uri);
        request.setAttribute(RequestPath.ACCEPTED_QUERY, request.getQueryString());
        chain.doFilter(request, response);
    }
}
