package org.puente.statement;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The page a sign-on link opens carries the link's secret in its address and says whose signature it is:
 * never kept by a browser or a shared cache, never indexed.
 */
@WebFilter(urlPatterns = {"/statement-signature", "/statement-signature.xhtml"})
public class SignOnLinkFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        chain.doFilter(request, response);
    }
}
