package org.puente.statement;

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
 * Serves {@code /statements/{slug}} with the statement view and {@code /embed/statements/{slug}} with the
 * compact widget other sites frame (its button opens the statement's sign-on in the top window, so it takes
 * no form itself), keeping the readable address; a statement that is not public (a draft, one in review, an
 * unknown address) is a plain 404 here, before any view is built. {@code /statements/{slug}.pdf} goes on to
 * {@link StatementPdfServlet}. Anonymous readers' pages may be kept by a shared cache for a few seconds.
 */
@WebFilter(urlPatterns = {"/statements/*", "/embed/statements/*"})
public class StatementUrlFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String SLUG_ATTRIBUTE = "puente.statement.slug";
    private static final Pattern PAGE = Pattern.compile("/([a-z0-9-]{1,80})/?");

    @Inject
    transient StatementReadCache statements;

    @Inject
    transient SignOnFormPost signingOn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String servletPath =
                request.getRequestURI().substring(request.getContextPath().length());
        boolean embed = servletPath.startsWith("/embed/");
        String path = servletPath.substring((embed ? "/embed/statements" : "/statements").length());
        var page = PAGE.matcher(path);
        if (page.matches() && statements.visible(page.group(1)).isPresent()) {
            request.setAttribute(SLUG_ATTRIBUTE, page.group(1));
            if (!embed
                    && SignOnFormPost.submitted(request).isPresent()
                    && signingOn.accept(request, response, page.group(1))) {
                return;
            }
            boolean shared = PublicPageCache.cacheForAnonymousReaders(request, response);
            var view = request.getRequestDispatcher(embed ? "/embed/statement.xhtml" : "/statement.xhtml");
            if (shared && request.getQueryString() == null) {
                // Every anonymous reader of this address in this language gets the same page.
                statements.pages().serve(request, response, view::forward);
            } else {
                view.forward(request, response);
            }
        } else if (!embed && (path.isEmpty() || path.equals("/"))) {
            PublicPageCache.cacheForAnonymousReaders(request, response);
            chain.doFilter(request, response);
        } else if (!embed && path.endsWith(".pdf")) {
            // The printed statement: StatementPdfServlet answers for itself (404 for one not public).
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
