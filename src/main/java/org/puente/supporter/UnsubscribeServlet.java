package org.puente.supporter;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /unsubscribe?s=&t=}, the link in every alert and its {@code List-Unsubscribe} header.
 *
 * <p>A GET only shows a page with a button: mail scanners follow links, and they must not unsubscribe
 * anyone. A POST, the button's or a mail program's one-click request (RFC 8058, no cookies, no session),
 * unsubscribes at once. A link that does not verify answers 404 and changes nothing.
 */
@WebServlet("/unsubscribe")
public class UnsubscribeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String DONE = "puente.unsubscribed";

    @Inject
    private transient SupporterLinks links;

    @Inject
    private transient SupporterService supporters;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!links.isValid(request.getParameter("s"), request.getParameter("t"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "private, no-store");
        request.getRequestDispatcher("/unsubscribe-page.xhtml").forward(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String id = request.getParameter("s");
        if (!links.isValid(id, request.getParameter("t"))
                || !supporters.unsubscribe(Long.parseLong(id), SupporterLinks.source(request.getParameter("a")))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "private, no-store");
        request.setAttribute(DONE, Boolean.TRUE);
        request.getRequestDispatcher("/unsubscribe-page.xhtml").forward(request, response);
    }
}
