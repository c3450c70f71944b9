package org.puente.platform.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves a feature's pictures at {@code /…-images/{id}}: cacheable by anyone once what they illustrate is
 * public, private to its authors before; never sniffed as anything but an image. The feature says which
 * picture an id names for the caller and whether it is public.
 */
public abstract class StoredImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The picture of {@code id} if the caller may see it. */
    protected abstract Optional<? extends StoredImage> image(long id);

    /** Whether what the picture illustrates is public (then shared caches may keep it). */
    protected abstract boolean isPublic(long id);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(path.substring(1));
        Optional<? extends StoredImage> image = image(id);
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] content = image.get().getContent();
        response.setContentType(image.get().getContentType());
        response.setContentLength(content.length);
        response.setHeader("Cache-Control", isPublic(id) ? "public, max-age=300" : "private, no-store");
        response.setDateHeader("Last-Modified", image.get().getUpdatedAt().toEpochMilli());
        response.getOutputStream().write(content);
    }
}
