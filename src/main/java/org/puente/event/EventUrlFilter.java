package org.puente.event;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.puente.platform.web.PublicPageCache;

/**
 * Serves {@code /events/{slug}} with the event view, {@code /embed/events/{slug}} with the compact
 * registration widget member organizations frame on their own sites, and {@code /events/{slug}.ics} with
 * its public calendar entry, keeping the readable address; an event that is not public is a plain 404 here, before
 * any view is built. Anonymous readers' pages may be kept by a shared cache for a few seconds.
 */
@WebFilter(urlPatterns = {"/events/*", "/embed/events/*"})
public class EventUrlFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String SLUG_ATTRIBUTE = "puente.event.slug";
    private static final Pattern PAGE = Pattern.compile("/([a-z0-9-]{1,80})/?");
    private static final Pattern ENTRY = Pattern.compile("/([a-z0-9-]{1,80})\\.ics");

    @Inject
    transient EventReadCache events;

    @Inject
    transient RegisterFormPost registering;

    @Inject
    transient EventCalendarResponses calendars;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String servletPath =
                request.getRequestURI().substring(request.getContextPath().length());
        boolean embed = servletPath.startsWith("/embed/");
        String path = servletPath.substring((embed ? "/embed/events" : "/events").length());
        var entry = ENTRY.matcher(path);
        if (!embed && entry.matches()) {
            Optional<CoalitionEvent> event = events.visible(entry.group(1));
            if (event.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else {
                calendars.publicEntry(request, response, event.get());
            }
            return;
        }
        var page = PAGE.matcher(path);
        if (page.matches() && events.visible(page.group(1)).isPresent()) {
            request.setAttribute(SLUG_ATTRIBUTE, page.group(1));
            if (RegisterFormPost.isSubmission(request) && registering.accept(request, response, page.group(1), embed)) {
                return;
            }
            boolean shared = PublicPageCache.cacheForAnonymousReaders(request, response);
            var view = request.getRequestDispatcher(embed ? "/embed/event.xhtml" : "/event.xhtml");
            if (shared && request.getQueryString() == null) {
                // Every anonymous reader of this address in this language gets the same page.
                events.pages().serve(request, response, view::forward);
            } else {
                view.forward(request, response);
            }
        } else if (!embed && (path.isEmpty() || path.equals("/"))) {
            PublicPageCache.cacheForAnonymousReaders(request, response);
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
