package org.puente.event;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A person's registration page and calendar file hold a private address and the link that reaches them:
 * never kept by a browser or a shared cache, never indexed.
 */
@WebFilter(urlPatterns = {"/registration", "/registration.xhtml", "/registration.ics"})
public class RegistrationPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        chain.doFilter(request, response);
    }
}
