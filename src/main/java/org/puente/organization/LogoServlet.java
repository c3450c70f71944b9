package org.puente.organization;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Serves {@code /logos/{organizationId}}: public, cacheable, and never sniffed as anything but an image. */
@WebServlet("/logos/*")
public class LogoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient OrganizationService organizations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<OrganizationLogo> logo = organizations.logo(Long.parseLong(path.substring(1)));
        if (logo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] content = logo.get().getContent();
        response.setContentType(logo.get().getContentType());
        response.setContentLength(content.length);
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setDateHeader("Last-Modified", logo.get().getUpdatedAt().toEpochMilli());
        response.getOutputStream().write(content);
    }
}
