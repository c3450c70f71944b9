package org.puente.organization;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Serves {@code /organizations/{slug}} with the organization view, keeping the readable address.
 * Unknown and deactivated organizations are a plain 404 here, before any view is built.
 */
@WebFilter(urlPatterns = "/organizations/*")
public class OrganizationUrlFilter extends HttpFilter {

    public static final String SLUG_ATTRIBUTE = "puente.organization.slug";
    private static final Pattern SLUG = Pattern.compile("/([a-z0-9-]{1,80})/?");

    @Inject
    transient OrganizationService organizations;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/organizations".length());
        var matcher = SLUG.matcher(path);
        if (matcher.matches()
                && organizations.findActiveBySlug(matcher.group(1)).isPresent()) {
            request.setAttribute(SLUG_ATTRIBUTE, matcher.group(1));
            request.getRequestDispatcher("/organization.xhtml").forward(request, response);
        } else if (path.isEmpty() || path.equals("/")) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
