package org.puente.alert;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.puente.platform.i18n.Language;

/**
 * {@code /admin/alert-preview?id=&language=}: the HTML part of an alert exactly as a supporter reading
 * {@code language} will get it, footer included, for the editor's preview frames (desktop and phone
 * widths). The parameter is not {@code lang}, which would switch the editor's own pages to that language.
 * Staff only. The mail's own markup is shown under a policy that allows no script, no form and no
 * outside request but pictures.
 */
@WebServlet("/admin/alert-preview")
public class AlertPreviewServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AlertService alerts;

    @Inject
    private transient AlertMessages messages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        Optional<Language> language = Language.parse(request.getParameter("language"));
        if (id == null || !id.matches("\\d{1,18}") || language.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // access denied and not found are answered by ErrorStatusFilter
        String html = messages.preview(alerts.find(Long.parseLong(id)), language.get())
                .html();
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; "
                        + "frame-ancestors 'self'; base-uri 'none'; form-action 'none'");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
