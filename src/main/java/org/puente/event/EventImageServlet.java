package org.puente.event;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves {@code /event-images/{eventId}}: cacheable by anyone once the event is public, private to its
 * hosts and staff before; never sniffed as anything but an image.
 */
@WebServlet("/event-images/*")
public class EventImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient EventService events;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(path.substring(1));
        Optional<EventImage> image = events.image(id);
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] content = image.get().getContent();
        response.setContentType(image.get().getContentType());
        response.setContentLength(content.length);
        response.setHeader("Cache-Control", events.isPublic(id) ? "public, max-age=300" : "private, no-store");
        response.setDateHeader("Last-Modified", image.get().getUpdatedAt().toEpochMilli());
        response.getOutputStream().write(content);
    }
}
