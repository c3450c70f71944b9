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
import org.puente.platform.web.PublicPageCache;

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
            // A thank-you is one signer's page: never stored for others.
            boolean shared =
                    PublicPageCache.cacheForAnonymousReaders(request, response, request.getParameter("thanks") != null);
            var page = request.getRequestDispatcher(embed ? "/embed/petition.xhtml" : "/petition.xhtml");
            if (shared && request.getQueryString() == null) {
                // Every anonymous reader of this address in this language gets the same page.
                petitions.pages().serve(request, response, page::forward);
            } else {
                page.forward(request, response);
            }
        } else if (!embed && (path.isEmpty() || path.equals("/"))) {
            PublicPageCache.cacheForAnonymousReaders(request, response);
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
