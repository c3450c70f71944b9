package org.puente.petition;

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
 * Serves {@code /petitions/{slug}} with the petition view, and {@code /embed/petitions/{slug}} with the
 * compact sign widget that member organizations put in an iframe, keeping the readable address;
 * petitions that are not public are a plain 404 here, before any view is built.
 */
@WebFilter(urlPatterns = {"/petitions/*", "/embed/petitions/*"})
public class PetitionUrlFilter extends HttpFilter {

    public static final String SLUG_ATTRIBUTE = "puente.petition.slug";
    private static final Pattern SLUG = Pattern.compile("/([a-z0-9-]{1,80})/?");

    @Inject
    transient PetitionReadCache petitions;

    @Inject
    transient SignFormPost signing;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String servletPath =
                request.getRequestURI().substring(request.getContextPath().length());
        boolean embed = servletPath.startsWith("/embed/");
        String path = servletPath.substring((embed ? "/embed/petitions" : "/petitions").length());
        var matcher = SLUG.matcher(path);
        if (matcher.matches() && petitions.visible(matcher.group(1)).isPresent()) {
            request.setAttribute(SLUG_ATTRIBUTE, matcher.group(1));
            if (SignFormPost.isSubmission(request) && signing.accept(request, response, matcher.group(1), embed)) {
                return;
            }
            boolean shared = cacheForAnonymousReaders(request, response);
            var page = request.getRequestDispatcher(embed ? "/embed/petition.xhtml" : "/petition.xhtml");
            if (shared && request.getQueryString() == null) {
                // Every anonymous reader of this address in this language gets the same page.
                petitions.pages().serve(request, response, page::forward);
            } else {
                page.forward(request, response);
            }
        } else if (!embed && (path.isEmpty() || path.equals("/"))) {
            cacheForAnonymousReaders(request, response);
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /**
     * A petition read by an anonymous visitor may be served by a shared cache for a few seconds, so a
     * spike is absorbed before it reaches the portal; the count it shows is then at most that stale.
     * Anything personal (signed in, a session, a thank-you) is never stored.
     */
    static boolean cacheForAnonymousReaders(HttpServletRequest request, HttpServletResponse response) {
        boolean anonymous = "GET".equals(request.getMethod())
                && request.getUserPrincipal() == null
                && request.getSession(false) == null
                && request.getParameter("thanks") == null;
        response.setHeader("Cache-Control", anonymous ? "public, max-age=5, s-maxage=5" : "private, no-store");
        return anonymous;
    }
}
