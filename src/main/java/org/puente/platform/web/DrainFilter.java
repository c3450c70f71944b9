package org.puente.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * First of all filters: counts the requests in progress for {@link Drain}, and while the instance drains
 * answers every new one 503 with {@code Retry-After} and {@code Connection: close} before any work, so the
 * client (or the load balancer) asks another instance. The health checks pass, so readiness says why.
 */
public class DrainFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Drain drain;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getServletPath().startsWith("/health/")) {
            chain.doFilter(request, response);
            return;
        }
        if (!drain.arrived()) {
            response.setHeader("Connection", "close");
            OutageFilter.unavailable(request, response, "5");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            drain.left();
        }
    }
}
