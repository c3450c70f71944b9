package org.puente.event;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The calendar feeds ({@code /events.ics}, optionally {@code ?organization={slug}} or {@code ?type=VIGIL}),
 * subscribable as {@code webcal://}, and an attendee's own entry ({@code /registration.ics?token=}), which
 * exists only for a confirmed place.
 */
@WebServlet(urlPatterns = {"/events.ics", "/registration.ics"})
public class EventCalendarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RegistrationService registrations;

    @Inject
    transient EventCalendarResponses responses;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/registration.ics")) {
            Optional<EventRegistration> registration =
                    registrations.findByLink(request.getParameter("token")).filter(EventRegistration::isConfirmed);
            if (registration.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            responses.attendeeEntry(response, registration.get());
            return;
        }
        String organization = request.getParameter("organization");
        String type = request.getParameter("type");
        Optional<EventType> eventType = Optional.empty();
        if (type != null) {
            try {
                eventType = Optional.of(EventType.valueOf(type));
            } catch (IllegalArgumentException e) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        Optional<EventType> onlyType = eventType;
        List<CoalitionEvent> events = registrations.inFeeds().stream()
                .filter(e -> organization == null || hostedBy(e, organization))
                .filter(e -> onlyType.isEmpty() || e.getType() == onlyType.get())
                .toList();
        responses.feed(request, response, events, organization == null ? "" : organization);
    }

    private static boolean hostedBy(CoalitionEvent event, String slug) {
        return event.getOrganization() != null
                        && event.getOrganization().getSlug().equals(slug)
                || event.getCohosts().stream().anyMatch(o -> o.getSlug().equals(slug));
    }
}
