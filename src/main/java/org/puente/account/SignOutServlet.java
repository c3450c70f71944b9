package org.puente.account;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import org.puente.platform.config.PuenteConfig;

/**
 * Signing out: a plain form on every page posts here, so that it works from any page, error pages
 * included (a JSF form there would post back to the error view, which nobody may request), and so that
 * the public layout needs no component library for it. Only a POST from the portal's own pages signs out:
 * a cross-site form or a link cannot end someone's session.
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Caller caller;

    @Inject
    transient PuenteConfig config;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!fromOwnPage(request, URI.create(config.baseUrl()))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        caller.account().ifPresent(account -> SecurityLog.signedOut(account, caller.address()));
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/index");
    }

    /**
     * Whether the post came from one of the portal's pages: browsers name the page's origin in
     * {@code Origin} (and the relation in {@code Sec-Fetch-Site}) on every form post; a client that sends
     * neither is not a browser carrying someone's cookies. The origin is the portal's public address or,
     * behind no proxy, the host the request names.
     */
    static boolean fromOwnPage(HttpServletRequest request, URI portal) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI from = URI.create(origin);
            String host = request.getHeader("Host");
            return String.valueOf(from.getRawAuthority()).equalsIgnoreCase(portal.getRawAuthority())
                    || host != null && host.equalsIgnoreCase(from.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
