package org.puente.testing;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.puente.platform.time.Clocks;

/**
 * {@code /test/clock}: lets the integration tests move the running portal's clock instead of sleeping
 * ({@code POST advance=PT2H}, {@code POST reset=true}; {@code GET} tells the offset). It is never in the
 * portal's WAR: {@link Deployments#portal()} adds it to the archive the tests deploy. Even there it answers 404 unless
 * the deployment runs with {@code PUENTE_TEST_CLOCK=adjustable}, and only to a caller on this machine
 * ({@link TestHooks}).
 */
@WebServlet("/test/clock")
public class TestClockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Clocks clocks;

    @Inject
    transient Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (TestHooks.refused(clocks, request, response)) {
            return;
        }
        answer(response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (TestHooks.refused(clocks, request, response)) {
            return;
        }
        if (request.getParameter("reset") != null) {
            clocks.reset();
        } else {
            try {
                clocks.advance(Duration.parse(String.valueOf(request.getParameter("advance"))));
            } catch (DateTimeParseException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        answer(response);
    }

    private void answer(HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"offset\":\"" + clocks.offset() + "\",\"now\":\"" + clock.instant() + "\"}");
    }
}
