package org.puente.event;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.util.Optional;
import org.puente.platform.web.StoredImageServlet;

/** Serves {@code /event-images/{eventId}}: public once the event is, to its hosts and staff before. */
@WebServlet("/event-images/*")
public class EventImageServlet extends StoredImageServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient EventService events;

    @Override
    protected Optional<EventImage> image(long id) {
        return events.image(id);
    }

    @Override
    protected boolean isPublic(long id) {
        return events.isPublic(id);
    }
}
