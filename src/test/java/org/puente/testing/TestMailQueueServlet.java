package org.puente.testing;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.puente.platform.mail.MailQueue;
import org.puente.platform.time.Clocks;

/**
 * {@code GET /test/mail-queue}: whether the portal's mail queue is idle (nothing waiting, being sent or
 * between retries), so a test can wait for it before asserting that a mail did not go out. Added only to
 * the archive the tests deploy ({@link Deployments#portal()}), guarded like the clock hook ({@link TestHooks}).
 */
@WebServlet("/test/mail-queue")
public class TestMailQueueServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Clocks clocks;

    @Inject
    transient MailQueue queue;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (TestHooks.refused(clocks, request, response)) {
            return;
        }
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"idle\":" + queue.isIdle() + "}");
    }
}
